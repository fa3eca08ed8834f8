# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ses_send_stats' opt-in facts (``include_extra``): AWS's recommendations, VDM counts and rates, tenants and
reputation entities, per region, read through the label sources' own readers (sources/recommendations.py,
vdm.py, tenants.py): each AWS call, its paging bound and its answer check live once, in the source.

Nothing is asked unless named in ``include_extra``. A fact that cannot be read (denied, throttled beyond the
retries, too old a botocore) is null with one warning naming the IAM action or the cause; it never fails the
task and the other facts still come.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.account_reader import error_reason
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError, short_warning
from ansible_collections.sesmon.ses.plugins.module_utils.sources import recommendations, tenants, vdm
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import iso_timestamp
from ansible_collections.sesmon.ses.plugins.module_utils.values import option_text

__all__ = ["OPTION", "ISPS_OPTION", "CHOICES", "MAX_ISPS", "VDM_COUNTS", "ExtraPlan", "parse_options", "result_keys",
           "recommendation_items", "tenant_items", "entity_items", "vdm_counts", "read_extras"]

OPTION = "include_extra"
ISPS_OPTION = "vdm_isps"
CHOICES = ("recommendations", "vdm", "tenants")  # also the order of their requests, after GetSendStatistics
_KEYS = {"recommendations": ("recommendations",), "vdm": ("vdm",), "tenants": ("tenants", "reputation_entities")}
# 5 queries per ISP and 5 for the account: 105 queries (11 requests) at most, within BatchGetMetricData's
# 160 queries per second (SES API v2 reference, "BatchGetMetricData").
MAX_ISPS = 20
# Result key -> VDM metric (SES API v2 reference, "BatchGetMetricDataQuery", Metric: SEND - emails sent eligible for
# tracking in the VDM dashboard; DELIVERY; DELIVERY_COMPLAINT - deliveries to ISPs with a feedback loop; COMPLAINT;
# PERMANENT_BOUNCE - feedback for emails sent to non-existent mailboxes; botocore's sesv2 "Metric" enumeration).
VDM_COUNTS = (("sends", "SEND"), ("deliveries", "DELIVERY"), ("feedback_loop_deliveries", "DELIVERY_COMPLAINT"),
              ("complaints", "COMPLAINT"), ("permanent_bounces", "PERMANENT_BOUNCE"))
# Result key -> the ses_metric_check label whose rule the rate is (vdm.label_value: one rule in one place).
_VDM_RATES = (("complaint_rate", "vdm-complaint-rate"), ("permanent_bounce_rate", "vdm-permanent-bounce-rate"))
_VDM_LABELS = dict((spec.label, spec) for spec in vdm.LABELS)
_ACCOUNT = "account"

ExtraPlan = namedtuple("ExtraPlan", ["include", "isps"])
ExtraPlan.__doc__ = """``include``: the facts asked, in CHOICES order (empty: none, no request); ``isps``: the ISPs of ``vdm_isps``."""


def parse_options(params):
    """``include_extra`` and ``vdm_isps`` -> ExtraPlan; a mistake is an OptionError naming the option."""
    given = params.get(OPTION)
    if given is None:
        given = []
    if isinstance(given, str) or not isinstance(given, list):
        raise OptionError("%s must be a list of %s, got %r" % (OPTION, ", ".join(CHOICES), given))
    for item in given:
        if item not in CHOICES:
            raise OptionError("%s: unknown fact %r; valid ones are: %s" % (OPTION, item, ", ".join(CHOICES)))
    include = tuple(item for item in CHOICES if item in given)
    isps = params.get(ISPS_OPTION)
    if isps is None:
        return ExtraPlan(include, ())
    if "vdm" not in include:
        raise OptionError("%s is set but %s does not name vdm; add vdm to %s or remove %s" % (ISPS_OPTION, OPTION, OPTION, ISPS_OPTION))
    if isinstance(isps, str) or not isinstance(isps, list) or not isps:
        raise OptionError("%s must be a non-empty list of ISP names as the VDM dashboard spells them (Gmail, Yahoo...), got %r"
                          % (ISPS_OPTION, isps))
    found = []
    for index, value in enumerate(isps):
        if isinstance(value, bool) or not isinstance(value, str) or not value.strip():
            raise OptionError("%s[%d] must be a non-blank text, got %r" % (ISPS_OPTION, index, value))
        option_text(value, "%s[%d]" % (ISPS_OPTION, index))
        if value in found:
            raise OptionError("%s repeats %r" % (ISPS_OPTION, value))
        found.append(value)
    if len(found) > MAX_ISPS:
        raise OptionError("%s holds %d ISPs; at most %d (BatchGetMetricData answers at most 160 queries per second)"
                          % (ISPS_OPTION, len(found), MAX_ISPS))
    return ExtraPlan(include, tuple(found))


def result_keys(plan):
    """The result keys of the facts asked, in order (none by default)."""
    return tuple(key for fact in plan.include for key in _KEYS[fact])


def _warning(what, region, reason):
    return short_warning("%s not read in %s: %s; the other keys still came" % (what, region, reason))


def _failure(error, is_denied, action, operation):
    if is_denied(error):
        return "needs %s (%s: denied (%s))" % (action, operation, error_reason(error))
    return " ".join(str(error).split())


# -- recommendations -------------------------------------------------------------------------------------------------


def recommendation_items(found):
    """ListRecommendations' Recommendations -> the fact's items (snake_case, ISO 8601 UTC), in AWS's order."""
    return [dict((key, value) for key, value in item.items() if key != "region")
            for item in recommendations.recommendation_facts(None, found)]


