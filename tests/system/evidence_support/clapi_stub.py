# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A recording stand-in for Centreon's CLAPI command: it logs its argv as one JSON line per call.

It answers ``HOST show`` and ``getmacro`` with CLAPI's header line only (no host, no macro), ``HTPL show``
with the pack's host template, ``POLLERLIST`` with the poller ``Central``, and every other action with exit
code 0, each followed by CLAPI's ``Return code end : 0`` trailer. An import file (``-i``) is logged as one argv per line, shaped like the direct call
(``-u U -p P -o OBJECT -a ACTION -v VALUES``), and also to ``clapi-imports.jsonl``. Written at test time (no
executable in the repository). The full CLAPI stand-in is tests/system/role_support/clapi_standin.py.
"""
from __future__ import annotations

import json
import os
import sys

_SCRIPT = """#!{python}
# STAND-IN for Centreon's CLAPI (sesmon.ses evidence tests): records argv, changes nothing.
import json
import sys

argv = sys.argv[1:]
with open({log!r}, "a", encoding="utf-8") as handle:
    if "-i" in argv:
        # centreonAPI::import: one OBJECT;ACTION;VALUES line per call.
        with open(argv[argv.index("-i") + 1], encoding="utf-8") as lines, open({imports!r}, "a", encoding="utf-8") as imports:
            for line in lines:
                if line.strip():
                    obj, action, values = line.strip().split(";", 2)
                    call = argv[:argv.index("-i")] + ["-o", obj, "-a", action, "-v", values]
                    handle.write(json.dumps(call) + "\\n")
                    imports.write(json.dumps(call) + "\\n")
    else:
        handle.write(json.dumps(argv) + "\\n")
# Output as Centreon's CLAPI prints it (centreon/centreon www/class/centreon-clapi): CentreonConfigPoller::getPollerList,
# CentreonHost::show, CentreonHost/CentreonService::getmacro, CentreonServiceTemplate::getmacro; current versions end
# every action with "Return code end : 0" (CentreonAPI::launchAction).
if "POLLERLIST" in argv:
    print("poller_id;name")
    print("1;Central")
elif "show" in argv and "HTPL" in argv:
    print("id;name;alias;address;activate")
    print("1;Cloud-Aws-Ses-custom;Cloud-Aws-Ses;;1")
elif "show" in argv:
    print("id;name;alias;address;activate")
elif "getmacro" in argv and "STPL" in argv:
    print("macro name;macro value;description")
elif "getmacro" in argv:
    print("macro name;macro value;is_password;description;source")
if "-i" not in argv:
    print("Return code end : 0")
sys.exit(0)
"""


def write_stub(directory):
    """Write the stand-in into ``directory``; returns (its path, the path of its call log)."""
    path = os.path.join(directory, "centreon-clapi-standin")
    log = os.path.join(directory, "clapi-calls.jsonl")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_SCRIPT.format(python=sys.executable, log=log, imports=os.path.join(directory, "clapi-imports.jsonl")))
    os.chmod(path, 0o755)
    return path, log


def calls(log):
    """Every recorded argv (without the command itself), in call order."""
    if not os.path.exists(log):
        return []
    with open(log, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
