# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Options -> queries -> measurements -> report -> result: pure tests, then seeded moto data.

moto's CloudWatch defects (a query without dimensions also sums the dimensioned series of the
same metric; a query with dimensions ignores the namespace) are kept out of the way: dimensioned
data is seeded in a region of its own, and every seeded value is distinct so that a wrong merge
shows.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from unittest import mock

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import NO_METRICS_OUTPUT
from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import Series
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.gate_message import MORE
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import build_plan, should_fail
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check as _run_check
from ansible_collections.sesmon.ses.plugins.module_utils.sources import cloudwatch_ses
from ansible_collections.sesmon.ses.plugins.module_utils.sources.cloudwatch_ses import instance_names, plan_targets, report_order

UTC = timezone.utc
NOW = datetime(2024, 5, 1, 12, 0, 30, tzinfo=UTC)
RANGE_HINT = "(expected [@][start:][end], e.g. 10, 10:, ~:10, 10:20 or @10:20)"


def _error(params):
    with pytest.raises(OptionError) as info:
        build_plan(params)
    return str(info.value)


# -- option validation: every bad input, with its exact message ---------------------------------

@pytest.mark.parametrize("text, reason", [
    ("abc", "'abc' is not a number " + RANGE_HINT),
    ("5:2", "start 5 is greater than end 2"),
    ("@", "'@' must be followed by a range " + RANGE_HINT),
    ("1:2:3", "more than one ':' " + RANGE_HINT),
])
def test_bad_ranges_name_option_label_and_value(text, reason):
    assert _error({"warning": {"emails-sent": text}}) == "warning.emails-sent: '%s' is not a valid Nagios range: %s" % (text, reason)
    assert _error({"critical": {"emails-spam": text}}).startswith("critical.emails-spam: '%s' is not a valid Nagios range: " % text)


def test_good_ranges_including_comma_decimals_and_numbers():
    plan = build_plan({"warning": {"emails-rejected": "0,05", "emails-sent": 10}, "critical": {"emails-sent": "@10:20", "emails-spam": "~:0.005"}})
    assert [str(r) for r in plan.thresholds["emails-rejected"] if r] == ["0:0.05"]
    assert [str(r) for r in plan.thresholds["emails-sent"]] == ["0:10", "@10:20"]
    assert plan.thresholds["emails-spam"][0] is None and str(plan.thresholds["emails-spam"][1]) == "~:0.005"
    assert plan.thresholds["emails-delivered"] == (None, None)


@pytest.mark.parametrize("option, label, text, hint", [
    ("critical", "emails-rejected", "10", "rates are fractions (0.1 is 10 %)"),  # meant 10 %: 0:10 never alerts on 0..1
    ("warning", "emails-spam", "@2:", "rates are fractions (0.1 is 10 %)"),
    ("warning", "emails-spam", "1", "rates are fractions (0.1 is 10 %)"),
    ("critical", "emails-sent", "0:", "counts are 0 or more"),
    ("critical", "emails-sent", ":", "counts are 0 or more"),
    ("warning", "emails-bounced", "@~:-1", "counts are 0 or more"),
    ("warning", "quota-usage", "-5:", "quota-usage is a percentage, 0 or more (100 is the whole quota)"),
    ("critical", "quota-usage", "@~:-0.5", "quota-usage is a percentage, 0 or more (100 is the whole quota)"),
    ("warning", "emails-rejected", "~:", "it holds every value; leave the threshold out for none"),
])
def test_a_range_that_can_never_alert_is_refused(option, label, text, hint):
    metrics = ["emails-sent", "emails-rejected", "emails-spam", "emails-bounced", "quota-usage"]
    assert _error({"metrics": metrics, option: {label: text}}) == "%s.%s: '%s' can never alert: %s" % (option, label, text, hint)


def test_over_the_whole_quota_is_a_range_that_can_alert():
    # SentLast24Hours exceeds Max24HourSend when the quota is lowered below what was sent: '~:100' can fire.
    plan = build_plan({"metrics": ["quota-usage"], "critical": {"quota-usage": "~:100"}})
    assert str(plan.thresholds["quota-usage"][1]) == "~:100"


def test_a_rate_threshold_written_as_a_number_in_percent_is_refused():
    assert _error({"critical": {"emails-rejected": 10}}) == "critical.emails-rejected: '10' can never alert: rates are fractions (0.1 is 10 %)"


