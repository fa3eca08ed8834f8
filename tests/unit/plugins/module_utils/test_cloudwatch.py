# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""GetMetricData queries and answers: pure building and folding, then against moto over HTTP.

botocore 1.44 talks to CloudWatch with the awsJson1_0 protocol (``resolved_protocol`` is
``json``; ``protocol`` alone says ``smithy-rpc-v2-cbor``), so the recording proxy can answer
with plain JSON pages. moto never paginates GetMetricData, so PartialData/NextToken pages are
injected that way.
"""

from __future__ import annotations

import json
import math
import random
import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import (
    MAX_QUERIES_PER_REQUEST,
    MetricQuery,
    Series,
    aggregate,
    check_window,
    fold_pages,
    get_metric_data,
    metric_data_query,
    plan_requests,
)
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError

UTC = timezone.utc
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
STATS = ("average", "sum", "minimum", "maximum", "sample_count")


def _query(name="Send", statistic="sum", dimensions=(), period=60):
    return MetricQuery("AWS/SES", name, dimensions, statistic, period)


# -- window ------------------------------------------------------------------------------------

def test_check_window_is_now_minus_timeframe_to_now():
    # Centreon (awscli.pm): DateTime->now - timeframe .. DateTime->now, whole seconds, not period-aligned.
    now = T0 + timedelta(seconds=25, microseconds=700000)
    assert check_window(now, 600) == (T0 + timedelta(seconds=25 - 600), T0 + timedelta(seconds=25))
    assert check_window(T0, 3600) == (T0 - timedelta(seconds=3600), T0)


def test_check_window_accepts_other_timezones_and_returns_utc():
    paris = timezone(timedelta(hours=2))
    start, end = check_window(T0.astimezone(paris), 300)
    assert start.tzinfo == UTC and end.tzinfo == UTC and end == T0


# -- aggregation -------------------------------------------------------------------------------

def test_aggregate_each_statistic():
    per_period = [2.0, 10.0, 6.0]
    assert aggregate(per_period, "average") == 6.0  # the unweighted mean of the per-period values
    assert aggregate(per_period, "sum") == 18.0
    assert aggregate(per_period, "sample_count") == 18.0
    assert aggregate(per_period, "minimum") == 2.0
    assert aggregate(per_period, "maximum") == 10.0
    for statistic in STATS:
        assert aggregate([], statistic) is None
    with pytest.raises(ValueError, match="unknown statistic 'p99'"):
        aggregate([1.0], "p99")


def _perl_loop_sum(values):
    """Centreon's loop (awscli.pm cloudwatch_get_metrics): ``$sum += $point->{Sum}``, oldest first."""
    total = 0
    for value in values:
        total = total + value
    return total


def test_sum_adds_in_order_as_centreon_does():
    # Not math.fsum (1.0) and not Python 3.12's compensated sum() (1.0 too): Centreon's plain loop.
    assert aggregate([0.1] * 10, "sum") == _perl_loop_sum([0.1] * 10) == 0.9999999999999999
    assert aggregate([1e16, 1.0, -1e16], "sum") == 0.0
    assert aggregate([0.1, 0.2], "average") == 0.15000000000000002


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=60))
def test_sum_and_average_are_the_in_order_loop(values):
    assert aggregate(values, "sum") == _perl_loop_sum(values)
    assert aggregate(values, "average") == _perl_loop_sum(values) / len(values)


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(st.lists(finite, min_size=1, max_size=60))
def test_aggregate_matches_a_simple_reference(values):
    assert aggregate(values, "minimum") == min(values)
    assert aggregate(values, "maximum") == max(values)
    assert math.isclose(aggregate(values, "sum"), sum(values), rel_tol=1e-9, abs_tol=1e-6)
    mean = aggregate(values, "average")
    assert min(values) - 1e-6 <= mean <= max(values) + 1e-6
    assert math.isclose(mean, sum(values) / len(values), rel_tol=1e-9, abs_tol=1e-6)


# -- building requests -------------------------------------------------------------------------

