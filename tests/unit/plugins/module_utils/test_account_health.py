# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The account labels of ses_metric_check, on the real HTTP path: moto_server behind the recording proxy.

moto 5.2 has no sesv2 GetAccount (HTTP 404) and no SES v1 GetAccountSendingEnabled (HTML 500), so
every GetAccount state (HEALTHY/PROBATION/SHUTDOWN/a new one, sending off, sandbox, unlimited quota,
denied) is injected by the loopback proxy's fault hook as AWS's JSON answer
(tests/unit/utils/ses_answers.py, shaped after botocore's sesv2 service model); CloudWatch and SES
v1 GetSendQuota are moto's own. Requests are counted at the proxy.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import build_plan
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    ACCOUNT_DENIED,
    GET_ACCOUNT,
    answering,
    get_account_answer,
    region_of,
    sending_enabled_answer,
    ses_error,
    v2_answer,
)

ACCOUNT = ["account-sending", "account-enforcement", "account-sandbox", "quota-usage"]


def _session(url):
    return AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "test-secret-key"})


def _check(proxy, **params):
    session = _session(proxy.url)
    proxy.requests.clear()
    return run_check(dict({"region": "us-east-1", "endpoint_url": proxy.url}, **params), session)


def _by_label(result):
    return dict((m["label"], m) for m in result["metrics"])


def _states(result):
    return dict((m["label"], (m["state"], m["account_value"])) for m in result["metrics"])


def _healthy(**overrides):
    fields = dict(EnforcementStatus="HEALTHY", ProductionAccessEnabled=True,
                  SendQuota={"Max24HourSend": 50000.0, "MaxSendRate": 14.0, "SentLast24Hours": 12500.0})
    fields.update(overrides)
    return get_account_answer(**fields)


def test_healthy_account_one_get_account_request(recording_proxy):
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy()})
    result = _check(recording_proxy, metrics=ACCOUNT)
    assert recording_proxy.operations() == [GET_ACCOUNT] and result["account_requests"] == 1 and result["requests"] == 0
    assert _states(result) == {"account-sending": ("OK", "enabled"), "account-enforcement": ("OK", "HEALTHY"),
                               "account-sandbox": ("OK", "granted"), "quota-usage": ("OK", "25.00%")}
    assert result["status"] == "OK"
    assert result["perfdata"] == "'SES~latest#ses.quota.usage.percentage'=25%;;;0;100"
    quota = _by_label(result)["quota-usage"]
    assert (quota["value"], quota["unit"], quota["metric_name"], quota["statistic"]) == (25.0, "percent", "SendQuota", "latest")


def test_probation_is_caught_and_shutdown_is_critical(recording_proxy):
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy(EnforcementStatus="PROBATION")})
    probation = _check(recording_proxy, metrics=["account-enforcement"])
    assert probation["status"] == "WARNING"
    assert probation["output"] == "WARNING: 'SES' Statistic 'Latest' Metrics account enforcement status: PROBATION"
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy(EnforcementStatus="SHUTDOWN")})
    assert _check(recording_proxy, metrics=["account-enforcement"])["status"] == "CRITICAL"


def test_an_enforcement_status_the_check_does_not_know_is_unknown_showing_it(recording_proxy):
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy(EnforcementStatus="PAUSED_FOR_REVIEW")})
    result = _check(recording_proxy, metrics=["account-enforcement"])
    (entry,) = result["metrics"]
    assert entry["state"] == "UNKNOWN" and entry["account_value"] == "PAUSED_FOR_REVIEW"
    assert "enforcement status 'PAUSED_FOR_REVIEW' is not one this check knows (HEALTHY, PROBATION, SHUTDOWN)" in result["output"]


def test_sending_disabled_is_critical(recording_proxy):
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy(SendingEnabled=False)})
    result = _check(recording_proxy, metrics=["account-sending"], fail_on="critical")
    assert result["status"] == "CRITICAL" and result["failed"] is True
    assert result["output"] == "CRITICAL: 'SES' Statistic 'Latest' Metrics account sending: disabled"


def test_sandbox_is_a_warning_read_from_production_access_not_guessed(recording_proxy):
    # A 200/day quota would look like a sandbox; ProductionAccessEnabled says it is not.
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy(SendQuota={"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": 0.0})})
    assert _states(_check(recording_proxy, metrics=["account-sandbox"])) == {"account-sandbox": ("OK", "granted")}
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy(ProductionAccessEnabled=False)})
    result = _check(recording_proxy, metrics=["account-sandbox"])
    assert _states(result) == {"account-sandbox": ("WARNING", "not granted (sandbox)")} and result["status"] == "WARNING"