@pytest.mark.parametrize("label, text", [
    ("emails-rejected", "1:"), ("emails-rejected", "0.999999999:"), ("emails-rejected", "@1:"), ("emails-rejected", "@~:0"),
    ("emails-rejected", "~:0.999"), ("emails-sent", "1:"), ("emails-sent", "@0:0"), ("emails-sent", "~:-1"),
    ("quota-usage", "~:99.9"), ("quota-usage", "@100:"), ("quota-usage", "80"),
])
def test_a_range_that_can_alert_at_the_edge_of_its_domain_is_accepted(label, text):
    plan = build_plan({"metrics": ["emails-sent", "emails-rejected", "quota-usage"], "critical": {label: text}})
    assert plan.thresholds[label][1] is not None


def test_the_aws_preset_can_alert():
    plan = build_plan({"thresholds": "aws"})
    assert str(plan.thresholds["emails-rejected"][1]) == "@0.1:"


def test_unknown_threshold_label():
    assert _error({"warning": {"emails-sennt": "5"}}).startswith(
        "warning: unknown metric label 'emails-sennt'; valid labels are: emails-sent, emails-delivered, ")


def test_threshold_for_a_metric_that_is_not_checked():
    assert _error({"metrics": ["emails-sent"], "critical": {"emails-spam": "0.005"}}) == (
        "critical.emails-spam: this metric is not checked (metrics: emails-sent); add it to metrics or remove the threshold")


def test_threshold_option_must_be_a_dictionary():
    assert _error({"warning": "10"}) == "warning must be a dictionary of metric label: Nagios range, got '10'"


def test_unknown_metric_label():
    assert _error({"metrics": ["emails-sent", "bounces"]}).startswith("metrics: unknown metric label 'bounces'; valid labels are: ")


@pytest.mark.parametrize("params, message", [
    ({"period": 90}, "period must be a multiple of 60 seconds (60, 120, 300, ...), got 90"),
    ({"period": 30}, "period must be a multiple of 60 seconds (60, 120, 300, ...), got 30"),
    ({"period": 0}, "period must be a multiple of 60 seconds (60, 120, 300, ...), got 0"),
    ({"timeframe": 30}, "timeframe (30) must be at least period (60)"),
    ({"timeframe": 300, "period": 600}, "timeframe (300) must be at least period (600)"),
    ({"timeframe": 40000000, "period": 3600}, "timeframe 40000000 reaches back beyond CloudWatch's retention of 455 days (39312000 seconds)"),
    ({"timeframe": 1296001, "period": 60},
     "period must be a multiple of 300 seconds when timeframe reaches back more than 15 days (1296000 seconds): "
     "CloudWatch keeps only 5-minute datapoints that old; got period 60 with timeframe 1296001"),
    ({"timeframe": 5443201, "period": 300},
     "period must be a multiple of 3600 seconds when timeframe reaches back more than 63 days (5443200 seconds): "
     "CloudWatch keeps only 1-hour datapoints that old; got period 300 with timeframe 5443201"),
    ({"timeframe": "600"}, "timeframe must be a whole number of seconds, got '600'"),
    ({"period": True}, "period must be a whole number of seconds, got True"),
    ({"max_age": 0}, "max_age must be greater than 0, got 0"),
    ({"max_age": 120, "period": 300, "timeframe": 600},
     "max_age (120) must be at least period (300): a datapoint is stamped with the start of its period"),
    ({"statistics": ["average", "median"]},
     "statistics: unknown statistic 'median'; valid statistics are: average, sum, minimum, maximum, sample_count, latest"),
    ({"statistics": []}, "statistics must name at least one statistic (leave it out for each metric's default)"),
    ({"fail_on": "ok"}, "fail_on must be one of never, critical, warning, got 'ok'"),
    ({"dimensions": [{}]}, "dimensions[0] is empty: give at least one dimension name: value pair, for example {'ses:configuration-set': 'my-set'}"),
    ({"dimensions": [{"ses:configuration-set": "a"}, {"": "x"}]}, "dimensions[1] has an empty dimension name"),
    ({"dimensions": [{"  ": "x"}]}, "dimensions[0] has an empty dimension name"),
    ({"dimensions": [{"ses:configuration-set": " "}]}, "dimensions[0]: dimension 'ses:configuration-set' has a blank value"),
    ({"dimensions": [{"ses:configuration-set": None}]}, "dimensions[0]: the value of dimension 'ses:configuration-set' must be text, got None"),
    ({"dimensions": [{"a": "1", "b": "2"}, {"b": "2", "a": "1"}]}, "dimensions[1] repeats dimensions[0]"),
    ({"dimensions": ["ses:configuration-set=a"]}, "dimensions[0] must be a dictionary of dimension name: value, got 'ses:configuration-set=a'"),
    ({"dimensions": [dict(("d%d" % i, "v") for i in range(31))]}, "dimensions[0] has 31 dimensions; CloudWatch allows at most 30"),
])
def test_bad_options(params, message):
    assert _error(params) == message


