# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Faulty endpoints, table-driven: every fault x every AWS operation, both modules as their own process.

A FaultServer (tests/unit/utils/fault_server.py) stands in front of moto_server and spoils one
operation: HTML or XHTML login pages with status 200, gzip and binary bodies, empty bodies, HTML
502, throttling and 500 storms, resets, closes, truncated and trickled bodies, silence, huge
bodies, wrong-typed values, NaN, garbage timestamps, endless pagination; then 20 regions with
one failing. Each case must end in a one-line failure (ses_send_stats: failed; ses_metric_check:
UNKNOWN, which ``fail_on: never`` reports without failing) that names the operation and the code,
never a traceback, never a value read from a spoiled answer, within its time bound, and no
planted secret may show. moto answers every other request for real.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import namedtuple
from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check, ses_send_stats
from ansible_collections.sesmon.ses.tests.unit.utils import fault_server as fs
from ansible_collections.sesmon.ses.tests.unit.utils.module_process import run_module_process

SEND, CHECK = ses_send_stats, ses_metric_check
GET_ACCOUNT = "sesv2:GET /v2/email/account"
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "hostile-SeCrEt-Zq81vX4m"
SESSION_TOKEN = "hostile-ToKeN-Wp27cR9s"
EXTERNAL_ID = "hostile-ExTid-Lk55tB3n"
SECRETS = (SECRET_KEY, SESSION_TOKEN, EXTERNAL_ID)
SES_NS = "http://ses.amazonaws.com/doc/2010-12-01/"
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"
XML = {"Content-Type": "text/xml"}
CW_JSON = {"Content-Type": "application/x-amz-json-1.0"}
V2_JSON = {"Content-Type": "application/json"}

Case = namedtuple("Case", ["id", "module", "behave", "extra", "expect", "bound"])


def _now_epoch(minutes_ago=2):
    return int((datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)).timestamp())


# -- answers ---------------------------------------------------------------------------------------

def xml_error(namespace, code, message, status):
    body = ('<ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>'
            "<RequestId>req-hostile-1</RequestId></ErrorResponse>") % (namespace, code, message)
    return fs.Answer(status, XML, body.encode())


def ses_result(action, inner):
    body = ('<{a}Response xmlns="{ns}"><{a}Result>{r}</{a}Result><ResponseMetadata><RequestId>req-hostile-2</RequestId>'
            "</ResponseMetadata></{a}Response>").format(a=action, ns=SES_NS, r=inner)
    return fs.Answer(200, XML, body.encode())


def cw_answer(document):
    return fs.Answer(200, CW_JSON, json.dumps(document).encode())


def cw_raw(text):
    return fs.Answer(200, CW_JSON, text.encode())


THROTTLE = {
    GET_ACCOUNT: fs.Answer(429, dict(V2_JSON, **{"x-amzn-ErrorType": "TooManyRequestsException"}), b'{"message": "Too many requests"}'),
    "GetSendQuota": xml_error(SES_NS, "Throttling", "Maximum sending rate exceeded.", 400),
    "GetSendStatistics": xml_error(SES_NS, "Throttling", "Maximum sending rate exceeded.", 400),
    "GetMetricData": fs.Answer(400, dict(CW_JSON, **{"x-amzn-query-error": "Throttling;Sender"}),
                               b'{"__type": "ThrottlingException", "message": "Rate exceeded"}'),
    "AssumeRole": xml_error(STS_NS, "Throttling", "Rate exceeded", 400),
}
INTERNAL = {
    GET_ACCOUNT: fs.Answer(500, dict(V2_JSON, **{"x-amzn-ErrorType": "InternalFailure"}), b'{"message": "internal"}'),
    "GetSendQuota": xml_error(SES_NS, "InternalFailure", "internal", 500),
    "GetSendStatistics": xml_error(SES_NS, "InternalFailure", "internal", 500),
    "GetMetricData": fs.Answer(500, dict(CW_JSON, **{"x-amzn-query-error": "InternalFailure;Receiver"}),
                               b'{"__type": "InternalFailure", "message": "internal"}'),
    "AssumeRole": xml_error(STS_NS, "InternalFailure", "internal", 500),
}
HTML_PAGE = b"<!DOCTYPE html><html><head><title>Portal</title></head><body><form><input name=user><br></form></body></html>"
XHTML_PAGE = b"<html><head><title>Portal</title></head><body><p>Please log in</p></body></html>"


