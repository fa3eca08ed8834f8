# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""No secret in any output: both modules through ansible-playbook -vvvv, succeeding and failing.

Recognisable secrets are really used (a check below proves each one reached its destination):
- secret key and session token, for every request (module_defaults of group/sesmon.ses.aws);
- the password of a proxy_url, for a forward proxy that demands it (407 otherwise), and for an
  unreachable proxy so that the connection error path shows the URL;
- assume_role.external_id, sent to STS AssumeRole.
Runs that succeed, that fail on a wrong endpoint, on an unreachable proxy and on an injected
AccessDenied, with publish_facts and fail_on. Every byte of stdout, stderr, the log file
(ANSIBLE_LOG_PATH) and the registered results written out as JSON is searched for every secret,
and for the Basic proxy credentials in base64. The role's secrets are covered by test_role.py.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.tests.system.conftest import playbook_env, run_playbook
from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import ses_error

ACCESS_KEY = "AKIASESMONSECRETTEST"
SECRET_KEY = "SeCrEtKeY-4f9a7c1e2b8d4a6f9e0c"
SESSION_TOKEN = "SeSsIoNtOkEn-77b3e1d9c5a24f08b6"
PROXY_USER = "sesmon"
PROXY_PASSWORD = "PrOxYpAsS-c0ffee5e1f2a"
EXTERNAL_ID = "ExTeRnAlId-9d8c7b6a5f4e"
URL_PASSWORD = "UrLpAsSwOrD-5e6f7a8b9c0d"
ROLE_ARN = "arn:aws:iam::123456789012:role/sesmon-read"
# A session token as long as real ones get (several hundred characters), echoed back by the endpoint below.
LONG_TOKEN = "".join(hashlib.sha256(b"sesmon-long-token-%d" % i).hexdigest() for i in range(10))[:600]
BASIC = base64.b64encode(("%s:%s" % (PROXY_USER, PROXY_PASSWORD)).encode()).decode()
SECRETS = {
    "secret key": SECRET_KEY,
    "session token": SESSION_TOKEN,
    "proxy password": PROXY_PASSWORD,
    "external id": EXTERNAL_ID,
    "proxy Basic credentials": BASIC,
    "endpoint_url password": URL_PASSWORD,
    "long session token": LONG_TOKEN,
}
SES_NS = "http://ses.amazonaws.com/doc/2010-12-01/"

