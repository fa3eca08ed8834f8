# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Any exception out of an AWS call -> one AwsApiError: one line, AWS's code, no secret.

The session (connection.py) and the credentials (aws_credentials.py) raise through one
``ErrorTranslator``; aws_errors.py says what a botocore exception means.
"""

from __future__ import annotations

import re
import threading

from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import describe_exception, redact_url
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError
from ansible_collections.sesmon.ses.plugins.module_utils.redaction import redact, secret_values
from ansible_collections.sesmon.ses.plugins.module_utils.transport import TransportError
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text

try:
    from botocore import exceptions as botocore_errors
    from botocore.parsers import ResponseParserError
except ImportError:  # connection.py reports the missing library
    botocore_errors = None

__all__ = ["MAX_DETAIL", "ErrorTranslator"]

# A message holds at most this much of a foreign text (AWS's message, an exception's words).
MAX_DETAIL = 300

# ResponseParserError (an unreadable answer, e.g. an HTML error page) is not a BotoCoreError.
_BOTOCORE_ERRORS = (botocore_errors.BotoCoreError, botocore_errors.ClientError, ResponseParserError) if botocore_errors else ()


class ErrorTranslator:
    """The errors of one module run: its secrets masked, AWS's request id kept per message."""

    def __init__(self, params):
        self.params = params
        self._secrets = secret_values(params)
        self._lock = threading.Lock()
        self.request_ids = {}  # error message -> AWS request id, for the failed task's response_metadata

    def redact(self, text, limit=None):
        """``text`` with every secret (and every piece of one) masked, then cut to ``limit``."""
        return redact(text, self._secrets, limit)

    def clean(self, text, limit=MAX_DETAIL):
        """Foreign text (AWS's, a proxy's, an exception's) for a message: masked, one line, no markup or '|', then cut."""
        return self.redact(foreign_text(self.redact(text)), limit)

    def invalid_answer(self, api_name, region, exc, response):
        """The AwsApiError of an answer that answers.py (or a page check) refused."""
        metadata = response.get("ResponseMetadata") if isinstance(response, dict) else None
        detail = self.clean(exc)
        return AwsApiError("%s in %s failed: InvalidAnswer: the answer cannot be used: %s" % (api_name, region, detail),
                           code="InvalidAnswer", http_status=(metadata or {}).get("HTTPStatusCode"), operation=api_name,
                           region=region, request_id=(metadata or {}).get("RequestId"))

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
        elif _BOTOCORE_ERRORS and isinstance(exc, _BOTOCORE_ERRORS):
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

    @staticmethod
    def client_value_error(exc, service):
        """The text of a ValueError out of botocore's create_client: an endpoint or an aws_config value it cannot use."""
        text = " ".join(str(exc).split())
        if text.startswith("Invalid endpoint"):
            option = "sts_endpoint_url" if service == "sts" else "endpoint_url (or AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_%s)" % service.upper()
            return "%s is not a usable endpoint: %s" % (option, text)
        # urllib3 refuses some aws_config values only here (connect_timeout: "abc").
        return "aws_config holds a value botocore cannot use: %s" % text