def test_query_shape():
    query = metric_data_query("q0", _query("Reputation.BounceRate", "average", (("ses:configuration-set", "m"),), 300))
    assert query == {
        "Id": "q0",
        "MetricStat": {
            "Metric": {"Namespace": "AWS/SES", "MetricName": "Reputation.BounceRate",
                       "Dimensions": [{"Name": "ses:configuration-set", "Value": "m"}]},
            "Period": 300,
            "Stat": "Average",
        },
        "ReturnData": True,
    }
    assert "Dimensions" not in metric_data_query("q1", _query())["MetricStat"]["Metric"]
    assert "Unit" not in metric_data_query("q1", _query())["MetricStat"]
    assert metric_data_query("q2", _query(statistic="sample_count"))["MetricStat"]["Stat"] == "SampleCount"


def test_one_request_for_up_to_500_queries():
    queries = [_query(statistic=STATS[i % 5]) for i in range(500)]
    requests = plan_requests(queries, T0 - timedelta(seconds=600), T0)
    assert len(requests) == 1
    kwargs = requests[0].kwargs
    assert len(kwargs["MetricDataQueries"]) == 500
    assert kwargs["StartTime"] == T0 - timedelta(seconds=600) and kwargs["EndTime"] == T0
    assert kwargs["ScanBy"] == "TimestampDescending"
    ids = [q["Id"] for q in kwargs["MetricDataQueries"]]
    assert ids == requests[0].ids and len(set(ids)) == 500
    assert all(re.match(r"^[a-z][a-zA-Z0-9_]*$", i) for i in ids)


def test_501_queries_make_two_requests_in_order():
    queries = [_query(name="M%d" % i) for i in range(501)]
    requests = plan_requests(queries, T0 - timedelta(seconds=600), T0)
    assert [len(r.kwargs["MetricDataQueries"]) for r in requests] == [500, 1]
    assert MAX_QUERIES_PER_REQUEST == 500
    last = requests[1].kwargs["MetricDataQueries"][0]
    assert last["MetricStat"]["Metric"]["MetricName"] == "M500" and last["Id"] == requests[1].ids[0]
    assert set(requests[0].ids).isdisjoint(requests[1].ids)
    assert requests[0].queries == queries[:500] and requests[1].queries == queries[500:]  # the batches get_metric_data checks and caps


def test_no_queries_no_request():
    assert plan_requests([], T0, T0) == []


# -- folding answers ---------------------------------------------------------------------------

def _result(identifier, points, status="Complete", messages=None):
    result = {"Id": identifier, "Timestamps": [t for t, _v in points], "Values": [v for _t, v in points], "StatusCode": status}
    if messages:
        result["Messages"] = messages
    return result


def test_pages_are_merged_by_id():
    t = [T0 - timedelta(minutes=i) for i in range(4)]
    pages = [
        {"MetricDataResults": [_result("q0", [(t[0], 1.0), (t[1], 2.0)], "PartialData"), _result("q1", [(t[0], 7.0)])],
         "NextToken": "x"},
        {"MetricDataResults": [_result("q0", [(t[2], 3.0), (t[3], 4.0)], "Complete")]},
    ]
    folded = fold_pages(pages, ["q0", "q1"])
    assert folded["q0"].datapoint_count == 4 and folded["q0"].value("sum") == 10.0
    assert folded["q0"].status_code == "Complete" and folded["q0"].problem is None
    assert folded["q1"].value("sum") == 7.0 and folded["q1"].newest == t[0]


def test_final_partial_data_is_a_problem_not_a_value_to_trust():
    folded = fold_pages([{"MetricDataResults": [_result("q0", [(T0, 1.0)], "PartialData")]}], ["q0"])
    assert folded["q0"].problem == "CloudWatch returned partial data (StatusCode PartialData) and no further page"


def test_error_status_stays_even_if_a_later_page_says_complete():
    pages = [
        {"MetricDataResults": [_result("q0", [], "Forbidden", [{"Code": "Forbidden", "Value": "no access"}])]},
        {"MetricDataResults": [_result("q0", [], "Complete")]},
    ]
    series = fold_pages(pages, ["q0"])["q0"]
    assert series.problem == "CloudWatch could not return this metric: StatusCode Forbidden (Forbidden: no access)"
    assert series.value("sum") is None


def test_missing_id_and_foreign_id():
    folded = fold_pages([{"MetricDataResults": [_result("zz", [(T0, 1.0)])]}], ["q0"])
    assert list(folded) == ["q0"]
    assert folded["q0"].problem == "CloudWatch returned no result for this query"


