# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The connection options: their argument spec, their validation, and the botocore Config they make.

botocore decides every setting the user did not give (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, the
profile's retry and timeout settings, its defaults); an option, when given, wins.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback

from ansible_collections.sesmon.ses.plugins.module_utils import values
from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import redact_url
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.partitions import region_name_problem
from ansible_collections.sesmon.ses.plugins.module_utils.version import DEFAULT_USER_AGENT

__all__ = [
    "MAX_TIMEOUT", "MAX_TOTAL_TIMEOUT", "DICT_OPTIONS", "connection_argument_spec", "validate_region",
    "validate_url", "validate_timeouts", "validate_user_agent", "validate_credentials_text", "check_aws_config", "build_config",
]

MAX_TIMEOUT = 3600  # connect_timeout, read_timeout: beyond an hour is a typo, not a setting
MAX_TOTAL_TIMEOUT = 86400
MAX_USER_AGENT = 256
_ENDPOINT_ENVIRONMENT = ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SES", "AWS_ENDPOINT_URL_SESV2")
# A host name or an IPv4 address (IPv6 literals are checked by urlsplit inside brackets).
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?", re.ASCII)

# Dict options with sub-options: ansible-core's validator crashes on other types (issue 12).
DICT_OPTIONS = {
    "assume_role": "a dictionary with role_arn (and optionally session_name, external_id, duration_seconds)",
    "retries": "a dictionary such as {max_attempts: 5, mode: standard}; Ansible's own task keyword retries "
               "(with until) belongs at the task level, not among the module's options",
}


def connection_argument_spec():
    """The connection options shared by every module (documented in doc_fragments/connection.py)."""
    return dict(
        access_key=dict(
            type="str",
            aliases=["aws_access_key_id", "aws_access_key"],
            no_log=False,
            fallback=(env_fallback, ["AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"]),
        ),
        secret_key=dict(
            type="str",
            aliases=["aws_secret_access_key", "aws_secret_key"],
            no_log=True,
            fallback=(env_fallback, ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"]),
        ),
        session_token=dict(
            type="str",
            aliases=["aws_session_token"],
            no_log=True,
            fallback=(env_fallback, ["AWS_SESSION_TOKEN"]),
        ),
        profile=dict(
            type="str",
            aliases=["aws_profile"],
            fallback=(env_fallback, ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"]),
        ),
        region=dict(
            type="str",
            aliases=["aws_region"],
            fallback=(env_fallback, ["AWS_REGION", "AWS_DEFAULT_REGION"]),
        ),
        # AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are read by botocore itself, per service.
        endpoint_url=dict(type="str", aliases=["aws_endpoint_url"], fallback=(env_fallback, ["AWS_URL"])),
        sts_endpoint_url=dict(type="str"),
        validate_certs=dict(type="bool", default=True),
        aws_ca_bundle=dict(type="path", fallback=(env_fallback, ["AWS_CA_BUNDLE"])),
        aws_config=dict(type="dict"),
        assume_role=dict(
            type="dict",
            options=dict(
                role_arn=dict(type="str", required=True),
                session_name=dict(type="str", default="sesmon-ses"),
                external_id=dict(type="str", no_log=True),
                duration_seconds=dict(type="int", default=3600),
            ),
        ),
        proxy_url=dict(type="str", no_log=True),
        retries=dict(
            type="dict",
            options=dict(
                max_attempts=dict(type="int"),
                mode=dict(type="str", choices=["standard", "adaptive", "legacy"]),
            ),
        ),
        connect_timeout=dict(type="float"),
        read_timeout=dict(type="float"),
        total_timeout=dict(type="float"),
        user_agent=dict(type="str"),
    )


def validate_region(region, option="region", endpoint_url=None):
    """``region`` when it is an AWS region name where SES is offered (botocore's data; with ``endpoint_url``
    any name of a partition's pattern), else OptionError naming ``option``. botocore's own
    AWS_ENDPOINT_URL(_SES, _SESV2) count as an endpoint_url."""
    endpoint_url = endpoint_url or next((os.environ[name] for name in _ENDPOINT_ENVIRONMENT if os.environ.get(name)), None)
    problem = region_name_problem(region, endpoint_url)
    if problem:
        raise OptionError("%s %r %s" % (option, region, problem))
    return region


def validate_url(value, option):
    """An http(s) URL with a plain host name or address and a valid port, else OptionError naming ``option``."""
    parts = None
    if isinstance(value, str) and value == value.strip() and not any(ord(c) < 0x21 or ord(c) == 0x7f for c in value):
        try:
            parts = urlsplit(value)
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise OptionError("%s %r is not a valid URL: it must look like https://host[:port]" % (option, redact_url(value)))
    host = parts.hostname
    if ":" not in host and not _HOST.fullmatch(host):
        raise OptionError("%s %r has an invalid host name %r: letters, digits, '-' and '.' only"
                          % (option, redact_url(value), host))


def _seconds(value, option, maximum):
    if value is None:
        return None
    try:
        return values.positive_seconds(value, maximum)
    except ValueError as exc:
        raise OptionError("%s %s" % (option, exc)) from None


def validate_timeouts(params):
    for name, maximum in (("connect_timeout", MAX_TIMEOUT), ("read_timeout", MAX_TIMEOUT), ("total_timeout", MAX_TOTAL_TIMEOUT)):
        _seconds(params.get(name), name, maximum)


def validate_credentials_text(value, option):
    """Keys and tokens are sent in HTTP headers as given: a line break or a space at either end is a copy slip, named."""
    if not isinstance(value, str) or not value:
        return value
    if value != value.strip():
        where = "ends" if value[-1:].isspace() else "starts"
        raise OptionError("%s %s with a line break or a space (a YAML | block adds a final line break; use |- or strip it): "
                          "the AWS credentials are sent in an HTTP header as given" % (option, where))
    if any(ord(char) < 0x21 or ord(char) == 0x7f for char in value) or not value.isascii():
        raise OptionError("%s holds a control character, a space or a non-ASCII character: AWS credentials never do" % option)
    return value


def validate_user_agent(value, option="user_agent"):
    if value is None:
        return None
    try:
        values.one_line_text(value)
    except ValueError as exc:
        raise OptionError("%s %s: it is sent as an HTTP header" % (option, exc)) from None
    if len(value) > MAX_USER_AGENT or not value.isascii():
        raise OptionError("%s must be at most %d ASCII characters: it is sent as an HTTP header" % (option, MAX_USER_AGENT))
    return value


_CONFIG_SECONDS = ("connect_timeout", "read_timeout")
_CONFIG_INTEGERS = ("max_pool_connections", "request_min_compression_size_bytes")
_CONFIG_DICTS = ("retries", "proxies", "proxies_config", "s3", "client_context_params")
# botocore Config parameters that are text (a number there fails deep in botocore, as a bug would).
_CONFIG_TEXTS = ("region_name", "signature_version", "user_agent", "user_agent_appid", "defaults_mode",
                 "request_checksum_calculation", "response_checksum_validation", "account_id_endpoint_mode",
                 "sigv4a_signing_region_set", "auth_scheme_preference")
_CONFIG_BOOLS = ("parameter_validation", "inject_host_prefix", "use_dualstack_endpoint", "use_fips_endpoint",
                 "ignore_configured_endpoint_urls", "tcp_keepalive", "disable_request_compression",
                 "s3_disable_express_session_auth")
_RETRY_KEYS = {"max_attempts": 0, "total_max_attempts": 1}
_RETRY_MODES = ("standard", "adaptive", "legacy")


def _check_config_retries(retries):
    for key, value in retries.items():
        if value is None and key in _RETRY_KEYS or value is None and key == "mode":
            continue  # unset: botocore decides
        if key in _RETRY_KEYS:
            if isinstance(value, bool) or not isinstance(value, int) or not _RETRY_KEYS[key] <= value <= 100:
                raise OptionError("aws_config.retries.%s must be a whole number from %d to 100, got %r" % (key, _RETRY_KEYS[key], value))
        elif key == "mode":
            if value not in _RETRY_MODES:
                raise OptionError("aws_config.retries.mode must be one of %s, got %r" % (", ".join(_RETRY_MODES), value))
        else:
            raise OptionError("aws_config.retries.%s is not a botocore retries setting (max_attempts, total_max_attempts, mode)" % key)


def check_aws_config(config):
    """aws_config's values of the wrong type, named (botocore would fail later, deep inside a request)."""
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise OptionError("aws_config must be a dictionary of botocore Config parameters, got a value of type %s" % values.type_name(config))
    for key in _CONFIG_SECONDS:
        if key in config:
            _seconds(config[key], "aws_config.%s" % key, MAX_TIMEOUT)
    for key in _CONFIG_INTEGERS:
        if key in config and (isinstance(config[key], bool) or not isinstance(config[key], int) or config[key] < 1):
            raise OptionError("aws_config.%s must be a whole number of at least 1, got %r" % (key, config[key]))
    for key in _CONFIG_DICTS:
        if key in config and config[key] is not None and not isinstance(config[key], dict):
            raise OptionError("aws_config.%s must be a dictionary, got a value of type %s" % (key, values.type_name(config[key])))
    for key in _CONFIG_TEXTS:
        if config.get(key) is not None:
            try:
                values.one_line_text(config[key])
            except ValueError as exc:
                raise OptionError("aws_config.%s %s" % (key, exc)) from None
    for key in _CONFIG_BOOLS:
        if config.get(key) is not None and not isinstance(config[key], bool):
            raise OptionError("aws_config.%s must be true or false, got a value of type %s" % (key, values.type_name(config[key])))
    _check_config_retries(config.get("retries") or {})
    cert = config.get("client_cert")
    if cert is not None and not isinstance(cert, str) and not (
            isinstance(cert, (list, tuple)) and len(cert) == 2 and all(isinstance(part, str) for part in cert)):
        raise OptionError("aws_config.client_cert must be the path of a certificate file, or [certificate, key] paths; got a value of "
                          "type %s" % values.type_name(cert))
    for scheme, url in (config.get("proxies") or {}).items():
        if not isinstance(url, str):
            raise OptionError("aws_config.proxies.%s must be a URL, got a value of type %s" % (scheme, values.type_name(url)))
    for scheme, url in (config.get("proxies") or {}).items():
        validate_url(url, "aws_config.proxies.%s" % scheme)
    for key in ("user_agent_extra", "user_agent_appid", "user_agent"):
        if config.get(key) is not None:
            validate_user_agent(config[key], "aws_config.%s" % key)
    return config


def build_config(params, config_class):
    """The botocore Config: aws_config first, then the options the user gave on top of it."""
    base = check_aws_config(params.get("aws_config"))
    try:
        config = config_class(**base)
    except TypeError as exc:
        raise OptionError("aws_config holds an option botocore's Config does not know: %s" % exc) from None
    except Exception as exc:  # pylint: disable=broad-except  # botocore checks retries when the Config is built
        raise OptionError("aws_config holds a value botocore's Config refuses: %s" % exc) from None
    validate_timeouts(params)
    overrides = {"user_agent_extra": validate_user_agent(params.get("user_agent")) or base.get("user_agent_extra") or DEFAULT_USER_AGENT}
    retries = dict(params.get("retries") or {})
    max_attempts = retries.get("max_attempts")
    if max_attempts is not None and max_attempts < 1:
        raise OptionError("retries.max_attempts must be at least 1, got %s" % max_attempts)
    if max_attempts is not None and max_attempts > 100:
        raise OptionError("retries.max_attempts must be at most 100, got %s" % max_attempts)
    if max_attempts is not None or retries.get("mode"):
        merged = dict(base.get("retries") or {})
        if max_attempts is not None:
            merged.pop("max_attempts", None)
            merged["total_max_attempts"] = max_attempts
        if retries.get("mode"):
            merged["mode"] = retries["mode"]
        overrides["retries"] = merged
    for name in ("connect_timeout", "read_timeout"):
        if params.get(name) is not None:
            overrides[name] = float(params[name])
    if params.get("proxy_url"):
        validate_url(params["proxy_url"], "proxy_url")
        overrides["proxies"] = {"http": params["proxy_url"], "https": params["proxy_url"]}
    return config.merge(config_class(**overrides))
