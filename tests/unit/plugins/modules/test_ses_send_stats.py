# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ses_send_stats end to end: the module's main() against a real moto_server over HTTP.

What moto cannot produce (bounces, complaints, several or unsorted datapoints, an unlimited
quota, sesv2 GetAccount, GetAccountSendingEnabled, AccessDenied, throttling) is injected by the
recording proxy's fault hook as the exact HTTP answer AWS would give, so botocore still parses
real XML/JSON from a socket.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from ansible.module_utils.common import warnings as ansible_warnings

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.send_stats_task import FALLBACK_REQUESTS, REQUESTS_PER_REGION
from ansible_collections.sesmon.ses.plugins.modules.ses_send_stats import ARGUMENT_SPEC, main
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    ACCOUNT_DENIED,
    GET_ACCOUNT,
    answering,
    get_account_answer,
    quota_answer,
    region_of,
    sending_enabled_answer,
    ses_answer,
    ses_error,
    v2_answer,
)

ISO = "%Y-%m-%dT%H:%M:%SZ"
# moto has no GetAccount (404): the shared account reader falls back to SES v1 for the quota and sending.
# moto lacks GetAccount: the fallback's requests come between the two of the plan.
PLAN = [GET_ACCOUNT if name == "GetAccount" else name for name in REQUESTS_PER_REGION]  # as the proxy names sesv2's
MOTO_OPERATIONS = [PLAN[0]] + list(FALLBACK_REQUESTS) + [PLAN[1]]


@pytest.fixture(autouse=True)
def _fresh_warnings():
    """AnsibleModule keeps warnings in a process-wide dict; in-process runs would see earlier ones."""
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access
    yield
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access


# -- helpers -------------------------------------------------------------------------------------


def statistics_answer(points):
    """GetSendStatistics with these (timestamp, attempts, bounces, complaints, rejects), in this order."""
    members = "".join(
        "<member><Timestamp>%s</Timestamp><DeliveryAttempts>%d</DeliveryAttempts><Bounces>%d</Bounces>"
        "<Complaints>%d</Complaints><Rejects>%d</Rejects></member>" % (when.strftime(ISO), a, b, c, r)
        for when, a, b, c, r in points
    )
    return ses_answer("GetSendStatistics", "<SendDataPoints>%s</SendDataPoints>" % members)


def args_for(url, **extra):
    args = {"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE",
            "secret_key": "test-secret-key"}
    args.update(extra)
    return args


def send(session, source, count=1, region=None):
    for dummy in range(count):
        session.call("ses", "send_email", region=region, Source=source,
                     Destination={"ToAddresses": ["someone@example.net"]},
                     Message={"Subject": {"Data": "hello"}, "Body": {"Text": {"Data": "hello"}}})


def warning_texts(result):
    return [str(w) for w in result.get("warnings", [])]


def now_utc():
    return datetime.now(timezone.utc).replace(microsecond=0)


# -- against moto as it is -----------------------------------------------------------------------


def test_fresh_account(aws_params):
    result = run_module(main, aws_params)
    assert not result.get("failed") and result["changed"] is False
    assert result["region"] == "us-east-1"
    assert result["quota"] == {"max_24_hour_send": 200.0, "max_send_rate": 1.0, "sent_last_24_hours": 0.0,
                               "unlimited": False, "remaining_24_hour_send": 200.0, "utilization_percent": 0.0}
    # moto's one synthetic datapoint has no delivery attempt: rates are null, not 0.
    assert result["totals"] == {"delivery_attempts": 0, "bounces": 0, "complaints": 0, "rejects": 0}
    assert set(result["rates"].values()) == {None}
    assert list(result["regions"]) == ["us-east-1"]
    assert result["regions"]["us-east-1"]["quota"] == result["quota"]
    assert result["regions"]["us-east-1"]["failed"] is False and result["retry_attempts"] == 0


