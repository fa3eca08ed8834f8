# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Prints the counts of the hostile-input suite (test_hostile_*.py) at the end of a run."""

from __future__ import annotations


def _kind(nodeid):
    if "test_hostile_inputs.py" in nodeid:
        return "bad inputs"
    if "test_hostile_secrets.py" in nodeid:
        return "secret checks"
    if "test_hostile_faults.py" in nodeid:
        if "[regions-" in nodeid:
            return "concurrency"
        if "[value-" in nodeid or "[pages-" in nodeid:
            return "wrong answers and pagination"
        return "injected faults"
    return None


def pytest_terminal_summary(terminalreporter):
    counts = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") != "call" and outcome == "passed":
                continue
            kind = _kind(getattr(report, "nodeid", ""))
            if kind:
                counts.setdefault(kind, {}).setdefault(outcome, 0)
                counts[kind][outcome] += 1
    if not counts:
        return
    total = sum(sum(by.values()) for by in counts.values())
    terminalreporter.write_sep("-", "hostile suite (issue 12): %d cases" % total)
    for kind in sorted(counts):
        terminalreporter.write_line("%-30s %s" % (kind, ", ".join("%d %s" % (n, o) for o, n in sorted(counts[kind].items()))))
