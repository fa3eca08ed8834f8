# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The shared AWS connection helper: module options -> botocore session and clients.

This is the only file of the collection that imports botocore. Every AWS call goes through
``AwsSession.call`` / ``AwsSession.paginate`` so that errors are translated in one place.
"""

from __future__ import annotations

import functools
import re
import threading
import traceback
from urllib.parse import urlsplit

from ansible.module_utils.basic import env_fallback

from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import REDACTED, describe_exception, redact_url
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.version import DEFAULT_USER_AGENT

try:
    import botocore
    import botocore.session
    from botocore import exceptions as botocore_errors
    from botocore.config import Config
    from botocore.parsers import ResponseParserError
    from botocore.credentials import (
        AssumeRoleCredentialFetcher,
        CredentialProvider,
        DeferredRefreshableCredentials,
    )
except ImportError:
    botocore = None
    ResponseParserError = None
    BOTOCORE_IMPORT_ERROR = traceback.format_exc()
else:
    BOTOCORE_IMPORT_ERROR = None

MINIMUM_BOTOCORE_VERSION = "1.34.0"

DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_RETRY_MODE = "standard"
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0

_REGION_PATTERN = re.compile(r"^[a-z]{2}(-[a-z0-9]+)+-[0-9]{1,2}$")


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
        endpoint_url=dict(
            type="str",
            aliases=["aws_endpoint_url"],
            fallback=(env_fallback, ["AWS_URL", "AWS_ENDPOINT_URL"]),
        ),
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
                mode=dict(type="str", choices=["standard", "adaptive"]),
            ),
        ),
        connect_timeout=dict(type="float"),
        read_timeout=dict(type="float"),
        user_agent=dict(type="str"),
    )


def botocore_problem():
    """None when a recent enough botocore is importable, else (library, reason)."""
    if botocore is None:
        return "botocore>=%s" % MINIMUM_BOTOCORE_VERSION, BOTOCORE_IMPORT_ERROR
    if _version_tuple(botocore.__version__) < _version_tuple(MINIMUM_BOTOCORE_VERSION):
        return (
            "botocore>=%s" % MINIMUM_BOTOCORE_VERSION,
            "botocore %s is installed" % botocore.__version__,
        )
    return None


def _version_tuple(version):
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def validate_region(region, option="region"):
    if not isinstance(region, str) or not _REGION_PATTERN.match(region):
        raise OptionError(
            "%s %r is not a valid AWS region name (expected a name such as eu-west-1)" % (option, region)
        )
    return region


def _validate_url(value, option):
    parts = None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise OptionError(
            "%s %r is not a valid URL: it must look like https://host[:port]" % (option, redact_url(value))
        )


def _positive(params, name):
    value = params.get(name)
    if value is not None and value <= 0:
        raise OptionError("%s must be greater than 0, got %s" % (name, value))
    return value


def build_config(params):
    """The botocore Config: aws_config first, then the explicit options on top of it."""
    base = params.get("aws_config") or {}
    try:
        config = Config(**base)
    except TypeError as exc:
        raise OptionError("aws_config holds an option botocore's Config does not know: %s" % exc)
    except (ValueError, AttributeError, botocore_errors.BotoCoreError) as exc:
        # botocore checks aws_config's retries when the Config is built (InvalidRetryModeError...).
        raise OptionError("aws_config holds a value botocore's Config refuses: %s" % exc)
    retries = dict(params.get("retries") or {})
    max_attempts = retries.get("max_attempts")
    if max_attempts is not None and max_attempts < 1:
        raise OptionError("retries.max_attempts must be at least 1, got %s" % max_attempts)
    overrides = {"user_agent_extra": params.get("user_agent") or DEFAULT_USER_AGENT}
    if max_attempts is not None or retries.get("mode") or "retries" not in base:
        overrides["retries"] = {
            "total_max_attempts": max_attempts or DEFAULT_MAX_ATTEMPTS,
            "mode": retries.get("mode") or DEFAULT_RETRY_MODE,
        }
    for name, default in (("connect_timeout", DEFAULT_CONNECT_TIMEOUT), ("read_timeout", DEFAULT_READ_TIMEOUT)):
        value = _positive(params, name)
        if value is not None or name not in base:
            overrides[name] = value if value is not None else default
    if params.get("proxy_url"):
        _validate_url(params["proxy_url"], "proxy_url")
        overrides["proxies"] = {"http": params["proxy_url"], "https": params["proxy_url"]}
    return config.merge(Config(**overrides))


def secret_values(params):
    """Every value that must never be shown: keys, tokens, the proxy URL and its password."""
    secrets = {params.get("secret_key"), params.get("session_token"), params.get("proxy_url")}
    secrets.add((params.get("assume_role") or {}).get("external_id"))
    if params.get("proxy_url"):
        try:
            secrets.add(urlsplit(params["proxy_url"]).password)
        except ValueError:
            pass
    return {s for s in secrets if s}


# ResponseParserError (an unreadable answer, e.g. an HTML error page) is not a BotoCoreError.
_BOTOCORE_ERRORS = (botocore_errors.BotoCoreError, botocore_errors.ClientError, ResponseParserError) if botocore else ()


class _AssumedRoleProvider(CredentialProvider if botocore else object):
    """Puts STS AssumeRole credentials first in botocore's chain; botocore refreshes them."""

    METHOD = "sesmon-assume-role"
    CANONICAL_NAME = "sesmon-assume-role"

    def __init__(self, fetcher):
        super().__init__()
        self._fetcher = fetcher

    def load(self):
        return DeferredRefreshableCredentials(refresh_using=self._fetcher.fetch_credentials, method=self.METHOD)