def test_quota_and_statistics_after_real_sends(aws_params):
    session = AwsSession(aws_params)
    session.call("ses", "verify_email_identity", EmailAddress="sender@example.com")
    send(session, "sender@example.com", count=3)
    result = run_module(main, dict(aws_params, since="1h"))
    assert result["quota"]["sent_last_24_hours"] == 3.0
    assert result["quota"]["remaining_24_hour_send"] == 197.0 and result["quota"]["utilization_percent"] == 1.5
    assert result["totals"]["delivery_attempts"] == 3 and result["window"]["datapoint_count"] == 1
    assert result["rates"]["bounce_rate"] == 0.0 and result["rates"]["reject_rate"] == 0.0
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", result["datapoints"][0]["timestamp"])
    assert abs(result["window"]["newest_datapoint_age_seconds"]) <= 5


def test_rejects_from_an_unverified_sender(aws_params):
    session = AwsSession(aws_params)
    session.call("ses", "verify_email_identity", EmailAddress="sender@example.com")
    send(session, "sender@example.com", count=4)
    with pytest.raises(Exception, match="MessageRejected"):
        send(session, "stranger@example.org")
    result = run_module(main, aws_params)
    assert result["totals"] == {"delivery_attempts": 4, "bounces": 0, "complaints": 0, "rejects": 1}
    assert result["rates"]["reject_rate"] == 0.25 and result["rates"]["reject_percent"] == 25.0


def test_regions_are_kept_apart(aws_params):
    session = AwsSession(aws_params)
    session.call("ses", "verify_email_identity", EmailAddress="sender@example.com", region="eu-west-1")
    send(session, "sender@example.com", count=2, region="eu-west-1")
    result = run_module(main, dict(aws_params, regions=["eu-west-1", "us-east-1", "eu-west-1"]))
    assert list(result["regions"]) == ["eu-west-1", "us-east-1"]
    assert result["region"] == "eu-west-1" and result["quota"]["sent_last_24_hours"] == 2.0
    assert result["regions"]["eu-west-1"]["totals"]["delivery_attempts"] == 2
    assert result["regions"]["us-east-1"]["quota"]["sent_last_24_hours"] == 0.0
    assert result["regions"]["us-east-1"]["totals"]["delivery_attempts"] == 0


def test_region_option_is_used_without_regions(aws_params):
    result = run_module(main, dict(aws_params, region="ap-southeast-2"))
    assert result["region"] == "ap-southeast-2" and list(result["regions"]) == ["ap-southeast-2"]


def test_bad_regions_entry_is_refused(aws_params):
    result = run_module(main, dict(aws_params, regions=["eu-west-1", "Europe"]))
    assert result["failed"] is True
    assert result["msg"] == "regions entry 'Europe' is not a valid AWS region name (expected a name such as eu-west-1)"


def test_request_count_against_moto(recording_proxy):
    # moto has no sesv2 GetAccount (404): the v1 fallback is asked, and moto cannot answer it
    # either (HTML 500), so sending_enabled stays null and one warning says so.
    result = run_module(main, args_for(recording_proxy.url))
    assert recording_proxy.operations() == MOTO_OPERATIONS
    assert result["account"]["source"] == "unavailable" and result["account"]["sending_enabled"] is None
    warnings = warning_texts(result)
    assert len(warnings) == 1 and "sesv2 GetAccount could not be used in us-east-1 (not offered by the endpoint (HTTP 404))" in warnings[0]


def test_request_count_per_region(recording_proxy):
    run_module(main, args_for(recording_proxy.url, regions=["us-east-1", "eu-west-1"]))
    per_region = {}
    for request in recording_proxy.requests:
        per_region.setdefault(region_of(request), []).append(request.operation)
    assert per_region == {"us-east-1": MOTO_OPERATIONS, "eu-west-1": MOTO_OPERATIONS}


# -- answers moto cannot give, injected through the proxy -----------------------------------------


