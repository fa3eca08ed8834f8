# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one reader of an SES account, shared by ses_send_stats and ses_metric_check.

Per region: sesv2 GetAccount, which answers the send quota, whether sending is enabled, the
enforcement status and production access in one request. Only when GetAccount is denied or not
available, SES v1 answers what it can: GetSendQuota (the quota) and GetAccountSendingEnabled,
each asked only when the caller needs it. No loop and no retry of our own: botocore retries
throttling (see the connection options).
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import DENIED_CODES, NOT_OFFERED_CODES
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError

__all__ = [
    "GET_ACCOUNT_ACTION", "AccountReading", "account_unusable", "v2_problem", "error_reason", "account_from_v2",
    "account_from_v1", "contact_details", "read_account",
]

GET_ACCOUNT_ACTION = "ses:GetAccount"

# GetAccount is denied or not offered with the codes of aws_errors' diagnosis (DENIED_CODES, NOT_OFFERED_CODES),
# or these statuses (moto answers a bare 404; some endpoints answer 501).
_UNAVAILABLE_STATUSES = frozenset((404, 501))

AccountReading = namedtuple(
    "AccountReading", ["region", "account", "quota", "v2_problem", "quota_error", "sending_error", "requests"])
AccountReading.__doc__ = """What one region's account reading found.

``account``: the account keys (``account_from_v2`` or ``account_from_v1``); ``quota``: a
SendQuota-shaped dict (Max24HourSend, MaxSendRate, SentLast24Hours) or None; ``v2_problem``: why
GetAccount could not be used, or None; ``quota_error`` / ``sending_error``: the AwsApiError of
the SES v1 fallback call, or None; ``requests``: how many requests were made.
"""


def account_unusable(error):
    """True when sesv2 GetAccount's error means "denied" or "not here" (fall back to SES v1)."""
    return error.code in DENIED_CODES or error.code in NOT_OFFERED_CODES or error.http_status in _UNAVAILABLE_STATUSES


def v2_problem(error):
    """Why GetAccount cannot be used, cause first: ``denied (AccessDeniedException (HTTP 403))``,
    ``not offered by the endpoint (HTTP 404)``."""
    if error.code in DENIED_CODES:
        return "denied (%s)" % error_reason(error)
    return "not offered by the endpoint (%s)" % error_reason(error)


def error_reason(error):
    """``AccessDeniedException (HTTP 403)``, ``HTTP 404``, ``EndpointConnectionError``."""
    status = "HTTP %s" % error.http_status if error.http_status else None
    if error.code and error.code != str(error.http_status):
        return "%s (%s)" % (error.code, status) if status else error.code
    return status or "error"


def account_from_v2(answer, include_details=False):
    """sesv2 GetAccount's answer -> account keys. Details (contact data) only when asked."""
    production = answer.get("ProductionAccessEnabled")
    return {
        "source": "sesv2",
        "sending_enabled": answer.get("SendingEnabled"),
        "enforcement_status": answer.get("EnforcementStatus"),
        "production_access_enabled": production,
        "sandbox": None if production is None else not production,
        "dedicated_ip_auto_warmup_enabled": answer.get("DedicatedIpAutoWarmupEnabled"),
        "details": contact_details(answer.get("Details")) if include_details else None,
    }


def account_from_v1(sending_enabled):
    """What SES v1 tells when sesv2 GetAccount cannot be used: sending_enabled only (None if unknown)."""
    return {
        "source": "ses-v1" if sending_enabled is not None else "unavailable",
        "sending_enabled": sending_enabled,
        "enforcement_status": None,
        "production_access_enabled": None,
        "sandbox": None,
        "dedicated_ip_auto_warmup_enabled": None,
        "details": None,
    }


def contact_details(details):
    if details is None:
        return None
    review = details.get("ReviewDetails")
    return {
        "mail_type": details.get("MailType"),
        "website_url": details.get("WebsiteURL"),
        "contact_language": details.get("ContactLanguage"),
        "use_case_description": details.get("UseCaseDescription"),
        "additional_contact_email_addresses": list(details.get("AdditionalContactEmailAddresses") or []),
        "review_details": None if review is None else {"status": review.get("Status"), "case_id": review.get("CaseId")},
    }


def _v1(session, region, operation):
    """(answer, None) or (None, AwsApiError): a fallback failing is the caller's to judge."""
    try:
        return session.call("ses", operation, region=region), None
    except AwsApiError as error:
        return None, error


def read_account(session, region, include_details=False, quota=True, sending=True, quota_required=False):
    """The AccountReading of ``region``; ``quota`` / ``sending``: ask SES v1 for them if GetAccount fails.

    GetAccount errors other than denied/unavailable are raised (throttled to the end, unreachable),
    and so is a failed GetSendQuota when ``quota_required`` (no further request is made then).
    """
    try:
        answer = session.call("sesv2", "get_account", region=region)
    except AwsApiError as error:
        if not account_unusable(error):
            raise
        problem = v2_problem(error)
    else:
        # botocore reads an unparsable JSON body as {"message": body}: that is no account answer.
        if "SendingEnabled" in answer:
            account = account_from_v2(answer, include_details)
            send_quota = answer.get("SendQuota")
            if send_quota or not quota:
                return AccountReading(region, account, send_quota, None, None, None, 1)
            send_quota, quota_error = _v1(session, region, "get_send_quota")
            if quota_error is not None and quota_required:
                raise quota_error
            return AccountReading(region, account, send_quota, None, quota_error, None, 2)
        problem = "an unreadable answer"
    requests = 1
    send_quota = quota_error = sending_error = enabled = None
    if quota:
        send_quota, quota_error = _v1(session, region, "get_send_quota")
        requests += 1
        if quota_error is not None and quota_required:
            raise quota_error
    if sending:
        answer, sending_error = _v1(session, region, "get_account_sending_enabled")
        enabled = None if answer is None else answer.get("Enabled")
        requests += 1
    return AccountReading(region, account_from_v1(enabled), send_quota, problem, quota_error, sending_error, requests)