def test_quota_usage_thresholds_and_unlimited_quota(recording_proxy):
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy()})
    result = _check(recording_proxy, metrics=["quota-usage"], warning={"quota-usage": "20"}, critical={"quota-usage": "90"})
    assert result["status"] == "WARNING"
    assert result["output"] == ("WARNING: 'SES' Statistic 'Latest' Metrics 24-hour sending quota used: 25.00% | "
                                "'SES~latest#ses.quota.usage.percentage'=25%;0:20;0:90;0;100")
    unlimited = {"Max24HourSend": -1.0, "MaxSendRate": 500.0, "SentLast24Hours": 123456.0}
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy(SendQuota=unlimited)})
    result = _check(recording_proxy, metrics=["quota-usage"], critical={"quota-usage": "90"})
    (entry,) = result["metrics"]
    assert (result["status"], entry["value"], entry["account_value"], result["perfdata"]) == ("OK", None, "unlimited", "")
    assert result["output"] == "OK: 'SES' Statistic 'Latest' Metrics 24-hour sending quota used: unlimited"


def test_default_check_is_one_request_and_account_labels_add_one(recording_proxy):
    session = _session(recording_proxy.url)
    session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                 MetricData=[{"MetricName": "Send", "Value": 3.0, "Timestamp": datetime.now(timezone.utc) - timedelta(minutes=2)}])
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy()})
    default = _check(recording_proxy)
    assert recording_proxy.operations() == ["GetMetricData"] and default["account_requests"] == 0
    both = _check(recording_proxy, metrics=["emails-sent", "emails-delivered", "emails-rejected", "emails-spam"] + ACCOUNT)
    assert sorted(recording_proxy.operations()) == sorted(["GetMetricData", GET_ACCOUNT])
    assert both["requests"] == 1 and both["account_requests"] == 1 and len(both["metrics"]) == 8
    two = _check(recording_proxy, regions=["us-east-1", "eu-west-1"], metrics=["emails-sent", "account-enforcement"])
    per_region = sorted((region_of(r), r.operation) for r in recording_proxy.requests)
    assert per_region == [("eu-west-1", "GetMetricData"), ("eu-west-1", GET_ACCOUNT),
                          ("us-east-1", "GetMetricData"), ("us-east-1", GET_ACCOUNT)]
    assert [m["instance"] for m in two["metrics"]] == ["us-east-1/SES", "eu-west-1/SES", "us-east-1/SES", "eu-west-1/SES"]


def test_denied_get_account_falls_back_to_ses_v1_where_it_answers(recording_proxy):
    # GetSendQuota is moto's (200/day, 0 sent); GetAccountSendingEnabled is injected (moto lacks it).
    recording_proxy.fault = answering({GET_ACCOUNT: ACCOUNT_DENIED, "GetAccountSendingEnabled": sending_enabled_answer(True)})
    result = _check(recording_proxy, metrics=ACCOUNT)
    assert recording_proxy.operations() == [GET_ACCOUNT, "GetSendQuota", "GetAccountSendingEnabled"]
    assert result["account_requests"] == 3
    states = _states(result)
    assert states["account-sending"] == ("OK", "enabled") and states["quota-usage"] == ("OK", "0.00%")
    assert states["account-enforcement"] == ("UNKNOWN", None) and states["account-sandbox"] == ("UNKNOWN", None)
    reason = _by_label(result)["account-enforcement"]["unknown_reason"]
    assert reason == "needs ses:GetAccount (GetAccount: denied (AccessDeniedException (HTTP 403)); SES v1 has no equivalent)"
    assert result["status"] == "UNKNOWN"


def test_fallback_asks_only_what_the_labels_need(recording_proxy):
    recording_proxy.fault = answering({GET_ACCOUNT: ACCOUNT_DENIED})
    _check(recording_proxy, metrics=["account-enforcement"])
    assert recording_proxy.operations() == [GET_ACCOUNT]
    _check(recording_proxy, metrics=["quota-usage"])
    assert recording_proxy.operations() == [GET_ACCOUNT, "GetSendQuota"]


