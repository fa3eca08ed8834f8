# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's two error kinds: bad options, and a failed AWS call.

Both carry a one-line message that is safe to show (secrets already removed)."""

from __future__ import annotations

# A warning is one line of at most this many characters; the whole text is in the result (errors, regions).
WARNING_LENGTH = 200
_SEE_RESULT = "... (details in the result)"


def short_warning(text):
    """One line of at most WARNING_LENGTH characters (the caller keeps the whole text in the result)."""
    text = " ".join(str(text).split())
    return text if len(text) <= WARNING_LENGTH else text[:WARNING_LENGTH - len(_SEE_RESULT)] + _SEE_RESULT


class SesmonError(Exception):
    """Base class: ``str(error)`` is the whole, safe, one-line message."""

    def result_fields(self):
        """Extra keys for the failed task result."""
        return {}

    def as_dict(self):
        """The error as result data; an option error has no AWS code, status, operation or request id."""
        return {"code": None, "http_status": None, "operation": None, "region": None, "request_id": None, "message": str(self)}


class OptionError(SesmonError):
    """An option (or a combination of options) is invalid; nothing was sent to AWS."""


class AwsApiError(SesmonError):
    """An AWS call failed.

    ``code`` is AWS's error code (``AccessDenied``, ``Throttling``) or, for errors that never
    reached AWS, the botocore error name (``EndpointConnectionError``, ``ReadTimeout``).
    """

    def __init__(self, message, code=None, http_status=None, operation=None, region=None, request_id=None):
        super().__init__(message)
        self.code = code
        self.http_status = http_status
        self.operation = operation
        self.region = region
        self.request_id = request_id

    def as_dict(self):
        return {
            "code": self.code,
            "http_status": self.http_status,
            "operation": self.operation,
            "region": self.region,
            "request_id": self.request_id,
            "message": str(self),
        }

    def result_fields(self):
        """``error``, and AWS's request id as amazon.aws returns it (``response_metadata.request_id``)."""
        fields = {"error": self.as_dict()}
        if self.request_id:
            fields["response_metadata"] = {"request_id": self.request_id, "http_status_code": self.http_status}
        return fields