def test_retention_tiers_accept_the_right_periods():
    assert build_plan({"timeframe": 1296001, "period": 300}).period == 300
    assert build_plan({"timeframe": 5443201, "period": 7200}).period == 7200
    assert build_plan({"timeframe": 39312000, "period": 3600}).timeframe == 39312000


def test_defaults():
    plan = build_plan({})
    assert (plan.timeframe, plan.period, plan.zeroed, plan.max_age, plan.fail_on) == (600, 60, False, None, "never")
    assert [m.label for m in plan.labels["cloudwatch"]] == ["emails-sent", "emails-delivered", "emails-rejected", "emails-spam"]
    assert plan.statistics is None and plan.dimension_sets == []


def test_numbers_as_dimension_values_become_text():
    assert build_plan({"dimensions": [{"campaign": 2024}]}).dimension_sets == [(("campaign", "2024"),)]


# -- instances, targets, order -----------------------------------------------------------------

def test_instance_names_follow_centreon():
    assert instance_names([]) == ["SES"]
    assert instance_names([(("ses:configuration-set", "prod"),), (("ses:configuration-set", "test"), ("campaign", "x"))]) == ["prod", "test~x"]


def test_instance_names_stay_unique_when_values_clash():
    sets = [(("ses:configuration-set", "prod"),), (("ses:from-domain", "prod"),), (("campaign", "z"),)]
    assert instance_names(sets) == ["ses:configuration-set:prod", "ses:from-domain:prod", "z"]


def test_targets_order_regions_sets_metrics_statistics():
    plan = build_plan({"metrics": ["emails-sent", "emails-spam"], "statistics": ["sum", "maximum"],
                       "dimensions": [{"c": "a"}, {"c": "b"}]})
    targets = plan_targets(plan, ["eu-west-1", "us-east-1"])
    assert [(t.instance, t.metric.label, t.statistic) for t in targets[:5]] == [
        ("eu-west-1/a", "emails-sent", "sum"), ("eu-west-1/a", "emails-sent", "maximum"),
        ("eu-west-1/a", "emails-spam", "sum"), ("eu-west-1/a", "emails-spam", "maximum"),
        ("eu-west-1/b", "emails-sent", "sum")]
    assert len(targets) == 16 and targets[-1].region == "us-east-1" and targets[-1].instance == "us-east-1/b"
    # The output line groups by instance, then statistic, as Centreon does.
    ordered = [targets[i] for i in report_order(targets)]
    assert [(t.instance, t.statistic, t.metric.label) for t in ordered[:4]] == [
        ("eu-west-1/a", "sum", "emails-sent"), ("eu-west-1/a", "sum", "emails-spam"),
        ("eu-west-1/a", "maximum", "emails-sent"), ("eu-west-1/a", "maximum", "emails-spam")]


def test_one_region_keeps_centreon_instance_names():
    targets = plan_targets(build_plan({}), ["eu-west-1"])
    assert {t.instance for t in targets} == {"SES"}
    assert [t.statistic for t in targets] == ["sum", "sum", "latest", "latest"]


@pytest.mark.parametrize("status, never, critical, warning", [
    ("OK", False, False, False),
    ("WARNING", False, False, True),
    ("CRITICAL", False, True, True),
    ("UNKNOWN", False, True, True),
])
def test_fail_on(status, never, critical, warning):
    assert (should_fail(status, "never"), should_fail(status, "critical"), should_fail(status, "warning")) == (never, critical, warning)


# -- run_check with a fake fetch (no network) --------------------------------------------------

def run_check(params, session, now=None, fetch=None):
    """run_check with CloudWatch's fetch function replaced by ``fetch`` (no network)."""
    if fetch is None:
        return _run_check(params, session, now)
    with mock.patch.object(cloudwatch_ses, "get_metric_data", fetch):
        return _run_check(params, session, now)


class FakeSession:
    """What run_check reads of a session when the fetch function is injected."""
    default_region = "eu-west-1"
    retry_attempts = 0


