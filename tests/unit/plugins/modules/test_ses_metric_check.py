# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ses_metric_check module as Ansible runs it: main() in-process against moto."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
import yaml

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.gate_message import MORE
from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port


def _seed(aws_params, values, region="us-east-1"):
    session = AwsSession(aws_params)
    when = datetime.now(timezone.utc) - timedelta(seconds=90)
    session.call("cloudwatch", "put_metric_data", region=region, Namespace="AWS/SES",
                 MetricData=[{"MetricName": name, "Value": value, "Timestamp": when} for name, value in values.items()])


def _run(args):
    return run_module(ses_metric_check.main, args)


GOOD = {"Send": 120, "Delivery": 118, "Reputation.BounceRate": 0.01, "Reputation.ComplaintRate": 0.0002}
AWS_THRESHOLDS = {"warning": {"emails-rejected": "0.05", "emails-spam": "0.001"},
                  "critical": {"emails-rejected": "0.1", "emails-spam": "0.005"}}


def test_ok_with_aws_recommended_thresholds(aws_params):
    _seed(aws_params, GOOD)
    result = _run(dict(aws_params, **AWS_THRESHOLDS))
    assert not result.get("failed") and result["changed"] is False
    assert (result["status"], result["exit_code"]) == ("OK", 0)
    assert result["output"] == (
        "OK: 'SES' All metrics are ok | 'SES~sum#ses.emails.sent.count'=120;;;; 'SES~sum#ses.emails.delivered.count'=118;;;; "
        "'SES~latest#ses.emails.rejected.rate'=0.01;0:0.05;0:0.1;; 'SES~latest#ses.emails.spam.rate'=0.0002;0:0.001;0:0.005;;")
    assert [m["label"] for m in result["metrics"]] == ["emails-sent", "emails-delivered", "emails-rejected", "emails-spam"]
    assert result["requests"] == 1 and result["errors"] == []


def test_fail_on_critical_fails_the_task_with_the_output_line(aws_params):
    _seed(aws_params, dict(GOOD, **{"Reputation.BounceRate": 0.11}))
    result = _run(dict(aws_params, fail_on="critical", thresholds="aws"))
    assert result["failed"] is True
    assert result["output"].startswith("CRITICAL: 'SES' Statistic 'Latest' Metrics rate of rejected sent emails: 0.11 (11.00%) | ")
    # One short line: what crossed, where, AWS's meaning of that level, where to read more.
    assert result["msg"] == "fail_on critical: CRITICAL emails-rejected (AWS: risk of pause) in us-east-1 - " + MORE
    assert result["status"] == "CRITICAL" and len(result["metrics"]) == 4  # the data comes with the failure
    assert "exception" not in result


def test_warning_passes_with_fail_on_critical_and_fails_with_fail_on_warning(aws_params):
    _seed(aws_params, dict(GOOD, **{"Reputation.ComplaintRate": 0.002}))
    passed = _run(dict(aws_params, fail_on="critical", **AWS_THRESHOLDS))
    assert not passed.get("failed") and passed["status"] == "WARNING" and passed["exit_code"] == 1
    failed = _run(dict(aws_params, fail_on="warning", **AWS_THRESHOLDS))
    assert failed["output"].startswith("WARNING: 'SES' Statistic 'Latest' Metrics rate of sent emails marked as spam: 0.002 (0.20%)")
    assert failed["failed"] is True and failed["msg"] == "fail_on warning: WARNING emails-spam in us-east-1 - " + MORE


def test_unreachable_endpoint_is_unknown_quickly_without_traceback():
    url = "http://127.0.0.1:%d" % free_port()
    args = {"region": "eu-west-1", "endpoint_url": url, "access_key": "AKIDEXAMPLE", "secret_key": "s3cr3t-value",
            "retries": {"max_attempts": 1}, "connect_timeout": 1}
    started = time.monotonic()
    result = _run(args)
    assert time.monotonic() - started < 5
    message = ("GetMetricData in eu-west-1 failed: EndpointConnectionError: could not connect to %s/: check endpoint_url, "
               "the proxy (proxy_url, HTTPS_PROXY) and the region" % url)
    assert not result.get("failed")
    assert (result["status"], result["exit_code"], result["output"]) == ("UNKNOWN", 3, "UNKNOWN: " + message)
    assert result["errors"][0]["code"] == "EndpointConnectionError"
    assert message in str(result["warnings"])
    assert all(m["state"] == "UNKNOWN" and m["unknown_reason"] == message for m in result["metrics"])
    failed = _run(dict(args, fail_on="critical"))
    assert failed["failed"] is True and failed["msg"] == "fail_on critical: UNKNOWN: %s - %s" % (message, MORE)
    assert "Traceback" not in str(failed) and "s3cr3t-value" not in str(failed)


def test_denied_access_is_unknown_and_fails_with_fail_on(moto_auth_server):
    args = {"region": "us-east-1", "endpoint_url": moto_auth_server.url, "access_key": "AKIAWRONGWRONGWRONG1",
            "secret_key": "wrong-Secret-123", "fail_on": "critical"}
    result = _run(args)
    assert result["failed"] is True and result["status"] == "UNKNOWN" and result["exit_code"] == 3
    # moto answers this JSON-protocol request with an XML error body, so botocore finds no error
    # code (it reports "403"); real CloudWatch answers JSON. The line must stay one line anyway.
    # One region failed: msg gives its one-line message (the real cause) when short, else the region and AWS's code.
    message = result["errors"][0]["message"]
    assert result["msg"] == ("fail_on critical: UNKNOWN: %s - %s" % (message, MORE) if len(message) <= 180 else
                             "fail_on critical: UNKNOWN us-east-1 could not be read (GetMetricData: 403) - " + MORE)
    assert "security token included in the request is invalid" in result["errors"][0]["message"] and "\n" not in result["output"]
    assert result["errors"][0]["http_status"] == 403 and result["errors"][0]["region"] == "us-east-1"
    assert all(m["state"] == "UNKNOWN" and "\n" not in m["unknown_reason"] for m in result["metrics"])
    assert "wrong-Secret-123" not in str(result)


