# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read ansible-playbook's default stdout: which task failed for which host, and with what result."""
from __future__ import annotations

import json
import re

_TASK = re.compile(r"^TASK \[(?P<name>.*?)\] \**$")
_FATAL = re.compile(r"^fatal: \[(?P<host>[^\]]+)\]: FAILED! => (?P<json>\{.*\})\s*$")


class Failure:
    """One ``fatal:`` line: the task it came from and the task result."""

    def __init__(self, task, result):
        self.task = task
        self.result = result

    @property
    def messages(self):
        """``msg`` and every ``argument_errors`` entry (role argument validation), as one text."""
        parts = [str(self.result.get("msg", ""))]
        parts.extend(str(error) for error in self.result.get("argument_errors") or [])
        return "\n".join(parts)

    def __repr__(self):
        return "Failure(%r, %r)" % (self.task, self.messages[:300])


def failures(stdout):
    """``{host: Failure}`` for every host that failed (the first failure of each host)."""
    found = {}
    task = None
    for line in stdout.splitlines():
        match = _TASK.match(line)
        if match:
            task = match.group("name")
            continue
        match = _FATAL.match(line)
        if match and match.group("host") not in found:
            found[match.group("host")] = Failure(task, json.loads(match.group("json")))
    return found


def recap(stdout):
    """``{host: {"ok": n, "changed": n, "failed": n, ...}}``: every counter of the PLAY RECAP."""
    result = {}
    for match in re.finditer(r"^(\S+)\s+:\s+((?:\w+=\d+\s*)+)$", stdout, re.M):
        result[match.group(1)] = {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", match.group(2))}
    return result