def _fetch_from(values_by_region, newest=NOW - timedelta(seconds=90), calls=None):
    """A fetch returning, per query, the datapoints ``values_by_region[region][metric_name]`` (None: no data)."""

    def fetch(session, region, queries, start, end):
        if calls is not None:
            calls.append((region, list(queries), start, end))
        table = values_by_region[region]
        if isinstance(table, Exception):
            raise table
        found = []
        for query in queries:
            values = table.get((query.metric_name, query.dimensions), table.get(query.metric_name))
            points = dict((newest - timedelta(seconds=60 * i), v) for i, v in enumerate(values or []))
            found.append(Series(points, "Complete"))
        return found, 1

    return fetch


CENTREON = {"Send": [10.0], "Delivery": [9.0], "Reputation.BounceRate": [0.05], "Reputation.ComplaintRate": [0.001]}
GOLDEN_PERFDATA = ("'SES~average#ses.emails.sent.count'=10;;;; 'SES~average#ses.emails.delivered.count'=9;;;; "
                   "'SES~average#ses.emails.rejected.rate'=0.05;;;; 'SES~average#ses.emails.spam.rate'=0.001;;;;")


def test_golden_centreon_ok_line():
    result = run_check({"statistics": ["average"]}, FakeSession(), NOW, _fetch_from({"eu-west-1": CENTREON}))
    assert result["output"] == (
        "OK: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00, number of emails successfully delivered: 9.00, "
        "rate of rejected sent emails: 0.05 (5.00%), rate of sent emails marked as spam: 0.001 (0.10%) | " + GOLDEN_PERFDATA)
    assert (result["status"], result["exit_code"], result["perfdata"]) == ("OK", 0, GOLDEN_PERFDATA)


def test_golden_centreon_warning_line():
    params = {"statistics": ["average"], "warning": {"emails-sent": "5"}, "critical": {"emails-sent": "50"}}
    result = run_check(params, FakeSession(), NOW, _fetch_from({"eu-west-1": CENTREON}))
    assert result["output"] == ("WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 | "
                                "'SES~average#ses.emails.sent.count'=10;0:5;0:50;; " + GOLDEN_PERFDATA.split(" ", 1)[1])
    assert result["exit_code"] == 1 and "failed" not in result


def test_result_shape_and_window():
    calls = []
    result = run_check({}, FakeSession(), NOW, _fetch_from({"eu-west-1": CENTREON}, calls=calls))
    assert result["window"] == {"start": "2024-05-01T11:50:30Z", "end": "2024-05-01T12:00:30Z", "period": 60, "timeframe": 600,
                                "reputation_lookback": 86400, "lookback_start": "2024-04-30T12:00:00Z"}
    assert result["requests"] == 1 and result["errors"] == [] and result["changed"] is False and result["account_requests"] == 0
    assert result["metrics"][0] == {
        "region": "eu-west-1", "instance": "SES", "dimensions": {}, "label": "emails-sent", "metric_name": "Send",
        "statistic": "sum", "value": 10.0, "unit": "count", "state": "OK", "warning": None, "critical": None,
        "datapoint_count": 1, "newest_datapoint": "2024-05-01T11:59:00Z", "newest_datapoint_age_seconds": 90,
        "account_value": None, "unknown_reason": None}
    assert [m["statistic"] for m in result["metrics"]] == ["sum", "sum", "latest", "latest"]
    # One request for both windows: it starts a day back, in whole count periods before the timeframe.
    (region, queries, start, end), = calls
    assert (start, end) == (NOW - timedelta(seconds=86400), NOW)
    assert region == "eu-west-1" and [q.metric_name for q in queries] == ["Send", "Delivery", "Reputation.BounceRate", "Reputation.ComplaintRate"]
    assert [q.statistic for q in queries] == ["sum", "sum", "maximum", "maximum"]
    assert all(q.namespace == "AWS/SES" and q.period == 60 and q.dimensions == () for q in queries)
    assert result["output"].split(" | ")[1] == (
        "'SES~sum#ses.emails.sent.count'=10;;;; 'SES~sum#ses.emails.delivered.count'=9;;;; "
        "'SES~latest#ses.emails.rejected.rate'=0.05;;;; 'SES~latest#ses.emails.spam.rate'=0.001;;;;")