PLAYBOOK = """---
- name: Both modules with secrets, succeeding and failing
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/sesmon.ses.aws:
      region: us-east-1
      access_key: "{{ ak }}"
      secret_key: "{{ sk }}"
      session_token: "{{ token }}"
      retries:
        max_attempts: 2
      connect_timeout: 2
  tasks:
    - name: Send statistics through the authenticating proxy, published as facts
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ moto_url }}"
        proxy_url: "{{ good_proxy }}"
        publish_facts: true
      register: stats_via_proxy

    - name: Show the published facts
      ansible.builtin.debug:
        var: ansible_facts.ses_send_stats.quota

    - name: Metric check through the authenticating proxy
      sesmon.ses.ses_metric_check:
        endpoint_url: "{{ moto_url }}"
        proxy_url: "{{ good_proxy }}"
        metrics: [emails-sent]
        critical:
          emails-sent: "100"
        fail_on: critical
      register: check_via_proxy

    - name: Send statistics with an assumed role and an external id
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ sts_recorder }}"
        sts_endpoint_url: "{{ sts_recorder }}"
        assume_role:
          role_arn: "{{ role_arn }}"
          external_id: "{{ external_id }}"
      register: stats_assumed

    - name: Metric check with an assumed role, critical, fail_on critical
      sesmon.ses.ses_metric_check:
        endpoint_url: "{{ sts_recorder }}"
        sts_endpoint_url: "{{ sts_recorder }}"
        assume_role:
          role_arn: "{{ role_arn }}"
          external_id: "{{ external_id }}"
        metrics: [emails-sent]
        critical:
          emails-sent: "~:1"
        fail_on: critical
      register: check_assumed
      ignore_errors: true

    - name: Send statistics through an unreachable proxy
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ moto_url }}"
        proxy_url: "{{ dead_proxy }}"
      register: stats_dead_proxy
      ignore_errors: true

    - name: Metric check through an unreachable proxy, fail_on warning
      sesmon.ses.ses_metric_check:
        endpoint_url: "{{ moto_url }}"
        proxy_url: "{{ dead_proxy }}"
        fail_on: warning
      register: check_dead_proxy
      ignore_errors: true

    - name: Send statistics from a wrong endpoint
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ wrong_endpoint }}"
        sts_endpoint_url: "{{ wrong_endpoint }}"
        assume_role:
          role_arn: "{{ role_arn }}"
          external_id: "{{ external_id }}"
      register: stats_wrong_endpoint
      ignore_errors: true

    - name: Send statistics, access denied
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ denying }}"
        proxy_url: "{{ good_proxy }}"
      register: stats_denied
      ignore_errors: true

    - name: Metric check, access denied, fail_on critical
      sesmon.ses.ses_metric_check:
        endpoint_url: "{{ denying }}"
        fail_on: critical
      register: check_denied
      ignore_errors: true

    - name: Metric check, access denied, never failing
      sesmon.ses.ses_metric_check:
        endpoint_url: "{{ denying }}"
        proxy_url: "{{ good_proxy }}"
      register: check_denied_quiet

    - name: Send statistics from an endpoint_url with a password
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ endpoint_with_password }}"
      register: stats_url_password
      ignore_errors: true

    - name: Send statistics with the token ending in a newline (refused before any request, naming the option)
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ endpoint_with_password }}"
        session_token: "{{ token }}\n"
      register: stats_token_newline
      ignore_errors: true

    - name: Metric check with retries given as the task keyword would be, and an external id
      sesmon.ses.ses_metric_check:
        endpoint_url: "{{ moto_url }}"
        retries: 5
        assume_role:
          role_arn: "{{ role_arn }}"
          external_id: "{{ external_id }}"
      register: check_retries_keyword
      ignore_errors: true

    - name: Send statistics through a password proxy set in aws_config
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ moto_url }}"
        aws_config:
          proxies:
            http: "{{ dead_proxy }}"
      register: stats_config_proxy
      ignore_errors: true

    - name: Send statistics from an endpoint that echoes the long session token (HTML page, then XML error)
      sesmon.ses.ses_send_stats:
        endpoint_url: "{{ echoing }}"
        session_token: "{{ long_token }}"
      register: stats_echoed
      ignore_errors: true

    - name: Metric check from an endpoint that echoes the long session token (JSON error)
      sesmon.ses.ses_metric_check:
        endpoint_url: "{{ echoing }}"
        session_token: "{{ long_token }}"
        fail_on: critical
      register: check_echoed
      ignore_errors: true

    - name: Write every registered result out
      ansible.builtin.copy:
        dest: "{{ results_file }}"
        mode: "0600"
        content: >-
          {{ {'stats_via_proxy': stats_via_proxy, 'check_via_proxy': check_via_proxy, 'stats_assumed': stats_assumed,
              'check_assumed': check_assumed, 'stats_dead_proxy': stats_dead_proxy, 'check_dead_proxy': check_dead_proxy,
              'stats_wrong_endpoint': stats_wrong_endpoint, 'stats_denied': stats_denied, 'check_denied': check_denied,
              'check_denied_quiet': check_denied_quiet, 'stats_url_password': stats_url_password, 'stats_token_newline': stats_token_newline,
              'stats_echoed': stats_echoed, 'check_echoed': check_echoed,
              'check_retries_keyword': check_retries_keyword, 'stats_config_proxy': stats_config_proxy} | to_nice_json }}
"""


def _denied(request):
    """AccessDenied as SES (query XML) and CloudWatch (JSON) send it; sesv2 and STS go through."""
    if request.operation == "GetSendQuota":
        body = ('<ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: '
                "arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:GetSendQuota</Message></Error>"
                "<RequestId>r-1</RequestId></ErrorResponse>") % SES_NS
        return 403, {"Content-Type": "text/xml"}, body.encode()
    if request.operation == "GetMetricData":
        body = {"__type": "AccessDenied",
                "message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudwatch:GetMetricData"}
        return 403, {"Content-Type": "application/x-amz-json-1.0", "x-amzn-query-error": "AccessDenied;Sender"}, json.dumps(body).encode()
    return None


def _echoing(request):
    """An endpoint that echoes the request's session token: a WAF's HTML page, an XML error, a JSON error."""
    token = request.headers.get("X-Amz-Security-Token", "")
    if request.operation.endswith("/v2/email/account"):  # sesv2 GetAccount: a proxy's 404 page, so the SES v1 fallback runs too
        body = ("<!doctype html><html><head><title>Not found</title></head><body><h1>Not found</h1>"
                "<pre>X-Amz-Security-Token: %s</pre></body></html>") % token
        return 404, {"Content-Type": "text/html"}, body.encode()
    if request.operation in ("GetSendStatistics", "GetSendQuota"):
        return ses_error("InvalidClientTokenId", "The security token included in the request is invalid: %s" % token, 403)
    if request.operation == "GetMetricData":
        body = {"__type": "InvalidClientTokenId", "message": "The security token included in the request is invalid: %s" % token}
        return 403, {"Content-Type": "application/x-amz-json-1.0", "x-amzn-query-error": "InvalidClientTokenId;Sender"}, json.dumps(body).encode()
    return None