def generic_faults(operation):
    """(name, action) for faults that do not depend on the protocol."""
    content = {GET_ACCOUNT: V2_JSON, "GetMetricData": CW_JSON}.get(operation, XML)
    return [
        ("html-200", fs.Answer(200, {"Content-Type": "text/html"}, HTML_PAGE)),
        ("xhtml-200", fs.Answer(200, {"Content-Type": "text/html"}, XHTML_PAGE)),
        ("gzip-200", fs.Answer(200, dict(content, **{"Content-Encoding": "gzip"}), gzip.compress(b'{"a": 1}' * 20))),
        ("binary-200", fs.Answer(200, {"Content-Type": "application/octet-stream"}, bytes(range(256)) * 8)),
        ("empty-200", fs.Answer(200, content, b"")),
        ("html-502", fs.Answer(502, {"Content-Type": "text/html"}, b"<html><body>" + b"Bad gateway " * 200 + b"</body></html>")),
        ("throttling-storm", THROTTLE[operation]),
        ("500-storm", INTERNAL[operation]),
        ("reset", fs.RESET),
        ("close", fs.CLOSE),
        ("truncated", fs.Truncated(200, content, b'{"MetricDataResults": [{"Id": "q0", "Val' if content is CW_JSON else b"<Get")),
        ("trickle", fs.Trickle(200, content, b" " * 400, interval=0.25)),
        ("silence", fs.SILENCE),
        ("huge", fs.Huge(200, content, b"<x>" if content is XML else b'{"a": "', b"A", 12 * 1024 * 1024, b"</x>" if content is XML else b'"}')),
    ]


# -- expectations -------------------------------------------------------------------------------------

def failure(operation, codes, *fragments):
    """ses_send_stats fails, ses_metric_check is UNKNOWN; the one-line message names the operation and one of ``codes``."""
    def check(run, module, server):
        result = run.result
        text = result.get("msg") if module is SEND else result.get("output")
        if module is SEND:
            assert run.returncode == 1 and result.get("failed") is True, result
            code = result["error"]["code"]
        else:
            assert run.returncode == 0 and result["status"] == "UNKNOWN" and result["exit_code"] == 3, result
            assert text.startswith("UNKNOWN: ") and all(m["value"] is None for m in result["metrics"]), result
            code = result["errors"][0]["code"]
        assert "%s in " % operation in text and code in codes, (code, text)
        for fragment in fragments:
            assert fragment in text, text
    return check


def fallback_warning(fragment):
    """ses_send_stats reads the quota from SES v1 when GetAccount's answer is no account answer, and warns."""
    def check(run, module, server):
        assert run.returncode == 0 and run.result["quota"]["max_24_hour_send"] == 200.0, run.result
        assert run.result["account"]["source"] != "sesv2"
        assert any(fragment in str(w) for w in run.result.get("warnings", [])), run.result.get("warnings")
    return check


def args_for(server, module, operation):
    args = {"region": "us-east-1", "endpoint_url": server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY,
            "session_token": SESSION_TOKEN, "retries": {"max_attempts": 2}, "connect_timeout": 2, "read_timeout": 2,
            "total_timeout": 8}
    if operation == "AssumeRole":
        args.update(sts_endpoint_url=server.url,
                    assume_role={"role_arn": "arn:aws:iam::123456789012:role/ses-read", "external_id": EXTERNAL_ID})
    if module is CHECK:
        args["metrics"] = ["emails-sent"]
    return args


def on(operation, action):
    def factory():
        return lambda request: action if request.operation == operation else None
    return factory


# Codes a spoiled 200 answer may turn into: each says the answer could not be used.
UNREADABLE = ("ResponseParserError", "UnreadableAnswer", "InvalidAnswer")
CONNECTION = ("ConnectionClosedError", "EndpointConnectionError", "ReadTimeout")
EXPECTED_CODES = {
    # An HTML page with status 200 is UnreadableAnswer, as docs/connection.md documents (issue 21), never ResponseParserError.
    "html-200": ("UnreadableAnswer",), "xhtml-200": ("UnreadableAnswer",), "gzip-200": UNREADABLE, "binary-200": UNREADABLE, "empty-200": UNREADABLE,
    "truncated": UNREADABLE + CONNECTION,
    "html-502": ("502",), "500-storm": ("InternalFailure",), "reset": CONNECTION, "close": CONNECTION,
    "trickle": ("TaskTimeout",), "silence": ("ReadTimeout", "TaskTimeout"), "huge": ("AnswerTooLarge",),
}
THROTTLE_CODES = {GET_ACCOUNT: ("TooManyRequestsException",), "GetSendQuota": ("Throttling",), "GetSendStatistics": ("Throttling",),
                  "GetMetricData": ("Throttling",), "AssumeRole": ("Throttling",)}