def test_each_state_and_critical_first():
    data = {"eu-west-1": {"Send": [30.0], "Delivery": [29.0], "Reputation.BounceRate": [0.12], "Reputation.ComplaintRate": [0.002]}}
    params = {"warning": {"emails-rejected": "0.05", "emails-spam": "0.001", "emails-sent": "20"},
              "critical": {"emails-rejected": "0.1", "emails-spam": "0.005"}}
    result = run_check(params, FakeSession(), NOW, _fetch_from(data))
    assert [m["state"] for m in result["metrics"]] == ["WARNING", "OK", "CRITICAL", "WARNING"]
    assert result["status"] == "CRITICAL" and result["exit_code"] == 2
    assert result["output"].split(" | ")[0] == (
        "CRITICAL: 'SES' Statistic 'Latest' Metrics rate of rejected sent emails: 0.12 (12.00%), "
        "rate of sent emails marked as spam: 0.002 (0.20%) "
        "WARNING: 'SES' Statistic 'Sum' Metrics number of sent emails: 30.00")
    assert result["metrics"][2]["warning"] == "0:0.05" and result["metrics"][2]["critical"] == "0:0.1"


def test_no_data_left_out_zeroed_gives_zero():
    data = {"eu-west-1": {"Send": [10.0]}}
    result = run_check({}, FakeSession(), NOW, _fetch_from(data))
    assert result["output"] == "OK: 'SES' Statistic 'Sum' Metrics number of sent emails: 10.00 | 'SES~sum#ses.emails.sent.count'=10;;;;"
    assert [m["value"] for m in result["metrics"]] == [10.0, None, None, None]
    assert [m["state"] for m in result["metrics"]] == ["OK", None, None, None]
    zeroed = run_check({"zeroed": True, "critical": {"emails-delivered": "1:"}}, FakeSession(), NOW, _fetch_from(data))
    assert [m["value"] for m in zeroed["metrics"]] == [10.0, 0.0, 0.0, 0.0]
    assert zeroed["status"] == "CRITICAL" and "number of emails successfully delivered: 0.00" in zeroed["output"]


def test_no_metric_at_all_is_unknown():
    result = run_check({}, FakeSession(), NOW, _fetch_from({"eu-west-1": {}}))
    assert (result["status"], result["output"], result["perfdata"]) == ("UNKNOWN", NO_METRICS_OUTPUT, "")


def test_stale_data_is_unknown_with_its_age():
    stale = _fetch_from({"eu-west-1": CENTREON}, newest=NOW - timedelta(seconds=4000))
    result = run_check({"max_age": 3600, "timeframe": 7200, "metrics": ["emails-sent"]}, FakeSession(), NOW, stale)
    reason = "newest datapoint is 4000 s old (2024-05-01T10:53:50Z), older than max_age 3600 s"
    assert result["metrics"][0]["unknown_reason"] == reason and result["metrics"][0]["state"] == "UNKNOWN"
    assert result["output"] == "UNKNOWN: 'SES' Statistic 'Sum' Metrics number of sent emails: %s | 'SES~sum#ses.emails.sent.count'=10;;;;" % reason
    fresh = run_check({"max_age": 3600, "timeframe": 7200, "metrics": ["emails-sent"]}, FakeSession(), NOW, _fetch_from({"eu-west-1": CENTREON}))
    assert fresh["status"] == "OK"


def test_critical_beats_unknown():
    def fetch(session, region, queries, start, end):
        return [Series({NOW - timedelta(minutes=1): 50.0}, "Complete"), Series({}, "Forbidden")], 1  # in the window

    result = run_check({"metrics": ["emails-sent", "emails-delivered"], "critical": {"emails-sent": "10"}}, FakeSession(), NOW, fetch)
    assert result["status"] == "CRITICAL"
    assert result["metrics"][1]["unknown_reason"] == "CloudWatch could not return this metric: StatusCode Forbidden"
    # Centreon's counter.pm files every non-OK item of a group under the group's worst state.
    assert result["output"].startswith("CRITICAL: 'SES' Statistic 'Sum' Metrics number of sent emails: 50.00, "
                                       "number of emails successfully delivered: CloudWatch could not return this metric")


def test_zeroed_does_not_hide_a_failed_query():
    def fetch(session, region, queries, start, end):
        return [Series({}, "InternalError")], 1

    result = run_check({"metrics": ["emails-sent"], "zeroed": True}, FakeSession(), NOW, fetch)
    assert result["metrics"][0]["value"] is None and result["status"] == "UNKNOWN" and result["perfdata"] == ""