class AwsSession:
    """Clients for one module run, cached per (service, region) and safe to share between threads."""

    def __init__(self, params):
        self.params = params
        self._secrets = secret_values(params)
        self._check_options()
        self._config = build_config(params)
        self._verify = self._verify_option()
        self._clients = {}
        self._lock = threading.Lock()
        self.retry_attempts = 0
        self._session = self._make_session()

    # -- options -------------------------------------------------------------------------------

    def _check_options(self):
        p = self.params
        if p.get("profile") and (p.get("access_key") or p.get("secret_key") or p.get("session_token")):
            raise OptionError(
                "Passing both a profile and access keys is not supported: use either profile "
                "(or AWS_PROFILE) or access_key/secret_key (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)"
            )
        if bool(p.get("access_key")) != bool(p.get("secret_key")):
            raise OptionError("access_key and secret_key must be given together")
        if p.get("endpoint_url"):
            _validate_url(p["endpoint_url"], "endpoint_url")
        if p.get("region"):
            validate_region(p["region"])
        role = p.get("assume_role")
        if role:
            duration = role.get("duration_seconds")
            if duration is not None and not 900 <= duration <= 43200:
                raise OptionError("assume_role.duration_seconds must be between 900 and 43200, got %s" % duration)

    def _verify_option(self):
        if not self.params.get("validate_certs", True):
            return False
        return self.params.get("aws_ca_bundle") or None

    # -- session and clients -------------------------------------------------------------------

    def _base_session(self):
        session = botocore.session.Session(profile=self.params.get("profile") or None)
        if self.params.get("access_key"):
            session.set_credentials(
                self.params["access_key"], self.params["secret_key"], self.params.get("session_token")
            )
        return session

    def _make_session(self):
        role = self.params.get("assume_role")
        try:
            if not role:
                return self._base_session()
            source = self._base_session()
            creator = functools.partial(
                source.create_client,
                region_name=self.default_region_or_none(source),
                endpoint_url=self.params.get("endpoint_url"),
                config=self._config,
                verify=self._verify,
            )
            extra = {"RoleSessionName": role["session_name"], "DurationSeconds": role["duration_seconds"]}
            if role.get("external_id"):
                extra["ExternalId"] = role["external_id"]
            fetcher = AssumeRoleCredentialFetcher(creator, source.get_credentials(), role["role_arn"], extra_args=extra)
            # Static credentials would shadow this provider, so the role's session is given none.
            session = botocore.session.Session(profile=self.params.get("profile") or None)
            session.get_component("credential_provider").insert_before("env", _AssumedRoleProvider(fetcher))
            return session
        except botocore_errors.BotoCoreError as exc:
            raise self.translate(exc, "CreateSession", self.params.get("region"))

    def default_region_or_none(self, session=None):
        region = self.params.get("region")
        if region:
            return region
        try:
            return (session or self._session).get_config_variable("region")
        except botocore_errors.BotoCoreError:
            return None

    @property
    def default_region(self):
        region = self.default_region_or_none()
        if not region:
            raise OptionError(
                "No region given: set the region option (alias aws_region), the AWS_REGION or "
                "AWS_DEFAULT_REGION environment variable, or a region in the AWS profile"
            )
        return region

    def client(self, service, region=None):
        region = region or self.default_region
        key = (service, region)
        with self._lock:  # botocore's Session.create_client is not thread-safe
            if key not in self._clients:
                try:
                    self._clients[key] = self._session.create_client(
                        service,
                        region_name=region,
                        endpoint_url=self.params.get("endpoint_url"),
                        config=self._config,
                        verify=self._verify,
                    )
                except botocore_errors.BotoCoreError as exc:
                    raise self.translate(exc, "CreateClient(%s)" % service, region)
                except ValueError as exc:
                    # urllib3 refuses some aws_config values only here (connect_timeout: "abc").
                    raise OptionError(self.redact("aws_config holds a value botocore cannot use: %s" % exc))
            return self._clients[key]

    # -- calls ---------------------------------------------------------------------------------

    def call(self, service, operation, region=None, **kwargs):
        """Call ``operation`` (snake_case) and return its answer, or raise AwsApiError."""
        client = self.client(service, region)
        api_name = client.meta.method_to_api_mapping.get(operation, operation)
        try:
            response = getattr(client, operation)(**kwargs)
        except _BOTOCORE_ERRORS as exc:
            self._count_retries(getattr(exc, "response", None))
            raise self.translate(exc, api_name, client.meta.region_name)
        self._count_retries(response)
        return response

    def paginate(self, service, operation, region=None, **kwargs):
        """Every page of a paginated operation, as a list, or raise AwsApiError."""
        client = self.client(service, region)
        api_name = client.meta.method_to_api_mapping.get(operation, operation)
        pages = []
        try:
            for page in client.get_paginator(operation).paginate(**kwargs):
                self._count_retries(page)
                pages.append(page)
        except _BOTOCORE_ERRORS as exc:
            self._count_retries(getattr(exc, "response", None))
            raise self.translate(exc, api_name, client.meta.region_name)
        return pages

    def _count_retries(self, response):
        attempts = (response or {}).get("ResponseMetadata", {}).get("RetryAttempts") or 0
        with self._lock:
            self.retry_attempts += attempts

    # -- errors --------------------------------------------------------------------------------

    def redact(self, text):
        text = str(text)
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    def translate(self, exc, operation, region):
        """One AwsApiError, one line, no secret, for any botocore exception."""
        code, status, detail = describe_exception(exc, self.params)
        where = "%s in %s" % (operation, region or "(no region)")
        status_text = " (HTTP %s)" % status if status else ""
        message = "%s failed: %s%s: %s" % (where, code, status_text, detail)
        return AwsApiError(self.redact(message), code=code, http_status=status, operation=operation, region=region)
