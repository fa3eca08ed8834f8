# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fault injection: both modules, run as Ansible runs them, with a faulty network or AWS.

Each module runs as its own process (``python <module>.py args.json``, the way Ansible runs a
module on a host), so a Python traceback would show on stderr or in stdout. A LoopbackProxy sits
between the module and moto_server and answers some requests itself: with each protocol's real
throttling error (SES v1 query XML ``Throttling``, CloudWatch awsJson1_0 with the query-compatible
``x-amzn-query-error: Throttling;Sender`` header, sesv2 rest-json 429
``TooManyRequestsException``), HTTP 500/503, a dropped connection, a slow answer, a truncated or
malformed body, or GetMetricData pages. ``test_injected_answers_parse_to_the_expected_code``
proves that botocore reads each injected error as the intended AWS error code.

moto never throttles, never fails with 5xx and never paginates GetMetricData: every such case
here is injected. The PartialData/NextToken merge itself is covered at session level in
tests/unit/plugins/module_utils/test_cloudwatch.py (test_partial_data_pages_are_followed_and_merged);
this file adds the module-process variant.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from datetime import datetime, timedelta, timezone

import botocore.session
import pytest
from botocore import parsers

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.gate_message import MORE
from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check, ses_send_stats
from ansible_collections.sesmon.ses.tests.unit.utils import module_process
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port

SES_NS = "http://ses.amazonaws.com/doc/2010-12-01/"
GET_ACCOUNT = "sesv2:GET /v2/email/account"
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "fault-Secret-Key-7d1c"
# Centreon's check takes 12.7 s to report a refused connection; ours must answer far sooner.
REFUSED_BOUND = 5.0


# -- running a module as Ansible does --------------------------------------------------------------


def run_module_process(module, args, tmp_path, timeout=60):
    """The shared module-process runner, plus this suite's checks that the module ran cleanly."""
    run = module_process.run_module_process(module, args, tmp_path, timeout=timeout)
    assert run.stderr == "", run.stderr
    assert "Traceback" not in run.stdout, run.stdout
    assert run.result is not None, run.stdout
    assert "exception" not in run.result, run.result.get("exception")
    assert SECRET_KEY not in run.stdout
    # The failed flag and the exit code always agree (Ansible uses both).
    assert bool(run.result.get("failed")) == (run.returncode != 0), (run.returncode, run.result)
    return run


def warning_texts(result):
    """The warning texts; ansible-core 2.19 returns each warning as a structured WarningSummary."""
    texts = []
    for warning in result.get("warnings") or []:
        texts.append(warning["event"]["msg"] if isinstance(warning, dict) else str(warning))
    return texts


def args_for(url, **extra):
    args = {"region": "us-east-1", "endpoint_url": url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY}
    args.update(extra)
    return args


# -- AWS answers, as each protocol sends them ---------------------------------------------------


def ses_error(code, message, status=400, kind="Sender"):
    """SES v1 (query protocol) error: XML ErrorResponse."""
    body = ('<ErrorResponse xmlns="%s"><Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>'
            "<RequestId>d2b5f2f4-0000-4000-8000-00000000000f</RequestId></ErrorResponse>") % (SES_NS, kind, code, message)
    return status, {"Content-Type": "text/xml"}, body.encode()


def ses_answer(action, result_xml):
    body = ('<{a}Response xmlns="{ns}"><{a}Result>{r}</{a}Result><ResponseMetadata><RequestId>'
            "d2b5f2f4-0000-4000-8000-000000000010</RequestId></ResponseMetadata></{a}Response>").format(
                a=action, ns=SES_NS, r=result_xml)
    return 200, {"Content-Type": "text/xml"}, body.encode()


def cloudwatch_error(query_code, json_type, message, status=400, kind="Sender"):
    """CloudWatch (awsJson1_0, awsQueryCompatible) error: JSON body plus x-amzn-query-error."""
    headers = {"Content-Type": "application/x-amz-json-1.0", "x-amzn-query-error": "%s;%s" % (query_code, kind),
               "x-amzn-RequestId": "d2b5f2f4-0000-4000-8000-000000000011"}
    return status, headers, json.dumps({"__type": json_type, "message": message}).encode()