def test_failed_region_is_unknown_and_others_still_reported():
    denied = AwsApiError("GetMetricData in us-east-1 failed: AccessDenied (HTTP 403): nope", code="AccessDenied",
                         http_status=403, operation="GetMetricData", region="us-east-1")
    fetch = _fetch_from({"eu-west-1": CENTREON, "us-east-1": denied})
    result = run_check({"regions": ["eu-west-1", "us-east-1"], "metrics": ["emails-sent"]}, FakeSession(), NOW, fetch)
    assert result["status"] == "UNKNOWN"
    assert result["output"] == ("UNKNOWN: GetMetricData in us-east-1 failed: AccessDenied (HTTP 403): nope"
                                " | 'eu-west-1/SES~sum#ses.emails.sent.count'=10;;;;")
    assert result["errors"] == [denied.as_dict()] and result["warnings"] == [str(denied)]
    assert [(m["instance"], m["state"], m["value"], m["unknown_reason"]) for m in result["metrics"]] == [
        ("eu-west-1/SES", "OK", 10.0, None), ("us-east-1/SES", "UNKNOWN", None, str(denied))]
    assert result["requests"] == 1


def test_single_failed_region_never_ok_and_fail_on_fails():
    down = AwsApiError("GetMetricData in eu-west-1 failed: EndpointConnectionError: could not connect", code="EndpointConnectionError")
    result = run_check({"fail_on": "critical"}, FakeSession(), NOW, _fetch_from({"eu-west-1": down}))
    assert result["status"] == "UNKNOWN" and result["exit_code"] == 3
    assert result["output"] == "UNKNOWN: " + str(down)
    assert result["failed"] is True and result["msg"] == "fail_on critical: UNKNOWN: %s - %s" % (down, MORE)
    assert result["errors"][0]["region"] == "eu-west-1"  # filled in when the error did not say


def test_fail_on_warning_and_never():
    params = {"statistics": ["average"], "warning": {"emails-sent": "5"}}
    warn = run_check(dict(params, fail_on="warning"), FakeSession(), NOW, _fetch_from({"eu-west-1": CENTREON}))
    assert warn["output"].startswith("WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 | ")
    assert warn["failed"] is True and warn["msg"] == "fail_on warning: WARNING emails-sent in eu-west-1 - " + MORE
    assert len(warn["metrics"]) == 4  # the data is still there
    for fail_on in ("critical", "never"):
        assert "failed" not in run_check(dict(params, fail_on=fail_on), FakeSession(), NOW, _fetch_from({"eu-west-1": CENTREON}))


def test_option_error_before_any_call():
    calls = []
    with pytest.raises(OptionError):
        run_check({"period": 61}, FakeSession(), NOW, _fetch_from({}, calls=calls))
    with pytest.raises(OptionError, match="regions entry 'mars' is not a valid AWS region name"):
        run_check({"regions": ["mars"]}, FakeSession(), NOW, _fetch_from({}, calls=calls))
    assert calls == []


# -- against moto (real HTTP) ------------------------------------------------------------------

def _session(url):
    return AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "test-secret-key"})


def _seed(session, region, values, dimensions=None, when=None):
    """One datapoint per metric name, ``when`` (default 90 s ago)."""
    when = when or datetime.now(UTC) - timedelta(seconds=90)
    data = []
    for name, value in values.items():
        datum = {"MetricName": name, "Value": value, "Timestamp": when}
        if dimensions:
            datum["Dimensions"] = [{"Name": k, "Value": v} for k, v in dimensions.items()]
        data.append(datum)
    session.call("cloudwatch", "put_metric_data", region=region, Namespace="AWS/SES", MetricData=data)


def _params(url, **extra):
    params = {"region": "us-east-1", "endpoint_url": url}
    params.update(extra)
    return params


def test_golden_lines_end_to_end_from_moto(moto):
    session = _session(moto)
    _seed(session, "us-east-1", {"Send": 10, "Delivery": 9, "Reputation.BounceRate": 0.05, "Reputation.ComplaintRate": 0.001})
    ok = run_check(_params(moto, statistics=["average"]), session)
    assert ok["output"] == (
        "OK: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00, number of emails successfully delivered: 9.00, "
        "rate of rejected sent emails: 0.05 (5.00%), rate of sent emails marked as spam: 0.001 (0.10%) | " + GOLDEN_PERFDATA)
    warn = run_check(_params(moto, statistics=["average"], warning={"emails-sent": "5"}, critical={"emails-sent": "50"}), session)
    assert warn["output"].startswith("WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 | "
                                     "'SES~average#ses.emails.sent.count'=10;0:5;0:50;; ")
    assert ok["requests"] == warn["requests"] == 1