def test_two_requests_when_get_account_answers(recording_proxy):
    # moto lacks sesv2 GetAccount: its JSON answer is injected. It carries the quota: no GetSendQuota.
    quota = {"Max24HourSend": 50000.0, "MaxSendRate": 14.0, "SentLast24Hours": 12500.0}
    recording_proxy.fault = answering({GET_ACCOUNT: get_account_answer(SendQuota=quota)})
    result = run_module(main, args_for(recording_proxy.url))
    assert recording_proxy.operations() == PLAN == [GET_ACCOUNT, "GetSendStatistics"]
    assert result["quota"] == {"max_24_hour_send": 50000.0, "max_send_rate": 14.0, "sent_last_24_hours": 12500.0,
                               "unlimited": False, "remaining_24_hour_send": 37500.0, "utilization_percent": 25.0}
    assert result["account"] == {
        "source": "sesv2", "sending_enabled": True, "enforcement_status": "PROBATION",
        "production_access_enabled": False, "sandbox": True, "dedicated_ip_auto_warmup_enabled": False,
        "details": None,
    }
    assert warning_texts(result) == [] and "jane.doe" not in json.dumps(result)
    # The summary: one line for the region, one overall (moto's statistics are empty here).
    assert result["summary"] == [
        "us-east-1: sent 12500 of 50000 in 24 h (25.0 % used, 37500 left); no delivery attempt in the window; account PROBATION, sandbox",
        "overall (1 region): sent 12500 of 50000 in 24 h (25.0 % used, 37500 left); no delivery attempt in the window; "
        "account PROBATION, sandbox in us-east-1"]


def test_contact_details_only_when_asked(recording_proxy):
    # moto lacks sesv2 GetAccount: its JSON answer is injected.
    recording_proxy.fault = answering({GET_ACCOUNT: get_account_answer()})
    result = run_module(main, args_for(recording_proxy.url, include_contact_details=True))
    assert result["account"]["details"] == {
        "mail_type": "TRANSACTIONAL", "website_url": "https://shop.example.com", "contact_language": "EN",
        "use_case_description": "Order confirmations", "additional_contact_email_addresses": ["jane.doe@example.com"],
        "review_details": {"status": "GRANTED", "case_id": "1234567890"},
    }


def test_unknown_enforcement_status_is_passed_through(recording_proxy):
    # moto lacks sesv2 GetAccount; AWS may add statuses the model does not list.
    answer = get_account_answer(EnforcementStatus="PAUSED_FOR_REVIEW", ProductionAccessEnabled=True)
    recording_proxy.fault = answering({GET_ACCOUNT: answer})
    result = run_module(main, args_for(recording_proxy.url))
    assert result["account"]["enforcement_status"] == "PAUSED_FOR_REVIEW"
    assert result["account"]["sandbox"] is False
    # The 200/1 quota of a fresh moto account does not make it a sandbox account.
    assert result["quota"]["max_24_hour_send"] == 200.0


def test_get_account_denied_falls_back_to_v1(recording_proxy):
    # moto cannot deny GetAccount (it has no such operation), nor answer GetAccountSendingEnabled.
    recording_proxy.fault = answering({GET_ACCOUNT: ACCOUNT_DENIED, "GetAccountSendingEnabled": sending_enabled_answer(False)})
    result = run_module(main, args_for(recording_proxy.url))
    assert not result.get("failed")
    assert recording_proxy.operations() == MOTO_OPERATIONS
    assert result["account"] == {
        "source": "ses-v1", "sending_enabled": False, "enforcement_status": None, "production_access_enabled": None,
        "sandbox": None, "dedicated_ip_auto_warmup_enabled": None, "details": None,
    }
    (warning,) = warning_texts(result)
    assert "sesv2 GetAccount could not be used in us-east-1 (denied (AccessDeniedException (HTTP 403)))" in warning
    assert "failed too" not in warning


def test_get_account_unavailable_falls_back_to_v1(recording_proxy):
    # moto's real 404 for GetAccount; moto cannot answer GetAccountSendingEnabled (HTML 500), so
    # that answer is injected.
    recording_proxy.fault = answering({"GetAccountSendingEnabled": sending_enabled_answer(True)})
    result = run_module(main, args_for(recording_proxy.url))
    assert recording_proxy.operations() == MOTO_OPERATIONS
    assert result["account"]["source"] == "ses-v1" and result["account"]["sending_enabled"] is True
    (warning,) = warning_texts(result)
    # A 404 is an endpoint without the API, not a missing permission (issue 18): no advice to grant, one short line.
    assert "could not be used in us-east-1 (not offered by the endpoint (HTTP 404))" in warning and "grant" not in warning
    assert len(result["warnings"][0]["event"]["msg"] if isinstance(result["warnings"][0], dict) else warning) <= 200


