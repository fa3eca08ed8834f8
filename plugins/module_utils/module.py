# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one bridge between AnsibleModule and the collection's plain code.

A module calls ``run_module(spec, execute)``. ``execute(params, session)`` is plain code: it
returns the result dict (with optional ``warnings``) or raises a SesmonError. It can be tested
without building an AnsibleModule.

Before AnsibleModule validates anything, the secrets are read from the arguments as written
and registered for masking: ansible-core's validator drops the no_log values of sub-options
when a dict option has the wrong type, and crashes on a non-dict value for one (``retries: 5``).
"""

from __future__ import annotations

import os
import signal
import sys
import threading

from ansible.module_utils.basic import AnsibleModule, missing_required_lib
from ansible.module_utils.common.validation import check_type_dict

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession, botocore_problem
from ansible_collections.sesmon.ses.plugins.module_utils import values
from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import DICT_OPTIONS, connection_argument_spec
from ansible_collections.sesmon.ses.plugins.module_utils.errors import SesmonError, short_warning
from ansible_collections.sesmon.ses.plugins.module_utils.redaction import redact, redact_tree, secret_values

# After total_timeout, requests stop on their own within a read; past this grace the process stops.
HARD_STOP_GRACE = 15.0


class SesmonModule(AnsibleModule):
    """AnsibleModule that masks ``early_secrets`` too, in every result, including its own validation failures."""

    early_secrets = frozenset()

    def exit_json(self, **kwargs):
        self.no_log_values.update(self.early_secrets)
        super().exit_json(**kwargs)

    def fail_json(self, msg, **kwargs):  # pylint: disable=arguments-differ
        self.no_log_values.update(self.early_secrets)
        super().fail_json(msg, **kwargs)


def _raw_arguments():
    """The module arguments as the user wrote them (names or aliases), or {} when they cannot be read."""
    try:
        from ansible.module_utils.basic import _load_params  # pylint: disable=import-outside-toplevel

        raw = _load_params()
    except Exception:  # pylint: disable=broad-except  # AnsibleModule then reports it itself
        return {}
    return raw if isinstance(raw, dict) else {}


def misshapen_dict_option(spec, raw):
    """(option as written, why) for the first dict option with sub-options given another type, else None."""
    for name, option in spec.items():
        if option.get("type") != "dict" or not option.get("options"):
            continue
        for key in (name,) + tuple(option.get("aliases") or ()):
            value = raw.get(key)
            if value is None or isinstance(value, dict):
                continue
            if isinstance(value, str):
                try:
                    check_type_dict(value)  # ansible-core accepts "k=v" and JSON text for a dict
                    continue
                except (TypeError, ValueError):
                    pass
            expected = DICT_OPTIONS.get(name, "a dictionary")
            return name, "%s must be %s, got a value of type %s" % (key, expected, values.type_name(value))
    return None


def build_module(argument_spec, raw=None, **kwargs):
    """The AnsibleModule, with every secret registered for masking; a misshapen dict option fails it."""
    spec = connection_argument_spec()
    spec.update(argument_spec)
    raw = _raw_arguments() if raw is None else raw
    early = secret_values(raw)
    problem = misshapen_dict_option(spec, raw)
    if problem:
        # The value is kept as given (type raw) so that ansible-core's validator does not crash on it.
        spec[problem[0]] = dict(type="raw", aliases=spec[problem[0]].get("aliases"))
    module_class = type("SesmonModule", (SesmonModule,), {"early_secrets": frozenset(early)})
    module = module_class(argument_spec=spec, supports_check_mode=True, **kwargs)
    if problem:
        module.fail_json(msg=problem[1])
    module.no_log_values.update(secret_values(module.params))
    missing = botocore_problem()
    if missing:
        module.fail_json(msg=missing_required_lib(missing[0]), exception=missing[1])
    return module


def _arm_hard_stop(module, seconds):
    """SIGALRM after ``seconds``: a clean failure even if a request is stuck where no timeout reaches."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return None

    def stop(signum, frame):  # pylint: disable=unused-argument
        try:
            module.fail_json(msg="The task's total_timeout passed and a request was still running after %g s more; "
                                 "stopped (the endpoint answers too slowly)" % HARD_STOP_GRACE,
                             error={"code": "TaskTimeout", "http_status": None, "operation": None, "region": None,
                                    "message": "total_timeout passed"})
        except SystemExit:
            pass
        sys.stdout.flush()
        os._exit(1)  # worker threads may be stuck in a read: do not wait for them

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.1))
    return previous


def _disarm(previous):
    if previous is not None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_module(argument_spec, execute, **kwargs):
    """Build the module, run ``execute(params, session)``, and exit with its result."""
    module = build_module(argument_spec, **kwargs)
    secrets = set(module.no_log_values) | module.early_secrets
    alarm = None
    bug = None
    session = None
    try:
        session = AwsSession(module.params)
        alarm = _arm_hard_stop(module, session.deadline.remaining() + HARD_STOP_GRACE)
        result = execute(module.params, session)
    except SesmonError as exc:
        _disarm(alarm)
        # Every text of a result is masked once more as a whole (pieces of secrets included), whoever built it.
        module.fail_json(**redact_tree(dict(exc.result_fields(), msg=str(exc)), secrets))
    except Exception as exc:  # pylint: disable=broad-except  # the last resort: never a traceback
        bug = "%s: %s" % (type(exc).__name__, redact(" ".join(str(exc).split()), secrets, limit=300))
    finally:
        _disarm(alarm)
    if bug:
        module.fail_json(msg=redact("Unexpected error in sesmon.ses (%s). This is a bug in the collection, not in your "
                                    "input or in AWS: please report it with the task that caused it." % bug, secrets))
    result = redact_tree(result, secrets)
    for warning in result.pop("warnings", []):
        module.warn(short_warning(warning))
    if result.get("failed"):
        error = result.get("error")
        request_id = session.request_ids.get(error.get("message")) if isinstance(error, dict) else None
        if request_id:
            result.setdefault("response_metadata", {"request_id": request_id, "http_status_code": error.get("http_status")})
        module.fail_json(**result)
    module.exit_json(**result)