def test_bad_threshold_fails_with_a_clear_message(aws_params):
    result = _run(dict(aws_params, warning={"emails-sent": "abc"}))
    assert result["failed"] is True
    assert result["msg"] == ("warning.emails-sent: 'abc' is not a valid Nagios range: 'abc' is not a number "
                             "(expected [@][start:][end], e.g. 10, 10:, ~:10, 10:20 or @10:20)")


def test_a_threshold_that_can_never_alert_fails_before_any_request():
    # No server listens at this port: a request would make the check UNKNOWN instead of this refusal.
    args = {"region": "eu-west-1", "endpoint_url": "http://127.0.0.1:%d" % free_port(), "access_key": "AKIAIOSFODNN7EXAMPLE",
            "secret_key": "s3cr3t-value", "critical": {"emails-rejected": "10"}, "fail_on": "critical"}
    result = _run(args)
    assert result["failed"] is True and "status" not in result
    assert result["msg"] == "critical.emails-rejected: '10' can never alert: rates are fractions (0.1 is 10 %)"


def test_no_metrics_keeps_centreons_line_and_advises_what_fits_each_kind(aws_params):
    counts = _run(dict(aws_params, metrics=["emails-sent"]))
    assert counts["output"].startswith("UNKNOWN: No metrics. Check your options or use the zeroed option")  # Centreon's line
    assert "'no datapoint for emails-sent in the last 600 s (nothing sent?): missing_data: zero or ok" in str(counts["warnings"])
    rates = _run(dict(aws_params, metrics=["emails-rejected", "emails-spam"], thresholds="aws", fail_on="critical"))
    assert rates["failed"] is True and rates["status"] == "UNKNOWN"
    assert rates["msg"].startswith("fail_on critical: no reputation datapoint for emails-rejected, emails-spam within "
                                   "reputation_lookback 86400 s: widen it; AWS publishes them sparsely")
    assert "never zero a rate" in rates["msg"] and "missing_data" not in rates["msg"] and "zeroed" not in rates["msg"]
    averaged = _run(dict(aws_params, metrics=["emails-rejected"], statistics=["average"]))
    assert "read them with the default statistic latest" in str(averaged["warnings"])


def test_unknown_statistic_is_refused_by_the_argument_spec(aws_params):
    result = _run(dict(aws_params, statistics=["Average"]))
    assert result["failed"] is True and "statistics" in result["msg"] and "Average" in result["msg"]


def test_check_mode_runs_the_same_check(aws_params):
    _seed(aws_params, GOOD)
    result = _run(dict(aws_params, _ansible_check_mode=True, metrics=["emails-sent"]))
    assert result["status"] == "OK" and result["metrics"][0]["value"] == 120.0


def test_regions_and_module_defaults_style_arguments(aws_params):
    _seed(aws_params, {"Send": 5}, "us-east-1")
    _seed(aws_params, {"Send": 50}, "eu-west-1")
    result = _run(dict(aws_params, regions=["us-east-1", "eu-west-1"], metrics=["emails-sent"], critical={"emails-sent": "~:40"}))
    assert [(m["instance"], m["value"], m["state"]) for m in result["metrics"]] == [("us-east-1/SES", 5.0, "OK"), ("eu-west-1/SES", 50.0, "CRITICAL")]
    assert result["output"].startswith("CRITICAL: 'eu-west-1/SES' Statistic 'Sum' Metrics number of sent emails: 50.00 | ")


# -- documentation matches the code ------------------------------------------------------------

def _doc(name):
    return yaml.safe_load(getattr(ses_metric_check, name))


def test_documented_options_match_the_argument_spec():
    options = _doc("DOCUMENTATION")["options"]
    assert set(options) == set(ses_metric_check.ARGUMENT_SPEC)
    for name, spec in ses_metric_check.ARGUMENT_SPEC.items():
        doc = options[name]
        assert doc["type"] == spec["type"], name
        assert doc.get("elements") == spec.get("elements"), name
        assert doc.get("default") == spec.get("default"), name
        # A choices dict documents each choice; its keys are the choices.
        assert (list(doc["choices"]) if "choices" in doc else None) == spec.get("choices"), name
    assert all(isinstance(text, str) and text for text in options["metrics"]["choices"].values())


def test_every_returned_key_is_documented(aws_params):
    _seed(aws_params, GOOD)
    result = _run(dict(aws_params, metrics=["emails-sent"]))
    documented = _doc("RETURN")
    for key in ("status", "exit_code", "output", "perfdata", "metrics", "window", "requests", "errors"):
        assert key in result and key in documented, key
    contains = documented["metrics"]["contains"]
    # A key with a "returned" of its own (volume: only with min_volume) is not in every entry.
    assert set(result["metrics"][0]) == set(key for key, doc in contains.items() if "returned" not in doc)
    assert set(result["window"]) == set(documented["window"]["contains"])
    down = _run({"region": "eu-west-1", "endpoint_url": "http://127.0.0.1:%d" % free_port(), "access_key": "a",
                 "secret_key": "secret-x", "retries": {"max_attempts": 1}})
    assert set(down["errors"][0]) == set(documented["errors"]["contains"])


@pytest.mark.parametrize("name", ["DOCUMENTATION", "EXAMPLES", "RETURN"])
def test_docs_are_valid_yaml(name):
    assert _doc(name)