def test_both_account_calls_denied_still_succeeds(recording_proxy):
    # moto can deny neither call. Account data is secondary: the quota and statistics still come back.
    recording_proxy.fault = answering({
        GET_ACCOUNT: ACCOUNT_DENIED,
        "GetAccountSendingEnabled": ses_error("AccessDenied", "not authorized: ses:GetAccountSendingEnabled", 403)})
    result = run_module(main, args_for(recording_proxy.url))
    assert not result.get("failed") and result["quota"]["max_24_hour_send"] == 200.0
    assert result["account"]["source"] == "unavailable" and result["account"]["sending_enabled"] is None
    (warning,) = warning_texts(result)
    assert "GetAccountSendingEnabled failed too in us-east-1 (AccessDenied (HTTP 403))" in warning


def test_fallback_in_several_regions_warns_once(recording_proxy):
    # moto cannot deny GetAccount, nor answer GetAccountSendingEnabled.
    recording_proxy.fault = answering({GET_ACCOUNT: ACCOUNT_DENIED, "GetAccountSendingEnabled": sending_enabled_answer(True)})
    result = run_module(main, args_for(recording_proxy.url, regions=["us-east-1", "eu-west-1", "ap-south-1"]))
    warnings = warning_texts(result)
    assert len(warnings) == 1
    assert "could not be used in us-east-1, eu-west-1, ap-south-1 (" in warnings[0]
    assert all(e["account"]["source"] == "ses-v1" and e["account"]["sending_enabled"] is True
               for e in result["regions"].values())


def test_unsorted_statistics_with_bounces_and_complaints(recording_proxy):
    # moto returns one synthetic point with Bounces and Complaints always 0.
    base = now_utc().replace(second=0) - timedelta(hours=3)
    points = [
        (base + timedelta(minutes=30), 400, 8, 1, 0),
        (base, 100, 2, 0, 1),
        (base + timedelta(minutes=15), 500, 10, 1, 0),
    ]
    recording_proxy.fault = answering({"GetSendStatistics": statistics_answer(points)})
    result = run_module(main, args_for(recording_proxy.url))
    assert [p["timestamp"] for p in result["datapoints"]] == [
        (base + timedelta(minutes=m)).strftime(ISO) for m in (0, 15, 30)]
    assert [p["delivery_attempts"] for p in result["datapoints"]] == [100, 500, 400]
    assert result["totals"] == {"delivery_attempts": 1000, "bounces": 20, "complaints": 2, "rejects": 1}
    assert result["rates"]["bounce_rate"] == 0.02 and result["rates"]["bounce_percent"] == 2.0
    assert result["rates"]["complaint_rate"] == 0.002 and result["rates"]["reject_rate"] == 0.001
    assert result["window"]["start"] == base.strftime(ISO)
    assert result["window"]["newest_datapoint"] == (base + timedelta(minutes=30)).strftime(ISO)
    assert 9000 - 5 <= result["window"]["newest_datapoint_age_seconds"] <= 9000 + 60


def test_empty_statistics(recording_proxy):
    # moto always returns one point; an idle AWS account returns none.
    recording_proxy.fault = answering({"GetSendStatistics": ses_answer("GetSendStatistics", "<SendDataPoints/>")})
    result = run_module(main, args_for(recording_proxy.url))
    assert not result.get("failed")
    assert result["datapoints"] == [] and result["totals"]["delivery_attempts"] == 0
    assert set(result["rates"].values()) == {None}
    assert result["window"]["start"] is None and result["window"]["datapoint_count"] == 0
    assert result["window"]["newest_datapoint_age_seconds"] is None


def test_unlimited_quota(recording_proxy):
    # moto's quota is always 200 per day; AWS answers -1 for an unlimited one.
    recording_proxy.fault = answering({"GetSendQuota": quota_answer("-1.0", "500.0", "123456.0")})
    result = run_module(main, args_for(recording_proxy.url))
    assert result["quota"] == {"max_24_hour_send": -1.0, "max_send_rate": 500.0, "sent_last_24_hours": 123456.0,
                               "unlimited": True, "remaining_24_hour_send": None, "utilization_percent": None}