@pytest.fixture(scope="module")
def secrets_run(moto_server, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("secrets")
    moto_server.reset()
    seeder = AwsSession({"region": "us-east-1", "endpoint_url": moto_server.url, "access_key": ACCESS_KEY, "secret_key": "seed"})
    seeder.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                MetricData=[{"MetricName": "Send", "Value": 5.0, "Timestamp": datetime.now(timezone.utc) - timedelta(seconds=90)}])
    with LoopbackProxy(require_auth="Basic " + BASIC) as forward, \
            LoopbackProxy(target=moto_server.url) as sts_recorder, \
            LoopbackProxy(target=moto_server.url, fault=_denied) as denying, \
            LoopbackProxy(target=moto_server.url, fault=_echoing) as echoing:
        host_port = forward.url.split("//", 1)[1]
        variables = {
            "ak": ACCESS_KEY, "sk": SECRET_KEY, "token": SESSION_TOKEN, "role_arn": ROLE_ARN, "external_id": EXTERNAL_ID,
            "moto_url": moto_server.url, "sts_recorder": sts_recorder.url, "denying": denying.url, "echoing": echoing.url, "long_token": LONG_TOKEN,
            "good_proxy": "http://%s:%s@%s" % (PROXY_USER, PROXY_PASSWORD, host_port),
            "dead_proxy": "http://%s:%s@127.0.0.1:%d" % (PROXY_USER, PROXY_PASSWORD, free_port()),
            "wrong_endpoint": "http://127.0.0.1:%d" % free_port(),
            "endpoint_with_password": "http://monitor:%s@127.0.0.1:%d" % (URL_PASSWORD, free_port()),
            "results_file": str(tmp_path / "results.json"),
        }
        vars_file = tmp_path / "vars.json"
        vars_file.write_text(json.dumps(variables), encoding="utf-8")
        playbook = tmp_path / "secrets.yml"
        playbook.write_text(PLAYBOOK, encoding="utf-8")
        log = tmp_path / "ansible.log"
        env = playbook_env(ANSIBLE_LOG_PATH=str(log), ANSIBLE_KEEP_REMOTE_FILES="0")
        proc = run_playbook(playbook, "-vvvv", "-e", "@%s" % vars_file, env=env)
        run = {
            "proc": proc,
            "log": log.read_text(encoding="utf-8") if log.exists() else "",
            "results_text": (tmp_path / "results.json").read_text(encoding="utf-8") if (tmp_path / "results.json").exists() else "",
            "forward": list(forward.requests),
            "sts_recorder": list(sts_recorder.requests),
            "denying": list(denying.requests),
            "echoing": list(echoing.requests),
            "variables": variables,
        }
    return run


def test_the_playbook_ran_every_case(secrets_run):
    proc = secrets_run["proc"]
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    results = json.loads(secrets_run["results_text"])
    assert results["stats_via_proxy"]["quota"]["max_24_hour_send"] == 200.0
    assert results["stats_via_proxy"]["ansible_facts"]["ses_send_stats"]["quota"]["max_24_hour_send"] == 200.0
    assert results["check_via_proxy"]["status"] == "OK" and results["check_via_proxy"]["metrics"][0]["value"] == 5.0
    assert not results["stats_assumed"].get("failed") and results["stats_assumed"]["quota"]["max_24_hour_send"] == 200.0
    assert results["check_assumed"]["failed"] is True and results["check_assumed"]["status"] == "CRITICAL"
    assert results["check_assumed"]["output"].startswith("CRITICAL: 'SES' Statistic 'Sum' Metrics number of sent emails: 5.00")
    assert results["check_assumed"]["msg"].startswith("fail_on critical: CRITICAL emails-sent in ")
    assert results["stats_dead_proxy"]["failed"] is True and results["stats_dead_proxy"]["error"]["code"] == "ProxyConnectionError"
    assert results["check_dead_proxy"]["failed"] is True and results["check_dead_proxy"]["status"] == "UNKNOWN"
    assert results["stats_wrong_endpoint"]["failed"] is True
    assert results["stats_wrong_endpoint"]["msg"].endswith("failed: EndpointConnectionError: could not connect to %s/: check endpoint_url, "
                                                           "the proxy (proxy_url, HTTPS_PROXY) and the region"
                                                           % secrets_run["variables"]["wrong_endpoint"])
    assert results["stats_denied"]["failed"] is True and results["stats_denied"]["error"]["code"] == "AccessDenied"
    assert results["check_denied"]["failed"] is True and results["check_denied"]["errors"][0]["code"] == "AccessDenied"
    assert results["check_denied_quiet"]["status"] == "UNKNOWN" and not results["check_denied_quiet"].get("failed")
    assert results["stats_url_password"]["failed"] is True and "monitor:********@127.0.0.1" in results["stats_url_password"]["msg"]
    assert results["stats_token_newline"]["failed"] is True and results["stats_token_newline"]["msg"].startswith(
        "session_token (or AWS_SESSION_TOKEN) ends with a line break")
    assert results["stats_echoed"]["failed"] is True and results["check_echoed"]["failed"] is True
    assert "InvalidClientTokenId" in results["stats_echoed"]["msg"], results["stats_echoed"]["msg"]
    assert results["check_echoed"]["status"] == "UNKNOWN"
    # The echoed token reached the results, masked: the absence checks below mean something.
    assert "********" in json.dumps(results["stats_echoed"]) and "********" in json.dumps(results["check_echoed"])
    assert results["check_retries_keyword"]["failed"] is True and "retries must be a dictionary" in results["check_retries_keyword"]["msg"]
    assert "status" not in results["check_retries_keyword"]
    assert results["stats_config_proxy"]["failed"] is True and results["stats_config_proxy"]["error"]["code"] == "ProxyConnectionError"


