# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Tests for check: states, precedence, value text, and Centreon's output line and perfdata."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import (
    ALL_OK_OUTPUT,
    CRITICAL,
    NO_METRICS_OUTPUT,
    OK,
    STATE_CODES,
    STATE_NAMES,
    UNKNOWN,
    WARNING,
    Measurement,
    build_report,
    evaluate,
    format_value,
    perfdata_item,
    state_code,
    state_name,
    statistic_title,
    worst_state,
)
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import parse_range

# label, text, perfdata label, unit: the four metrics of Centreon's "emails" mode, in its order.
METRICS = [
    ("emails-sent", "number of sent emails", "ses.emails.sent.count", "count"),
    ("emails-delivered", "number of emails successfully delivered", "ses.emails.delivered.count", "count"),
    ("emails-rejected", "rate of rejected sent emails", "ses.emails.rejected.rate", "fraction"),
    ("emails-spam", "rate of sent emails marked as spam", "ses.emails.spam.rate", "fraction"),
]


def ses(values, statistic="average", instance="SES", thresholds=None, unknown=None):
    """Measurements for the four metrics; ``thresholds`` maps label -> (warning, critical) text."""
    thresholds = thresholds or {}
    unknown = unknown or {}
    result = []
    for (label, text, perf, unit), value in zip(METRICS, values):
        warning, critical = thresholds.get(label, (None, None))
        result.append(Measurement(
            instance, statistic, label, text, perf, unit, value,
            warning=parse_range(warning), critical=parse_range(critical), unknown_reason=unknown.get(label),
        ))
    return result


CENTREON_PERFDATA = (
    "'SES~average#ses.emails.sent.count'=10;;;; 'SES~average#ses.emails.delivered.count'=9;;;; "
    "'SES~average#ses.emails.rejected.rate'=0.05;;;; 'SES~average#ses.emails.spam.rate'=0.001;;;;"
)


# ---- states ------------------------------------------------------------------------------

def test_state_maps_both_ways():
    assert (OK, WARNING, CRITICAL, UNKNOWN) == (0, 1, 2, 3)
    assert STATE_NAMES == {0: "OK", 1: "WARNING", 2: "CRITICAL", 3: "UNKNOWN"}
    assert all(STATE_CODES[name] == code for code, name in STATE_NAMES.items())
    assert state_name(2) == "CRITICAL"
    assert state_code("warning") == WARNING
    with pytest.raises(ValueError):
        state_name(4)
    with pytest.raises(ValueError):
        state_code("FINE")


@pytest.mark.parametrize(
    "states, worst",
    [
        ([], OK),
        ([None, None], OK),
        ([OK, OK], OK),
        ([OK, UNKNOWN], UNKNOWN),
        ([UNKNOWN, WARNING, OK], WARNING),
        ([UNKNOWN, WARNING, CRITICAL, OK], CRITICAL),
        ([CRITICAL, UNKNOWN], CRITICAL),
        ([None, WARNING, None], WARNING),
    ],
)
def test_worst_state(states, worst):
    assert worst_state(states) == worst


@given(st.lists(st.sampled_from([OK, WARNING, CRITICAL, UNKNOWN, None])))
def test_worst_state_is_order_independent(states):
    assert worst_state(states) == worst_state(list(reversed(states)))
    order = [OK, UNKNOWN, WARNING, CRITICAL]
    present = [state for state in states if state is not None]
    assert worst_state(states) == max(present, key=order.index, default=OK)


@pytest.mark.parametrize(
    "value, warning, critical, state",
    [
        (10, None, None, OK),
        (10, "5", None, WARNING),
        (10, None, "5", CRITICAL),
        (10, "5", "8", CRITICAL),      # both alert: critical wins
        (10, "5", "50", WARNING),
        (3, "5", "50", OK),
        (10, "@0:20", "5", CRITICAL),
        (15, "@10:20", None, WARNING),
        (float("nan"), "5", None, UNKNOWN),
        (float("inf"), None, None, UNKNOWN),
    ],
)
def test_evaluate(value, warning, critical, state):
    assert evaluate(value, parse_range(warning), parse_range(critical)) == state


def test_measurement_state():
    assert Measurement("SES", "sum", "l", "t", "p", value=None).state is None
    assert Measurement("SES", "sum", "l", "t", "p", value=None, unknown_reason="stale").state == UNKNOWN
    assert Measurement("SES", "sum", "l", "t", "p", value=1, critical=parse_range("0"), unknown_reason="stale").state == UNKNOWN
    assert Measurement("SES", "sum", "l", "t", "p", value=1, critical=parse_range("0")).state == CRITICAL
    with pytest.raises(ValueError):
        Measurement("SES", "sum", "l", "t", "p", unit="percent")


