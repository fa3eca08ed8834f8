# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The shared AWS connection helper: module options -> botocore session and clients.

Every AWS call goes through ``AwsSession.call`` / ``AwsSession.pages`` so that errors are
translated, answers are checked (answers.py) and the task's deadline holds (transport.py) in
one place. Only this file, transport.py and partitions.py import botocore.
"""

from __future__ import annotations

import re
import threading
import traceback

from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError, check_answer
from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import describe_exception, redact_url
from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import (
    build_config as _build_config,
    connection_argument_spec,
    validate_credentials_text,
    validate_region,
    validate_url,
)
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError, SesmonError
from ansible_collections.sesmon.ses.plugins.module_utils.redaction import redact, secret_values
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp, utc_now
from ansible_collections.sesmon.ses.plugins.module_utils.transport import (
    DEFAULT_TOTAL_TIMEOUT,
    Deadline,
    TransportError,
    bounded_sender,
)

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

__all__ = [
    "MINIMUM_BOTOCORE_VERSION", "MAX_PAGES", "AwsSession", "botocore_problem", "build_config",
    "connection_argument_spec", "redact_url", "secret_values", "validate_region",
]

MINIMUM_BOTOCORE_VERSION = "1.34.0"
# A message holds at most this much of a foreign text (AWS's message, an exception's words).
MAX_DETAIL = 300
# botocore refreshes refreshable credentials 15 minutes (advisory) / 10 minutes (mandatory) before
# they expire: 900-second AssumeRole credentials would look expiring at once and be fetched again
# on every request. A task is bounded by total_timeout, so a small margin is enough.
REFRESH_MARGINS = (120, 60)
# A NextToken that never ends must not paginate forever; callers that know better pass max_pages.
MAX_PAGES = 100


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


def build_config(params):
    """The botocore Config of these options (see connection_options.build_config)."""
    return _build_config(params, Config)


# ResponseParserError (an unreadable answer, e.g. an HTML error page) is not a BotoCoreError.
_BOTOCORE_ERRORS = (botocore_errors.BotoCoreError, botocore_errors.ClientError, ResponseParserError) if botocore else ()


class _AssumedRoleProvider(CredentialProvider if botocore else object):
    """Puts STS AssumeRole credentials first in botocore's chain; botocore refreshes them."""

    METHOD = "sesmon-assume-role"
    CANONICAL_NAME = "sesmon-assume-role"

    def __init__(self, fetch):
        super().__init__()
        self._fetch = fetch

    def load(self):
        return _TaskCredentials(refresh_using=self._fetch, method=self.METHOD)


class _TaskCredentials(DeferredRefreshableCredentials if botocore else object):
    """AssumeRole credentials refreshed only in their last REFRESH_MARGINS seconds: one STS call a task."""

    _advisory_refresh_timeout, _mandatory_refresh_timeout = REFRESH_MARGINS


def _check_assume_role(parsed, http_response=None, **kwargs):  # pylint: disable=unused-argument
    """STS's answer checked like every other (answers.py) before botocore's fetcher reads it."""
    if getattr(http_response, "status_code", 200) < 300:
        check_answer("AssumeRole", parsed)