def test_window_edges(recording_proxy):
    # moto returns one point stamped "now"; points at chosen times are injected.
    since = now_utc() - timedelta(hours=2)
    points = [(since - timedelta(seconds=1), 7, 7, 0, 0), (since, 10, 1, 0, 0), (since + timedelta(minutes=15), 10, 0, 0, 0)]
    recording_proxy.fault = answering({"GetSendStatistics": statistics_answer(points)})
    result = run_module(main, args_for(recording_proxy.url, since=since.strftime(ISO)))
    assert [p["timestamp"] for p in result["datapoints"]] == [since.strftime(ISO), (since + timedelta(minutes=15)).strftime(ISO)]
    assert result["totals"] == {"delivery_attempts": 20, "bounces": 1, "complaints": 0, "rejects": 0}
    assert result["rates"]["bounce_rate"] == 0.05
    assert result["window"]["start"] == since.strftime(ISO) and result["window"]["datapoint_count"] == 2

    # The same instant with an offset and without any: naive is UTC.
    plus2 = since.astimezone(timezone(timedelta(hours=2))).strftime("%Y-%m-%dT%H:%M:%S+02:00")
    naive = since.strftime("%Y-%m-%dT%H:%M:%S")
    for text in (plus2, naive):
        assert run_module(main, args_for(recording_proxy.url, since=text))["totals"]["delivery_attempts"] == 20


def test_zero_attempts_in_the_window(recording_proxy):
    # moto cannot date its point in the past: an old busy point and a recent idle one are injected.
    now = now_utc()
    points = [(now - timedelta(days=3), 50, 5, 0, 0), (now - timedelta(minutes=30), 0, 0, 0, 2)]
    recording_proxy.fault = answering({"GetSendStatistics": statistics_answer(points)})
    result = run_module(main, args_for(recording_proxy.url, since="1h"))
    assert result["totals"] == {"delivery_attempts": 0, "bounces": 0, "complaints": 0, "rejects": 2}
    assert set(result["rates"].values()) == {None}
    assert result["window"]["datapoint_count"] == 1


def test_one_region_failing_among_several(recording_proxy):
    # moto cannot deny one region only: the proxy answers AccessDenied to eu-west-1's requests.
    recording_proxy.fault = answering(
        {"GetSendQuota": ses_error("AccessDenied", "User is not authorized to perform: ses:GetSendQuota", 403)},
        only_region="eu-west-1")
    result = run_module(main, args_for(recording_proxy.url, regions=["us-east-1", "eu-west-1"]))
    assert not result.get("failed") and result["region"] == "us-east-1" and result["quota"]["max_24_hour_send"] == 200.0
    failed = result["regions"]["eu-west-1"]
    assert failed["failed"] is True and failed["quota"] is None and failed["rates"] is None
    assert failed["error"] == {
        "code": "AccessDenied", "http_status": 403, "operation": "GetSendQuota", "region": "eu-west-1",
        "request_id": "d2b5f2f4-0000-4000-8000-000000000001",
        "message": "GetSendQuota in eu-west-1 failed: AccessDenied (HTTP 403): User is not authorized to perform: ses:GetSendQuota",
    }
    assert result["regions"]["us-east-1"]["failed"] is False
    assert result["summary"][1] == "eu-west-1: not read (AccessDenied)"
    assert result["summary"][2].startswith("overall (1 region): sent 0 of 200 in 24 h") and result["summary"][2].endswith("; not read: eu-west-1")
    assert any("could not be read in 1 of 2 regions (eu-west-1: AccessDenied)" in w
               for w in warning_texts(result))
    # A failed region stops at its first error: GetAccount (404 from moto), then the failed GetSendQuota.
    assert [r.operation for r in recording_proxy.requests if region_of(r) == "eu-west-1"] == [GET_ACCOUNT, "GetSendQuota"]


