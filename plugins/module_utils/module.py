# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one bridge between AnsibleModule and the collection's plain code.

A module calls ``run_module(spec, execute)``. ``execute(params, session)`` is plain code: it
returns the result dict (with optional ``warnings``) or raises a SesmonError. It can be tested
without building an AnsibleModule.
"""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.sesmon.ses.plugins.module_utils.connection import (
    AwsSession,
    botocore_problem,
    connection_argument_spec,
    secret_values,
)
from ansible_collections.sesmon.ses.plugins.module_utils.errors import SesmonError


def build_module(argument_spec, **kwargs):
    spec = connection_argument_spec()
    spec.update(argument_spec)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True, **kwargs)
    # The proxy password alone (not only the whole URL) must be masked wherever it shows up.
    module.no_log_values.update(secret_values(module.params))
    problem = botocore_problem()
    if problem:
        module.fail_json(msg=missing_required_lib(problem[0]), exception=problem[1])
    return module


def run_module(argument_spec, execute, **kwargs):
    """Build the module, run ``execute(params, session)``, and exit with its result."""
    module = build_module(argument_spec, **kwargs)
    try:
        session = AwsSession(module.params)
        result = execute(module.params, session)
    except SesmonError as exc:
        module.fail_json(msg=str(exc), **exc.result_fields())
    for warning in result.pop("warnings", []):
        module.warn(warning)
    if result.get("failed"):
        module.fail_json(**result)
    module.exit_json(**result)
