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
    validate_region,
    validate_url,
)
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError, SesmonError
from ansible_collections.sesmon.ses.plugins.module_utils.redaction import redact, secret_values
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
        return DeferredRefreshableCredentials(refresh_using=self._fetch, method=self.METHOD)


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
            return self._bounded(source.create_client(service, **kwargs))

        extra = {"RoleSessionName": role["session_name"], "DurationSeconds": role["duration_seconds"]}
        if role.get("external_id"):
            extra["ExternalId"] = role["external_id"]
        try:
            fetcher = AssumeRoleCredentialFetcher(sts_client, source.get_credentials(), role["role_arn"], extra_args=extra)
        except botocore_errors.BotoCoreError as exc:
            raise self.translate(exc, "AssumeRole", sts_region) from None

        def fetch():
            try:
                return fetcher.fetch_credentials()
            except SesmonError:
                raise
            except Exception as exc:  # pylint: disable=broad-except  # as in call(): STS's answer could not be read
                raise self.translate(exc, "AssumeRole", sts_region) from None

        # Static credentials would shadow this provider, so the role's session is given none.
        session = self._botocore_session()
        session.get_component("credential_provider").insert_before("env", _AssumedRoleProvider(fetch))
        return session

    def default_region_or_none(self, session=None):
        region = self.params.get("region")
        if region:
            return region
        try:
            region = (session or self._session).get_config_variable("region")
        except botocore_errors.BotoCoreError:
            return None
        if region:
            validate_region(region, "the region of the AWS profile or AWS_REGION")
        return region or None

    @property
    def default_region(self):
        region = self.default_region_or_none()
        if not region:
            raise OptionError(
                "No region given: set the region option (alias aws_region), the AWS_REGION or "
                "AWS_DEFAULT_REGION environment variable, or a region in the AWS profile"
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
                    self._clients[key] = self._bounded(self._session.create_client(
                        service,
                        region_name=region,
                        endpoint_url=endpoint or None,
                        config=self._config,
                        verify=self._verify,
                    ))
                except botocore_errors.BotoCoreError as exc:
                    raise self.translate(exc, "CreateClient(%s)" % service, region) from None
                except ValueError as exc:
                    raise OptionError(self.redact(self._client_value_error(exc, service))) from None
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
            raise self.translate(exc, api_name, client.meta.region_name) from None
        self._count_retries(response)
        return self._checked(api_name, response, client.meta.region_name)

    def pages(self, service, operation, region=None, max_pages=MAX_PAGES, **kwargs):
        """Each checked page of a paginated operation, one at a time; AwsApiError after ``max_pages``."""
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
                raise self.translate(exc, api_name, region_name) from None
            count += 1
            self._count_retries(page)
            if count > max_pages:
                raise AwsApiError(
                    "%s in %s failed: TooManyPages: the endpoint kept answering a NextToken after %d pages, more than this "
                    "request can need; stopped" % (api_name, region_name, max_pages),
                    code="TooManyPages", operation=api_name, region=region_name)
            yield self._checked(api_name, page, region_name)

    def _checked(self, api_name, response, region):
        try:
            return check_answer(api_name, response)
        except AnswerError as exc:
            metadata = response.get("ResponseMetadata") if isinstance(response, dict) else None
            raise AwsApiError(self.redact("%s in %s failed: InvalidAnswer: the answer cannot be used: %s" % (api_name, region, exc)),
                              code="InvalidAnswer", http_status=(metadata or {}).get("HTTPStatusCode"), operation=api_name,
                              region=region, request_id=(metadata or {}).get("RequestId")) from None

    def _count_retries(self, response):
        metadata = response.get("ResponseMetadata") if isinstance(response, dict) else None
        attempts = (metadata or {}).get("RetryAttempts") or 0
        with self._lock:
            self.retry_attempts += attempts

    # -- errors --------------------------------------------------------------------------------

    def redact(self, text):
        return redact(text, self._secrets)

    def translate(self, exc, operation, region):
        """One AwsApiError, one line, no secret, for any exception botocore let out."""
        request_id = None
        if isinstance(exc, TransportError):
            code, status, detail = exc.code, None, exc.detail
        elif botocore and isinstance(exc, _BOTOCORE_ERRORS):
            code, status, detail = describe_exception(exc, self.params)
            request_id = ((getattr(exc, "response", None) or {}).get("ResponseMetadata") or {}).get("RequestId")
        else:
            endpoint = redact_url(self.params.get("endpoint_url")) or "the AWS endpoint"
            code, status = "UnreadableAnswer", None
            detail = "the answer from %s could not be read (%s: %s)" % (endpoint, type(exc).__name__, " ".join(str(exc).split())[:200])
        where = "%s in %s" % (operation, region or "(no region)")
        status_text = " (HTTP %s)" % status if status else ""
        message = self.redact("%s failed: %s%s: %s" % (where, code, status_text, detail))
        if request_id:
            with self._lock:
                self.request_ids[message] = request_id
        return AwsApiError(message, code=code, http_status=status, operation=operation, region=region, request_id=request_id)
