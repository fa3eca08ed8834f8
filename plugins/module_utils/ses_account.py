# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reading one SES account, region by region: the only part of ses_send_stats that calls AWS.

Per region, in order: GetSendQuota, GetSendStatistics, sesv2 GetAccount, and SES v1
GetAccountSendingEnabled only when GetAccount is denied or not available. No loop and no
retry of our own: botocore retries throttling (see the connection options).
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils import send_statistics as stats
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError
from ansible_collections.sesmon.ses.plugins.module_utils.regions import for_each_region, resolve_regions
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import utc_now

# GetAccount answers these when the caller may not use it, or the endpoint does not know it
# (moto answers a bare 404; some endpoints answer 501 or UnknownOperation).
_DENIED_CODES = frozenset(("AccessDenied", "AccessDeniedException", "UnauthorizedOperation"))
_UNAVAILABLE_CODES = frozenset(("UnknownOperation", "UnknownOperationException", "NotImplemented", "InvalidAction"))
_UNAVAILABLE_STATUSES = frozenset((404, 501))


def account_unusable(error):
    """True when sesv2 GetAccount's error means "denied" or "not here" (fall back to SES v1)."""
    return error.code in _DENIED_CODES or error.code in _UNAVAILABLE_CODES or error.http_status in _UNAVAILABLE_STATUSES


def _reason(error):
    """``AccessDeniedException (HTTP 403)``, ``HTTP 404``, ``EndpointConnectionError``."""
    status = "HTTP %s" % error.http_status if error.http_status else None
    if error.code and error.code != str(error.http_status):
        return "%s (%s)" % (error.code, status) if status else error.code
    return status or "error"


def read_account(session, region, include_details):
    """(account dict, fallback note or None); a note is (region, GetAccount reason, v1 reason or None).

    GetAccount errors other than denied/unavailable are raised: the region fails.
    """
    try:
        answer = session.call("sesv2", "get_account", region=region)
    except AwsApiError as error:
        if not account_unusable(error):
            raise
        v2_reason = _reason(error)
    else:
        # botocore reads an unparsable JSON body as {"message": body}: that is no account answer.
        if "SendingEnabled" in answer:
            return stats.account_from_v2(answer, include_details), None
        v2_reason = "an unreadable answer"
    try:
        enabled = session.call("ses", "get_account_sending_enabled", region=region).get("Enabled")
    except AwsApiError as error:
        return stats.account_from_v1(None), (region, v2_reason, _reason(error))
    return stats.account_from_v1(enabled), (region, v2_reason, None)


def read_region(session, region, since, clock, include_details):
    """(region report, account fallback note or None) for one region; AwsApiError if it failed."""
    quota = session.call("ses", "get_send_quota", region=region)
    statistics = session.call("ses", "get_send_statistics", region=region)
    account, note = read_account(session, region, include_details)
    return stats.region_report(quota, statistics, account, since, clock()), note


def execute_send_stats(params, session, clock=utc_now):
    """The ses_send_stats module, without AnsibleModule: options in, result dict out."""
    since = stats.parse_since(params.get("since"), clock())
    regions = resolve_regions(params.get("regions"), lambda: session.default_region)
    include_details = bool(params.get("include_contact_details"))

    outcomes = for_each_region(regions, lambda region: read_region(session, region, since, clock, include_details))

    entries, notes = [], []
    for outcome in outcomes:
        if outcome.ok:
            report, note = outcome.value
            entries.append(stats.region_entry(outcome.region, report=report))
            if note:
                notes.append(note)
        else:
            entries.append(stats.region_entry(outcome.region, error=outcome.error_dict()))

    result = stats.task_result(entries)
    result["retry_attempts"] = session.retry_attempts
    fallback = stats.account_fallback_warning(notes)
    if fallback:
        result["warnings"].insert(0, fallback)
    if params.get("publish_facts") and not result.get("failed"):
        result["ansible_facts"] = {"ses_send_stats": stats.facts(result)}
    return result