def test_every_region_failing_fails_the_task(recording_proxy):
    # moto cannot deny: the proxy answers AccessDenied everywhere.
    recording_proxy.fault = answering({"GetSendQuota": lambda r: ses_error(
        "AccessDenied", "not authorized in %s" % region_of(r), 403)})
    result = run_module(main, args_for(recording_proxy.url, regions=["eu-west-1", "us-east-1"]))
    assert result["failed"] is True
    assert result["msg"] == ("GetSendQuota in eu-west-1 failed: AccessDenied (HTTP 403): the credentials lack the IAM action ses:GetSendQuota; "
                             "not authorized in eu-west-1")
    assert result["error"]["region"] == "eu-west-1" and result["error"]["code"] == "AccessDenied"
    assert result["regions"]["us-east-1"]["error"]["message"].endswith("not authorized in us-east-1")


def test_get_account_throttled_to_the_end_fails_the_region(recording_proxy):
    # moto never throttles. Only "denied" or "not available" fall back to SES v1; a throttled
    # GetAccount is an error like any other once botocore's retries are spent.
    recording_proxy.fault = answering({GET_ACCOUNT: v2_answer({"message": "Too many requests"}, 429, "TooManyRequestsException")})
    result = run_module(main, args_for(recording_proxy.url, retries={"max_attempts": 1}))
    assert result["failed"] is True and result["error"]["code"] == "TooManyRequestsException"
    assert result["error"]["operation"] == "GetAccount"


def test_throttling_is_answered_by_botocore_retries(recording_proxy):
    # moto never throttles: the first two GetSendQuota requests get SES's Throttling error.
    throttled = []

    def twice(request):
        if len(throttled) < 2:
            throttled.append(request)
            return ses_error("Throttling", "Maximum sending rate exceeded.")
        return None

    recording_proxy.fault = answering({"GetSendQuota": twice})
    result = run_module(main, args_for(recording_proxy.url))
    assert not result.get("failed") and result["quota"]["max_24_hour_send"] == 200.0
    assert result["retry_attempts"] == 2
    assert recording_proxy.operations()[:4] == [GET_ACCOUNT] + ["GetSendQuota"] * 3


def test_throttling_beyond_max_attempts_names_the_code(recording_proxy):
    # moto never throttles.
    recording_proxy.fault = answering({"GetSendStatistics": ses_error("Throttling", "Rate exceeded")})
    result = run_module(main, args_for(recording_proxy.url, retries={"max_attempts": 2}))
    assert result["failed"] is True
    assert result["msg"] == "GetSendStatistics in us-east-1 failed: Throttling (HTTP 400): Rate exceeded"
    assert recording_proxy.operations().count("GetSendStatistics") == 2


# -- options -------------------------------------------------------------------------------------


@pytest.mark.parametrize("since, message", [
    ("yesterday", "since 'yesterday' is neither a duration"),
    ("3600", "since '3600' is neither a duration"),
    ("2024-02-30T00:00:00Z", "since '2024-02-30T00:00:00Z' is neither a duration"),
    ("2999-01-01T00:00:00Z", "since '2999-01-01T00:00:00Z' is in the future"),
])
def test_bad_since_fails_before_any_request(recording_proxy, since, message):
    result = run_module(main, args_for(recording_proxy.url, since=since))
    assert result["failed"] is True and result["msg"].startswith(message)
    assert recording_proxy.requests == []


def test_publish_facts(aws_params):
    result = run_module(main, dict(aws_params, publish_facts=True))
    published = result["ansible_facts"]["ses_send_stats"]
    assert published["quota"] == result["quota"] and published["regions"] == result["regions"]
    assert published["region"] == "us-east-1"
    assert "ansible_facts" not in run_module(main, aws_params)


def test_check_mode_reads_the_same(aws_params):
    result = run_module(main, dict(aws_params, _ansible_check_mode=True))
    assert not result.get("failed") and result["changed"] is False
    assert result["quota"]["max_24_hour_send"] == 200.0


def test_argument_spec_types():
    assert ARGUMENT_SPEC == {
        "regions": {"type": "list", "elements": "str"},
        "since": {"type": "str"},
        "include_contact_details": {"type": "bool", "default": False},
        "publish_facts": {"type": "bool", "default": False},
        "include_extra": {"type": "list", "elements": "str", "choices": ["recommendations", "vdm", "tenants"]},
        "vdm_isps": {"type": "list", "elements": "str"},
    }