def test_newest_is_the_latest_whatever_the_order_and_timezones_are_normalised():
    paris = timezone(timedelta(hours=2))
    points = [(T0 - timedelta(minutes=5), 1.0), ((T0 + timedelta(minutes=3)).astimezone(paris), 2.0), (T0, 3.0)]
    series = fold_pages([{"MetricDataResults": [_result("q0", points)]}], ["q0"])["q0"]
    assert series.newest == T0 + timedelta(minutes=3) and series.newest.tzinfo == UTC


def test_a_timestamp_repeated_on_a_later_page_counts_once():
    pages = [{"MetricDataResults": [_result("q0", [(T0, 5.0)], "PartialData")]},
             {"MetricDataResults": [_result("q0", [(T0, 5.0), (T0 - timedelta(minutes=1), 1.0)])]}]
    series = fold_pages(pages, ["q0"])["q0"]
    assert series.datapoint_count == 2 and series.value("sum") == 6.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=0, max_size=40), st.integers(1, 6), st.randoms())
def test_folding_does_not_depend_on_paging_or_order(values, page_count, rnd):
    points = [(T0 - timedelta(minutes=i), v) for i, v in enumerate(values)]
    shuffled = list(points)
    rnd.shuffle(shuffled)
    cuts = sorted(rnd.randint(0, len(shuffled)) for _cut in range(page_count - 1))
    chunks = [shuffled[a:b] for a, b in zip([0] + cuts, cuts + [len(shuffled)])]
    pages = [{"MetricDataResults": [_result("q0", chunk, "PartialData" if i < len(chunks) - 1 else "Complete")]}
             for i, chunk in enumerate(chunks)]
    series = fold_pages(pages, ["q0"])["q0"]
    whole = fold_pages([{"MetricDataResults": [_result("q0", points)]}], ["q0"])["q0"]
    assert series.points == whole.points and series.problem is None
    oldest_first = [v for _t, v in sorted(points)]
    for statistic in STATS:
        assert series.value(statistic) == aggregate(oldest_first, statistic)
    assert series.newest == (T0 if values else None)


def test_series_repr():
    assert repr(Series({T0: 1.0}, "Complete")) == "Series(1 points, Complete)"


# -- against moto ------------------------------------------------------------------------------