def test_statistics_end_to_end(moto):
    session = _session(moto)
    minute = datetime.now(UTC).replace(second=0, microsecond=0)
    a, b = minute - timedelta(minutes=4), minute - timedelta(minutes=2)
    data = [(a + timedelta(seconds=1), 100.0), (a + timedelta(seconds=2), 300.0), (b + timedelta(seconds=3), 50.0)]
    session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                 MetricData=[{"MetricName": "Send", "Value": v, "Timestamp": t} for t, v in data])
    result = run_check(_params(moto, metrics=["emails-sent"], statistics=["average", "sum", "minimum", "maximum", "sample_count"]), session)
    assert [(m["statistic"], m["value"]) for m in result["metrics"]] == [
        ("average", 125.0), ("sum", 450.0), ("minimum", 50.0), ("maximum", 300.0), ("sample_count", 3.0)]
    # The window is [now - timeframe, now] as Centreon asks it; moto starts its buckets at that (unaligned) start,
    # where real CloudWatch rounds it down to the minute, so the newest bucket lies within one period of b.
    for m in result["metrics"]:
        newest = datetime.strptime(m["newest_datapoint"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        assert m["datapoint_count"] == 2 and abs((newest - b).total_seconds()) <= 60, m


def test_thresholds_produce_each_state_from_moto(moto):
    session = _session(moto)
    _seed(session, "us-east-1", {"Send": 1000, "Reputation.BounceRate": 0.07, "Reputation.ComplaintRate": 0.006})
    params = _params(moto, metrics=["emails-sent", "emails-rejected", "emails-spam", "emails-delivered"],
                     warning={"emails-rejected": "0.05", "emails-spam": "0.001"},
                     critical={"emails-rejected": "0.1", "emails-spam": "0.005"})
    result = run_check(params, session)
    assert [(m["label"], m["state"]) for m in result["metrics"]] == [
        ("emails-sent", "OK"), ("emails-rejected", "WARNING"), ("emails-spam", "CRITICAL"), ("emails-delivered", None)]
    assert result["status"] == "CRITICAL"
    assert result["output"].split(" | ")[0] == (
        "CRITICAL: 'SES' Statistic 'Latest' Metrics rate of rejected sent emails: 0.07 (7.00%), "
        "rate of sent emails marked as spam: 0.006 (0.60%)")


def test_dimension_sets_end_to_end(moto):
    session = _session(moto)
    # Only dimensioned data in this region (see the module docstring), distinct values per set.
    _seed(session, "eu-west-2", {"Send": 5, "Bounce": 1}, {"ses:configuration-set": "a"})
    _seed(session, "eu-west-2", {"Send": 7, "Bounce": 2}, {"ses:configuration-set": "b"})
    _seed(session, "eu-west-2", {"Send": 11, "Bounce": 3}, {"ses:configuration-set": "a", "campaign": "x"})
    params = _params(moto, regions=["eu-west-2"], metrics=["emails-sent", "emails-bounced"],
                     dimensions=[{"ses:configuration-set": "a"}, {"ses:configuration-set": "b"}, {"ses:configuration-set": "a", "campaign": "x"}],
                     critical={"emails-bounced": "~:2"})
    result = run_check(params, session)
    assert [(m["instance"], m["label"], m["value"], m["state"]) for m in result["metrics"]] == [
        ("a", "emails-sent", 5.0, "OK"), ("a", "emails-bounced", 1.0, "OK"),
        ("b", "emails-sent", 7.0, "OK"), ("b", "emails-bounced", 2.0, "OK"),
        ("a~x", "emails-sent", 11.0, "OK"), ("a~x", "emails-bounced", 3.0, "CRITICAL")]
    assert result["metrics"][4]["dimensions"] == {"ses:configuration-set": "a", "campaign": "x"}
    assert result["output"].startswith("CRITICAL: 'a~x' Statistic 'Sum' Metrics number of bounced emails: 3.00 | 'a~sum#ses.emails.sent.count'=5;;;; ")
    assert result["requests"] == 1


def test_no_data_with_and_without_zeroed_from_moto(moto):
    session = _session(moto)
    assert run_check(_params(moto), session)["output"] == NO_METRICS_OUTPUT
    zeroed = run_check(_params(moto, zeroed=True), session)
    # One instance with several statistics: counter.pm prints the instance's own "All metrics are ok".
    assert zeroed["output"] == "OK: 'SES' All metrics are ok | " + (
        "'SES~sum#ses.emails.sent.count'=0;;;; 'SES~sum#ses.emails.delivered.count'=0;;;; "
        "'SES~latest#ses.emails.rejected.rate'=0;;;; 'SES~latest#ses.emails.spam.rate'=0;;;;")
    assert all(m["datapoint_count"] == 0 and m["newest_datapoint"] is None for m in zeroed["metrics"])


def test_data_outside_the_window_is_ignored(moto):
    session = _session(moto)
    _seed(session, "us-east-1", {"Send": 42}, when=datetime.now(UTC) - timedelta(seconds=1800))
    assert run_check(_params(moto, metrics=["emails-sent"]), session)["status"] == "UNKNOWN"
    longer = run_check(_params(moto, metrics=["emails-sent"], timeframe=3600), session)
    assert longer["metrics"][0]["value"] == 42.0


def test_several_regions_end_to_end(moto):
    session = _session(moto)
    _seed(session, "us-east-1", {"Send": 10, "Reputation.BounceRate": 0.01})
    _seed(session, "eu-west-1", {"Send": 20, "Reputation.BounceRate": 0.08})
    params = _params(moto, regions=["eu-west-1", "us-east-1"], metrics=["emails-sent", "emails-rejected"],
                     warning={"emails-rejected": "0.05"}, fail_on="warning")
    result = run_check(params, session)
    assert [(m["region"], m["instance"], m["value"], m["state"]) for m in result["metrics"]] == [
        ("eu-west-1", "eu-west-1/SES", 20.0, "OK"), ("eu-west-1", "eu-west-1/SES", 0.08, "WARNING"),
        ("us-east-1", "us-east-1/SES", 10.0, "OK"), ("us-east-1", "us-east-1/SES", 0.01, "OK")]
    assert result["failed"] is True and result["msg"] == "fail_on warning: WARNING emails-rejected in eu-west-1 - " + MORE
    assert result["output"] == (
        "WARNING: 'eu-west-1/SES' Statistic 'Latest' Metrics rate of rejected sent emails: 0.08 (8.00%) | "
        "'eu-west-1/SES~sum#ses.emails.sent.count'=20;;;; 'eu-west-1/SES~latest#ses.emails.rejected.rate'=0.08;0:0.05;;; "
        "'us-east-1/SES~sum#ses.emails.sent.count'=10;;;; 'us-east-1/SES~latest#ses.emails.rejected.rate'=0.01;0:0.05;;;")
    assert result["requests"] == 2


# -- request counts ----------------------------------------------------------------------------

def _queries_per_request(proxy):
    return [(json.loads(r.body)["MetricDataQueries"], r) for r in proxy.requests if r.operation == "GetMetricData"]


def test_24_queries_one_request_per_region(recording_proxy):
    session = _session(recording_proxy.url)
    _seed(session, "us-east-1", {"Send": 3}, {"ses:configuration-set": "a"})
    recording_proxy.requests.clear()
    params = _params(recording_proxy.url, statistics=["sum", "maximum"],
                     dimensions=[{"ses:configuration-set": "a"}, {"ses:configuration-set": "b"}, {"ses:configuration-set": "c"}])
    result = run_check(params, session)
    assert recording_proxy.operations() == ["GetMetricData"] and result["requests"] == 1
    (queries, _request), = _queries_per_request(recording_proxy)
    assert len(queries) == 24 and len({q["Id"] for q in queries}) == 24
    assert result["metrics"][0]["value"] == 3.0 and len(result["metrics"]) == 24

    recording_proxy.requests.clear()
    result = run_check(dict(params, regions=["us-east-1", "eu-west-1"]), session)
    assert recording_proxy.operations() == ["GetMetricData", "GetMetricData"] and result["requests"] == 2
    scopes = sorted(r.headers["Authorization"].split("/")[2] for r in recording_proxy.requests)
    assert scopes == ["eu-west-1", "us-east-1"]
    assert len(result["metrics"]) == 48


def test_more_than_500_queries_are_batched(recording_proxy):
    session = _session(recording_proxy.url)
    labels = ["emails-sent", "emails-delivered", "emails-rejected", "emails-spam", "emails-bounced", "emails-complained",
              "emails-rejected-by-ses", "emails-rendering-failed", "emails-opened", "emails-clicked", "emails-delayed",
              "emails-subscription-changed"]
    params = _params(recording_proxy.url, metrics=labels, statistics=["average", "sum", "minimum", "maximum", "sample_count"],
                     dimensions=[{"ses:configuration-set": "set-%d" % i} for i in range(9)])
    result = run_check(params, session)
    assert len(result["metrics"]) == 540 and result["requests"] == 2
    assert [len(q) for q, _r in _queries_per_request(recording_proxy)] == [500, 40]