def cloudwatch_answer(document):
    return 200, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(document).encode()


def sesv2_error(error_type, message, status):
    """sesv2 (rest-json) error: the type in x-amzn-ErrorType, the message in the JSON body."""
    headers = {"Content-Type": "application/json", "x-amzn-ErrorType": error_type,
               "x-amzn-RequestId": "d2b5f2f4-0000-4000-8000-000000000012"}
    return status, headers, json.dumps({"message": message}).encode()


def sesv2_account():
    document = {"SendQuota": {"Max24HourSend": 50000.0, "MaxSendRate": 14.0, "SentLast24Hours": 10.0},
                "SendingEnabled": True, "ProductionAccessEnabled": True, "EnforcementStatus": "HEALTHY"}
    return 200, {"Content-Type": "application/json"}, json.dumps(document).encode()


SES_THROTTLING = ses_error("Throttling", "Maximum sending rate exceeded.")
CW_THROTTLING = cloudwatch_error("Throttling", "com.amazon.coral.availability#ThrottlingException", "Rate exceeded")
V2_THROTTLING = sesv2_error("TooManyRequestsException", "Too many requests", 429)
SES_UNAVAILABLE = ses_error("ServiceUnavailable", "Service is unable to handle request.", 503, "Receiver")
CW_INTERNAL = cloudwatch_error("InternalFailure", "InternalFailure", "An internal error occurred.", 500, "Receiver")
HTML_503 = (503, {"Content-Type": "text/html"}, b"<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")


@pytest.mark.parametrize("service, operation, answer, code, status", [
    ("ses", "GetSendQuota", SES_THROTTLING, "Throttling", 400),
    ("cloudwatch", "GetMetricData", CW_THROTTLING, "Throttling", 400),
    ("sesv2", "GetAccount", V2_THROTTLING, "TooManyRequestsException", 429),
    ("ses", "GetSendQuota", SES_UNAVAILABLE, "ServiceUnavailable", 503),
    ("cloudwatch", "GetMetricData", CW_INTERNAL, "InternalFailure", 500),
    ("ses", "GetSendQuota", HTML_503, "503", 503),
])
def test_injected_answers_parse_to_the_expected_code(service, operation, answer, code, status):
    """Each injected error is read by this botocore as the intended AWS error code."""
    model = botocore.session.get_session().get_service_model(service)
    assert model.resolved_protocol == {"ses": "query", "cloudwatch": "json", "sesv2": "rest-json"}[service]
    parser = parsers.create_parser(model.resolved_protocol)
    status_code, headers, body = answer
    parsed = parser.parse({"status_code": status_code, "headers": {k.lower(): v for k, v in headers.items()}, "body": body},
                          model.operation_model(operation).output_shape)
    assert parsed["Error"]["Code"] == code
    assert status_code == status


# -- fault hooks ----------------------------------------------------------------------------------