def test_what_cannot_be_read_names_ses_get_account_and_the_rest_is_checked(recording_proxy):
    session = _session(recording_proxy.url)
    session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                 MetricData=[{"MetricName": "Send", "Value": 60.0, "Timestamp": datetime.now(timezone.utc) - timedelta(minutes=2)}])
    recording_proxy.fault = answering({
        GET_ACCOUNT: ACCOUNT_DENIED,
        "GetSendQuota": ses_error("AccessDenied", "not authorized: ses:GetSendQuota", 403),
        "GetAccountSendingEnabled": ses_error("AccessDenied", "not authorized: ses:GetAccountSendingEnabled", 403)})
    result = _check(recording_proxy, metrics=["emails-sent", "account-sending", "quota-usage"], critical={"emails-sent": "50"})
    entries = _by_label(result)
    assert entries["emails-sent"]["state"] == "CRITICAL" and result["status"] == "CRITICAL"
    assert entries["account-sending"]["unknown_reason"] == (
        "needs ses:GetAccount (GetAccount: denied (AccessDeniedException (HTTP 403)); SES v1 GetAccountSendingEnabled: AccessDenied (HTTP 403))")
    assert entries["quota-usage"]["unknown_reason"] == (
        "needs ses:GetAccount (GetAccount: denied (AccessDeniedException (HTTP 403)); SES v1 GetSendQuota: AccessDenied (HTTP 403))")
    assert "UNKNOWN: 'SES' Statistic 'Latest' Metrics account sending: needs ses:GetAccount" in result["output"]


def test_a_throttled_get_account_is_unknown_for_the_account_labels_only(recording_proxy):
    session = _session(recording_proxy.url)
    session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                 MetricData=[{"MetricName": "Send", "Value": 4.0, "Timestamp": datetime.now(timezone.utc) - timedelta(minutes=2)}])
    recording_proxy.fault = answering({GET_ACCOUNT: v2_answer({"message": "Too many requests"}, 429, "TooManyRequestsException")})
    result = run_check({"region": "us-east-1", "endpoint_url": recording_proxy.url, "retries": {"max_attempts": 1},
                        "metrics": ["emails-sent", "account-enforcement"]}, session)
    entries = _by_label(result)
    assert entries["emails-sent"]["value"] == 4.0 and entries["emails-sent"]["state"] == "OK"
    assert entries["account-enforcement"]["state"] == "UNKNOWN" and "TooManyRequestsException" in entries["account-enforcement"]["unknown_reason"]
    assert result["errors"][0]["operation"] == "GetAccount" and result["status"] == "UNKNOWN"


def test_account_labels_do_not_turn_missing_cloudwatch_data_into_ok(recording_proxy):
    recording_proxy.fault = answering({GET_ACCOUNT: _healthy()})
    result = _check(recording_proxy, metrics=["emails-sent", "account-sending"])
    assert result["status"] == "UNKNOWN" and "No metrics" in result["output"]
    assert _check(recording_proxy, metrics=["emails-sent", "account-sending"], missing_data="ok")["status"] == "OK"


# -- options -------------------------------------------------------------------------------------

def test_aws_preset_and_explicit_overrides():
    plan = build_plan({"thresholds": "aws", "warning": {"emails-rejected": "0.03"}})
    assert [str(r) for r in plan.thresholds["emails-rejected"]] == ["0:0.03", "@0.1:"]
    assert [str(r) for r in plan.thresholds["emails-spam"]] == ["@0.001:", "@0.005:"]
    assert plan.thresholds["emails-sent"] == (None, None)
    assert build_plan({}).thresholds["emails-rejected"] == (None, None)


@pytest.mark.parametrize("params, message", [
    ({"metrics": ["account-enforcement"], "warning": {"account-enforcement": "1"}},
     "warning.account-enforcement: this account label has fixed states (AWS's meaning of the value) and takes no threshold; "
     "of the account labels only quota-usage does"),
    ({"critical": {"quota-usage": "90"}},
     "critical.quota-usage: this metric is not checked (metrics: emails-sent, emails-delivered, emails-rejected, emails-spam); "
     "add it to metrics or remove the threshold"),
    ({"thresholds": "strict"}, "thresholds must be one of none, aws, bulk_senders, got 'strict'"),
])
def test_bad_account_options(params, message):
    with pytest.raises(OptionError) as info:
        build_plan(params)
    assert str(info.value) == message


def test_unknown_label_lists_the_account_labels_too():
    with pytest.raises(OptionError) as info:
        build_plan({"metrics": ["account-status"]})
    assert str(info.value).startswith("metrics: unknown metric label 'account-status'; valid labels are: emails-sent, ")
    assert "account-sending, account-enforcement, account-sandbox, quota-usage" in str(info.value)
