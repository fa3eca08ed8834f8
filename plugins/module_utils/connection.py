# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The shared AWS connection helper: module options -> botocore clients, and every AWS call.

Every AWS call goes through ``AwsSession.call`` / ``AwsSession.pages`` so that errors are
translated (aws_error_translation.py), answers are checked (answers.py) and the task's deadline
holds (transport.py) in one place. The credentials are aws_credentials.py's; the option checks,
connection_options.py's. Only these files and partitions.py import botocore.
"""

from __future__ import annotations

import re
import threading
import traceback

from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError, check_answer
from ansible_collections.sesmon.ses.plugins.module_utils.aws_credentials import Credentials, check_assume_role
from ansible_collections.sesmon.ses.plugins.module_utils.aws_error_translation import MAX_DETAIL, ErrorTranslator
from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import (
    build_config as _build_config,
    validate_credentials_text,
    validate_region,
    validate_url,
)
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError, SesmonError
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text
from ansible_collections.sesmon.ses.plugins.module_utils.transport import (
    DEFAULT_TOTAL_TIMEOUT,
    Deadline,
    bounded_sender,
)

try:
    import botocore
    from botocore import exceptions as botocore_errors
    from botocore.config import Config
    from botocore.paginate import Paginator
except ImportError:
    botocore = Paginator = None
    BOTOCORE_IMPORT_ERROR = traceback.format_exc()
else:
    BOTOCORE_IMPORT_ERROR = None

__all__ = ["MINIMUM_BOTOCORE_VERSION", "MAX_PAGES", "AwsSession", "botocore_problem", "build_config"]

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


class AwsSession:
    """Clients for one module run, cached per (service, region) and safe to share between threads."""

    def __init__(self, params):
        self.params = params
        self.errors = ErrorTranslator(params)
        self.request_ids = self.errors.request_ids  # error message -> AWS request id, for the failed task's response_metadata
        self._check_options()
        self._config = build_config(params)
        self._verify = self._verify_option()
        self.deadline = Deadline(params.get("total_timeout") or DEFAULT_TOTAL_TIMEOUT)
        self._clients = {}
        self._lock = threading.Lock()
        self.retry_attempts = 0
        self._credentials = Credentials(params, self.errors)
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

    def _make_session(self):
        source = self._credentials.base_session()
        if not self.params.get("assume_role"):
            return source
        sts_region = self.default_region_or_none(source)

        def sts_client(service, **kwargs):
            # STS has its own endpoint: a VPC endpoint for SES or CloudWatch does not answer AssumeRole.
            kwargs.update(region_name=sts_region, endpoint_url=self.params.get("sts_endpoint_url") or None,
                          config=self._config, verify=self._verify)
            client = self._bounded(source.create_client(service, **kwargs))
            client.meta.events.register("after-call.sts.AssumeRole", check_assume_role)
            return client

        return self._credentials.assumed_role_session(source, sts_region, sts_client)

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
                    self._credentials.resolve(self._session)  # a failing credential_process, named (botocore caches them)
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
                    raise self.errors.translate(exc, "CreateClient(%s)" % service, region, service=service) from None
                except ValueError as exc:
                    raise OptionError(self.errors.redact(self.errors.client_value_error(exc, service), limit=MAX_DETAIL)) from None
                except (TypeError, AttributeError, KeyError, OSError) as exc:
                    # botocore only uses aws_config's and the profile's values here (user_agent_appid: 1, say).
                    raise OptionError(self.errors.redact("aws_config or the AWS profile holds a value botocore cannot use to create the %s client "
                                                         "(%s: %s)" % (service, type(exc).__name__, foreign_text(exc)), limit=MAX_DETAIL)) from None
            return self._clients[key]

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
            raise self.errors.translate(exc, api_name, client.meta.region_name, service=service) from None
        self._count_retries(response)
        return self._checked(api_name, response, client.meta.region_name)

    def pages(self, service, operation, region=None, max_pages=MAX_PAGES, check=None, paging=None, **kwargs):
        """Each checked page of a paginated operation, one at a time; AwsApiError after ``max_pages``.

        ``check(page)``, when given, checks more (the values' domains): its AnswerError is an InvalidAnswer too.
        ``paging``: botocore's pagination config (``input_token``, ``output_token``, ``result_key``) for an
        operation that botocore's model does not paginate (sesv2 ListRecommendations has a NextToken but no
        paginator in botocore 1.44); botocore's own Paginator then follows the token as for the others.
        """
        client = self.client(service, region)
        api_name = client.meta.method_to_api_mapping.get(operation, operation)
        region_name = client.meta.region_name
        count = 0
        if paging is None:
            paginator = client.get_paginator(operation)
        else:
            paginator = Paginator(getattr(client, operation), paging, client.meta.service_model.operation_model(api_name))
        iterator = iter(paginator.paginate(**kwargs))
        while True:
            try:
                page = next(iterator)
            except StopIteration:
                return
            except SesmonError:
                raise
            except Exception as exc:  # pylint: disable=broad-except  # as in call()
                self._count_retries(getattr(exc, "response", None))
                raise self.errors.translate(exc, api_name, region_name, service=service) from None
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
            raise self.errors.invalid_answer(api_name, region, exc, response) from None

    def _count_retries(self, response):
        metadata = response.get("ResponseMetadata") if isinstance(response, dict) else None
        attempts = (metadata or {}).get("RetryAttempts") or 0
        with self._lock:
            self.retry_attempts += attempts
