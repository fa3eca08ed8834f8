# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The connection helper, against a real moto_server on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import base64
import http.server
import threading
import time

import botocore.session
import pytest

from ansible_collections.sesmon.ses.plugins.module_utils import connection
from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import redact_url
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession, build_config
from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import connection_argument_spec, validate_region
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.version import DEFAULT_USER_AGENT
from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port

THROTTLING_XML = (
    b'<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type>'
    b"<Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error>"
    b"<RequestId>x</RequestId></ErrorResponse>"
)


def _quota(session, region=None):
    return session.call("ses", "get_send_quota", region=region)


def _iam_user_keys(moto_url, name="alice"):
    """An IAM user with an access key, created in moto; returns (arn, key id, secret)."""
    admin = AwsSession({"region": "us-east-1", "endpoint_url": moto_url, "access_key": "AKIDADMIN", "secret_key": "x"})
    arn = admin.call("iam", "create_user", UserName=name)["User"]["Arn"]
    key = admin.call("iam", "create_access_key", UserName=name)["AccessKey"]
    return arn, key["AccessKeyId"], key["SecretAccessKey"]


def _caller(params):
    params.setdefault("sts_endpoint_url", params.get("endpoint_url"))
    return AwsSession(params).call("sts", "get_caller_identity")["Arn"]


