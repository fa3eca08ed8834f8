# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Secrets in every form they can be printed: both modules in-process, failing on purpose.

Long, unusual markers are planted in every secret option (and in URLs, aws_config's proxies, the
environment); each case triggers a failure or a warning whose text carries the secret the way
botocore prints it (a URL, a repr'd header value); then the whole result -- msg, error, errors,
warnings, output, invocation.module_args -- is searched for each marker as is, stripped,
URL-encoded, repr'd and as Basic base64. tests/system/test_secrets.py does the same through
ansible-playbook at -vvvv.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import quote, quote_plus

import pytest

from ansible.module_utils.ansible_release import __version__ as _CORE

from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check, ses_send_stats
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module

CORE_VERSION = tuple(int(part) for part in _CORE.split('.')[:2])

SECRET_KEY = "sec-SeCrEt-Bw73qN2d"
TOKEN = "sec-ToKeN-Ux58hK1c"
EXTERNAL_ID = "sec-ExTid-Yt46mF9a"
PROXY_PASSWORD = "sec-PrOxY-Gn21vR8z/+@"
URL_PASSWORD = "sec-UrLpW-Ka90sE3j"
ENV_SECRET = "sec-EnVsK-Op17wQ6b"
MARKERS = (SECRET_KEY, TOKEN, EXTERNAL_ID, PROXY_PASSWORD, URL_PASSWORD, ENV_SECRET)
ROLE = {"role_arn": "arn:aws:iam::123456789012:role/ses-read", "external_id": EXTERNAL_ID}


def dead():
    return "127.0.0.1:%d" % free_port()


def forms(marker):
    found = {marker, marker.strip(), quote(marker, safe=""), quote(marker), quote_plus(marker), repr(marker)[1:-1]}
    found.add(base64.b64encode(("ops:%s" % marker).encode()).decode())
    found.add(marker[:12])
    return found


def base(**changes):
    args = {"region": "us-east-1", "endpoint_url": "http://%s" % dead(), "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": SECRET_KEY,
            "session_token": TOKEN, "retries": {"max_attempts": 1}, "connect_timeout": 1, "read_timeout": 1}
    args.update(changes)
    return args


QUOTED_PROXY = quote(PROXY_PASSWORD, safe="")

SCENARIOS = [
    ("endpoint-url-userinfo", lambda: base(endpoint_url="http://ops:%s@%s" % (URL_PASSWORD, dead()))),
    ("endpoint-url-token-as-user", lambda: base(endpoint_url="http://%s@%s" % (URL_PASSWORD, dead()))),
    ("token-with-trailing-newline", lambda: base(session_token=TOKEN + "\n")),
    ("token-with-spaces", lambda: base(session_token="  %s  " % TOKEN)),
    ("secret-key-with-newline", lambda: base(secret_key=SECRET_KEY + "\n")),
    ("proxy-url-encoded-password", lambda: base(proxy_url="http://ops:%s@%s" % (QUOTED_PROXY, dead()))),
    ("aws-config-proxies-password", lambda: base(aws_config={"proxies": {
        "http": "http://ops:%s@%s" % (QUOTED_PROXY, dead()),
        "https": "http://ops:%s@%s" % (QUOTED_PROXY, dead())}})),
    ("retries-as-task-keyword", lambda: base(retries=5, assume_role=ROLE, proxy_url="http://ops:%s@%s" % (QUOTED_PROXY, dead()))),
    ("assume-role-as-text", lambda: base(assume_role="arn:aws:iam::123456789012:role/x", proxy_url="http://ops:%s@%s" % (QUOTED_PROXY, dead()))),
    ("assume-role-as-list", lambda: base(assume_role=[ROLE])),
    ("assume-role-failing", lambda: base(assume_role=ROLE, sts_endpoint_url="http://ops:%s@%s" % (URL_PASSWORD, dead()))),
    ("unsupported-option", lambda: base(secret="x", assume_role=ROLE)),
    ("alias-names", lambda: dict((k, v) for k, v in base(aws_secret_access_key=SECRET_KEY + " ", aws_session_token=TOKEN).items()
                                 if k not in ("secret_key", "session_token"))),
    ("environment-secret", lambda: dict((k, v) for k, v in base().items() if k not in ("secret_key", "session_token"))),
]


@pytest.mark.parametrize("module", [ses_send_stats, ses_metric_check], ids=["ses_send_stats", "ses_metric_check"])
@pytest.mark.parametrize("name, make", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_no_secret_in_any_form(module, name, make, monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", ENV_SECRET + "\n")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    result = run_module(module.main, make())
    text = json.dumps(result)
    # Something failed or warned, with a message: the search below means something.
    assert result.get("failed") or result.get("status") == "UNKNOWN", result
    assert result.get("msg") or result.get("output")
    # ansible-core < 2.21 adds invocation.module_args to the result itself: it is searched below too.
    assert "invocation" in result or CORE_VERSION >= (2, 21)
    for marker in MARKERS:
        for form in forms(marker):
            assert form not in text, "%r (a form of a planted secret) shows in the result of %s" % (form, name)
    assert "Traceback" not in text


def test_the_secret_forms_really_reach_botocore_messages():
    """A URL's password reaches botocore's messages: without its forms masked, the check above would fail.

    (A token with a line break no longer reaches botocore's "Invalid header value": it is refused, naming session_token.)"""
    result = run_module(ses_send_stats.main, base(session_token=TOKEN + "\n"))
    assert result["msg"].startswith("session_token (or AWS_SESSION_TOKEN) ends with a line break"), result["msg"]
    result = run_module(ses_send_stats.main, base(endpoint_url="http://ops:%s@%s" % (URL_PASSWORD, dead())))
    assert "ops:********@127.0.0.1" in result["msg"], result["msg"]