# botocore reads these JSON answers as "no data" without an error: GetAccount falls back to SES v1
# (and says so), GetMetricData's query has no result (UNKNOWN, said so).
JSON_NO_DATA = ("html-200", "xhtml-200", "empty-200", "truncated")


def _operation_name(operation):
    return "GetAccount" if operation == GET_ACCOUNT else operation


def _fault_cases():
    cases = []
    targets = [(SEND, GET_ACCOUNT), (SEND, "GetSendQuota"), (SEND, "GetSendStatistics"), (CHECK, "GetMetricData"),
               (SEND, "AssumeRole"), (CHECK, "AssumeRole")]
    for module, operation in targets:
        for name, action in generic_faults(operation):
            codes = THROTTLE_CODES[operation] if name == "throttling-storm" else EXPECTED_CODES[name]
            expect = failure(_operation_name(operation), codes, *(("got an HTML page",) if name.endswith("html-200") else ()))
            # An HTML page is no answer at all (a proxy's): the task fails naming it, no fallback behind a proxy.
            if operation == GET_ACCOUNT and name in JSON_NO_DATA and not name.endswith("html-200"):
                expect = fallback_warning("an unreadable answer")
            if operation == "GetMetricData" and name in JSON_NO_DATA and not name.endswith("html-200"):
                expect = no_result
            extra = {"__operation": operation}
            if name == "trickle":
                extra["total_timeout"] = 4  # the whole task's deadline ends it; read_timeout never would
            case_id = "%s-%s-%s" % (module.__name__.rsplit(".", 1)[-1], _operation_name(operation), name)
            cases.append(Case(case_id, module, on(operation, action), extra, expect, 12 if name in ("trickle", "silence") else 19))
    return cases


def no_result(run, module, server):
    assert run.result["status"] == "UNKNOWN", run.result
    assert "CloudWatch returned no result for this query" in run.result["output"] or "GetMetricData in " in run.result["output"]


# -- wrong values in answers that parse ------------------------------------------------------------------

def _quota(max_send="200.0", rate="1.0", sent="0.0"):
    return ses_result("GetSendQuota", "<Max24HourSend>%s</Max24HourSend><MaxSendRate>%s</MaxSendRate><SentLast24Hours>%s</SentLast24Hours>"
                      % (max_send, rate, sent))


def _statistics(point):
    return ses_result("GetSendStatistics", "<SendDataPoints><member>%s</member></SendDataPoints>" % point)


def _v2(document):
    return fs.Answer(200, V2_JSON, (document if isinstance(document, str) else json.dumps(document)).encode())


def _cw_result(timestamps, values, **extra):
    result = {"Id": "q0", "Label": "Send", "StatusCode": "Complete", "Timestamps": timestamps, "Values": values}
    result.update(extra)
    return {"MetricDataResults": [result]}