@pytest.mark.parametrize(
    "statistic, title",
    [("average", "Average"), ("sum", "Sum"), ("minimum", "Minimum"), ("maximum", "Maximum"),
     ("sample_count", "SampleCount"), ("p99", "P99")],
)
def test_statistic_title(statistic, title):
    assert statistic_title(statistic) == title


# ---- value text ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "value, unit, text",
    [
        (10, "count", "10.00"),
        (9.0, "count", "9.00"),
        (0.333, "count", "0.33"),
        (1234567, "count", "1234567.00"),
        (0, "count", "0.00"),
        (-0.0, "count", "0.00"),
        (0.05, "fraction", "0.05 (5.00%)"),
        (0.001, "fraction", "0.001 (0.10%)"),
        (0.00012, "fraction", "0.00012 (0.012%)"),
        (0, "fraction", "0.00 (0.00%)"),
        (0.12, "fraction", "0.12 (12.00%)"),
        (1, "fraction", "1.00 (100.00%)"),
        (0.5, "fraction", "0.50 (50.00%)"),
        (0.123456, "fraction", "0.12 (12.35%)"),
        (0.0015, "fraction", "0.0015 (0.15%)"),
        (0.0000123, "fraction", "0.000012 (0.0012%)"),
        (1e-20, "fraction", "0.00 (0.00%)"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


def test_format_value_rejects_unknown_unit():
    with pytest.raises(ValueError):
        format_value(1, "bytes")


@given(st.floats(min_value=1e-9, max_value=1, allow_nan=False))
def test_fraction_text_is_never_zero_for_small_rates(value):
    fraction, percent = format_value(value, "fraction").split(" ")
    assert float(fraction) > 0
    assert float(percent.strip("(%)")) > 0
    assert len(fraction.split(".")[1]) >= 2


# ---- perfdata --------------------------------------------------------------------------

def test_perfdata_item():
    assert perfdata_item("SES", "average", "ses.emails.sent.count", 10.0) == "'SES~average#ses.emails.sent.count'=10;;;;"
    assert perfdata_item("SES", "average", "ses.emails.sent.count", 10.0, parse_range("5"), parse_range("50")) == (
        "'SES~average#ses.emails.sent.count'=10;0:5;0:50;;"
    )
    assert perfdata_item("SES", "sum", "x", 0.0000001, parse_range("@1,5:"), parse_range("~:2")) == "'SES~sum#x'=0.0000001;@1.5:;~:2;;"


def test_perfdata_item_carries_unit_min_and_max():
    # nagiosplugin's Performance: the unit follows the value, min and max are the last two fields.
    assert perfdata_item("SES", "latest", "ses.quota.usage.percentage", 12.5, unit="%", minimum=0, maximum=100) == (
        "'SES~latest#ses.quota.usage.percentage'=12.5%;;;0;100"
    )
    assert perfdata_item("SES", "latest", "p", 7.0, parse_range("20"), parse_range("90"), unit="%", minimum=0.5, maximum=100) == (
        "'SES~latest#p'=7%;0:20;0:90;0.5;100"
    )
    assert perfdata_item("SES", "sum", "p", 3.0, maximum=10) == "'SES~sum#p'=3;;;;10"


def test_measurement_perfdata_reads_its_unit_min_and_max():
    class Bounded(Measurement):
        __slots__ = ()
        perfdata_unit, perfdata_min, perfdata_max = "B", 0, 1024

    assert Measurement("SES", "sum", "l", "t", "p", value=2).perfdata() == "'SES~sum#p'=2;;;;"
    assert Bounded("SES", "sum", "l", "t", "p", value=2, warning=parse_range("1")).perfdata() == "'SES~sum#p'=2B;0:1;;0;1024"


def test_perfdata_label_quote_is_doubled():
    report = build_report([Measurement("it's", "sum", "l", "text", "a'b", value=1)])
    assert report.perfdata == "'it''s~sum#a''b'=1;;;;"
    assert report.output == "OK: 'it's' Statistic 'Sum' Metrics text: 1.00 | 'it''s~sum#a''b'=1;;;;"


# ---- output line: Centreon's examples ----------------------------------------------------

def test_centreon_ok_single_group():
    report = build_report(ses([10, 9, 0.05, 0.001]))
    assert report.output == (
        "OK: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00, "
        "number of emails successfully delivered: 9.00, rate of rejected sent emails: 0.05 (5.00%), "
        "rate of sent emails marked as spam: 0.001 (0.10%) | " + CENTREON_PERFDATA
    )
    assert report.perfdata == CENTREON_PERFDATA
    assert (report.status, report.exit_code, report.states) == ("OK", 0, [OK, OK, OK, OK])


def test_centreon_warning_with_thresholds():
    report = build_report(ses([10, 9, 0.05, 0.001], thresholds={"emails-sent": ("5", "50")}))
    assert report.output == (
        "WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 | "
        "'SES~average#ses.emails.sent.count'=10;0:5;0:50;; 'SES~average#ses.emails.delivered.count'=9;;;; "
        "'SES~average#ses.emails.rejected.rate'=0.05;;;; 'SES~average#ses.emails.spam.rate'=0.001;;;;"
    )
    assert (report.status, report.exit_code) == ("WARNING", 1)
    assert report.states == [WARNING, OK, OK, OK]


def test_mixed_states_across_groups():
    measurements = (
        ses([10, 9, 0.12, 0.001], thresholds={"emails-rejected": ("0.05", "0.1")})
        + ses([10, 9, 0.01, 0.0], statistic="sum", thresholds={"emails-sent": ("5", None)})
    )
    report = build_report(measurements)
    assert report.output.split(" | ")[0] == (
        "CRITICAL: 'SES' Statistic 'Average' Metrics rate of rejected sent emails: 0.12 (12.00%) "
        "WARNING: 'SES' Statistic 'Sum' Metrics number of sent emails: 10.00"
    )
    assert report.exit_code == CRITICAL
    assert report.perfdata.split(" ")[2] == "'SES~average#ses.emails.rejected.rate'=0.12;0:0.05;0:0.1;;"
    assert report.perfdata.split(" ")[4] == "'SES~sum#ses.emails.sent.count'=10;0:5;;;"
    assert len(report.perfdata.split(" ")) == 8


def test_same_state_in_several_groups_and_items():
    limits = {"emails-sent": ("5", None), "emails-delivered": ("5", None)}
    report = build_report(ses([10, 9, 0, 0], thresholds=limits) + ses([1, 9, 0, 0], instance="eu-west-1", thresholds=limits))
    assert report.output.split(" | ")[0] == (
        "WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00, "
        "number of emails successfully delivered: 9.00 - "
        "'eu-west-1' Statistic 'Average' Metrics number of emails successfully delivered: 9.00"
    )


def test_all_ok_one_instance_several_statistics():
    # counter.pm run_multiple_instances: the 'statistics' group's message_multiple, after the instance.
    report = build_report(ses([10, 9, 0.05, 0.001]) + ses([20, 19, 0, 0], statistic="sum"))
    assert report.output == "OK: 'SES' All metrics are ok | " + report.perfdata
    assert report.output.startswith("OK: 'SES' All metrics are ok | 'SES~average#ses.emails.sent.count'=10;;;; ")
    assert report.perfdata.endswith("'SES~sum#ses.emails.spam.rate'=0;;;;")


def test_all_ok_several_instances():
    # counter.pm run_multiple: the 'metrics' block's message_multiple alone.
    report = build_report(ses([10, 9, 0.05, 0.001]) + ses([20, 19, 0, 0], instance="marketing"))
    assert report.output == ALL_OK_OUTPUT + " | " + report.perfdata
    assert report.output.startswith("OK: All emails metrics are ok | 'SES~average#ses.emails.sent.count'=10;;;; ")


def test_non_ok_items_of_a_group_go_under_its_worst_state():
    # The example, as Centreon prints it (counter.pm: one short message per group, at its worst state).
    report = build_report(ses([19, 9, 0.03, 0.001], thresholds={"emails-sent": ("10", None), "emails-rejected": (None, "0.02")}))
    assert report.output.split(" | ")[0] == (
        "CRITICAL: 'SES' Statistic 'Average' Metrics number of sent emails: 19.00, rate of rejected sent emails: 0.03 (3.00%)"
    )
    assert report.states == [WARNING, OK, CRITICAL, OK]
    assert report.exit_code == CRITICAL


def test_instance_name_once_per_section():
    # run_multiple_prefix_output writes "'SES' " before the instance's first group in each state only.
    limits = {"emails-sent": ("5", None)}
    report = build_report(ses([10], thresholds=limits) + ses([20], statistic="sum", thresholds=limits)
                          + ses([30], instance="eu", thresholds=limits))
    assert report.output.split(" | ")[0] == (
        "WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 - Statistic 'Sum' Metrics "
        "number of sent emails: 20.00 - 'eu' Statistic 'Average' Metrics number of sent emails: 30.00"
    )


def test_groups_without_data_do_not_count():
    report = build_report(ses([10, None, None, None]) + ses([None, None, None, None], statistic="sum"))
    assert report.output == "OK: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 | 'SES~average#ses.emails.sent.count'=10;;;;"
    assert report.states == [OK] + [None] * 7


# ---- no data, zeroed, unknown ------------------------------------------------------------

@pytest.mark.parametrize("measurements", [[], ses([None, None, None, None])])
def test_no_metrics(measurements):
    report = build_report(measurements)
    assert report.output == "UNKNOWN: No metrics. Check your options or use the zeroed option to set 0 on undefined values"
    assert report.output == NO_METRICS_OUTPUT
    assert (report.status, report.exit_code, report.perfdata) == ("UNKNOWN", 3, "")


def test_zeroed_sets_missing_values_to_zero():
    original = ses([None, None, None, None], thresholds={"emails-sent": (None, "1:")})
    report = build_report(original, zeroed=True)
    assert report.output == (
        "CRITICAL: 'SES' Statistic 'Average' Metrics number of sent emails: 0.00 | "
        "'SES~average#ses.emails.sent.count'=0;;1:;; 'SES~average#ses.emails.delivered.count'=0;;;; "
        "'SES~average#ses.emails.rejected.rate'=0;;;; 'SES~average#ses.emails.spam.rate'=0;;;;"
    )
    assert report.states == [CRITICAL, OK, OK, OK]
    assert [m.value for m in original] == [None] * 4  # the caller's measurements are not changed


def test_zeroed_keeps_real_values():
    report = build_report(ses([10, None, 0.05, None]), zeroed=True)
    assert report.perfdata == (
        "'SES~average#ses.emails.sent.count'=10;;;; 'SES~average#ses.emails.delivered.count'=0;;;; "
        "'SES~average#ses.emails.rejected.rate'=0.05;;;; 'SES~average#ses.emails.spam.rate'=0;;;;"
    )


def test_unknown_reason_without_value():
    stale = "newest datapoint is 5400 s old (max_age 3600 s)"
    report = build_report(ses([None, 9, None, None], unknown={"emails-sent": stale}))
    assert report.output == (
        "UNKNOWN: 'SES' Statistic 'Average' Metrics number of sent emails: " + stale
        + " | 'SES~average#ses.emails.delivered.count'=9;;;;"
    )
    assert report.states == [UNKNOWN, OK, None, None]


def test_unknown_reason_only_has_no_perfdata():
    report = build_report(ses([None], unknown={"emails-sent": "stale"}))
    assert report.output == "UNKNOWN: 'SES' Statistic 'Average' Metrics number of sent emails: stale"
    assert report.perfdata == ""


def test_unknown_reason_with_value_keeps_perfdata():
    report = build_report(ses([10], unknown={"emails-sent": "stale"}))
    assert report.perfdata == "'SES~average#ses.emails.sent.count'=10;;;;"
    assert report.exit_code == UNKNOWN


def test_alert_is_not_masked_by_unknown():
    report = build_report(ses([10, 9], thresholds={"emails-delivered": (None, "5")}, unknown={"emails-sent": "stale"}))
    assert report.output.split(" | ")[0] == (
        "CRITICAL: 'SES' Statistic 'Average' Metrics number of sent emails: stale, number of emails successfully delivered: 9.00"
    )
    assert report.exit_code == CRITICAL


def test_unknown_group_next_to_a_critical_group():
    report = build_report(ses([10], thresholds={"emails-sent": (None, "5")}) + ses([None], statistic="sum", unknown={"emails-sent": "stale"}))
    assert report.output.split(" | ")[0] == (
        "CRITICAL: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 "
        "UNKNOWN: 'SES' Statistic 'Sum' Metrics number of sent emails: stale"
    )


def test_nan_value_is_unknown_and_left_out_of_perfdata():
    report = build_report(ses([float("nan"), 9]))
    assert report.output == (
        "UNKNOWN: 'SES' Statistic 'Average' Metrics number of sent emails: value nan is not a finite number"
        " | 'SES~average#ses.emails.delivered.count'=9;;;;"
    )


# ---- order and result dict ---------------------------------------------------------------

def test_input_order_is_kept():
    names = ["zeta", "alpha", "mid", "beta"]
    measurements = [Measurement(name, "sum", "l", "t", "p", value=i) for i, name in enumerate(names)]
    report = build_report(measurements)
    labels = [item.split("~")[0].strip("'") for item in report.perfdata.split(" ")]
    assert labels == names
    assert [m["instance"] for m in report.as_dict()["measurements"]] == names


def test_one_group_per_instance_and_statistic():
    crit = parse_range("@0:100")
    measurements = [
        Measurement("A", "sum", "l1", "first", "p1", value=1, critical=crit),
        Measurement("B", "sum", "l2", "second", "p2", value=2, critical=crit),
        Measurement("A", "sum", "l3", "third", "p3", value=3, critical=crit),
    ]
    assert build_report(measurements).output.split(" | ")[0] == (
        "CRITICAL: 'A' Statistic 'Sum' Metrics first: 1.00, third: 3.00 - 'B' Statistic 'Sum' Metrics second: 2.00"
    )


def test_report_as_dict():
    result = build_report(ses([10, None], thresholds={"emails-sent": ("5", "50")})).as_dict()
    assert result["status"] == "WARNING"
    assert result["exit_code"] == 1
    assert result["output"].startswith("WARNING: ")
    assert result["perfdata"] == "'SES~average#ses.emails.sent.count'=10;0:5;0:50;;"
    assert result["measurements"][0] == {
        "instance": "SES", "statistic": "average", "label": "emails-sent", "perfdata_label": "ses.emails.sent.count",
        "unit": "count", "value": 10.0, "warning": "0:5", "critical": "0:50", "state": 1, "status": "WARNING",
        "unknown_reason": None,
    }
    assert result["measurements"][1]["state"] is None
    assert result["measurements"][1]["status"] is None


# ---- problems not tied to one measurement ------------------------------------------------

def test_problem_makes_an_all_ok_report_unknown_and_is_listed_once():
    report = build_report(ses([10, 9, 0.05, 0.001]), problems=["us-east-1: GetMetricData failed: AccessDenied"])
    assert report.output == "UNKNOWN: us-east-1: GetMetricData failed: AccessDenied | " + CENTREON_PERFDATA
    assert (report.status, report.exit_code) == ("UNKNOWN", 3)


def test_problem_without_any_data_is_not_no_metrics():
    report = build_report([], problems=["eu-west-1: EndpointConnectionError"])
    assert report.output == "UNKNOWN: eu-west-1: EndpointConnectionError"
    assert report.perfdata == ""


def test_problem_never_masks_a_critical():
    report = build_report(ses([10, 9, 0.2, 0.001], thresholds={"emails-rejected": ("0.05", "0.1")}), problems=["x"])
    assert report.status == "CRITICAL"
    assert report.output.startswith("CRITICAL: 'SES' Statistic 'Average' Metrics rate of rejected sent emails: 0.20 (20.00%) UNKNOWN: x | ")


def test_perfdata_value_as_perl_prints_it_without_exponent():
    # Perl prints a number with 15 significant digits (%.15g); Centreon prints its value so.
    assert perfdata_item("SES", "average", "ses.emails.rejected.rate", 0.0075358333333333345) == (
        "'SES~average#ses.emails.rejected.rate'=0.00753583333333333;;;;")
    assert perfdata_item("SES", "average", "ses.emails.rejected.rate", (0.1 + 0.2) / 2) == "'SES~average#ses.emails.rejected.rate'=0.15;;;;"
    assert perfdata_item("SES", "sum", "ses.emails.sent.count", 1234567890123456.0) == "'SES~sum#ses.emails.sent.count'=1234567890123460;;;;"
    assert perfdata_item("SES", "average", "x", 11.666666666666666) == "'SES~average#x'=11.6666666666667;;;;"
    # Where Perl writes 1e-07, the perfdata format wants a plain decimal (documented difference).
    assert perfdata_item("SES", "average", "ses.emails.spam.rate", 1e-07) == "'SES~average#ses.emails.spam.rate'=0.0000001;;;;"


def test_perfdata_thresholds_as_typed():
    assert perfdata_item("SES", "average", "x", 1.0, parse_range("0,050"), parse_range(":10")) == "'SES~average#x'=1;0:0.050;0:10;;"


def test_rounding_at_a_bound_follows_centreon():
    # 0.15000000000000002 against 0.15: OK in Centreon (8 decimals), and here.
    report = build_report(ses([None, None, (0.1 + 0.2) / 2], thresholds={"emails-rejected": ("0.15", None)}))
    assert report.status == "OK"
    assert report.perfdata == "'SES~average#ses.emails.rejected.rate'=0.15;0:0.15;;;"
