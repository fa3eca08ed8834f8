# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The failed gate's one line, and the no-data advice that fits each kind of metric. Pure."""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.gate_message import MORE, gate_message, no_data_advice


def _entry(region, label, state, unit="fraction", warning=None, critical=None, account_value=None, statistic="latest", value=0.1):
    return {"region": region, "label": label, "state": state, "unit": unit, "warning": warning, "critical": critical,
            "account_value": account_value, "statistic": statistic, "value": value}


# The demo's incident: two regions, us-east-1 over AWS's pause level for bounces, at the review level for
# complaints, on probation; eu-west-1 healthy.
DEMO = [
    _entry("eu-west-1", "emails-rejected", "OK", warning="@0.05:", critical="@0.1:"),
    _entry("eu-west-1", "emails-spam", "OK", warning="@0.001:", critical="@0.005:"),
    _entry("us-east-1", "emails-rejected", "CRITICAL", warning="@0.05:", critical="@0.1:"),
    _entry("us-east-1", "emails-spam", "WARNING", warning="@0.001:", critical="@0.005:"),
    _entry("eu-west-1", "account-sending", "OK", unit="state", account_value="enabled", value=None),
    _entry("eu-west-1", "account-enforcement", "OK", unit="state", account_value="HEALTHY", value=None),
    _entry("us-east-1", "account-sending", "OK", unit="state", account_value="enabled", value=None),
    _entry("us-east-1", "account-enforcement", "WARNING", unit="state", account_value="PROBATION", value=None),
]


def test_a_multi_region_aws_gate_says_what_crossed_where_with_aws_meaning_in_one_short_line():
    msg = gate_message("warning", DEMO, preset="aws")
    assert msg == ("fail_on warning: CRITICAL emails-rejected (AWS: risk of pause); "
                   "WARNING emails-spam (AWS: account review), account-enforcement PROBATION in us-east-1 - " + MORE)
    assert "\n" not in msg and len(msg) <= 200


def test_the_same_label_in_several_regions_is_named_once():
    entries = [_entry(region, "emails-rejected", "CRITICAL", critical="@0.1:") for region in ("eu-west-1", "us-east-1", "ap-south-1")]
    msg = gate_message("critical", entries, preset="aws")
    assert msg.startswith("fail_on critical: CRITICAL emails-rejected (AWS: risk of pause) in eu-west-1, us-east-1, ap-south-1 - ")
    assert len(msg) <= 200


def test_aws_meaning_only_where_the_crossed_level_is_the_presets():
    entries = [_entry("eu-west-1", "emails-rejected", "WARNING", warning="0:0.03", critical="@0.1:"),
               _entry("eu-west-1", "emails-sent", "CRITICAL", unit="count", critical="~:100", statistic="sum", value=500.0)]
    msg = gate_message("warning", entries, preset="aws")
    assert msg.startswith("fail_on warning: CRITICAL emails-sent; WARNING emails-rejected in eu-west-1 - ")
    assert "AWS:" not in gate_message("critical", [_entry("eu-west-1", "emails-rejected", "CRITICAL", critical="@0.1:")])


def test_a_failed_region_is_named_once_with_aws_code():
    entries = [_entry("eu-west-1", label, "UNKNOWN") for label in ("emails-sent", "emails-delivered", "emails-rejected", "emails-spam")]
    error = {"region": "eu-west-1", "operation": "GetMetricData", "code": "AccessDenied",
             "message": "GetMetricData in eu-west-1 failed: AccessDenied (HTTP 403): not authorized"}
    msg = gate_message("critical", entries, failed_regions={"eu-west-1": error})
    assert msg == "fail_on critical: UNKNOWN: GetMetricData in eu-west-1 failed: AccessDenied (HTTP 403): not authorized - " + MORE
    other = dict(error, region="us-east-1", message=error["message"].replace("eu-west-1", "us-east-1"))
    entries += [dict(entry, region="us-east-1") for entry in entries]
    msg = gate_message("critical", entries, failed_regions={"eu-west-1": error, "us-east-1": other})
    assert msg == ("fail_on critical: UNKNOWN eu-west-1 could not be read (GetMetricData: AccessDenied); "
                   "UNKNOWN us-east-1 could not be read (GetMetricData: AccessDenied) - " + MORE)


def test_no_data_advice_fits_counts_and_rates():
    counts = [_entry("eu-west-1", "emails-sent", None, unit="count", statistic="sum", value=None)]
    rates = [_entry("eu-west-1", "emails-rejected", None, value=None), _entry("eu-west-1", "emails-spam", None, value=None)]
    advice = no_data_advice(counts, 600, 86400)
    assert advice.startswith("no datapoint for emails-sent in the last 600 s (nothing sent?): missing_data: zero")
    advice = no_data_advice(rates, 600, 86400)
    assert "reputation_lookback 86400 s: widen it" in advice and "never zero a rate" in advice and "missing_data" not in advice
    assert "docs/troubleshooting.md" in advice
    assert len(advice) <= 200  # a warning is one line of at most 200 characters
    averaged = [dict(entry, statistic="average") for entry in rates]
    assert "read them with the default statistic latest" in no_data_advice(averaged, 600, 86400)
    assert no_data_advice([_entry("eu-west-1", "emails-sent", "OK", unit="count")], 600, 86400) is None


def test_a_failed_gate_without_data_gives_the_advice():
    rates = [_entry("eu-west-1", "emails-rejected", None, value=None)]
    msg = gate_message("critical", rates, preset="aws", no_data=no_data_advice(rates, 600, 86400))
    assert msg.startswith("fail_on critical: no reputation datapoint for emails-rejected within reputation_lookback")
    assert "zeroed" not in msg


def test_items_are_grouped_by_their_regions():
    entries = [_entry("us-east-1", "emails-rejected", "CRITICAL", critical="@0.1:"),
               _entry("eu-west-1", "emails-spam", "WARNING", warning="@0.001:"),
               _entry("us-east-1", "emails-spam", "WARNING", warning="@0.001:")]
    assert gate_message("warning", entries, preset="aws") == (
        "fail_on warning: CRITICAL emails-rejected (AWS: risk of pause) in us-east-1; "
        "WARNING emails-spam (AWS: account review) in eu-west-1, us-east-1 - " + MORE)


def test_an_unknown_metric_gives_its_reason_cut_short():
    stale = dict(_entry("eu-west-1", "emails-rejected", "UNKNOWN"),
                 unknown_reason="newest datapoint is 90000 s old (2024-04-30T11:00:00Z), older than max_age 21600 s")
    msg = gate_message("critical", [stale])
    assert msg == ("fail_on critical: UNKNOWN emails-rejected (newest datapoint is 90000 s old (2024-04-30T11:00:00Z), older than "
                   "max_age 21600 s) in eu-west-1 - " + MORE)
    long = dict(stale, unknown_reason="x" * 300)
    assert "(" + "x" * 87 + "...)" in gate_message("critical", [long])