def _recommendations(session, region, warnings):
    # No Filter: AWS's whole list, open and fixed (the label asks open ones only).
    reading = recommendations.read_recommendations(session, region)
    if reading.error is not None:
        warnings.append(_warning("recommendations", region, _failure(reading.error, recommendations.is_denied,
                                                                     recommendations.LIST_ACTION, "ListRecommendations")))
        return {"recommendations": None}
    if reading.truncated:
        warnings.append(short_warning("recommendations in %s: more than %d pages of %d, the rest not read"
                                      % (region, recommendations.MAX_PAGES, recommendations.PAGE_SIZE)))
    return {"recommendations": recommendation_items(reading.recommendations)}


# -- tenants ---------------------------------------------------------------------------------------------------------


def tenant_items(found):
    """ListTenants' Tenants -> the fact's items."""
    return [{"tenant_name": item.get("TenantName"), "tenant_id": item.get("TenantId"), "sending_status": item.get("SendingStatus"),
             "created_timestamp": iso_timestamp(item.get("CreatedTimestamp"))} for item in found]


def entity_items(found):
    """ListReputationEntities' ReputationEntities -> the fact's items."""
    return [{"reference": item.get("ReputationEntityReference"), "type": item.get("ReputationEntityType"),
             "sending_status_aggregate": item.get("SendingStatusAggregate"), "reputation_impact": item.get("ReputationImpact")}
            for item in found]


def _tenants(session, region, warnings):
    facts = {}
    try:
        model = tenants.sesv2_model(session, region)
    except AwsApiError as error:
        warnings.append(_warning("tenants and reputation_entities", region, " ".join(str(error).split())))
        return {"tenants": None, "reputation_entities": None}
    for key, label, shape in (("tenants", "tenant-sending", tenant_items), ("reputation_entities", "reputation-entity", entity_items)):
        operation = tenants.MINIMUM_BOTOCORE[label][0]
        problem = tenants.model_problem(model, label)
        listing = None if problem else tenants.list_entries(session, region, label)
        if problem or listing.error is not None:
            action = tenants.LIST_TENANTS_ACTION if key == "tenants" else tenants.LIST_ENTITIES_ACTION
            warnings.append(_warning(key, region, problem or _failure(listing.error, tenants.is_denied, action, operation)))
            facts[key] = None
            continue
        if listing.truncated:
            warnings.append(short_warning("%s in %s: %s kept answering a NextToken after %d pages; the rest was not read"
                                          % (key, region, operation, tenants.MAX_PAGES)))
        facts[key] = shape(listing.entries)
    return facts


# -- VDM -------------------------------------------------------------------------------------------------------------


def vdm_counts(sums):
    """{VDM metric: sum over the window, or None when its query failed} -> the counts and the rates (vdm.label_value's rule:
    complaint_rate = COMPLAINT / DELIVERY_COMPLAINT, permanent_bounce_rate = PERMANENT_BOUNCE / SEND; null without a
    denominator or when a count is unknown)."""
    found = dict((key, sums.get(metric)) for key, metric in VDM_COUNTS)
    for key, label in _VDM_RATES:
        spec = _VDM_LABELS[label]
        if sums.get(spec.numerator) is None or sums.get(spec.denominator) is None:
            found[key] = None
        else:
            found[key] = vdm.label_value(spec, sums, vdm.DEFAULT_WINDOW)[0]
    return found


def _vdm(session, region, plan, now, warnings):
    start, end = vdm.window_dates(now, vdm.DEFAULT_WINDOW)
    instances = [(_ACCOUNT, {})] + [(isp, {"ISP": isp}) for isp in plan.isps]
    queries = [vdm.Query(index, dimensions, metric) for index, (_name, dimensions) in enumerate(instances) for _key, metric in VDM_COUNTS]
    try:
        reading = vdm.read_region(session, region, queries, start, end, vdm.DEFAULT_WINDOW)
    except AwsApiError as error:
        warnings.append(_warning("vdm", region, _failure(error, lambda item: item.code in ("AccessDenied", "AccessDeniedException")
                                                         or item.http_status == 403, vdm.BATCH_ACTION, "BatchGetMetricData")))
        return {"vdm": None}
    problems = []
    counts = {}
    for index, (name, _dimensions) in enumerate(instances):
        sums = {}
        for position, query in enumerate(queries):
            if query.instance != index:
                continue
            if position in reading.query_errors:
                problems.append(vdm.query_problem(query, reading.query_errors[position], region))
                sums[query.metric] = None
            else:
                sums[query.metric] = vdm.series_sum(reading.series.get(position) or [])
        counts[name] = vdm_counts(sums)
    if problems:
        warnings.append(_warning("some vdm counts", region, problems[0] + (" (+%d more)" % (len(problems) - 1) if len(problems) > 1 else "")))
    if reading.no_data_line:
        warnings.append(short_warning(reading.no_data_line))
    account = counts.pop(_ACCOUNT)
    return {"vdm": {"window": {"start": iso_timestamp(start), "end": iso_timestamp(end), "days": vdm.DEFAULT_WINDOW // 86400},
                    "account": account, "isps": counts}}


def read_extras(session, region, plan, now):
    """({result key: fact}, [warnings]) of one region, the facts asked in CHOICES order; ({}, []) and no request by default."""
    facts, warnings = {}, []
    for fact in plan.include:
        if fact == "recommendations":
            facts.update(_recommendations(session, region, warnings))
        elif fact == "tenants":
            facts.update(_tenants(session, region, warnings))
        else:
            facts.update(_vdm(session, region, plan, now, warnings))
    return facts, warnings
