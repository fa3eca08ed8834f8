# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ``latest`` statistic, the look-back and missing_data: pure reading, then run_check against moto.

The Reputation.* datapoints are sparse: AWS publishes a rolling rate now and then. moto holds such a
sparse series for real (put_metric_data with old timestamps), so these end-to-end tests need no
injection; only the clock of the pure tests is fixed.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import NO_METRICS_OUTPUT
from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import Series
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import build_plan
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check
from ansible_collections.sesmon.ses.plugins.module_utils.series_reading import read_series

UTC = timezone.utc
NOW = datetime(2024, 5, 1, 12, 0, 30, tzinfo=UTC)


def _series(*minutes_ago_and_values, status="Complete"):
    return Series(dict((NOW - timedelta(minutes=m), v) for m, v in minutes_ago_and_values), status)


# -- pure ----------------------------------------------------------------------------------------

def test_latest_is_the_newest_datapoint_whatever_the_order():
    series = _series((50, 0.09), (3, 0.021), (20, 0.2))
    reading = read_series(series, "latest", NOW)
    assert (reading.value, reading.newest, reading.age, reading.count) == (0.021, NOW - timedelta(minutes=3), 180, 3)
    assert read_series(series, "average", NOW).value == pytest.approx((0.09 + 0.021 + 0.2) / 3)


def test_one_sparse_datapoint_40_minutes_ago():
    reading = read_series(_series((40, 0.012)), "latest", NOW)
    assert (reading.value, reading.age, reading.reason, reading.no_data) == (0.012, 2400, None, False)


def test_max_age_marks_a_stale_latest_value():
    stale = read_series(_series((40, 0.012)), "latest", NOW, max_age=1800)
    assert stale.value == 0.012 and stale.reason == (
        "newest datapoint is 2400 s old (2024-05-01T11:20:30Z), older than max_age 1800 s")
    assert read_series(_series((40, 0.012)), "latest", NOW, max_age=2400).reason is None


@pytest.mark.parametrize("mode, value, no_data", [("unknown", None, False), ("zero", 0.0, False), ("ok", None, True)])
def test_missing_data_modes(mode, value, no_data):
    reading = read_series(_series(), "latest", NOW, missing_data=mode)
    assert (reading.value, reading.no_data, reading.reason, reading.age) == (value, no_data, None, None)


@pytest.mark.parametrize("mode", ["zero", "ok"])
def test_missing_data_never_hides_a_failed_query(mode):
    reading = read_series(_series(status="Forbidden"), "latest", NOW, missing_data=mode)
    assert reading.value is None and not reading.no_data and "StatusCode Forbidden" in reading.reason


@pytest.mark.parametrize("params, message", [
    ({"reputation_lookback": 30}, "reputation_lookback must be at least 60 seconds (CloudWatch's finest period), got 30"),
    ({"reputation_lookback": 40000000},
     "reputation_lookback 40000000 reaches back beyond CloudWatch's retention of 455 days (39312000 seconds)"),
    ({"reputation_lookback": "1d"}, "reputation_lookback must be a whole number of seconds, got '1d'"),
    ({"missing_data": "breaching"}, "missing_data must be one of unknown, zero, ok, got 'breaching'"),
    ({"missing_data": "ok", "zeroed": True},
     "zeroed: true is the old name of missing_data: zero and cannot be combined with missing_data: ok"),
])
def test_bad_options(params, message):
    with pytest.raises(OptionError) as info:
        build_plan(params)
    assert str(info.value) == message


def test_zeroed_is_an_alias_of_missing_data_zero():
    assert build_plan({"zeroed": True}).missing_data == "zero"
    assert build_plan({"zeroed": True, "missing_data": "zero"}).zeroed is True
    assert build_plan({}).missing_data == "unknown" and build_plan({}).reputation_lookback == 86400


# -- run_check against moto ----------------------------------------------------------------------

def _session(url):
    return AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "test-secret-key"})


def _put(session, name, points):
    session.call("cloudwatch", "put_metric_data", region="us-east-1", Namespace="AWS/SES",
                 MetricData=[{"MetricName": name, "Value": value, "Timestamp": when} for when, value in points])


def _params(url, **extra):
    return dict({"region": "us-east-1", "endpoint_url": url}, **extra)


def test_sparse_reputation_read_where_a_10_minute_average_finds_nothing(moto):
    session = _session(moto)
    now = datetime.now(UTC)
    _put(session, "Reputation.BounceRate", [(now - timedelta(minutes=40), 0.012)])
    centreon = run_check(_params(moto, metrics=["emails-rejected"], statistics=["average"], timeframe=600), session)
    assert centreon["output"] == NO_METRICS_OUTPUT
    latest = run_check(_params(moto, metrics=["emails-rejected"], timeframe=600), session)
    (entry,) = latest["metrics"]
    assert (entry["statistic"], entry["value"], entry["state"], entry["datapoint_count"]) == ("latest", 0.012, "OK", 1)
    # moto starts its 60 s buckets at the request's (unaligned) start: the bucket may begin up to a period before the point.
    assert 2400 - 60 <= entry["newest_datapoint_age_seconds"] <= 2400 + 65
    assert latest["output"].startswith("OK: 'SES' Statistic 'Latest' Metrics rate of rejected sent emails: 0.012 (1.20%) | ")
    assert "'SES~latest#ses.emails.rejected.rate'=0.012;;;;" in latest["output"]