def _session(url, region="us-east-1"):
    return AwsSession({"region": region, "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "test-secret-key"})


def _seed(session, region, name, points, dimensions=None, namespace="AWS/SES"):
    data = []
    for timestamp, value in points:
        datum = {"MetricName": name, "Value": value, "Timestamp": timestamp}
        if dimensions:
            datum["Dimensions"] = [{"Name": k, "Value": v} for k, v in dimensions.items()]
        data.append(datum)
    session.call("cloudwatch", "put_metric_data", region=region, Namespace=namespace, MetricData=data)


def _aligned_now():
    now = datetime.now(UTC)
    return now, now.replace(second=0, microsecond=0)


def _minute_window(minute):
    """Ten minutes to the minute after ``minute``, on minute boundaries (as CloudWatch buckets them)."""
    return minute - timedelta(minutes=10), minute + timedelta(minutes=1)


def test_each_statistic_is_exact_against_moto(moto):
    session = _session(moto)
    _now, minute = _aligned_now()
    bucket_a, bucket_b = minute - timedelta(minutes=3), minute - timedelta(minutes=1)
    # Two datapoints in one period (average 2, sum 4) and one in another (10): the window's
    # average is the unweighted mean of the per-period averages, 6, not 14 / 3.
    _seed(session, "us-east-1", "Send", [(bucket_a + timedelta(seconds=5), 1.0), (bucket_a + timedelta(seconds=20), 3.0),
                                         (bucket_b + timedelta(seconds=5), 10.0)])
    _seed(session, "us-east-1", "Send", [(bucket_b, 99.0)], namespace="Other/Namespace")  # must not leak in
    start, end = _minute_window(minute)
    queries = [_query("Send", statistic) for statistic in STATS]
    found, requests = get_metric_data(session, "us-east-1", queries, start, end)
    assert requests == 1
    assert [s.value(q.statistic) for s, q in zip(found, queries)] == [6.0, 14.0, 1.0, 10.0, 3.0]
    assert all(s.datapoint_count == 2 and s.newest == bucket_b and s.problem is None for s in found)


def test_no_datapoints_is_a_complete_empty_series(moto):
    session = _session(moto)
    _now, minute = _aligned_now()
    start, end = _minute_window(minute)
    found, requests = get_metric_data(session, "us-east-1", [_query("Delivery")], start, end)
    assert requests == 1 and found[0].value("sum") is None and found[0].problem is None and found[0].newest is None


def test_540_queries_take_two_requests(recording_proxy):
    session = _session(recording_proxy.url)
    _now, minute = _aligned_now()
    _seed(session, "us-east-1", "Send", [(minute - timedelta(minutes=2), 4.0)])
    recording_proxy.requests.clear()
    queries = [_query("Send" if i % 2 else "Delivery", STATS[i % 5]) for i in range(540)]
    found, requests = get_metric_data(session, "us-east-1", queries, *_minute_window(minute))
    assert requests == 2 and recording_proxy.operations() == ["GetMetricData", "GetMetricData"]
    sizes = [len(json.loads(r.body)["MetricDataQueries"]) for r in recording_proxy.requests]
    assert sizes == [500, 40]
    assert len(found) == 540
    assert found[539].value("sample_count") == 1.0 and found[538].value("maximum") is None  # Send, Delivery


def _json_answer(payload, status=200):
    return status, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(payload).encode()


def test_partial_data_pages_are_followed_and_merged(recording_proxy):
    epoch = int(T0.timestamp())
    pages = [
        {"MetricDataResults": [{"Id": "q0", "StatusCode": "PartialData", "Timestamps": [epoch, epoch - 60], "Values": [1.0, 2.0]},
                               {"Id": "q1", "StatusCode": "Complete", "Timestamps": [epoch], "Values": [0.25]}],
         "NextToken": "page-2"},
        {"MetricDataResults": [{"Id": "q0", "StatusCode": "Complete", "Timestamps": [epoch - 120], "Values": [4.0]}]},
    ]
    served = []

    def fault(request):
        served.append(json.loads(request.body))
        return _json_answer(pages[len(served) - 1])

    recording_proxy.fault = fault
    session = _session(recording_proxy.url)
    found, requests = get_metric_data(session, "us-east-1", [_query("Send"), _query("Reputation.BounceRate", "maximum")],
                                      T0 - timedelta(seconds=600), T0)
    assert requests == 2 and recording_proxy.operations() == ["GetMetricData", "GetMetricData"]
    assert "NextToken" not in served[0] and served[1]["NextToken"] == "page-2"
    assert served[1]["MetricDataQueries"] == served[0]["MetricDataQueries"]
    assert found[0].value("sum") == 7.0 and found[0].datapoint_count == 3 and found[0].problem is None
    assert found[1].value("maximum") == 0.25 and found[1].newest == T0


def test_http_error_becomes_one_aws_api_error(recording_proxy):
    recording_proxy.fault = lambda request: _json_answer({"__type": "AccessDenied", "message": "not authorized to GetMetricData"}, 403)
    session = _session(recording_proxy.url, "eu-west-1")
    with pytest.raises(AwsApiError) as info:
        get_metric_data(session, "eu-west-1", [_query()], T0 - timedelta(seconds=600), T0)
    assert info.value.code == "AccessDenied" and info.value.http_status == 403
    assert str(info.value) == ("GetMetricData in eu-west-1 failed: AccessDenied (HTTP 403): the credentials lack the IAM action "
                               "cloudwatch:GetMetricData; not authorized to GetMetricData")


def test_shuffled_values_in_one_answer_fold_the_same(recording_proxy):
    epoch = int(T0.timestamp())
    stamps = [epoch - 60 * i for i in range(6)]
    values = [float(v) for v in range(6)]
    order = list(range(6))
    random.Random(4).shuffle(order)
    payload = {"MetricDataResults": [{"Id": "q0", "StatusCode": "Complete", "Timestamps": [stamps[i] for i in order],
                                      "Values": [values[i] for i in order]}]}
    recording_proxy.fault = lambda request: _json_answer(payload)
    found, _requests = get_metric_data(_session(recording_proxy.url), "us-east-1", [_query()], T0 - timedelta(seconds=600), T0)
    assert found[0].newest == T0 and found[0].points[T0] == 0.0 and found[0].value("sum") == 15.0
