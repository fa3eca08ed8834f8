# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Prints the counts of the hostile-input suite (test_hostile_*.py) at the end of a run."""

from __future__ import annotations


_ROUND3 = (  # test_hostile_round3.py (issue 21): test name -> class
    ("test_long_secret_no_piece_shows", "long secrets cut and echoed"),
    ("test_impossible_value_is_invalid_answer", "impossible values"),
    ("test_minus_one_is_still_unlimited", "impossible values"),
    ("test_datapoints_outside_the_window", "outside the window"),
    ("test_send_statistics_from_the_future", "outside the window"),
    ("test_foreign_text_is_sanitised", "foreign text in messages"),
    ("test_html_page_is_one_line", "foreign text in messages"),
    ("test_bad_configuration_gets_a_named_error", "named causes"),
    ("test_no_region_names_the_action_group", "named causes"),
    ("test_a_region_newer_than_botocore", "named causes"),
    ("test_aws_side_cause_is_named", "named causes"),
    ("test_refused_connection_names", "named causes"),
    ("test_sts_credentials_already_expired", "named causes"),
    ("test_one_assume_role_call_per_task", "assume-role churn"),
)


def _kind(nodeid):
    if "test_hostile_round3.py" in nodeid:
        for name, kind in _ROUND3:
            if "::%s" % name in nodeid:
                return kind
        return "round 3, other"
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
    terminalreporter.write_sep("-", "hostile suite (issues 12, 21): %d cases" % total)
    for kind in sorted(counts):
        terminalreporter.write_line("%-30s %s" % (kind, ", ".join("%d %s" % (n, o) for o, n in sorted(counts[kind].items()))))