def test_the_proxy_url_is_shown_with_its_password_masked(secrets_run):
    results = json.loads(secrets_run["results_text"])
    port = secrets_run["variables"]["dead_proxy"].rsplit(":", 1)[1]
    masked = "http://%s:********@127.0.0.1:%s" % (PROXY_USER, port)
    assert "could not connect through the proxy %s" % masked in results["stats_dead_proxy"]["msg"]
    assert "could not connect through the proxy %s" % masked in results["check_dead_proxy"]["output"]
    assert "ProxyConnectionError" in results["check_dead_proxy"]["msg"]  # the gate's one line names the cause


def test_every_secret_was_really_used(secrets_run):
    forward = secrets_run["forward"]
    # The forward proxy demanded the Basic credentials and got them on every request it relayed.
    assert forward and all(r.headers.get("Proxy-Authorization") == "Basic " + BASIC for r in forward)
    assert all(r.headers.get("X-Amz-Security-Token") == SESSION_TOKEN for r in forward)
    assert {"GetSendQuota", "GetSendStatistics", "GetMetricData"} <= set(r.operation for r in forward)
    assert any("Credential=%s/" % ACCESS_KEY in r.headers.get("Authorization", "") for r in forward)
    # STS AssumeRole carried the external id, and the source credentials' session token.
    assume = [r for r in secrets_run["sts_recorder"] if r.operation == "AssumeRole"]
    assert assume and all(("ExternalId=%s" % EXTERNAL_ID).encode() in r.body for r in assume)
    assert all(r.headers.get("X-Amz-Security-Token") == SESSION_TOKEN for r in assume)
    assert {"GetSendQuota", "GetMetricData"} <= set(r.operation for r in secrets_run["denying"])
    # The echoing endpoint got the long token, and sent it back in each of its three kinds of answer.
    echoed = secrets_run["echoing"]
    operations = set(r.operation for r in echoed)
    assert "GetMetricData" in operations and any(o.endswith("/v2/email/account") for o in operations), operations
    assert operations & {"GetSendQuota", "GetSendStatistics", "GetAccountSendingEnabled"}, operations
    assert all(r.headers.get("X-Amz-Security-Token") == LONG_TOKEN for r in echoed)


@pytest.mark.parametrize("channel", ["stdout", "stderr", "log file", "registered results"])
def test_no_secret_in_any_output(secrets_run, channel):
    proc = secrets_run["proc"]
    text = {"stdout": proc.stdout, "stderr": proc.stderr, "log file": secrets_run["log"],
            "registered results": secrets_run["results_text"]}[channel]
    if channel != "stderr":
        assert text.strip(), "%s is empty: nothing was checked" % channel
    for name, secret in SECRETS.items():
        assert secret not in text, "the %s shows in %s" % (name, channel)
        # A cut-off message must not leak the beginning of a secret either.
        assert secret[:12] not in text, "the start of the %s shows in %s" % (name, channel)
    # Nor any 16-character piece of a long one, wherever a message was cut.
    pieces = [LONG_TOKEN[start:start + 16] for start in range(len(LONG_TOKEN) - 15)]
    assert not [piece for piece in pieces if piece in text], "a piece of the long session token shows in %s" % channel
    assert "Traceback" not in text


def test_verbose_output_shows_the_masked_arguments(secrets_run):
    """-vvv really printed the module arguments, masked: the absence of secrets above means something."""
    stdout = secrets_run["proc"].stdout
    assert "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" in stdout
    assert re.search(r'"secret_key": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"', stdout)
    assert re.search(r'"session_token": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"', stdout)
    assert re.search(r'"external_id": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"', stdout)
    assert ACCESS_KEY in stdout  # not a secret (no_log=False): shows that arguments are printed at all
