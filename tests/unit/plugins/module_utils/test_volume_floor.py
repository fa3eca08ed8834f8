# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""min_volume (issue 20): a rate over fewer sends than the floor is OK with its value, read in the same request.

Pure tests with a fake fetch first (the edges N-1 / N, no Send data, failed queries, the two-request case),
then moto through the recording proxy: the default check and a min_volume check make one GetMetricData
request per region each.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from unittest import mock

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.check_options import build_plan
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check as _run_check
from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import Series
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import format_value
from ansible_collections.sesmon.ses.plugins.module_utils.sources import cloudwatch_ses
from ansible_collections.sesmon.ses.plugins.module_utils.volume_floor import parse_min_volume, sends_in

UTC = timezone.utc
NOW = datetime(2024, 5, 1, 12, 0, 30, tzinfo=UTC)
NEWEST = NOW - timedelta(seconds=90)


class FakeSession:
    default_region = "eu-west-1"
    retry_attempts = 0


def _fetch(table, calls=None, status=None):
    """Per query, the datapoints ``table[metric_name]`` one minute apart back from NEWEST; ``status``: {metric_name: StatusCode}."""

    def fetch(session, region, queries, start, end):
        if calls is not None:
            calls.append((list(queries), start, end))
        found = []
        for query in queries:
            points = dict((NEWEST - timedelta(seconds=60 * i), v) for i, v in enumerate(table.get(query.metric_name) or []))
            found.append(Series(points, (status or {}).get(query.metric_name, "Complete")))
        return found, 1

    return fetch


def run(params, table, calls=None, status=None):
    with mock.patch.object(cloudwatch_ses, "get_metric_data", _fetch(table, calls, status)):
        return _run_check(params, FakeSession(), NOW)


def _rate(result, label="emails-rejected"):
    return next(m for m in result["metrics"] if m["label"] == label)


# -- the option ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, parsed", [(None, None), (0, None), (1, 1), (200, 200)])
def test_min_volume_zero_or_unset_is_off(value, parsed):
    assert parse_min_volume(value) == parsed
    assert build_plan({"min_volume": value}).source_options["cloudwatch"] == {"min_volume": parsed}


@pytest.mark.parametrize("value, message", [
    (-1, "min_volume must be 0 or more (0 turns the floor off), got -1"),
    (True, "min_volume must be a whole number of sends (0 or more; 0 turns the floor off), got True"),
    (2.5, "min_volume must be a whole number of sends (0 or more; 0 turns the floor off), got 2.5"),
])
def test_a_bad_min_volume_is_refused_naming_the_option(value, message):
    with pytest.raises(OptionError) as info:
        build_plan({"min_volume": value})
    assert str(info.value) == message


def test_sends_in_a_series():
    assert sends_in(Series({NEWEST: 60.0, NEWEST - timedelta(seconds=60): 39.0}, "Complete")) == 99
    assert sends_in(Series({}, "Complete")) == 0  # no Send datapoint in the window: nothing was sent
    assert sends_in(Series({NEWEST: 3.0}, "PartialData")) is None and sends_in(None) is None


# -- the floor's edges ----------------------------------------------------------------------------

RATES = {"Reputation.BounceRate": [0.2], "Reputation.ComplaintRate": [0.0005]}
GATES = {"critical": {"emails-rejected": "0.1"}, "warning": {"emails-spam": "0.001"}}


def test_n_minus_one_sends_is_below_the_floor_ok_with_its_value_kept():
    result = run(dict(GATES, min_volume=100), dict(RATES, Send=[60.0, 39.0]))
    rejected = _rate(result)
    assert (rejected["state"], rejected["value"], rejected["critical"]) == ("OK", 0.2, "0:0.1")
    assert rejected["volume"] == {"sends": 99, "floor": 100, "below_floor": True}
    # The value stays in the perfdata, with its thresholds, for the graphs.
    assert result["status"] == "OK" and "'SES~latest#ses.emails.rejected.rate'=0.2;;0:0.1;;" in result["perfdata"]
    assert "volume" not in _rate(result, "emails-sent") and result["requests"] == 1
    # One instance x statistic: Centreon's layout lists each item, with the floor in its text.
    rates = run(dict(GATES, min_volume=100, metrics=["emails-rejected", "emails-spam"]), dict(RATES, Send=[60.0, 39.0]))
    assert rates["output"].split(" | ")[0] == (
        "OK: 'SES' Statistic 'Latest' Metrics rate of rejected sent emails: %s, below the volume floor (99 of 100 sends), "
        "rate of sent emails marked as spam: %s, below the volume floor (99 of 100 sends)"
        % (format_value(0.2, "fraction"), format_value(0.0005, "fraction")))


def test_n_sends_is_judged():
    result = run(dict(GATES, min_volume=100), dict(RATES, Send=[60.0, 40.0]))
    rejected = _rate(result)
    assert (rejected["state"], rejected["volume"]) == ("CRITICAL", {"sends": 100, "floor": 100, "below_floor": False})
    assert result["status"] == "CRITICAL" and "below the volume floor" not in result["output"]


def test_no_send_data_is_zero_sends_below_any_floor():
    result = run(dict(GATES, min_volume=1), RATES)
    assert _rate(result)["volume"] == {"sends": 0, "floor": 1, "below_floor": True}
    assert "rate of rejected sent emails: %s, below the volume floor (0 of 1 sends)" % format_value(0.2, "fraction") in result["output"]
    # No rate datapoint either: OK "no data" under the floor, never left out.
    empty = run({"min_volume": 1, "metrics": ["emails-rejected"]}, {})
    assert empty["status"] == "OK" and empty["output"].startswith(
        "OK: 'SES' Statistic 'Latest' Metrics rate of rejected sent emails: no data, below the volume floor (0 of 1 sends)")
    assert _rate(empty)["value"] is None and _rate(empty)["state"] == "OK"