def test_newest_of_several_wins_from_moto(moto):
    session = _session(moto)
    now = datetime.now(UTC)
    _put(session, "Reputation.ComplaintRate", [(now - timedelta(hours=5), 0.004), (now - timedelta(minutes=70), 0.0008),
                                               (now - timedelta(hours=20), 0.009)])
    result = run_check(_params(moto, metrics=["emails-spam"], thresholds="aws"), session)
    (entry,) = result["metrics"]
    assert entry["value"] == 0.0008 and entry["datapoint_count"] == 3 and entry["state"] == "OK"
    assert entry["warning"] == "@0.001:" and entry["critical"] == "@0.005:"


def test_look_back_edges_from_moto(moto):
    session = _session(moto)
    now = datetime.now(UTC)
    _put(session, "Reputation.BounceRate", [(now - timedelta(seconds=3600 + 120), 0.2)])
    _put(session, "Reputation.ComplaintRate", [(now - timedelta(seconds=3600 - 30), 0.002)])
    result = run_check(_params(moto, metrics=["emails-rejected", "emails-spam"], reputation_lookback=3600), session)
    assert [(m["label"], m["value"]) for m in result["metrics"]] == [("emails-rejected", None), ("emails-spam", 0.002)]
    wider = run_check(_params(moto, metrics=["emails-rejected"], reputation_lookback=7200), session)
    assert wider["metrics"][0]["value"] == 0.2
    assert wider["window"]["reputation_lookback"] == 7200


def test_counts_stay_sums_over_the_timeframe_in_the_shared_request(recording_proxy):
    session = _session(recording_proxy.url)
    now = datetime.now(UTC)
    # An old Send outside the 10-minute timeframe but inside the day's look-back must not be summed.
    _put(session, "Send", [(now - timedelta(hours=3), 1000.0), (now - timedelta(minutes=2), 7.0)])
    _put(session, "Reputation.BounceRate", [(now - timedelta(hours=3), 0.03)])
    recording_proxy.requests.clear()
    result = run_check(_params(recording_proxy.url), session)
    assert recording_proxy.operations() == ["GetMetricData"] and result["requests"] == 1
    (request,) = recording_proxy.requests
    body = json.loads(request.body)
    assert [(q["MetricStat"]["Stat"], q["MetricStat"]["Period"]) for q in body["MetricDataQueries"]] == [
        ("Sum", 60), ("Sum", 60), ("Maximum", 60), ("Maximum", 60)]
    assert [(m["label"], m["value"]) for m in result["metrics"]] == [
        ("emails-sent", 7.0), ("emails-delivered", None), ("emails-rejected", 0.03), ("emails-spam", None)]


def test_missing_data_ok_and_zero_from_moto(moto):
    session = _session(moto)
    _put(session, "Send", [(datetime.now(UTC) - timedelta(minutes=2), 5.0)])
    ok = run_check(_params(moto, metrics=["emails-sent", "emails-delivered"], missing_data="ok"), session)
    assert ok["status"] == "OK" and [m["state"] for m in ok["metrics"]] == ["OK", "OK"]
    assert "number of emails successfully delivered: no data" in ok["output"]
    assert "delivered" not in ok["perfdata"] and ok["metrics"][1]["value"] is None
    zero = run_check(_params(moto, metrics=["emails-delivered"], missing_data="zero", critical={"emails-delivered": "1:"}), session)
    assert zero["status"] == "CRITICAL" and zero["metrics"][0]["value"] == 0.0
    unknown = run_check(_params(moto, metrics=["emails-delivered"]), session)
    assert unknown["output"] == NO_METRICS_OUTPUT


def test_centreon_average_keeps_its_own_window_and_one_request(recording_proxy):
    session = _session(recording_proxy.url)
    recording_proxy.requests.clear()
    result = run_check(_params(recording_proxy.url, statistics=["average"], timeframe=3600, period=60), session)
    (request,) = recording_proxy.requests
    body = json.loads(request.body)
    # No latest statistic: the request is Centreon's window alone, as before (awsJson timestamps are epoch seconds).
    assert result["window"]["lookback_start"] is None
    assert body["EndTime"] - body["StartTime"] == 3600
    assert {q["MetricStat"]["Stat"] for q in body["MetricDataQueries"]} == {"Average"}
