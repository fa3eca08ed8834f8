# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ses_send_stats module's task: per region, the account (with its quota) and the send statistics.

Per region, in order: sesv2 GetAccount (through the shared account reader, which also answers the
send quota), then GetSendStatistics: 2 requests. When GetAccount is denied or not available, the
reader asks SES v1 GetSendQuota and GetAccountSendingEnabled instead. Then, only when ``include_extra``
names them, the facts of send_stats_facts (EXTRA_REQUESTS), which never fail the region.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils import send_stats_facts as extras
from ansible_collections.sesmon.ses.plugins.module_utils import send_statistics as stats
from ansible_collections.sesmon.ses.plugins.module_utils.account_reader import error_reason, read_account
from ansible_collections.sesmon.ses.plugins.module_utils.send_summary import summary_lines
from ansible_collections.sesmon.ses.plugins.module_utils.regions import for_each_region, resolve_regions
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import utc_now

__all__ = ["REQUESTS_PER_REGION", "FALLBACK_REQUESTS", "EXTRA_REQUESTS", "read_region", "execute_send_stats"]

# The requests of one region, in order (the docs are held to these by tests/system/test_docs_truth.py, the code by
# the unit tests' recording proxy): GetAccount answers the quota too. When it is denied or not available, the SES v1
# fallback asks FALLBACK_REQUESTS between the two.
REQUESTS_PER_REGION = ("GetAccount", "GetSendStatistics")
FALLBACK_REQUESTS = ("GetSendQuota", "GetAccountSendingEnabled")
# The requests of each fact of include_extra, asked after GetSendStatistics in this order (none by default).
# ListRecommendations, ListTenants and ListReputationEntities are paged (NextToken); BatchGetMetricData takes 10
# queries per request (5 for the account, 5 per ISP of vdm_isps), plus one GetAccount when VDM has no datapoint.
EXTRA_REQUESTS = (("recommendations", ("ListRecommendations",)), ("vdm", ("BatchGetMetricData",)),
                  ("tenants", ("ListTenants", "ListReputationEntities")))


def read_region(session, region, since, clock, include_details, extra_plan=None):
    """(region report, account fallback note or None, extra facts, their warnings) for one region; AwsApiError if it failed.

    A note is (region, why GetAccount could not be used, why GetAccountSendingEnabled failed or None).
    """
    reading = read_account(session, region, include_details, quota_required=True)  # no quota, no region answer
    statistics = session.call("ses", "get_send_statistics", region=region)
    note = None
    if reading.v2_problem is not None:
        note = (region, reading.v2_problem, None if reading.sending_error is None else error_reason(reading.sending_error))
    report = stats.region_report(reading.quota, statistics, reading.account, since, clock())
    facts, warnings = ({}, []) if extra_plan is None else extras.read_extras(session, region, extra_plan, clock())
    return report, note, facts, warnings


def execute_send_stats(params, session, clock=utc_now):
    """The ses_send_stats module, without AnsibleModule: options in, result dict out."""
    since = stats.parse_since(params.get("since"), clock())
    regions = resolve_regions(params.get("regions"), lambda: session.default_region, params.get("endpoint_url"))
    include_details = bool(params.get("include_contact_details"))
    extra_plan = extras.parse_options(params)
    extra_keys = extras.result_keys(extra_plan)

    outcomes = for_each_region(regions, lambda region: read_region(session, region, since, clock, include_details,
                                                                   extra_plan if extra_keys else None))

    entries, notes, extra_warnings = [], [], []
    for outcome in outcomes:
        if outcome.ok:
            report, note, facts, warnings = outcome.value
            entries.append(stats.region_entry(outcome.region, report=report))
            if note:
                notes.append(note)
            extra_warnings.extend(warnings)
        else:
            entries.append(stats.region_entry(outcome.region, error=outcome.error_dict()))
            facts = {}
        entries[-1].update((key, facts.get(key)) for key in extra_keys)  # none by default: the result as without them

    result = stats.task_result(entries)
    result.update((key, entries[0][key]) for key in extra_keys)  # the first region's, as the other data keys
    result["warnings"].extend(extra_warnings)
    result["retry_attempts"] = session.retry_attempts
    result["summary"] = summary_lines(entries)
    fallback = stats.account_fallback_warning(notes)
    if fallback:
        result["warnings"].insert(0, fallback)
    if params.get("publish_facts") and not result.get("failed"):
        published = stats.facts(result)
        published.update((key, result[key]) for key in extra_keys)
        result["ansible_facts"] = {"ses_send_stats": published}
    return result
