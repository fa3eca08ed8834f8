# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The AnsibleModule bridge: option errors, AWS errors, warnings and secrets in results."""

from __future__ import annotations

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.module import run_module as bridge
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port


def _main_calling(execute):
    return lambda: bridge({}, execute)


def _quota(params, session):
    return {"changed": False, "quota": session.call("ses", "get_send_quota")["Max24HourSend"]}


def test_success_returns_the_result(aws_params):
    result = run_module(_main_calling(_quota), aws_params)
    assert result["quota"] == 200.0 and not result.get("failed")


def test_aws_error_is_one_line_with_structured_error():
    url = "http://127.0.0.1:%d" % free_port()
    args = {"region": "eu-west-1", "endpoint_url": url, "access_key": "a", "secret_key": "s3cr3t-value", "retries": {"max_attempts": 1}}
    result = run_module(_main_calling(_quota), args)
    assert result["failed"] is True
    assert result["msg"] == ("GetSendQuota in eu-west-1 failed: EndpointConnectionError: could not connect to %s/: check endpoint_url, "
                             "the proxy (proxy_url, HTTPS_PROXY) and the region" % url)
    assert result["error"] == {
        "code": "EndpointConnectionError", "http_status": None, "operation": "GetSendQuota",
        "region": "eu-west-1", "request_id": None, "message": result["msg"],
    }
    assert "Traceback" not in str(result) and "exception" not in result
    assert "s3cr3t-value" not in str(result)


def test_option_error_fails_cleanly(aws_params):
    def refuse(params, session):
        raise OptionError("since 'yesterday' is not a duration")

    result = run_module(_main_calling(refuse), aws_params)
    assert result["failed"] is True and result["msg"] == "since 'yesterday' is not a duration"


def test_profile_with_keys_is_refused_before_any_call(aws_params):
    aws_params["profile"] = "ops"
    result = run_module(_main_calling(_quota), aws_params)
    assert result["msg"].startswith("Passing both a profile and access keys is not supported")


def test_warnings_are_passed_to_ansible(aws_params):
    result = run_module(_main_calling(lambda p, s: {"changed": False, "warnings": ["GetAccount denied"]}), aws_params)
    assert "GetAccount denied" in str(result["warnings"])  # 2.19 wraps each warning in a WarningSummary


def test_warnings_reach_the_result_after_controller_code_was_imported(aws_params, monkeypatch):
    """Importing ansible-core's controller code (2.19+) flags the process as the controller; a module run stays a module."""
    internal = pytest.importorskip("ansible.module_utils._internal")
    if not hasattr(internal, "is_controller"):
        pytest.skip("ansible-core before 2.19 has no controller flag")
    monkeypatch.setattr(internal, "is_controller", True)  # what ``import ansible._internal`` does
    result = run_module(_main_calling(lambda p, s: {"changed": False, "warnings": ["GetAccount denied"]}), aws_params)
    assert "GetAccount denied" in str(result.get("warnings"))


def test_proxy_password_is_masked_in_results(aws_params):
    aws_params["proxy_url"] = "http://ops:Pr0xyPa55@127.0.0.1:%d" % free_port()
    aws_params["retries"] = {"max_attempts": 1}
    result = run_module(_main_calling(lambda p, s: {"changed": False, "echo": "password is Pr0xyPa55"}), aws_params)
    assert "Pr0xyPa55" not in str(result)
    result = run_module(_main_calling(_quota), aws_params)
    assert result["error"]["code"] == "ProxyConnectionError"
    assert "Pr0xyPa55" not in str(result)


def test_warnings_are_one_short_line():
    """Issue 18: a warning is one line of at most 200 characters; the whole text stays in the result."""
    from ansible_collections.sesmon.ses.plugins.module_utils.errors import WARNING_LENGTH, short_warning

    long_text = "GetMetricData in eu-west-1 failed: Throttling (HTTP 400):\n" + "Rate exceeded " * 40
    short = short_warning(long_text)
    assert len(short) == WARNING_LENGTH and "\n" not in short and short.endswith("... (details in the result)")
    assert short_warning("fine") == "fine"
