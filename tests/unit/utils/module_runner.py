# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Run a module's main() in-process with given arguments, and return its JSON result."""

from __future__ import annotations

import contextlib
import io
import json
from unittest import mock

from ansible.module_utils import basic
from ansible.module_utils.common import warnings as ansible_warnings
from ansible.module_utils.common.text.converters import to_bytes

try:
    from ansible.module_utils import _internal as ansible_internal  # ansible-core 2.19+
except ImportError:  # ansible-core 2.17 and 2.18
    ansible_internal = None

try:
    from ansible.module_utils.testing import patch_module_args  # ansible-core 2.19+
except ImportError:  # ansible-core 2.17 and 2.18: AnsibleModule reads the serialized args from basic._ANSIBLE_ARGS
    patch_module_args = None

REMOVE = object()  # in ``changes``: drop that option from the base


def changed(base, changes):
    """A copy of ``base`` with ``changes`` applied; a value of REMOVE drops the option."""
    args = dict(base)
    for key, value in changes.items():
        if value is REMOVE:
            args.pop(key, None)
        else:
            args[key] = value
    return args


@contextlib.contextmanager
def module_args(args):
    """Expose ``args`` to the AnsibleModule created inside the block, on every supported ansible-core."""
    if patch_module_args is not None:
        with patch_module_args(args):
            yield
        return
    with mock.patch.object(basic, "_ANSIBLE_ARGS", to_bytes(json.dumps({"ANSIBLE_MODULE_ARGS": args}))):
        yield


def run_module(main, args):
    """The result dict that ``main()`` printed; ``result['failed']`` is set on failure."""
    out = io.StringIO()
    # AnsibleModule keeps warnings process-wide; each run must only report its own.
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access
    ansible_warnings._global_deprecations.clear()  # pylint: disable=protected-access
    # Once controller code has been imported in this process (a filter plugin test, say), ansible-core
    # 2.19+ sends module warnings to the controller's Display instead of the result; a module runs
    # apart from the controller, so the run does too.
    as_module = (mock.patch.object(ansible_internal, "is_controller", False)
                 if hasattr(ansible_internal, "is_controller") else contextlib.nullcontext())
    with module_args(args), as_module, contextlib.redirect_stdout(out):
        try:
            main()
        except SystemExit:
            pass
    text = out.getvalue()
    try:
        return json.loads(text)
    except ValueError:
        raise AssertionError("module printed no JSON result: %r" % text[-2000:]) from None
