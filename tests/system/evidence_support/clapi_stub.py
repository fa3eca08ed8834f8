# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A recording stand-in for Centreon's CLAPI command: it logs its argv as one JSON line per call.

It answers ``show`` and ``getmacro`` with CLAPI's header line only (no host, no macro), and every
other action with exit code 0. Written at test time (no executable in the repository).
"""
from __future__ import annotations

import json
import os
import sys

_SCRIPT = """#!{python}
# STAND-IN for Centreon's CLAPI (sesmon.ses evidence tests): records argv, changes nothing.
import json
import sys

with open({log!r}, "a", encoding="utf-8") as handle:
    handle.write(json.dumps(sys.argv[1:]) + "\\n")
if "show" in sys.argv:
    print("id;name;alias;address;activate")
elif "getmacro" in sys.argv:
    print("macro name;macro value;is_password;description")
sys.exit(0)
"""


def write_stub(directory):
    """Write the stand-in into ``directory``; returns (its path, the path of its call log)."""
    path = os.path.join(directory, "centreon-clapi-standin")
    log = os.path.join(directory, "clapi-calls.jsonl")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_SCRIPT.format(python=sys.executable, log=log))
    os.chmod(path, 0o755)
    return path, log


def calls(log):
    """Every recorded argv (without the command itself), in call order."""
    if not os.path.exists(log):
        return []
    with open(log, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
