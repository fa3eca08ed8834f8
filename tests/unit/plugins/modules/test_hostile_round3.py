# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Hostile input and faulty endpoints, round 3 (issue 21), table-driven, both modules in-process.

Classes, each a table (the suite's summary prints their counts):
- long secrets: 600-character session tokens echoed by an XML error, a JSON error, an HTML page
  (wrapped over lines), CloudWatch's messages, placed so that every cut falls inside them: no piece
  of 16 characters shows anywhere in the result;
- impossible values: numbers outside their domain on both SES paths and in CloudWatch (negative
  counts, a -5 quota, a rate above 1, half an email) are InvalidAnswer, never OK;
- outside the window: datapoints stamped after now or days before the window are never summed;
- foreign text: '|', markup and HTML from AWS or a proxy never reach the status line or a message raw;
- named causes: bad aws_config, profile/credential_process, credentials text, regions, since, STS
  credentials already expired: each a named error, never "Unexpected error";
- assume-role churn: one AssumeRole call per task at any accepted duration.

moto_server answers what it can through a recording LoopbackProxy; where moto lacks an API (sesv2
GetAccount) or a fault is needed, the proxy's fault hook answers on the real HTTP path in AWS's wire
format (tests/unit/utils/ses_answers.py; GetAccount's shape follows botocore's sesv2 model).
"""

from __future__ import annotations

import json
import random
import string
from datetime import datetime, timedelta, timezone

import pytest

from ansible.module_utils.common import warnings as ansible_warnings

from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check, ses_send_stats
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import REMOVE, changed, run_module
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    GET_ACCOUNT, answering, get_account_answer, quota_answer, ses_answer, ses_error, v2_answer,
)

SEND, CHECK = ses_send_stats, ses_metric_check
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
_RANDOM = random.Random(21)
# A session token as STS gives them: several hundred characters of base64.
TOKEN = "".join(_RANDOM.choice(string.ascii_letters + string.digits + "+/") for dummy in range(600)) + "=="
SECRET_KEY = "r3-" + "".join(_RANDOM.choice(string.ascii_letters + string.digits) for dummy in range(37))
SECRETS = (TOKEN, SECRET_KEY)
CW_JSON = {"Content-Type": "application/x-amz-json-1.0"}
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"
PIECE = 16  # issue 21: no piece of a secret this long shows (the suite's own figure, not the code's)


def pieces(secret):
    return [secret[i:i + PIECE] for i in range(0, len(secret) - PIECE + 1)]


def assert_no_piece(result):
    text = json.dumps(result)
    for secret in SECRETS:
        for piece in pieces(secret):
            assert piece not in text, "a %d-character piece of a secret shows in the result: %r" % (PIECE, piece)


@pytest.fixture
def proxy(recording_proxy):
    return recording_proxy


@pytest.fixture(autouse=True)
def _fresh_warnings():
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access


def base(url, module, **changes):
    args = {"region": "us-east-1", "endpoint_url": url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY,
            "session_token": TOKEN, "retries": {"max_attempts": 1}, "connect_timeout": 2, "read_timeout": 3, "total_timeout": 20}
    if module is CHECK:
        args["metrics"] = ["emails-sent"]
    return changed(args, changes)


def text_of(result):
    """The one line a person reads: msg when the task failed, else the check's output."""
    return result.get("msg") or result.get("output") or ""


def cw_error(code, message, status=400):
    return status, dict(CW_JSON, **{"x-amzn-query-error": "%s;Sender" % code}), json.dumps({"__type": code, "message": message}).encode()


def cw_answer(results):
    return 200, CW_JSON, json.dumps({"MetricDataResults": results}).encode()


def epoch(when):
    return int(when.timestamp())


def send_result(stamps_values, **extra):
    result = {"Id": "q0", "Label": "Send", "StatusCode": "Complete",
              "Timestamps": [epoch(s) for s, _v in stamps_values], "Values": [v for _s, v in stamps_values]}
    result.update(extra)
    return result


def now():
    return datetime.now(timezone.utc)


# -- long secrets: masked before any cut ----------------------------------------------------------------------

def _wrapped(text, width=76):
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


LONG_ECHO = "the request carried X-Amz-Security-Token: %s and more" % TOKEN
PADDING = "x" * 250  # the old 300-character cut then fell 50 characters into the token
HTML_ECHO = ("<!DOCTYPE html><html><head><title>Proxy</title></head><body><pre>X-Amz-Security-Token: %s</pre>"
             "<p>secret: %s</p></body></html>" % (_wrapped(TOKEN), SECRET_KEY)).encode()

SECRET_CASES = [
    ("xml-error-echo", SEND, {"GetSendQuota": ses_error("InvalidParameterValue", LONG_ECHO), GET_ACCOUNT: v2_answer({}, 404)}),
    ("xml-error-echo-after-padding", SEND, {"GetSendQuota": ses_error("InvalidParameterValue", PADDING + LONG_ECHO),
                                            GET_ACCOUNT: v2_answer({}, 404)}),
    ("json-error-echo", SEND, {GET_ACCOUNT: v2_answer({"message": PADDING + LONG_ECHO}, 400, "BadRequestException")}),
    ("html-page-200", SEND, {GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": (200, {"Content-Type": "text/html"}, HTML_ECHO)}),
    ("html-page-502", CHECK, {"GetMetricData": (502, {"Content-Type": "text/html"}, HTML_ECHO)}),
    ("cloudwatch-error-echo", CHECK, {"GetMetricData": cw_error("ValidationError", PADDING + LONG_ECHO)}),
    ("cloudwatch-messages-echo", CHECK, {"GetMetricData": cw_answer([send_result(
        [], StatusCode="PartialData", Messages=[{"Code": "Echo", "Value": PADDING[:100] + LONG_ECHO}])])}),
    ("secret-key-in-error", SEND, {"GetSendQuota": ses_error("SignatureDoesNotMatch", PADDING + "secret " + SECRET_KEY * 3),
                                   GET_ACCOUNT: v2_answer({}, 404)}),
]


@pytest.mark.parametrize("module, answers", [c[1:] for c in SECRET_CASES], ids=[c[0] for c in SECRET_CASES])
def test_long_secret_no_piece_shows(proxy, module, answers):
    proxy.fault = answering(answers)
    result = run_module(module.main, base(proxy.url, module))
    assert result.get("failed") or result.get("status") == "UNKNOWN", result
    assert "Unexpected error" not in text_of(result)
    assert_no_piece(result)


# -- impossible values: InvalidAnswer, never OK -----------------------------------------------------------------

def _statistics(point):
    return ses_answer("GetSendStatistics", "<SendDataPoints><member>%s</member></SendDataPoints>" % point)


def _rate_result(value):
    return cw_answer([{"Id": "q0", "StatusCode": "Complete", "Timestamps": [epoch(now() - timedelta(minutes=5))], "Values": [value]}])


def _quota(max_send=200.0, rate=1.0, sent=0.0):
    return get_account_answer(SendQuota={"Max24HourSend": max_send, "MaxSendRate": rate, "SentLast24Hours": sent})


# (id, module, extra options, answers, fragment of the InvalidAnswer message)
VALUE_CASES = [
    ("get-account-sent-negative", SEND, {}, {GET_ACCOUNT: _quota(200.0, 1.0, -3.0)},
     "SendQuota.SentLast24Hours is -3.0, below 0"),
    ("get-account-quota-minus-5", SEND, {}, {GET_ACCOUNT: _quota(-5.0, 1.0, 0.0)},
     "SendQuota.Max24HourSend is -5.0: a quota is -1 (unlimited) or at least 0"),
    ("get-account-rate-minus-2", SEND, {}, {GET_ACCOUNT: _quota(200.0, -2.0, 0.0)},
     "SendQuota.MaxSendRate is -2.0"),
    ("send-quota-minus-5", SEND, {}, {GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": quota_answer("-5.0", "1.0", "0.0")},
     "Max24HourSend is -5.0: a quota is -1 (unlimited) or at least 0"),
    ("send-quota-sent-negative", SEND, {}, {GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": quota_answer("200.0", "1.0", "-3.0")},
     "SentLast24Hours is -3.0, below 0"),
    ("statistics-negative-bounces", SEND, {}, {
        GET_ACCOUNT: get_account_answer(),
        "GetSendStatistics": _statistics("<Timestamp>%s</Timestamp><DeliveryAttempts>5</DeliveryAttempts><Bounces>-1</Bounces>"
                                         % (now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))},
     "SendDataPoints[0].Bounces is -1, below 0"),
    ("check-negative-send", CHECK, {}, {"GetMetricData": cw_answer([send_result([(now() - timedelta(minutes=5), -4.0)])])},
     "is -4.0, below 0"),
    ("check-half-an-email", CHECK, {}, {"GetMetricData": cw_answer([send_result([(now() - timedelta(minutes=5), 2.5)])])},
     "is 2.5, not a whole number"),
    ("check-negative-bounce-rate-aws-preset", CHECK, {"metrics": ["emails-rejected"], "thresholds": "aws"},
     {"GetMetricData": _rate_result(-0.01)}, "is -0.01, below 0"),
    ("check-bounce-rate-above-1", CHECK, {"metrics": ["emails-rejected"]}, {"GetMetricData": _rate_result(1.5)},
     "is 1.5, above 1"),
    ("check-quota-usage-sent-negative", CHECK, {"metrics": ["quota-usage"]}, {
        GET_ACCOUNT: _quota(sent=-3.0)},
     "SendQuota.SentLast24Hours is -3.0, below 0"),
]


@pytest.mark.parametrize("module, extra, answers, fragment", [c[1:] for c in VALUE_CASES], ids=[c[0] for c in VALUE_CASES])
def test_impossible_value_is_invalid_answer(proxy, module, extra, answers, fragment):
    proxy.fault = answering(answers)
    result = run_module(module.main, base(proxy.url, module, **extra))
    if module is SEND:
        assert result.get("failed") is True and result["error"]["code"] == "InvalidAnswer", result
    else:
        assert result["status"] == "UNKNOWN" and result["errors"][0]["code"] == "InvalidAnswer", result
    assert "InvalidAnswer" in text_of(result) and fragment in text_of(result), text_of(result)


def test_minus_one_is_still_unlimited(proxy):
    proxy.fault = answering({GET_ACCOUNT: get_account_answer(SendQuota={"Max24HourSend": -1.0, "MaxSendRate": -1.0, "SentLast24Hours": 7.0})})
    result = run_module(SEND.main, base(proxy.url, SEND))
    assert not result.get("failed") and result["quota"]["unlimited"] is True, result


# -- outside the window: never summed --------------------------------------------------------------------------

WINDOW_CASES = [
    ("after-now", lambda t: [(t - timedelta(minutes=3), 5.0), (t + timedelta(minutes=2), 1000.0)]),
    ("days-before", lambda t: [(t - timedelta(minutes=3), 5.0), (t - timedelta(days=3), 1000.0)]),
    ("both-edges", lambda t: [(t - timedelta(minutes=3), 5.0), (t + timedelta(hours=1), 1000.0), (t - timedelta(minutes=11), 1000.0)]),
]


@pytest.mark.parametrize("points", [c[1] for c in WINDOW_CASES], ids=[c[0] for c in WINDOW_CASES])
def test_datapoints_outside_the_window_are_not_counted(proxy, points):
    proxy.fault = answering({"GetMetricData": lambda request: cw_answer([send_result(points(now()))])})
    result = run_module(CHECK.main, base(proxy.url, CHECK, critical={"emails-sent": "10"}))
    assert result["metrics"][0]["value"] == 5.0 and result["status"] == "OK", result


def _stamp(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("since", [None, "2h"], ids=["no-since", "since-2h"])
def test_send_statistics_from_the_future_are_not_counted(proxy, since):
    point = "<member><Timestamp>%s</Timestamp><DeliveryAttempts>%d</DeliveryAttempts><Bounces>0</Bounces></member>"
    answer = ses_answer("GetSendStatistics", "<SendDataPoints>%s%s</SendDataPoints>" % (
        point % (_stamp(now() - timedelta(hours=1)), 5), point % (_stamp(now() + timedelta(hours=2)), 1000)))
    proxy.fault = answering({GET_ACCOUNT: get_account_answer(), "GetSendStatistics": answer})
    result = run_module(SEND.main, base(proxy.url, SEND, since=since if since else REMOVE))
    assert not result.get("failed") and result["totals"]["delivery_attempts"] == 5, result


# -- foreign text: no '|', no markup in the status line or a message -------------------------------------------

HOSTILE = "Denied | by <b>policy</b>\n<script>x</script> | again"
PAGE = (502, {"Content-Type": "text/html"}, b"<!DOCTYPE html><html><head><title>Gate | way</title></head><body><h1>Bad | gateway</h1></body></html>")
PAGE_200 = (200, {"Content-Type": "text/html"}, b"<html><head><title>Login</title></head><body><form>a|b</form></body></html>")

STS_DENIED = ('<ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>%s</Message></Error>'
              '</ErrorResponse>' % (STS_NS, "no | &lt;b&gt;way&lt;/b&gt;")).encode()
# Every way a foreign text reaches a message: (id, module, options, answers)
FOREIGN_CASES = [
    ("aws-xml-error-message", SEND, {}, {GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": ses_error("Throttling", HOSTILE)}),
    ("aws-json-error-message", SEND, {}, {GET_ACCOUNT: v2_answer({"message": HOSTILE}, 400, "BadRequestException")}),
    ("aws-json-error-code", SEND, {}, {GET_ACCOUNT: v2_answer({"message": "x"}, 400, "Bad|Code<b>")}),
    ("cloudwatch-error-message", CHECK, {}, {"GetMetricData": cw_error("ValidationError", HOSTILE)}),
    ("cloudwatch-html-502", CHECK, {}, {"GetMetricData": PAGE}),
    ("ses-html-200", SEND, {}, {GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": PAGE_200}),
    ("ses-html-502", SEND, {}, {GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": PAGE}),
    ("cloudwatch-messages", CHECK, {}, {"GetMetricData": cw_answer([send_result([], StatusCode="PartialData",
                                                                                Messages=[{"Code": "X|Y", "Value": HOSTILE}])])}),
    ("cloudwatch-status-code", CHECK, {}, {"GetMetricData": cw_answer([send_result([], StatusCode="Bad|<i>x</i>")])}),
    ("enforcement-status", CHECK, {"metrics": ["account-enforcement"]}, {GET_ACCOUNT: get_account_answer(EnforcementStatus=HOSTILE)}),
    ("enforcement-status-pipe", CHECK, {"metrics": ["account-enforcement"]},
     {GET_ACCOUNT: get_account_answer(EnforcementStatus="PROBATION|<b>x</b>")}),
    ("invalid-answer-text", SEND, {}, {GET_ACCOUNT: get_account_answer(EnforcementStatus=["a|b", "<b>"])}),
    ("sts-error-message", SEND, {"assume_role": {"role_arn": "arn:aws:iam::123456789012:role/r"}, "sts_endpoint_url": None},
     {"AssumeRole": (403, {"Content-Type": "text/xml"}, STS_DENIED)}),
    ("fallback-warning", SEND, {}, {GET_ACCOUNT: v2_answer({}, 404), "GetAccountSendingEnabled": PAGE}),
]


@pytest.mark.parametrize("module, options, answers", [c[1:] for c in FOREIGN_CASES], ids=[c[0] for c in FOREIGN_CASES])
def test_foreign_text_is_sanitised_on_every_message_path(proxy, module, options, answers):
    proxy.fault = answering(answers)
    if "sts_endpoint_url" in options:
        options = dict(options, sts_endpoint_url=proxy.url)
    result = run_module(module.main, base(proxy.url, module, **options))
    texts = [result.get("msg"), result.get("output")]
    texts += [w["event"]["msg"] if isinstance(w, dict) else str(w) for w in result.get("warnings") or []]
    texts += [e.get("message") for e in result.get("errors") or []] + [(result.get("error") or {}).get("message")]
    texts += [m.get("unknown_reason") for m in result.get("metrics") or []]
    texts = [t for t in texts if t]
    assert texts, result
    for text in texts:
        line = text.split(" | ")[0] if text is result.get("output") and result.get("perfdata") else text
        assert "|" not in line and "<" not in line and ">" not in line and "\n" not in line, text
        assert "b'<" not in line and "b\"<" not in line and "\\x" not in line, text  # never raw bytes
    assert "Unexpected error" not in json.dumps(result)


def test_html_page_is_one_line_naming_a_proxy(proxy):
    proxy.fault = answering({GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": PAGE_200})
    result = run_module(SEND.main, base(proxy.url, SEND))
    assert result["error"]["code"] == "UnreadableAnswer", result["error"]  # as docs/connection.md documents
    assert 'got an HTML page titled "Login" (a proxy or captive portal?)' in result["msg"], result["msg"]


# -- named causes: never "Unexpected error" for user input or configuration --------------------------------------

def _profile(tmp_path, monkeypatch, body):
    config = tmp_path / "config"
    config.write_text("[profile hostile]\nregion = us-east-1\n%s\n" % body, encoding="utf-8")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    return {"profile": "hostile", "access_key": REMOVE, "secret_key": REMOVE, "session_token": REMOVE}


NO_KEYS = {"access_key": REMOVE, "secret_key": REMOVE, "session_token": REMOVE}
# (id, module, options (or a callable(tmp_path, monkeypatch) -> options), fragment of the named error)
CAUSE_CASES = [
    # aws_config, every kind of value botocore reads as something else
    ("aws-config-user-agent-appid-number", SEND, {"aws_config": {"user_agent_appid": 1}}, "aws_config.user_agent_appid is a int, not text"),
    ("aws-config-retries-max-attempts-text", CHECK, {"retries": REMOVE, "aws_config": {"retries": {"max_attempts": "abc"}}},
     "aws_config.retries.max_attempts must be a whole number from 0 to 100, got 'abc'"),
    ("aws-config-retries-total-zero", SEND, {"aws_config": {"retries": {"total_max_attempts": 0}}}, "aws_config.retries.total_max_attempts"),
    ("aws-config-retries-unknown-key", CHECK, {"aws_config": {"retries": {"attempts": 3}}}, "aws_config.retries.attempts is not a botocore"),
    ("aws-config-signature-number", SEND, {"aws_config": {"signature_version": 4}}, "aws_config.signature_version is a int"),
    ("aws-config-region-name-number", CHECK, {"aws_config": {"region_name": 5}}, "aws_config.region_name is a int"),
    ("aws-config-bool-as-text", SEND, {"aws_config": {"parameter_validation": "yes"}}, "aws_config.parameter_validation must be true or false"),
    ("aws-config-proxy-number", CHECK, {"aws_config": {"proxies": {"https": 3128}}}, "aws_config.proxies.https must be a URL"),
    ("aws-config-defaults-mode-number", SEND, {"aws_config": {"defaults_mode": 3}}, "aws_config.defaults_mode is a int"),
    ("aws-config-client-cert-number", CHECK, {"aws_config": {"client_cert": 5}}, "aws_config"),
    ("aws-config-user-agent-newline", SEND, {"aws_config": {"user_agent": "a\nb"}}, "aws_config.user_agent contains the control character"),
    # profiles and credential_process
    ("credential-process-missing-program", SEND, lambda t, m: _profile(t, m, "credential_process = /nonexistent/bin/creds --x"),
     "the credential_process of AWS profile 'hostile' cannot run"),
    ("credential-process-fails", CHECK, lambda t, m: _profile(t, m, "credential_process = /bin/false"),
     "the credentials of AWS profile 'hostile' cannot be read (CredentialRetrievalError)"),
    ("credential-process-prints-garbage", SEND, lambda t, m: _profile(t, m, "credential_process = /bin/echo not-json"),
     "the credentials of AWS profile 'hostile' cannot be read"),
    ("profile-source-profile-missing", CHECK, lambda t, m: _profile(t, m, "role_arn = arn:aws:iam::123456789012:role/x\nsource_profile = ghost"),
     "profile 'hostile'"),
    # credentials text
    ("session-token-trailing-newline", SEND, {"session_token": TOKEN + "\n"}, "session_token (or AWS_SESSION_TOKEN) ends with a line break"),
    ("session-token-leading-space", CHECK, {"session_token": " " + TOKEN}, "session_token (or AWS_SESSION_TOKEN) starts with"),
    ("session-token-inner-newline", SEND, {"session_token": TOKEN[:100] + "\n" + TOKEN[100:]}, "session_token (or AWS_SESSION_TOKEN) holds"),
    ("session-token-non-ascii", CHECK, {"session_token": TOKEN + "\u00e9"}, "session_token (or AWS_SESSION_TOKEN) holds"),
    ("access-key-trailing-space", SEND, {"access_key": ACCESS_KEY + " "}, "access_key (or AWS_ACCESS_KEY_ID) ends with"),
    ("secret-key-trailing-newline", CHECK, {"secret_key": SECRET_KEY + "\n"}, "secret_key (or AWS_SECRET_ACCESS_KEY) ends with"),
    # regions (no endpoint_url: botocore's data decides, before any request)
    ("region-typo-matching-pattern", SEND, {"endpoint_url": REMOVE, "region": "eu-wset-1"}, "did you mean eu-west-1?"),
    ("region-without-ses", CHECK, {"endpoint_url": REMOVE, "region": "ap-east-1"}, "is a region where SES is not offered"),
    ("region-china-without-ses", SEND, {"endpoint_url": REMOVE, "region": "cn-north-1"}, "is a region where SES is not offered"),
    ("regions-entry-typo", CHECK, {"endpoint_url": REMOVE, "regions": ["us-east-1", "us-eats-1"]}, "regions entry 'us-eats-1'"),
    ("region-unknown-partition-typo", SEND, {"endpoint_url": REMOVE, "region": "eu-west-11"}, "a newer botocore"),
    # since, dimensions
    ("since-far-future-with-offset", SEND, {"since": "9999-12-31T23:00:00-05:00"}, "is in the future"),
    ("dimension-value-non-ascii", CHECK, {"dimensions": [{"ses:configuration-set": "caf\u00e9"}]},
     "dimensions[0]: the value of dimension 'ses:configuration-set' 'caf\u00e9' holds non-ASCII characters"),
    ("dimension-name-non-ascii", CHECK, {"dimensions": [{"ses:ensemble-\u00e9": "a"}]}, "holds non-ASCII characters"),
    ("dimension-name-colon", CHECK, {"dimensions": [{":set": "a"}]}, "starts with ':'"),
    ("dimension-value-too-long", CHECK, {"dimensions": [{"set": "a" * 1025}]}, "CloudWatch allows at most 1024"),
]


@pytest.mark.parametrize("module, options, fragment", [c[1:] for c in CAUSE_CASES], ids=[c[0] for c in CAUSE_CASES])
def test_bad_configuration_gets_a_named_error(proxy, tmp_path, monkeypatch, module, options, fragment):
    if callable(options):
        options = options(tmp_path, monkeypatch)
    result = run_module(module.main, base(proxy.url, module, **options))
    assert result.get("failed") is True, result
    assert fragment in result["msg"], result["msg"]
    assert "Unexpected error" not in result["msg"] and "\n" not in result["msg"]
    assert proxy.requests == [], [r.operation for r in proxy.requests]  # refused before any request
    assert_no_piece(result)


@pytest.mark.parametrize("variable", ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SES"])
def test_a_region_newer_than_botocore_works_with_an_endpoint(proxy, monkeypatch, variable):
    """docs/connection.md#regions: with endpoint_url (or botocore's endpoint variables) a name of the pattern is enough."""
    refused = run_module(SEND.main, base(proxy.url, SEND, region="eu-west-9", endpoint_url=REMOVE))
    assert "a newer botocore" in refused["msg"] and proxy.requests == []  # without an endpoint: refused, no request
    # With one, accepted: the request goes out (whatever the test endpoint then answers for a region it does not know).
    run_module(SEND.main, base(proxy.url, SEND, region="eu-west-9"))
    assert [r.operation for r in proxy.requests][:1] == [GET_ACCOUNT]
    proxy.requests.clear()
    monkeypatch.setenv(variable, proxy.url)
    result = run_module(SEND.main, base(proxy.url, SEND, region="eu-west-9", endpoint_url=REMOVE))
    assert "eu-west-9" in result["msg"] and "botocore" not in result["msg"], result["msg"]  # not refused by the region check


def test_no_region_names_the_action_group(proxy, tmp_path, monkeypatch):
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    result = run_module(SEND.main, base(proxy.url, SEND, region=REMOVE))
    assert result["msg"].startswith("No region given") and "group/sesmon.ses.aws" in result["msg"], result["msg"]
    assert "core's group/aws does not hold these modules" in result["msg"]


# Each AWS-side cause named: (id, module, answers, code, fragment)
DIAGNOSIS_CASES = [
    ("cloudwatch-404", CHECK, {"GetMetricData": (404, {"Content-Type": "text/plain"}, b"Not Found")}, "404",
     "does not offer the CloudWatch API (GetMetricData)"),
    ("send-statistics-denied", SEND, {GET_ACCOUNT: get_account_answer(), "GetSendStatistics": ses_error("AccessDenied", "no", 403)},
     "AccessDenied", "the credentials lack the IAM action ses:GetSendStatistics"),
    ("unknown-operation", SEND, {GET_ACCOUNT: v2_answer({}, 404), "GetSendQuota": ses_error("InvalidAction", "unknown operation", 400)},
     "InvalidAction", "does not offer the SES v1 API (GetSendQuota)"),
]


@pytest.mark.parametrize("module, answers, code, fragment", [c[1:] for c in DIAGNOSIS_CASES], ids=[c[0] for c in DIAGNOSIS_CASES])
def test_aws_side_cause_is_named(proxy, module, answers, code, fragment):
    proxy.fault = answering(answers)
    result = run_module(module.main, base(proxy.url, module))
    error = result["error"] if module is SEND else result["errors"][0]
    assert error["code"] == code and fragment in error["message"], error


def test_refused_connection_names_endpoint_proxy_and_region():
    url = "http://127.0.0.1:%d" % free_port()
    result = run_module(SEND.main, base(url, SEND))
    assert "check endpoint_url, the proxy (proxy_url, HTTPS_PROXY) and the region" in result["msg"], result["msg"]


def _expired_assume_role(request):
    past = (now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = ('<AssumeRoleResponse xmlns="%s"><AssumeRoleResult><Credentials><AccessKeyId>ASIAEXPIRED0000000000</AccessKeyId>'
            "<SecretAccessKey>expired-secret-0000000000000000000000000</SecretAccessKey><SessionToken>expired-token</SessionToken>"
            "<Expiration>%s</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:x</AssumedRoleId>"
            "<Arn>arn:aws:sts::123456789012:assumed-role/r/x</Arn></AssumedRoleUser></AssumeRoleResult>"
            "<ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata></AssumeRoleResponse>") % (STS_NS, past)
    return 200, {"Content-Type": "text/xml"}, body.encode()


@pytest.mark.parametrize("module", [SEND, CHECK], ids=["ses_send_stats", "ses_metric_check"])
def test_sts_credentials_already_expired_name_assume_role_and_the_clock(proxy, module):
    proxy.fault = answering({"AssumeRole": _expired_assume_role})
    result = run_module(module.main, base(proxy.url, module, sts_endpoint_url=proxy.url, fail_on="never" if module is CHECK else REMOVE,
                                          assume_role={"role_arn": "arn:aws:iam::123456789012:role/r"}))
    text = text_of(result)
    assert "AssumeRole in us-east-1 failed: ExpiredToken" in text and "clock" in text, text
    assert "RuntimeError" not in text and "UnreadableAnswer" not in text


# -- assume-role churn: one STS call per task per role ---------------------------------------------------------

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1"]


@pytest.mark.parametrize("duration", [900, 1800, 3600, 43200])
@pytest.mark.parametrize("module", [SEND, CHECK], ids=["ses_send_stats", "ses_metric_check"])
def test_one_assume_role_call_per_task(proxy, module, duration):
    options = {"sts_endpoint_url": proxy.url, "regions": REGIONS, "access_key": ACCESS_KEY, "session_token": REMOVE,
               "assume_role": {"role_arn": "arn:aws:iam::123456789012:role/ses-read", "duration_seconds": duration}}
    if module is CHECK:
        options.update(metrics=["emails-sent", "emails-rejected", "quota-usage"], zeroed=True)
    result = run_module(module.main, base(proxy.url, module, **options))
    operations = [r.operation for r in proxy.requests]
    assert len(operations) >= 10, operations
    assert operations.count("AssumeRole") == 1, operations
    assert not result.get("failed"), result.get("msg")