STAMP = _now_epoch()
VALUE_CASES = [
    ("quota-nan", "GetSendQuota", _quota(max_send="NaN"), ("InvalidAnswer",), "Max24HourSend is NaN"),
    ("quota-infinite", "GetSendQuota", _quota(sent="Infinity"), ("InvalidAnswer",), "SentLast24Hours is infinite"),
    ("quota-text", "GetSendQuota", _quota(sent="lots"), ("UnreadableAnswer",), "could not be read"),
    ("quota-negative-sent", "GetSendQuota", _quota(sent="-5"), ("InvalidAnswer",), "SentLast24Hours is -5.0, below 0"),
    ("quota-missing-keys", "GetSendQuota", ses_result("GetSendQuota", ""), ("InvalidAnswer",), "Max24HourSend is missing"),
    ("statistics-garbage-timestamp", "GetSendStatistics", _statistics("<Timestamp>soon</Timestamp><Bounces>1</Bounces>"),
     ("UnreadableAnswer",), "Invalid timestamp"),
    ("statistics-nan-bounces", "GetSendStatistics",
     _statistics("<Timestamp>2024-05-01T10:00:00Z</Timestamp><Bounces>NaN</Bounces><DeliveryAttempts>1</DeliveryAttempts>"),
     ("UnreadableAnswer",), "'NaN'"),
    ("statistics-negative-count", "GetSendStatistics",
     _statistics("<Timestamp>2024-05-01T10:00:00Z</Timestamp><DeliveryAttempts>-3</DeliveryAttempts>"),
     ("InvalidAnswer",), "SendDataPoints[0].DeliveryAttempts is -3, below 0"),
    ("statistics-no-timestamp", "GetSendStatistics", _statistics("<Bounces>1</Bounces>"), ("InvalidAnswer",),
     "SendDataPoints[0].Timestamp is a null, not a timestamp"),
    # botocore itself turns a JSON "yes" or 1 into a boolean; a wrong-typed text field stays as it came.
    ("account-enforcement-as-number", GET_ACCOUNT, _v2({"SendingEnabled": True, "EnforcementStatus": 5}), ("InvalidAnswer",),
     "EnforcementStatus is a int, not text"),
    ("account-quota-nan", GET_ACCOUNT, _v2('{"SendingEnabled": true, "SendQuota": {"Max24HourSend": NaN}}'), ("InvalidAnswer",),
     "SendQuota.Max24HourSend is NaN"),
    ("account-quota-as-text", GET_ACCOUNT, _v2({"SendingEnabled": True, "SendQuota": {"Max24HourSend": "lots"}}), ("UnreadableAnswer",),
     "could not be read"),
    ("account-quota-nan-text", GET_ACCOUNT, _v2({"SendingEnabled": True, "SendQuota": {"Max24HourSend": "NaN"}}), ("InvalidAnswer",),
     "SendQuota.Max24HourSend is NaN"),
    ("metric-values-as-text", "GetMetricData", cw_answer(_cw_result([STAMP, STAMP - 60, STAMP - 120], "555")), ("InvalidAnswer",),
     "Values[0] is a str, not a number"),
    ("metric-value-nan", "GetMetricData",
     cw_raw('{"MetricDataResults": [{"Id": "q0", "StatusCode": "Complete", "Timestamps": [%d], "Values": [NaN]}]}' % STAMP),
     ("InvalidAnswer",), "Values[0] is NaN"),
    ("metric-value-bool", "GetMetricData", cw_answer(_cw_result([STAMP], [True])), ("InvalidAnswer",), "Values[0] is a bool"),
    ("metric-garbage-timestamp", "GetMetricData", cw_answer(_cw_result(["yesterday"], [1.0])), ("UnreadableAnswer",), "Invalid timestamp"),
    ("metric-infinite-timestamp", "GetMetricData", cw_raw('{"MetricDataResults": [{"Id": "q0", "Timestamps": [1e400], "Values": [1]}]}'),
     ("UnreadableAnswer",), "could not be read"),
    ("metric-length-mismatch", "GetMetricData", cw_answer(_cw_result([STAMP, STAMP - 60], [1.0])), ("InvalidAnswer",),
     "has 2 Timestamps but 1 Values"),
    ("metric-results-not-a-list", "GetMetricData", cw_answer({"MetricDataResults": {"Id": "q0"}}), ("InvalidAnswer", "UnreadableAnswer"),
     "could not be read"),
    ("metric-status-as-number", "GetMetricData", cw_answer(_cw_result([STAMP], [1.0], StatusCode=5)), ("InvalidAnswer", "UnreadableAnswer"),
     "StatusCode"),
    ("metric-too-many-datapoints", "GetMetricData", cw_answer(_cw_result([STAMP] * 100801, [1] * 100801)), ("InvalidAnswer",),
     "holds 100801 datapoints, more than the 100800"),
]


def _value_cases():
    cases = []
    for name, operation, action, codes, fragment in VALUE_CASES:
        module = CHECK if operation == "GetMetricData" else SEND
        cases.append(Case("value-" + name, module, on(operation, action), {"__operation": operation},
                          failure(_operation_name(operation), codes, fragment), 19))
    return cases


# -- pagination ------------------------------------------------------------------------------------------

def endless_pages():
    counter = []

    def behave(request):
        if request.operation != "GetMetricData":
            return None
        counter.append(1)
        return cw_answer({"MetricDataResults": [{"Id": "q0", "StatusCode": "PartialData", "Timestamps": [], "Values": []}],
                          "NextToken": "token-%d" % len(counter)})
    return behave


def same_token_again():
    def behave(request):
        if request.operation != "GetMetricData":
            return None
        return cw_answer({"MetricDataResults": [], "NextToken": "the-same-token"})
    return behave