def test_without_min_volume_nothing_changes():
    calls = []
    result = run(GATES, dict(RATES, Send=[1.0]), calls)
    assert _rate(result)["state"] == "CRITICAL" and all("volume" not in m for m in result["metrics"])
    (queries, _start, _end), = calls
    assert [q.metric_name for q in queries] == ["Send", "Delivery", "Reputation.BounceRate", "Reputation.ComplaintRate"]


def test_a_failed_rate_query_stays_unknown_and_a_failed_send_query_leaves_the_rate_judged():
    failed_rate = run(dict(GATES, min_volume=100), dict(RATES, Send=[5.0]), status={"Reputation.BounceRate": "InternalError"})
    assert _rate(failed_rate)["state"] == "UNKNOWN" and "StatusCode InternalError" in _rate(failed_rate)["unknown_reason"]
    failed_send = run(dict(GATES, min_volume=100), dict(RATES, Send=[5.0]), status={"Send": "PartialData"})
    assert _rate(failed_send)["state"] == "CRITICAL"
    assert _rate(failed_send)["volume"] == {"sends": None, "floor": 100, "below_floor": False}


def test_a_stale_rate_under_the_floor_is_ok():
    # Few sends, few new rate datapoints: max_age would call it stale; under the floor it is not judged.
    params = dict(GATES, min_volume=100, max_age=60)
    assert _rate(run(params, dict(RATES, Send=[5.0])))["state"] == "OK"
    assert _rate(run(params, dict(RATES, Send=[500.0])))["state"] == "UNKNOWN"


# -- the queries: one more in the same request -----------------------------------------------------

def test_latest_rates_count_sends_over_the_look_back_in_the_same_request():
    calls = []
    run({"min_volume": 10, "dimensions": [{"ses:configuration-set": "a"}, {"ses:configuration-set": "b"}]}, RATES, calls)
    (queries, start, end), = calls
    assert (start, end) == (NOW - timedelta(seconds=86400), NOW)
    volume = list(queries[8:])
    assert len(queries) == 10 and [(q.metric_name, q.statistic, q.period, q.dimensions) for q in volume] == [
        ("Send", "sum", 60, (("ses:configuration-set", "a"),)), ("Send", "sum", 60, (("ses:configuration-set", "b"),))]


def test_other_statistics_count_sends_over_the_timeframe():
    calls = []
    result = run({"min_volume": 10, "statistics": ["average"], "period": 300, "timeframe": 3600,
                  "metrics": ["emails-rejected"]}, dict(RATES, Send=[4.0] * 20), calls)
    (queries, start, end), = calls
    assert [(q.metric_name, q.statistic, q.period) for q in queries] == [("Reputation.BounceRate", "average", 300), ("Send", "sum", 300)]
    assert (start, end) == (NOW - timedelta(seconds=3600), NOW)
    # Only the datapoints within the timeframe count (the fake stamps one a minute back from NEWEST).
    assert _rate(result)["volume"]["sends"] == 80 and _rate(result)["volume"]["below_floor"] is False


def test_when_the_look_back_needs_its_own_request_the_sends_go_with_it():
    calls = []
    result = run({"min_volume": 10, "reputation_lookback": 20 * 86400}, dict(RATES, Send=[4.0]), calls)
    assert [[q.metric_name for q in queries] for queries, _s, _e in calls] == [
        ["Send", "Delivery"], ["Reputation.BounceRate", "Reputation.ComplaintRate", "Send"]]
    assert calls[1][0][2].period == 300 and result["requests"] == 2 and _rate(result)["volume"]["sends"] == 4


# -- against moto, through the recording proxy -----------------------------------------------------

def _session(url):
    return AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE",
                       "secret_key": "sesmon-volume-floor-test-secret"})


def test_default_and_min_volume_checks_make_one_request_per_region(recording_proxy):
    session = _session(recording_proxy.url)
    when = datetime.now(UTC) - timedelta(seconds=90)
    for region, sends in (("us-east-1", 5), ("eu-west-1", 50)):
        session.call("cloudwatch", "put_metric_data", region=region, Namespace="AWS/SES", MetricData=[
            {"MetricName": "Send", "Value": sends, "Timestamp": when}, {"MetricName": "Reputation.BounceRate", "Value": 0.2, "Timestamp": when}])
    params = {"region": "us-east-1", "endpoint_url": recording_proxy.url, "regions": ["us-east-1", "eu-west-1"],
              "critical": {"emails-rejected": "0.1"}}
    for extra, queries in (({}, 4), ({"min_volume": 10}, 5)):
        recording_proxy.requests.clear()
        result = _run_check(dict(params, **extra), session)
        assert recording_proxy.operations() == ["GetMetricData", "GetMetricData"] and result["requests"] == 2
        assert [len(json.loads(r.body)["MetricDataQueries"]) for r in recording_proxy.requests] == [queries, queries]
    states = [(m["region"], m["state"], m["value"], m["volume"]["sends"]) for m in result["metrics"] if m["label"] == "emails-rejected"]
    assert states == [("us-east-1", "OK", 0.2, 5), ("eu-west-1", "CRITICAL", 0.2, 50)]