class AwsSession:
    """Clients for one module run, cached per (service, region) and safe to share between threads."""

    def __init__(self, params):
        self.params = params
        self._secrets = secret_values(params)
        self._check_options()
        self._config = build_config(params)
        self._verify = self._verify_option()
        self.deadline = Deadline(params.get("total_timeout") or DEFAULT_TOTAL_TIMEOUT)
        self._clients = {}
        self._lock = threading.Lock()
        self.retry_attempts = 0
        self.request_ids = {}  # error message -> AWS request id, for the failed task's response_metadata
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
        for name in ("endpoint_url", "sts_endpoint_url"):
            if p.get(name):
                validate_url(p[name], name)
        for name, environment in (("access_key", "AWS_ACCESS_KEY_ID"), ("secret_key", "AWS_SECRET_ACCESS_KEY"),
                                  ("session_token", "AWS_SESSION_TOKEN")):
            validate_credentials_text(p.get(name), "%s (or %s)" % (name, environment))
        if p.get("region"):
            validate_region(p["region"], endpoint_url=p.get("endpoint_url"))
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

    def _botocore_session(self):
        """A botocore session for the profile; a missing profile or an unreadable config file is an OptionError."""
        profile = self.params.get("profile") or None
        try:
            session = botocore.session.Session(profile=profile)
            session.get_scoped_config()  # reads ~/.aws/config and credentials now, not at the first request
        except botocore_errors.ProfileNotFound:
            raise OptionError("profile %r (option profile, or AWS_PROFILE) is not in the AWS config or credentials files "
                              "(AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/config and ~/.aws/credentials)"
                              % profile) from None
        except botocore_errors.BotoCoreError as exc:
            raise OptionError(self.redact("the AWS config or credentials file cannot be read (AWS_CONFIG_FILE, "
                                          "AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/config): %s" % " ".join(str(exc).split()))) from None
        return session

    def _base_session(self):
        session = self._botocore_session()
        if self.params.get("access_key"):
            session.set_credentials(
                self.params["access_key"], self.params["secret_key"], self.params.get("session_token")
            )
        return session

    def _credentials(self, session):
        """The session's credentials, resolved now: a profile whose credential_process cannot run is named."""
        profile = self.params.get("profile") or "default"
        try:
            return session.get_credentials()
        except OSError as exc:  # botocore runs credential_process with Popen and lets its OSError out
            raise OptionError(self.redact("the credential_process of AWS profile %r cannot run: %s (check the program's path in "
                                          "~/.aws/config or AWS_CONFIG_FILE)" % (profile, foreign_text(exc)))) from None
        except ValueError as exc:  # credential_process printed something other than JSON
            raise OptionError(self.redact("the credentials of AWS profile %r cannot be read: its credential_process printed no JSON "
                                          "(%s)" % (profile, foreign_text(exc)), limit=MAX_DETAIL)) from None
        except botocore_errors.BotoCoreError as exc:
            if type(exc).__name__ in ("CredentialRetrievalError", "InvalidConfigError", "ConfigParseError", "UnknownCredentialError"):
                raise OptionError(self.redact("the credentials of AWS profile %r cannot be read (%s): %s" % (
                    profile, type(exc).__name__, foreign_text(exc)), limit=MAX_DETAIL)) from None
            raise

    def _make_session(self):
        role = self.params.get("assume_role")
        if not role:
            return self._base_session()
        source = self._base_session()
        sts_region = self.default_region_or_none(source)

        def sts_client(service, **kwargs):
            # STS has its own endpoint: a VPC endpoint for SES or CloudWatch does not answer AssumeRole.
            kwargs.update(region_name=sts_region, endpoint_url=self.params.get("sts_endpoint_url") or None,
                          config=self._config, verify=self._verify)
            client = self._bounded(source.create_client(service, **kwargs))
            client.meta.events.register("after-call.sts.AssumeRole", _check_assume_role)
            return client

        extra = {"RoleSessionName": role["session_name"], "DurationSeconds": role["duration_seconds"]}
        if role.get("external_id"):
            extra["ExternalId"] = role["external_id"]
        try:
            fetcher = AssumeRoleCredentialFetcher(sts_client, self._credentials(source), role["role_arn"], extra_args=extra)
        except botocore_errors.BotoCoreError as exc:
            raise self.translate(exc, "AssumeRole", sts_region, service="sts") from None
        duration = role["duration_seconds"]

        def fetch():
            try:
                fetched = fetcher.fetch_credentials()
            except SesmonError:
                raise
            except AnswerError as exc:
                raise self._invalid_answer("AssumeRole", sts_region, exc, None) from None
            except Exception as exc:  # pylint: disable=broad-except  # as in call(): STS's answer could not be read
                raise self.translate(exc, "AssumeRole", sts_region, service="sts") from None
            self._check_expiry(fetched, sts_region, duration)
            return fetched

        # Static credentials would shadow this provider, so the role's session is given none.
        session = self._botocore_session()
        session.get_component("credential_provider").insert_before("env", _AssumedRoleProvider(fetch))
        return session

    def _check_expiry(self, fetched, sts_region, duration):
        """Credentials that STS gives already expired (by this host's clock): the clock or the duration, named."""
        try:
            expiry = as_utc(fetched["expiry_time"])
        except (KeyError, TypeError, ValueError):
            return
        left = (expiry - utc_now()).total_seconds()
        if left > REFRESH_MARGINS[1]:
            return
        raise AwsApiError(
            "AssumeRole in %s failed: ExpiredToken: STS answered credentials that expire at %s, %s by this host's clock (now %s); "
            "assume_role.duration_seconds is %d, so the host's clock is about %d s ahead of AWS's: set it right (NTP)"
            % (sts_region or "(no region)", iso_timestamp(expiry), "already past" if left <= 0 else "in %d s" % left,
               iso_timestamp(utc_now()), duration, max(0, duration - left)),
            code="ExpiredToken", operation="AssumeRole", region=sts_region)

    def default_region_or_none(self, session=None):
        region = self.params.get("region")
        if region:
            return region
        try:
            region = (session or self._session).get_config_variable("region")
        except botocore_errors.BotoCoreError:
            return None
        if region:
            validate_region(region, "the region of the AWS profile or AWS_REGION", endpoint_url=self.params.get("endpoint_url"))
        return region or None

    @property
    def default_region(self):
        region = self.default_region_or_none()
        if not region:
            raise OptionError(
                "No region given: set the region option (alias aws_region), AWS_REGION or AWS_DEFAULT_REGION, or a region "
                "in the AWS profile; with module_defaults, use group/sesmon.ses.aws (core's group/aws does not hold these modules)"
            )
        return region

    def _bounded(self, client):
        """Every request of ``client`` within the task's deadline and the answer size limit."""
        def http_session():
            return getattr(getattr(client, "_endpoint", None), "http_session", None)

        client.meta.events.register("before-send", bounded_sender(http_session, self.deadline))
        return client

    def client(self, service, region=None):
        region = region or self.default_region
        key = (service, region)
        with self._lock:  # botocore's Session.create_client is not thread-safe
            if key not in self._clients:
                endpoint = self.params.get("sts_endpoint_url") if service == "sts" else self.params.get("endpoint_url")
                try:
                    self._credentials(self._session)  # a failing credential_process, named (botocore caches them)
                    self._clients[key] = self._bounded(self._session.create_client(
                        service,
                        region_name=region,
                        endpoint_url=endpoint or None,
                        config=self._config,
                        verify=self._verify,
                    ))
                except SesmonError:
                    raise
                except botocore_errors.BotoCoreError as exc:
                    raise self.translate(exc, "CreateClient(%s)" % service, region, service=service) from None
                except ValueError as exc:
                    raise OptionError(self.redact(self._client_value_error(exc, service), limit=MAX_DETAIL)) from None
                except (TypeError, AttributeError, KeyError, OSError) as exc:
                    # botocore only uses aws_config's and the profile's values here (user_agent_appid: 1, say).
                    raise OptionError(self.redact("aws_config or the AWS profile holds a value botocore cannot use to create the %s client "
                                                  "(%s: %s)" % (service, type(exc).__name__, foreign_text(exc)), limit=MAX_DETAIL)) from None
            return self._clients[key]

    def _client_value_error(self, exc, service):
        text = " ".join(str(exc).split())
        if text.startswith("Invalid endpoint"):
            option = "sts_endpoint_url" if service == "sts" else "endpoint_url (or AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_%s)" % service.upper()
            return "%s is not a usable endpoint: %s" % (option, text)
        # urllib3 refuses some aws_config values only here (connect_timeout: "abc").
        return "aws_config holds a value botocore cannot use: %s" % text

    # -- calls ---------------------------------------------------------------------------------

    def call(self, service, operation, region=None, **kwargs):
        """Call ``operation`` (snake_case) and return its checked answer, or raise AwsApiError."""
        client = self.client(service, region)
        api_name = client.meta.method_to_api_mapping.get(operation, operation)
        try:
            response = getattr(client, operation)(**kwargs)
        except SesmonError:
            raise
        except Exception as exc:  # pylint: disable=broad-except  # botocore's parsers raise KeyError, ValueError...
            self._count_retries(getattr(exc, "response", None))
            raise self.translate(exc, api_name, client.meta.region_name, service=service) from None
        self._count_retries(response)
        return self._checked(api_name, response, client.meta.region_name)

    def pages(self, service, operation, region=None, max_pages=MAX_PAGES, check=None, **kwargs):
        """Each checked page of a paginated operation, one at a time; AwsApiError after ``max_pages``.

        ``check(page)``, when given, checks more (the values' domains): its AnswerError is an InvalidAnswer too.
        """
        client = self.client(service, region)
        api_name = client.meta.method_to_api_mapping.get(operation, operation)
        region_name = client.meta.region_name
        count = 0
        iterator = iter(client.get_paginator(operation).paginate(**kwargs))
        while True:
            try:
                page = next(iterator)
            except StopIteration:
                return
            except SesmonError:
                raise
            except Exception as exc:  # pylint: disable=broad-except  # as in call()
                self._count_retries(getattr(exc, "response", None))
                raise self.translate(exc, api_name, region_name, service=service) from None
            count += 1
            self._count_retries(page)
            if count > max_pages:
                raise AwsApiError(
                    "%s in %s failed: TooManyPages: the endpoint kept answering a NextToken after %d pages, more than this "
                    "request can need; stopped" % (api_name, region_name, max_pages),
                    code="TooManyPages", operation=api_name, region=region_name)
            yield self._checked(api_name, page, region_name, check)

    def _checked(self, api_name, response, region, check=None):
        try:
            check_answer(api_name, response)
            if check is not None:
                check(response)
            return response
        except AnswerError as exc:
            raise self._invalid_answer(api_name, region, exc, response) from None

    def _invalid_answer(self, api_name, region, exc, response):
        metadata = response.get("ResponseMetadata") if isinstance(response, dict) else None
        detail = self.redact(foreign_text(self.redact(exc)), limit=MAX_DETAIL)
        return AwsApiError("%s in %s failed: InvalidAnswer: the answer cannot be used: %s" % (api_name, region, detail),
                           code="InvalidAnswer", http_status=(metadata or {}).get("HTTPStatusCode"), operation=api_name,
                           region=region, request_id=(metadata or {}).get("RequestId"))

    def _count_retries(self, response):
        metadata = response.get("ResponseMetadata") if isinstance(response, dict) else None
        attempts = (metadata or {}).get("RetryAttempts") or 0
        with self._lock:
            self.retry_attempts += attempts

    # -- errors --------------------------------------------------------------------------------

    def redact(self, text, limit=None):
        """``text`` with every secret (and every piece of one) masked, then cut to ``limit``."""
        return redact(text, self._secrets, limit)

    def clean(self, text, limit=MAX_DETAIL):
        """Foreign text (AWS's, a proxy's, an exception's) for a message: masked, one line, no markup or '|', then cut."""
        return self.redact(foreign_text(self.redact(text)), limit)

    def translate(self, exc, operation, region, service=None):
        """One AwsApiError, one line, no secret, for any exception botocore let out."""
        request_id = None
        if isinstance(exc, TransportError):
            code, status, detail = exc.code, None, exc.detail
        elif isinstance(exc, RuntimeError) and "still expired" in str(exc):
            # botocore: "Credentials were refreshed, but the refreshed credentials are still expired."
            code, status = "ExpiredToken", None
            detail = ("the credentials were refreshed but are still expired: %s" % (
                "STS AssumeRole answered credentials already past their expiry by this host's clock; set the clock right (NTP)"
                if self.params.get("assume_role") else "the credential source (profile, credential_process, instance role) gave expired "
                                                       "credentials, or this host's clock is ahead"))
        elif botocore and isinstance(exc, _BOTOCORE_ERRORS):
            code, status, detail = describe_exception(exc, self.params, service, operation)
            request_id = ((getattr(exc, "response", None) or {}).get("ResponseMetadata") or {}).get("RequestId")
        else:
            endpoint = redact_url(self.params.get("endpoint_url")) or "the AWS endpoint"
            code, status = "UnreadableAnswer", None
            detail = "the answer from %s could not be read (%s: %s)" % (endpoint, type(exc).__name__, exc)
        code = re.sub(r"[^A-Za-z0-9_.:-]", "", self.redact(code))[:64] or "ClientError"  # an endpoint's code is foreign text too
        where = "%s in %s" % (operation, region or "(no region)")
        status_text = " (HTTP %s)" % status if status else ""
        message = "%s failed: %s%s: %s" % (where, code, status_text, self.clean(detail))
        if request_id:
            with self._lock:
                self.request_ids[message] = request_id
        return AwsApiError(message, code=code, http_status=status, operation=operation, region=region, request_id=request_id)