def _page_count_bound(run, module, server):
    failure("GetMetricData", ("TooManyPages",), "kept answering a NextToken after 3 pages")(run, module, server)
    assert server.operations().count("GetMetricData") == 4


PAGE_CASES = [
    Case("pages-endless-next-token", CHECK, endless_pages, {"__operation": "GetMetricData"}, _page_count_bound, 19),
    Case("pages-same-token-twice", CHECK, same_token_again, {"__operation": "GetMetricData"},
         failure("GetMetricData", ("PaginationError",), "same next token"), 19),
]


# -- many regions, one failing -------------------------------------------------------------------------------

REGIONS_20 = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "eu-south-1", "ap-south-1", "ap-northeast-1",
              "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1",
              "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "me-south-1", "sa-east-1"]


def region_of(request):
    match = re.search(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/", request.headers.get("Authorization", ""))
    return match.group(1) if match else None


def one_region(operation, action, region="eu-west-2"):
    def factory():
        return lambda request: action if request.operation == operation and region_of(request) == region else None
    return factory


def twenty_send(run, module, server):
    result = run.result
    assert run.returncode == 0 and not result.get("failed"), result
    failed = [name for name, entry in result["regions"].items() if entry["failed"]]
    assert failed == ["eu-west-2"] and len(result["regions"]) == 20
    assert result["regions"]["eu-west-2"]["error"]["code"] == "Throttling"
    assert all(result["regions"][r]["quota"]["max_24_hour_send"] == 200.0 for r in REGIONS_20 if r != "eu-west-2")
    assert any("could not be read in 1 of 20 regions" in str(w) for w in result["warnings"])


def twenty_check(code):
    def check(run, module, server):
        result = run.result
        assert result["status"] == "UNKNOWN" and [e["region"] for e in result["errors"]] == ["eu-west-2"], result
        assert result["errors"][0]["code"] == code
        states = dict((m["region"], m["state"]) for m in result["metrics"])
        assert len(states) == 20 and states["eu-west-2"] == "UNKNOWN"
        assert all(state == "OK" for region, state in states.items() if region != "eu-west-2"), states
        assert result["output"].count("\n") == 0
    return check


CONCURRENCY_CASES = [
    Case("regions-20-send-one-throttled", SEND, one_region("GetSendQuota", THROTTLE["GetSendQuota"]),
         {"regions": REGIONS_20, "__operation": "GetSendQuota"}, twenty_send, 40),
    Case("regions-20-check-one-500", CHECK, one_region("GetMetricData", INTERNAL["GetMetricData"]),
         {"regions": REGIONS_20, "__operation": "GetMetricData", "zeroed": True}, twenty_check("InternalFailure"), 40),
    Case("regions-20-check-one-trickling", CHECK,
         one_region("GetMetricData", fs.Trickle(200, CW_JSON, b" " * 400, interval=0.25)),
         {"regions": REGIONS_20, "__operation": "GetMetricData", "zeroed": True, "total_timeout": 5}, twenty_check("TaskTimeout"), 25),
]

CASES = _fault_cases() + _value_cases() + PAGE_CASES + CONCURRENCY_CASES


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_endpoint(case, moto_server, tmp_path):
    with fs.FaultServer(case.behave(), target=moto_server.url) as server:
        extra = dict(case.extra)
        operation = extra.pop("__operation")
        args = args_for(server, case.module, operation)
        args.update(extra)
        run = run_module_process(case.module, args, tmp_path, timeout=case.bound + 30)
    assert run.stderr == "", run.stderr[-3000:]
    assert "Traceback" not in run.stdout and run.result is not None, run.stdout[-3000:]
    assert "exception" not in run.result, run.result.get("exception")
    assert bool(run.result.get("failed")) == (run.returncode != 0), (run.returncode, run.result)
    for text in (run.result.get("msg"), run.result.get("output")):
        assert text is None or ("\n" not in text and len(text) < 4000), text
    for secret in SECRETS:
        assert secret not in run.stdout and secret[:12] not in run.stdout, "a planted secret shows in the result"
    assert run.elapsed < case.bound, "took %.1f s, bound %s s" % (run.elapsed, case.bound)
    case.expect(run, case.module, server)


def test_the_table_has_every_fault_class():
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 100
    for fault in ("html-200", "gzip-200", "binary-200", "throttling-storm", "reset", "silence", "trickle", "truncated", "huge"):
        assert sum(1 for i in ids if i.endswith("-" + fault)) == 6, fault