def region_of(request):
    match = re.search(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/", request.headers.get("Authorization", ""))
    return match.group(1) if match else None


def first(count, operation, answer, region=None):
    """A fault hook answering ``answer`` to the first ``count`` requests of ``operation`` (in ``region``)."""
    served = []
    lock = threading.Lock()

    def fault(request):
        if request.operation != operation or (region and region_of(request) != region):
            return None
        with lock:
            if len(served) >= count:
                return None
            served.append(request)
        return answer(request) if callable(answer) else answer

    return fault


def always(operation, answer, region=None):
    return first(10 ** 9, operation, answer, region)


def combined(*faults):
    def fault(request):
        for hook in faults:
            action = hook(request)
            if action is not None:
                return action
        return None

    return fault


def count(proxy, operation, region=None):
    return sum(1 for r in proxy.requests if r.operation == operation and (region is None or region_of(r) == region))


def seed(url, values, region="us-east-1", age=90):
    """Metric datapoints in moto (directly, not through the proxy)."""
    session = AwsSession({"region": region, "endpoint_url": url, "access_key": ACCESS_KEY, "secret_key": "seed"})
    when = datetime.now(timezone.utc) - timedelta(seconds=age)
    session.call("cloudwatch", "put_metric_data", region=region, Namespace="AWS/SES",
                 MetricData=[{"MetricName": name, "Value": value, "Timestamp": when} for name, value in values.items()])


@pytest.fixture
def proxy(recording_proxy, moto_server):
    """The recording proxy in front of a freshly reset moto, with its moto URL for seeding."""
    recording_proxy.moto_url = moto_server.url
    return recording_proxy


# -- throttling -----------------------------------------------------------------------------------


def test_ses_throttling_is_retried_by_botocore_then_succeeds(proxy, tmp_path):
    proxy.fault = first(2, "GetSendQuota", SES_THROTTLING)
    run = run_module_process(ses_send_stats, args_for(proxy.url), tmp_path)
    assert run.returncode == 0 and run.result["quota"]["max_24_hour_send"] == 200.0
    assert run.result["retry_attempts"] == 2
    assert count(proxy, "GetSendQuota") == 3


def test_sesv2_throttling_is_retried_by_botocore_then_succeeds(proxy, tmp_path):
    # moto has no sesv2 GetAccount: after two 429s the proxy answers it as AWS does.
    proxy.fault = combined(first(2, GET_ACCOUNT, V2_THROTTLING), always(GET_ACCOUNT, sesv2_account()))
    run = run_module_process(ses_send_stats, args_for(proxy.url), tmp_path)
    assert run.returncode == 0
    assert run.result["account"]["source"] == "sesv2" and run.result["account"]["enforcement_status"] == "HEALTHY"
    assert run.result["retry_attempts"] == 2 and count(proxy, GET_ACCOUNT) == 3
    assert warning_texts(run.result) == []


def test_cloudwatch_throttling_is_retried_by_botocore_then_succeeds(proxy, tmp_path):
    seed(proxy.moto_url, {"Send": 12})
    proxy.fault = first(2, "GetMetricData", CW_THROTTLING)
    run = run_module_process(ses_metric_check, args_for(proxy.url, metrics=["emails-sent"], critical={"emails-sent": "100"}), tmp_path)
    assert (run.result["status"], run.result["exit_code"]) == ("OK", 0)
    assert run.result["metrics"][0]["value"] == 12.0 and run.result["errors"] == []
    # The proxy sees 2 throttled + 1 answered request; the module counts one logical request (one
    # page) and reports botocore's 2 retries.
    assert count(proxy, "GetMetricData") == 3 and run.result["requests"] == 1
    assert run.result["retry_attempts"] == 2


def test_ses_throttling_storm_fails_naming_throttling(proxy, tmp_path):
    proxy.fault = always("GetSendStatistics", ses_error("Throttling", "Rate exceeded"))
    run = run_module_process(ses_send_stats, args_for(proxy.url, retries={"max_attempts": 2}), tmp_path)
    assert run.returncode == 1
    assert run.result["msg"] == "GetSendStatistics in us-east-1 failed: Throttling (HTTP 400): Rate exceeded"
    assert run.result["error"]["code"] == "Throttling" and run.result["error"]["http_status"] == 400
    assert count(proxy, "GetSendStatistics") == 2


def test_sesv2_throttling_storm_fails_naming_the_code(proxy, tmp_path):
    proxy.fault = always(GET_ACCOUNT, V2_THROTTLING)
    run = run_module_process(ses_send_stats, args_for(proxy.url, retries={"max_attempts": 2}), tmp_path)
    assert run.returncode == 1
    assert run.result["msg"] == "GetAccount in us-east-1 failed: TooManyRequestsException (HTTP 429): Too many requests"
    assert count(proxy, GET_ACCOUNT) == 2


def test_cloudwatch_throttling_storm_is_unknown_naming_throttling(proxy, tmp_path):
    seed(proxy.moto_url, {"Send": 12})
    proxy.fault = always("GetMetricData", CW_THROTTLING)
    args = args_for(proxy.url, metrics=["emails-sent"], retries={"max_attempts": 2})
    run = run_module_process(ses_metric_check, args, tmp_path)
    expected = "UNKNOWN: GetMetricData in us-east-1 failed: Throttling (HTTP 400): Rate exceeded"
    assert run.returncode == 0 and (run.result["status"], run.result["exit_code"]) == ("UNKNOWN", 3)
    assert run.result["output"] == expected  # no perfdata: the seeded value was never read
    assert run.result["errors"][0]["code"] == "Throttling"
    assert run.result["errors"][0]["request_id"] == "d2b5f2f4-0000-4000-8000-000000000011"  # from x-amzn-RequestId
    assert run.result["metrics"][0]["value"] is None and run.result["metrics"][0]["state"] == "UNKNOWN"
    assert count(proxy, "GetMetricData") == 2 and run.result["retry_attempts"] == 1

    failing = run_module_process(ses_metric_check, dict(args, fail_on="critical"), tmp_path)
    assert failing.returncode == 1 and failing.result["failed"] is True and failing.result["output"] == expected
    assert failing.result["msg"] == "fail_on critical: %s - %s" % (expected, MORE)


# -- HTTP 5xx -------------------------------------------------------------------------------------


def test_ses_503_is_retried_then_a_clear_failure(proxy, tmp_path):
    proxy.fault = always("GetSendQuota", SES_UNAVAILABLE)
    run = run_module_process(ses_send_stats, args_for(proxy.url), tmp_path)  # default: 3 attempts
    assert run.returncode == 1
    assert run.result["msg"] == "GetSendQuota in us-east-1 failed: ServiceUnavailable (HTTP 503): Service is unable to handle request."
    assert count(proxy, "GetSendQuota") == 3


def test_ses_html_503_from_a_load_balancer_is_a_clear_failure(proxy, tmp_path):
    proxy.fault = always("GetSendQuota", HTML_503)
    run = run_module_process(ses_send_stats, args_for(proxy.url, retries={"max_attempts": 2}), tmp_path)
    assert run.returncode == 1
    # botocore finds no XML error in an HTML page: the code is the status, the message its reason phrase and
    # what the page was (issue 18: one line, never the raw page).
    assert run.result["msg"] == ("GetSendQuota in us-east-1 failed: 503 (HTTP 503): Service Unavailable: got an HTML page "
                                 "(a proxy or captive portal?)")
    assert count(proxy, "GetSendQuota") == 2


def test_ses_500_once_is_retried_and_counted(proxy, tmp_path):
    proxy.fault = first(1, "GetSendStatistics", ses_error("InternalFailure", "oops", 500, "Receiver"))
    run = run_module_process(ses_send_stats, args_for(proxy.url), tmp_path)
    assert run.returncode == 0 and run.result["retry_attempts"] == 1
    assert count(proxy, "GetSendStatistics") == 2


def test_cloudwatch_500_is_retried_then_unknown(proxy, tmp_path):
    seed(proxy.moto_url, {"Send": 3})
    proxy.fault = always("GetMetricData", CW_INTERNAL)
    args = args_for(proxy.url, metrics=["emails-sent"], fail_on="critical")
    run = run_module_process(ses_metric_check, args, tmp_path)
    expected = "UNKNOWN: GetMetricData in us-east-1 failed: InternalFailure (HTTP 500): An internal error occurred."
    assert run.returncode == 1 and run.result["failed"] is True
    assert run.result["status"] == "UNKNOWN" and run.result["output"] == expected
    assert run.result["msg"] == "fail_on critical: %s - %s" % (expected, MORE)  # the one failed region, named once
    assert count(proxy, "GetMetricData") == 3


def test_cloudwatch_html_503_is_unknown(proxy, tmp_path):
    proxy.fault = always("GetMetricData", HTML_503)
    run = run_module_process(ses_metric_check, args_for(proxy.url, retries={"max_attempts": 2}), tmp_path)
    assert run.result["status"] == "UNKNOWN"
    assert run.result["output"].startswith("UNKNOWN: GetMetricData in us-east-1 failed: ")
    assert "HTTP 503" in run.result["output"] and "\n" not in run.result["output"]
    assert count(proxy, "GetMetricData") == 2


# -- no connection, slow answers, broken answers ----------------------------------------------------


def test_refused_connection_fails_fast_with_the_defaults(tmp_path):
    url = "http://127.0.0.1:%d" % free_port()
    run = run_module_process(ses_send_stats, args_for(url), tmp_path)
    assert run.elapsed < REFUSED_BOUND, run.elapsed
    assert run.returncode == 1
    # ses_send_stats asks sesv2 GetAccount first (it also answers the quota).
    assert run.result["msg"] == ("GetAccount in us-east-1 failed: EndpointConnectionError: could not connect to %s/v2/email/account"
                                 ": check endpoint_url, the proxy (proxy_url, HTTPS_PROXY) and the region" % url)
    assert run.result["error"]["code"] == "EndpointConnectionError"


def test_refused_connection_is_unknown_fast_with_the_defaults(tmp_path):
    url = "http://127.0.0.1:%d" % free_port()
    run = run_module_process(ses_metric_check, args_for(url), tmp_path)
    assert run.elapsed < REFUSED_BOUND, run.elapsed
    expected = ("UNKNOWN: GetMetricData in us-east-1 failed: EndpointConnectionError: could not connect to %s/"
                ": check endpoint_url, the proxy (proxy_url, HTTPS_PROXY) and the region" % url)
    assert run.returncode == 0 and run.result["status"] == "UNKNOWN" and run.result["output"] == expected
    assert all(m["state"] == "UNKNOWN" and m["value"] is None for m in run.result["metrics"])
    failing = run_module_process(ses_metric_check, args_for(url, fail_on="critical"), tmp_path)
    assert failing.elapsed < REFUSED_BOUND and failing.returncode == 1 and failing.result["output"] == expected
    assert failing.result["msg"] == "fail_on critical: %s - %s" % (expected, MORE)


class _SilentEndpoint:
    """A port whose accept queue is full: a new connection is never answered (like a filtered host)."""

    def __init__(self):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(0)
        self.url = "http://127.0.0.1:%d" % self.server.getsockname()[1]
        self.fillers = []
        for dummy in range(3):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            try:
                filler.connect(self.server.getsockname())
            except BlockingIOError:
                pass
            self.fillers.append(filler)
        time.sleep(0.1)

    def close(self):
        for filler in self.fillers:
            filler.close()
        self.server.close()


def test_unanswered_connection_takes_attempts_times_connect_timeout(tmp_path):
    # A refused connection fails at once; a connection nobody answers waits connect_timeout on every
    # attempt: with the defaults (10 s, 3 attempts) that is about 30 s, so pollers must lower them.
    silent = _SilentEndpoint()
    try:
        probe = socket.create_connection(silent.server.getsockname(), timeout=0.3)
        probe.close()
        pytest.skip("this kernel accepted a connection beyond the full backlog")
    except OSError:
        pass
    try:
        run = run_module_process(ses_metric_check, args_for(silent.url, connect_timeout=0.5, retries={"max_attempts": 2}), tmp_path)
        stats = run_module_process(ses_send_stats, args_for(silent.url, connect_timeout=0.5, retries={"max_attempts": 2}), tmp_path)
    finally:
        silent.close()
    message = "failed: ConnectTimeout: no connection to %s within connect_timeout" % silent.url
    assert run.result["status"] == "UNKNOWN" and run.result["output"] == "UNKNOWN: GetMetricData in us-east-1 " + message
    assert stats.returncode == 1 and stats.result["msg"] == "GetAccount in us-east-1 " + message
    for each in (run, stats):
        assert 1.0 <= each.elapsed < 4.0, each.elapsed


def _slow(seconds):
    return lambda request: seconds


def test_slow_ses_answer_is_a_read_timeout_failure(proxy, tmp_path):
    proxy.fault = always("GetSendQuota", _slow(2.0))
    run = run_module_process(ses_send_stats, args_for(proxy.url, read_timeout=0.5, retries={"max_attempts": 2}), tmp_path)
    assert run.returncode == 1
    assert run.result["msg"] == "GetSendQuota in us-east-1 failed: ReadTimeout: no answer from %s within read_timeout" % proxy.url
    assert run.result["error"]["code"] == "ReadTimeout"
    assert count(proxy, "GetSendQuota") == 2
    assert run.elapsed < 5.0, run.elapsed


def test_slow_cloudwatch_answer_is_unknown_naming_read_timeout(proxy, tmp_path):
    proxy.fault = always("GetMetricData", _slow(2.0))
    run = run_module_process(ses_metric_check, args_for(proxy.url, read_timeout=0.5, retries={"max_attempts": 2}), tmp_path)
    assert run.result["status"] == "UNKNOWN"
    assert run.result["output"] == "UNKNOWN: GetMetricData in us-east-1 failed: ReadTimeout: no answer from %s within read_timeout" % proxy.url
    assert count(proxy, "GetMetricData") == 2
    assert run.elapsed < 5.0, run.elapsed


def test_dropped_connection_is_retried_then_a_clear_failure(proxy, tmp_path):
    proxy.fault = always("GetSendQuota", "close")
    run = run_module_process(ses_send_stats, args_for(proxy.url, retries={"max_attempts": 2}), tmp_path)
    assert run.returncode == 1 and run.result["error"]["code"] == "ConnectionClosedError"
    assert run.result["msg"].startswith("GetSendQuota in us-east-1 failed: ConnectionClosedError: ")
    assert count(proxy, "GetSendQuota") == 2


def test_truncated_ses_xml_is_a_clear_failure(proxy, tmp_path):
    status, headers, body = ses_answer("GetSendQuota", "<SentLast24Hours>1.0</SentLast24Hours><Max24HourSend>200.0</Max24HourSend>")
    proxy.fault = always("GetSendQuota", (status, headers, body[:len(body) // 2]))
    run = run_module_process(ses_send_stats, args_for(proxy.url), tmp_path)
    assert run.returncode == 1 and run.result["error"]["code"] == "UnreadableAnswer"
    assert run.result["msg"].startswith("GetSendQuota in us-east-1 failed: UnreadableAnswer: the answer from %s could not be read" % proxy.url)


def test_malformed_sesv2_json_falls_back_and_says_so(proxy, tmp_path):
    # botocore reads an unparsable JSON body of a 200 answer as {"message": <body>} and raises
    # nothing (rest-json and awsJson protocols): an answer without SendingEnabled is no account
    # answer, so the module falls back to SES v1 and warns, never inventing the account state.
    proxy.fault = always(GET_ACCOUNT, (200, {"Content-Type": "application/json"}, b'{"SendingEnabled": tr'))
    run = run_module_process(ses_send_stats, args_for(proxy.url), tmp_path)
    assert run.returncode == 0 and run.result["quota"]["max_24_hour_send"] == 200.0
    account = run.result["account"]
    assert account["source"] != "sesv2"
    assert (account["sandbox"], account["production_access_enabled"]) == (None, None)
    assert any("an unreadable answer" in text for text in warning_texts(run.result))


def test_malformed_cloudwatch_json_is_unknown_never_ok(proxy, tmp_path):
    seed(proxy.moto_url, {"Send": 4})
    proxy.fault = always("GetMetricData", (200, {"Content-Type": "application/x-amz-json-1.0"}, b'{"MetricDataResults": [{"Id": "q0", "Val'))
    run = run_module_process(ses_metric_check, args_for(proxy.url, metrics=["emails-sent"], fail_on="critical"), tmp_path)
    # botocore reads the garbled JSON as {"message": <body>} without an error; the check sees no
    # result for its query and says so, rather than reporting the seeded value or OK.
    assert run.returncode == 1 and run.result["status"] == "UNKNOWN"
    assert run.result["output"] == "UNKNOWN: 'SES' Statistic 'Sum' Metrics number of sent emails: CloudWatch returned no result for this query"
    assert run.result["msg"] == ("fail_on critical: UNKNOWN emails-sent (CloudWatch returned no result for this query) in us-east-1 - "
                                 + MORE)


def test_cloudwatch_answer_without_results_is_unknown_never_ok(proxy, tmp_path):
    seed(proxy.moto_url, {"Send": 4})
    proxy.fault = always("GetMetricData", cloudwatch_answer({"Messages": []}))
    run = run_module_process(ses_metric_check, args_for(proxy.url, metrics=["emails-sent"], zeroed=True), tmp_path)
    assert run.result["status"] == "UNKNOWN"
    assert run.result["output"] == ("UNKNOWN: 'SES' Statistic 'Sum' Metrics number of sent emails: "
                                    "CloudWatch returned no result for this query")


class _RawServer:
    """Answers every connection with fixed raw bytes, then closes it (a body shorter than announced)."""

    def __init__(self, raw):
        self.raw = raw
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = "http://127.0.0.1:%d" % self.sock.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while True:
            try:
                conn, dummy = self.sock.accept()
            except OSError:
                return
            with conn:
                self.connections += 1
                conn.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    conn.sendall(self.raw)
                except OSError:
                    pass

    def close(self):
        self.sock.close()


def test_body_cut_short_of_content_length_is_a_clear_failure(tmp_path):
    status, headers, body = ses_answer("GetSendQuota", "<SentLast24Hours>1.0</SentLast24Hours>")
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body) + 500, body[:40])
    server = _RawServer(raw)
    try:
        run = run_module_process(ses_send_stats, args_for(server.url, retries={"max_attempts": 2}), tmp_path)
        cw_run = run_module_process(ses_metric_check, args_for(server.url, retries={"max_attempts": 2}), tmp_path)
    finally:
        server.close()
    assert status == 200 and headers
    # botocore parses the bytes that came: the XML is cut, so the answer cannot be read.
    assert run.returncode == 1 and run.result["error"]["code"] == "UnreadableAnswer"
    assert run.result["msg"].startswith("GetSendQuota in us-east-1 failed: UnreadableAnswer: the answer from %s could not be read: "
                                        "Unable to parse response" % server.url)
    # For CloudWatch's JSON protocol botocore raises nothing: the check finds no result, never OK.
    assert cw_run.result["status"] == "UNKNOWN" and "CloudWatch returned no result for this query" in cw_run.result["output"]
    assert all(m["state"] == "UNKNOWN" for m in cw_run.result["metrics"])
    # ses_send_stats: GetAccount (an unreadable answer, so SES v1) and GetSendQuota; ses_metric_check: GetMetricData.
    assert server.connections == 3


# -- pages and regions ----------------------------------------------------------------------------


def _epoch(moment):
    return int(moment.timestamp())


def test_partial_data_pages_are_merged_in_the_module_process(proxy, tmp_path):
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    t1, t2, t3 = (_epoch(now - timedelta(minutes=m)) for m in (2, 3, 4))
    pages = [
        {"MetricDataResults": [{"Id": "q0", "Label": "Send", "StatusCode": "PartialData", "Timestamps": [t1, t2], "Values": [5.0, 6.0]}],
         "NextToken": "page-2"},
        {"MetricDataResults": [{"Id": "q0", "Label": "Send", "StatusCode": "Complete", "Timestamps": [t3], "Values": [7.0]}]},
    ]
    tokens = []

    def fault(request):
        if request.operation != "GetMetricData":
            return None
        tokens.append(json.loads(request.body).get("NextToken"))
        return cloudwatch_answer(pages[len(tokens) - 1])

    proxy.fault = fault
    run = run_module_process(ses_metric_check, args_for(proxy.url, metrics=["emails-sent"], warning={"emails-sent": "~:17"}), tmp_path)
    assert tokens == [None, "page-2"] and run.result["requests"] == 2
    metric = run.result["metrics"][0]
    assert metric["value"] == 18.0 and metric["datapoint_count"] == 3 and metric["state"] == "WARNING"
    assert run.result["output"] == ("WARNING: 'SES' Statistic 'Sum' Metrics number of sent emails: 18.00 | "
                                    "'SES~sum#ses.emails.sent.count'=18;~:17;;;")


def test_partial_data_without_a_next_page_is_unknown_never_ok(proxy, tmp_path):
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    page = {"MetricDataResults": [{"Id": "q0", "StatusCode": "PartialData", "Timestamps": [_epoch(now - timedelta(minutes=2))],
                                   "Values": [1.0]}]}
    proxy.fault = always("GetMetricData", cloudwatch_answer(page))
    run = run_module_process(ses_metric_check, args_for(proxy.url, metrics=["emails-sent"], fail_on="critical"), tmp_path)
    assert run.returncode == 1 and run.result["status"] == "UNKNOWN"
    assert "CloudWatch returned partial data (StatusCode PartialData) and no further page" in run.result["output"]
    assert run.result["msg"].startswith("fail_on critical: UNKNOWN emails-sent (CloudWatch returned partial data (StatusCode PartialData)")


def test_one_region_failing_among_several_send_stats(proxy, tmp_path):
    proxy.fault = always("GetSendQuota", SES_UNAVAILABLE, region="eu-west-1")
    run = run_module_process(ses_send_stats, args_for(proxy.url, regions=["us-east-1", "eu-west-1", "ap-south-1"],
                                                      retries={"max_attempts": 2}), tmp_path)
    assert run.returncode == 0 and not run.result.get("failed")
    regions = run.result["regions"]
    assert [regions[r]["failed"] for r in ("us-east-1", "eu-west-1", "ap-south-1")] == [False, True, False]
    assert regions["eu-west-1"]["error"]["code"] == "ServiceUnavailable" and regions["eu-west-1"]["quota"] is None
    assert regions["us-east-1"]["quota"]["max_24_hour_send"] == 200.0 and regions["ap-south-1"]["quota"]["max_24_hour_send"] == 200.0
    assert any("could not be read in 1 of 3 regions (eu-west-1: ServiceUnavailable)" in w
               for w in warning_texts(run.result))
    # The failed region's retries are not in retry_attempts (see the report): the proxy saw them.
    assert count(proxy, "GetSendQuota", "eu-west-1") == 2


def test_one_region_failing_among_several_metric_check(proxy, tmp_path):
    seed(proxy.moto_url, {"Send": 5}, "us-east-1")
    seed(proxy.moto_url, {"Send": 50}, "ap-south-1")
    proxy.fault = always("GetMetricData", CW_THROTTLING, region="eu-west-1")
    args = args_for(proxy.url, regions=["us-east-1", "eu-west-1", "ap-south-1"], metrics=["emails-sent"],
                    critical={"emails-sent": "~:40"}, retries={"max_attempts": 2})
    run = run_module_process(ses_metric_check, args, tmp_path)
    by_region = dict((m["region"], m) for m in run.result["metrics"])
    assert (by_region["us-east-1"]["value"], by_region["us-east-1"]["state"]) == (5.0, "OK")
    assert (by_region["ap-south-1"]["value"], by_region["ap-south-1"]["state"]) == (50.0, "CRITICAL")
    assert by_region["eu-west-1"]["value"] is None and by_region["eu-west-1"]["state"] == "UNKNOWN"
    # The real alert is not hidden by the failed region, and the failure is not hidden either.
    assert run.result["status"] == "CRITICAL"
    assert run.result["output"] == (
        "CRITICAL: 'ap-south-1/SES' Statistic 'Sum' Metrics number of sent emails: 50.00 "
        "UNKNOWN: GetMetricData in eu-west-1 failed: Throttling (HTTP 400): Rate exceeded | "
        "'us-east-1/SES~sum#ses.emails.sent.count'=5;;~:40;; 'ap-south-1/SES~sum#ses.emails.sent.count'=50;;~:40;;")
    assert [e["region"] for e in run.result["errors"]] == ["eu-west-1"]

    # Without the alert, the failed region makes the status UNKNOWN, never OK.
    quiet = run_module_process(ses_metric_check, dict(args, regions=["us-east-1", "eu-west-1"]), tmp_path)
    assert quiet.result["status"] == "UNKNOWN"
    assert quiet.result["output"].startswith("UNKNOWN: GetMetricData in eu-west-1 failed: Throttling (HTTP 400): Rate exceeded | ")


@pytest.mark.parametrize("module", [ses_send_stats, ses_metric_check])
def test_missing_botocore_gives_the_standard_message(module, tmp_path):
    # A botocore package that fails to import stands first on the module's path, as if botocore were absent.
    fake = tmp_path / "no-botocore" / "botocore"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named botocore')\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(fake.parent), os.environ.get("PYTHONPATH")) if p))
    proc = module_process.run_module_process(module, {"region": "us-east-1"}, tmp_path, env=env)
    result = proc.result
    assert proc.returncode == 1 and result["failed"] is True
    assert result["msg"].startswith("Failed to import the required Python library (botocore>=1.34.0)")
    assert "Traceback" not in result["msg"]