class TestArgumentSpec:
    @pytest.mark.parametrize(
        "option, aliases, env",
        [
            ("access_key", ["aws_access_key_id", "aws_access_key"], ["AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"]),
            ("secret_key", ["aws_secret_access_key", "aws_secret_key"], ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"]),
            ("session_token", ["aws_session_token"], ["AWS_SESSION_TOKEN"]),
            ("profile", ["aws_profile"], ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"]),
            ("region", ["aws_region"], ["AWS_REGION", "AWS_DEFAULT_REGION"]),
            # AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are left to botocore (per service).
            ("endpoint_url", ["aws_endpoint_url"], ["AWS_URL"]),
            ("aws_ca_bundle", None, ["AWS_CA_BUNDLE"]),
        ],
    )
    def test_amazon_aws_names_aliases_and_environment(self, option, aliases, env):
        spec = connection_argument_spec()[option]
        assert spec.get("aliases") == aliases
        assert spec["fallback"][1] == env

    @pytest.mark.parametrize("option", ["secret_key", "session_token", "proxy_url"])
    def test_secrets_are_no_log(self, option):
        assert connection_argument_spec()[option]["no_log"] is True

    def test_validate_certs_defaults_true(self):
        assert connection_argument_spec()["validate_certs"] == {"type": "bool", "default": True}


class TestConfig:
    def test_without_options_botocore_decides(self, aws_params):
        config = AwsSession(aws_params).client("ses").meta.config
        plain = botocore.session.get_session().create_client("ses", region_name="us-east-1").meta.config
        assert config.retries == plain.retries
        assert (config.connect_timeout, config.read_timeout) == (plain.connect_timeout, plain.read_timeout)
        assert config.user_agent_extra == DEFAULT_USER_AGENT

    def test_aws_max_attempts_and_retry_mode_are_respected(self, aws_params, monkeypatch):
        monkeypatch.setenv("AWS_MAX_ATTEMPTS", "7")
        monkeypatch.setenv("AWS_RETRY_MODE", "adaptive")
        assert AwsSession(aws_params).client("ses").meta.config.retries == {"total_max_attempts": 7, "mode": "adaptive"}

    def test_the_profile_retry_settings_are_respected(self, aws_params, monkeypatch, tmp_path):
        config_file = tmp_path / "config"
        config_file.write_text("[default]\nmax_attempts = 6\nretry_mode = legacy\n")
        monkeypatch.setenv("AWS_CONFIG_FILE", str(config_file))
        assert AwsSession(aws_params).client("ses").meta.config.retries == {"total_max_attempts": 6, "mode": "legacy"}

    def test_an_option_wins_over_the_environment(self, aws_params, monkeypatch):
        monkeypatch.setenv("AWS_MAX_ATTEMPTS", "7")
        aws_params["retries"] = {"max_attempts": 2}
        assert AwsSession(aws_params).client("ses").meta.config.retries["total_max_attempts"] == 2

    def test_options_reach_botocore(self, aws_params):
        aws_params.update(
            retries={"max_attempts": 7, "mode": "adaptive"}, connect_timeout=2.5, read_timeout=4, user_agent="ci/1"
        )
        client = AwsSession(aws_params).client("cloudwatch")
        assert client.meta.config.retries == {"total_max_attempts": 7, "mode": "adaptive"}
        assert (client.meta.config.connect_timeout, client.meta.config.read_timeout) == (2.5, 4)
        assert client.meta.config.user_agent_extra == "ci/1"

    def test_user_agent_is_sent(self, aws_params, recording_proxy):
        aws_params["endpoint_url"] = recording_proxy.url
        _quota(AwsSession(aws_params))
        assert DEFAULT_USER_AGENT in recording_proxy.requests[0].headers["User-Agent"]

    def test_aws_config_applies_unless_an_option_overrides_it(self):
        config = build_config({"aws_config": {"retries": {"total_max_attempts": 9}, "read_timeout": 5, "max_pool_connections": 3}})
        assert config.retries == {"total_max_attempts": 9}
        assert config.read_timeout == 5
        assert config.max_pool_connections == 3
        config = build_config({"aws_config": {"read_timeout": 5}, "read_timeout": 8, "retries": {"max_attempts": 2}})
        assert config.read_timeout == 8
        assert config.retries == {"total_max_attempts": 2}

    def test_unknown_aws_config_key_is_a_clear_error(self):
        with pytest.raises(OptionError, match="aws_config holds an option botocore's Config does not know"):
            build_config({"aws_config": {"no_such_setting": 1}})

    @pytest.mark.parametrize("option", ["connect_timeout", "read_timeout"])
    def test_negative_timeouts_are_refused(self, option):
        with pytest.raises(OptionError, match="%s must be greater than 0, got -1" % option):
            build_config({option: -1})

    def test_zero_attempts_are_refused(self):
        with pytest.raises(OptionError, match="retries.max_attempts must be at least 1"):
            build_config({"retries": {"max_attempts": 0}})


class TestOptions:
    def test_profile_with_keys_is_refused(self):
        with pytest.raises(OptionError, match="Passing both a profile and access keys is not supported"):
            AwsSession({"profile": "p", "access_key": "a", "secret_key": "b", "region": "us-east-1"})

    def test_access_key_without_secret_is_refused(self):
        with pytest.raises(OptionError, match="access_key and secret_key must be given together"):
            AwsSession({"access_key": "a", "region": "us-east-1"})

    def test_missing_region_names_option_and_variables(self):
        with pytest.raises(OptionError) as err:
            AwsSession({"access_key": "a", "secret_key": "b"}).client("ses")
        assert "region option" in str(err.value) and "AWS_REGION" in str(err.value) and "AWS_DEFAULT_REGION" in str(err.value)

    @pytest.mark.parametrize("region", ["Europe", "eu_west_1", "EU-WEST-1", "eu-west", ""])
    def test_bad_region_is_refused(self, region):
        with pytest.raises(OptionError, match="is not a valid AWS region name"):
            validate_region(region)

    @pytest.mark.parametrize("url", ["localhost:5000", "ftp://host", "http://", "http://host:notaport"])
    def test_malformed_endpoint_url_is_refused(self, url):
        with pytest.raises(OptionError, match="endpoint_url .* is not a valid URL"):
            AwsSession({"endpoint_url": url, "region": "us-east-1"})

    def test_bad_assume_role_duration(self):
        with pytest.raises(OptionError, match="duration_seconds must be between 900 and 43200"):
            AwsSession({"region": "us-east-1", "assume_role": {"role_arn": "arn:aws:iam::1:role/r", "session_name": "s", "duration_seconds": 60}})


class TestEndpointAndRegions:
    def test_endpoint_url_is_honoured(self, aws_params, recording_proxy):
        aws_params["endpoint_url"] = recording_proxy.url
        quota = _quota(AwsSession(aws_params))
        assert quota["Max24HourSend"] == 200.0
        assert recording_proxy.operations() == ["GetSendQuota"]

    def test_regions_are_separate(self, aws_params):
        session = AwsSession(aws_params)
        session.call("ses", "verify_email_identity", region="eu-west-1", EmailAddress="ops@example.com")
        session.call(
            "ses", "send_email", region="eu-west-1", Source="ops@example.com",
            Destination={"ToAddresses": ["a@example.com"]},
            Message={"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "b"}}},
        )
        assert _quota(session, "eu-west-1")["SentLast24Hours"] == 1.0
        assert _quota(session, "us-east-1")["SentLast24Hours"] == 0.0

    def test_clients_are_cached_per_service_and_region(self, aws_params):
        session = AwsSession(aws_params)
        assert session.client("ses") is session.client("ses", "us-east-1")
        assert session.client("ses", "eu-west-1") is not session.client("ses")
        assert session.client("ses", "eu-west-1").meta.region_name == "eu-west-1"

    def test_clients_are_made_once_under_concurrency(self, aws_params):
        session = AwsSession(aws_params)
        seen = []
        barrier = threading.Barrier(8)

        def grab():
            barrier.wait()
            seen.append(session.client("cloudwatch", "eu-west-1"))

        threads = [threading.Thread(target=grab) for dummy in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len({id(client) for client in seen}) == 1


class TestCredentials:
    def test_from_options(self, moto):
        arn, key, secret = _iam_user_keys(moto)
        assert _caller({"region": "us-east-1", "endpoint_url": moto, "access_key": key, "secret_key": secret}) == arn

    def test_from_environment_through_botocore_chain(self, moto, monkeypatch):
        arn, key, secret = _iam_user_keys(moto)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", key)
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", secret)
        assert _caller({"region": "us-east-1", "endpoint_url": moto}) == arn

    def test_from_profile_file_in_temporary_home(self, moto, monkeypatch, tmp_path):
        arn, key, secret = _iam_user_keys(moto, "bob")
        (tmp_path / ".aws").mkdir()
        (tmp_path / ".aws" / "credentials").write_text(
            "[monitoring]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (key, secret)
        )
        (tmp_path / ".aws" / "config").write_text("[profile monitoring]\nregion = eu-central-1\n")
        monkeypatch.setenv("HOME", str(tmp_path))
        monkeypatch.delenv("AWS_CONFIG_FILE")
        monkeypatch.delenv("AWS_SHARED_CREDENTIALS_FILE")
        session = AwsSession({"profile": "monitoring", "endpoint_url": moto, "sts_endpoint_url": moto})
        assert session.call("sts", "get_caller_identity")["Arn"] == arn
        assert session.default_region == "eu-central-1"  # the profile's region

    def test_unknown_profile_is_named_as_the_profile_option(self, moto):
        with pytest.raises(OptionError, match=r"profile 'nope' \(option profile, or AWS_PROFILE\) is not in the AWS config"):
            AwsSession({"profile": "nope", "endpoint_url": moto})

    def test_malformed_aws_config_file_is_named(self, monkeypatch, tmp_path):
        broken = tmp_path / "config"
        broken.write_text("[default\nregion = eu-west-1\n")
        monkeypatch.setenv("AWS_CONFIG_FILE", str(broken))
        with pytest.raises(OptionError, match="the AWS config or credentials file cannot be read"):
            AwsSession({"endpoint_url": "http://127.0.0.1:9"})

    def test_no_credentials_is_a_clear_error(self, moto):
        with pytest.raises(AwsApiError) as err:
            AwsSession({"endpoint_url": moto, "region": "us-east-1"}).call("ses", "get_send_quota")
        assert err.value.code == "NoCredentialsError"
        assert str(err.value).startswith("GetSendQuota in us-east-1 failed: NoCredentialsError: no AWS credentials found")

    def test_assume_role_through_sts(self, moto):
        _arn, key, secret = _iam_user_keys(moto)
        params = {
            "region": "us-east-1", "endpoint_url": moto, "access_key": key, "secret_key": secret,
            "assume_role": {"role_arn": "arn:aws:iam::123456789012:role/ses-monitor", "session_name": "ci", "duration_seconds": 900, "external_id": "ext-42"},
        }
        assert _caller(params) == "arn:aws:sts::123456789012:assumed-role/ses-monitor/ci"

    def test_assume_role_uses_the_sts_endpoint_not_endpoint_url(self, moto, moto_server):
        role = {"role_arn": "arn:aws:iam::123456789012:role/ses-monitor", "session_name": "ci", "duration_seconds": 900}
        with LoopbackProxy(target=moto_server.url) as sts, LoopbackProxy(target=moto_server.url) as ses:
            params = {"region": "us-east-1", "endpoint_url": ses.url, "sts_endpoint_url": sts.url, "access_key": "a",
                      "secret_key": "b", "assume_role": role}
            assert _quota(AwsSession(params))["Max24HourSend"] == 200.0
        assert sts.operations() == ["AssumeRole"] and ses.operations() == ["GetSendQuota"]

    def test_aws_endpoint_url_sts_is_respected(self, moto_server, monkeypatch):
        role = {"role_arn": "arn:aws:iam::123456789012:role/ses-monitor", "session_name": "ci", "duration_seconds": 900}
        with LoopbackProxy(target=moto_server.url) as sts:
            monkeypatch.setenv("AWS_ENDPOINT_URL_STS", sts.url)
            params = {"region": "us-east-1", "endpoint_url": moto_server.url, "access_key": "a", "secret_key": "b", "assume_role": role}
            assert _quota(AwsSession(params))["Max24HourSend"] == 200.0
        assert sts.operations() == ["AssumeRole"]

    def test_a_failing_assume_role_names_assume_role(self, moto):
        role = {"role_arn": "arn:aws:iam::123456789012:role/ses-monitor", "session_name": "ci", "duration_seconds": 900}
        dead = "http://127.0.0.1:%d" % free_port()
        params = {"region": "eu-west-1", "endpoint_url": moto, "sts_endpoint_url": dead, "access_key": "a", "secret_key": "b",
                  "assume_role": role, "retries": {"max_attempts": 1}}
        with pytest.raises(AwsApiError) as err:
            _quota(AwsSession(params))
        assert err.value.operation == "AssumeRole" and str(err.value).startswith("AssumeRole in eu-west-1 failed: EndpointConnectionError")

    def test_aws_endpoint_url_per_service_is_respected(self, aws_params, recording_proxy, monkeypatch):
        monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:%d" % free_port())
        monkeypatch.setenv("AWS_ENDPOINT_URL_SES", recording_proxy.url)
        del aws_params["endpoint_url"]
        assert _quota(AwsSession(aws_params))["Max24HourSend"] == 200.0
        assert recording_proxy.operations() == ["GetSendQuota"]

    def test_wrong_keys_fail_with_aws_code_on_an_authenticating_endpoint(self, moto_auth_server):
        params = {"region": "us-east-1", "endpoint_url": moto_auth_server.url, "access_key": "AKIAWRONGWRONGWRONG1", "secret_key": "wrong-Secret-123"}
        with pytest.raises(AwsApiError) as err:
            _quota(AwsSession(params))
        assert err.value.code == "InvalidClientTokenId"
        assert err.value.http_status == 403
        assert "wrong-Secret-123" not in str(err.value)
        assert str(err.value).startswith("GetSendQuota in us-east-1 failed: InvalidClientTokenId (HTTP 403): ")


class TestErrors:
    def test_unreachable_endpoint_is_quick_and_names_the_url(self):
        url = "http://127.0.0.1:%d" % free_port()
        started = time.monotonic()
        with pytest.raises(AwsApiError) as err:
            _quota(AwsSession({"region": "eu-west-1", "endpoint_url": url, "access_key": "a", "secret_key": "b", "connect_timeout": 1}))
        assert time.monotonic() - started < 5  # bounded by backoff of 3 attempts, not 12+ s
        assert err.value.code == "EndpointConnectionError"
        assert url in str(err.value)
        assert err.value.as_dict()["region"] == "eu-west-1"

    def test_read_timeout(self, aws_params, moto_server):
        with LoopbackProxy(target=moto_server.url, fault=lambda request: 2) as slow:
            aws_params.update(endpoint_url=slow.url, read_timeout=0.3, retries={"max_attempts": 1})
            with pytest.raises(AwsApiError) as err:
                _quota(AwsSession(aws_params))
        assert err.value.code == "ReadTimeout"
        assert "within read_timeout" in str(err.value)

    def test_ssl_failure(self):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = "https://127.0.0.1:%d" % server.server_address[1]
            with pytest.raises(AwsApiError) as err:
                _quota(AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "a", "secret_key": "b", "retries": {"max_attempts": 1}}))
        finally:
            server.shutdown()
            server.server_close()
        assert err.value.code == "SSLError"
        assert "TLS/SSL failure" in str(err.value)

    def test_parameter_validation(self, aws_params):
        with pytest.raises(AwsApiError) as err:
            AwsSession(aws_params).call("cloudwatch", "get_metric_data", MetricDataQueries="nope", StartTime=0, EndTime=1)
        assert err.value.code == "ParamValidationError"
        assert "\n" not in str(err.value)

    def test_client_error_carries_code_and_status(self, aws_params):
        with pytest.raises(AwsApiError) as err:
            AwsSession(aws_params).call("ses", "get_template", TemplateName="missing")
        assert (err.value.code, err.value.http_status, err.value.operation) == ("TemplateDoesNotExist", 400, "GetTemplate")
        assert str(err.value).startswith("GetTemplate in us-east-1 failed: TemplateDoesNotExist (HTTP 400): ")

    def test_html_error_page_is_translated(self, aws_params, moto_server):
        html = (502, {"Content-Type": "text/html"}, b"<html><body>" + b"Bad gateway " * 100 + b"</body></html>")
        with LoopbackProxy(target=moto_server.url, fault=lambda request: html) as proxy:
            aws_params.update(endpoint_url=proxy.url, retries={"max_attempts": 1})
            with pytest.raises(AwsApiError) as err:
                _quota(AwsSession(aws_params))
        assert (err.value.code, err.value.http_status) == ("502", 502)
        assert len(str(err.value)) < 500 and "\n" not in str(err.value)

    def test_truncated_body_is_a_clear_error(self, aws_params, moto_server):
        cut = (200, {"Content-Type": "text/xml"}, b'<GetSendQuotaResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><GetSendQuotaResult><Max24')
        with LoopbackProxy(target=moto_server.url, fault=lambda request: cut) as proxy:
            aws_params.update(endpoint_url=proxy.url, retries={"max_attempts": 1})
            with pytest.raises(AwsApiError) as err:
                _quota(AwsSession(aws_params))
        assert err.value.code == "UnreadableAnswer"  # as docs/connection.md documents (issue 21)
        assert "could not be read" in str(err.value) and len(str(err.value)) < 500

    def test_throttling_is_retried_by_botocore(self, aws_params, moto_server):
        calls = []

        def throttle_twice(request):
            calls.append(request)
            return (400, {"Content-Type": "text/xml"}, THROTTLING_XML) if len(calls) <= 2 else None

        with LoopbackProxy(target=moto_server.url, fault=throttle_twice) as proxy:
            aws_params.update(endpoint_url=proxy.url, aws_config={"retries": {"total_max_attempts": 3, "mode": "standard"}})
            session = AwsSession(aws_params)
            assert _quota(session)["Max24HourSend"] == 200.0
        assert len(calls) == 3
        assert session.retry_attempts == 2

    def test_retries_of_a_call_that_finally_failed_are_counted(self, aws_params, moto_server):
        def always_throttle(request):
            return (400, {"Content-Type": "text/xml"}, THROTTLING_XML)

        with LoopbackProxy(target=moto_server.url, fault=always_throttle) as proxy:
            aws_params.update(endpoint_url=proxy.url, retries={"max_attempts": 3})
            session = AwsSession(aws_params)
            with pytest.raises(AwsApiError) as err:
                _quota(session)
        assert err.value.code == "Throttling"
        assert len(proxy.requests) == 3
        assert session.retry_attempts == 2


class TestProxy:
    def test_proxy_is_used_with_its_credentials(self, aws_params):
        expected = "Basic " + base64.b64encode(b"ops:pr0xy-Pa55").decode()
        with LoopbackProxy(require_auth=expected) as proxy:
            aws_params["proxy_url"] = proxy.url.replace("http://", "http://ops:pr0xy-Pa55@")
            assert _quota(AwsSession(aws_params))["Max24HourSend"] == 200.0
        assert proxy.operations() == ["GetSendQuota"]
        assert proxy.requests[0].url.startswith(aws_params["endpoint_url"])

    def test_proxy_password_never_shown(self, aws_params):
        port = free_port()
        aws_params.update(proxy_url="http://ops:pr0xy-Pa55@127.0.0.1:%d" % port, retries={"max_attempts": 1})
        with pytest.raises(AwsApiError) as err:
            _quota(AwsSession(aws_params))
        assert err.value.code == "ProxyConnectionError"
        assert "pr0xy-Pa55" not in str(err.value)
        assert "127.0.0.1:%d" % port in str(err.value)

    @pytest.mark.parametrize(
        "url, shown",
        [
            ("http://u:p4ss@proxy:3128", "http://u:********@proxy:3128"),
            ("http://proxy:3128", "http://proxy:3128"),
            ("http://tok3n@proxy", "http://********@proxy"),
            (None, None),
        ],
    )
    def test_redact_url(self, url, shown):
        assert redact_url(url) == shown


class TestLibraryCheck:
    def test_current_botocore_is_accepted(self):
        assert connection.botocore_problem() is None

    def test_old_botocore_is_reported(self, monkeypatch):
        monkeypatch.setattr(connection.botocore, "__version__", "1.20.0")
        library, reason = connection.botocore_problem()
        assert library == "botocore>=%s" % connection.MINIMUM_BOTOCORE_VERSION
        assert "1.20.0" in reason

    def test_missing_botocore_is_reported(self, monkeypatch):
        monkeypatch.setattr(connection, "botocore", None)
        monkeypatch.setattr(connection, "BOTOCORE_IMPORT_ERROR", "ImportError: No module named botocore")
        assert connection.botocore_problem()[1].startswith("ImportError")
