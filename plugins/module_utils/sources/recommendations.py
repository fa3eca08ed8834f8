# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Label source: what AWS itself found wrong in the account, sesv2 ListRecommendations, as a check state.

``account-recommendations`` (one per region): OK when no recommendation is open, WARNING when one of
LOW impact is, CRITICAL when one of HIGH impact is. A value the check does not know (a Type, Impact
or Status AWS may add) is shown and makes the label UNKNOWN unless a known open one already gives
WARNING or CRITICAL (a real alert is never masked). Pure except ``work``, which asks AWS.

AWS's meaning (Amazon SES API v2 reference, "ListRecommendations" and "Recommendation"): a
recommendation has a Type (DKIM, DMARC, SPF, BIMI, COMPLAINT, BOUNCE, FEEDBACK_3P, IP_LISTING), an
Impact (LOW or HIGH), a Status (OPEN or FIXED) and the ResourceArn it is about; the list is paged
(PageSize 1 to 100, NextToken) and may be filtered by STATUS alone or with TYPE or IMPACT; the
operation may be called no more than once per second (botocore retries throttling).
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.account_reader import error_reason
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import LATEST
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import CRITICAL, OK, WARNING
from ansible_collections.sesmon.ses.plugins.module_utils.sources.part import SourcePart, result_entry
from ansible_collections.sesmon.ses.plugins.module_utils.state_measurements import FixedStateMeasurement
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import iso_timestamp
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text

__all__ = [
    "NAME", "LIST_ACTION", "OPERATIONS", "REQUESTS_KEY", "TYPES", "IMPACTS", "STATUSES", "PAGE_SIZE", "MAX_PAGES", "OPTION",
    "RecommendationLabel", "LABELS", "DEFAULT_LABELS", "THRESHOLD_LABELS", "Judgement", "domain", "parse_types", "parse_options",
    "request_filter", "judge", "recommendation_facts", "is_denied", "read_recommendations", "prepare",
]

NAME = "recommendations"
LIST_ACTION = "ses:ListRecommendations"  # Service Authorization Reference, "Amazon Simple Email Service v2"
OPERATIONS = (("sesv2", "ListRecommendations", LIST_ACTION),)
REQUESTS_KEY = "recommendation_requests"
OPTION = "recommendation_types"
_INSTANCE = "SES"  # as the account labels

# The enumerations of botocore's sesv2 model (RecommendationType, RecommendationImpact, RecommendationStatus),
# as the API reference's "Recommendation" page lists them.
TYPES = ("DKIM", "DMARC", "SPF", "BIMI", "COMPLAINT", "BOUNCE", "FEEDBACK_3P", "IP_LISTING")
IMPACTS = {"HIGH": CRITICAL, "LOW": WARNING}
STATUSES = ("OPEN", "FIXED")

PAGE_SIZE = 100  # ListRecommendations' largest PageSize
MAX_PAGES = 10  # up to 1,000 open recommendations; a NextToken beyond is not followed (the label says so, never OK)
# ListRecommendations has a NextToken but no paginator in botocore's model: botocore's Paginator follows it with this.
_PAGING = {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Recommendations"}
_DENIED_CODES = frozenset(("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess"))
_NAMED = 3  # recommendations named in the text, the rest counted
_LONGEST_NAME = 40
# "AWS recommendations: " + this + the UNKNOWN advice stays within a message's 200 characters.
_SHOWN_MAX = 130

RecommendationLabel = namedtuple("RecommendationLabel", ["label", "field", "text", "perfdata_label", "unit"])
RecommendationLabel.__doc__ = """The label: option label, ListRecommendations field, text, perfdata label (None), unit."""

LABELS = (RecommendationLabel("account-recommendations", "Recommendations", "AWS recommendations", None, "state"),)
DEFAULT_LABELS = ()  # asked by name only: the default check stays one request per region
THRESHOLD_LABELS = ()  # fixed states (AWS's impact), no number to compare

Judgement = namedtuple("Judgement", ["state", "shown", "unknown_reason", "considered"])
Judgement.__doc__ = """The label's state (None: UNKNOWN), its text, why it is UNKNOWN (or None), and the
recommendations it considered (open, of the types checked), in AWS's order."""


def domain(_label):
    """No label of this source takes thresholds."""
    return None


def parse_types(value):
    """The recommendation_types option -> a tuple of types (in TYPES order), or None for all of them."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise OptionError("%s must be a list of recommendation types (%s), got %r" % (OPTION, ", ".join(TYPES), value))
    if not value:
        raise OptionError("%s must name at least one type (leave it out for all: %s)" % (OPTION, ", ".join(TYPES)))
    for item in value:
        if item not in TYPES:
            raise OptionError("%s: unknown recommendation type %r; valid types are: %s" % (OPTION, item, ", ".join(TYPES)))
    return tuple(item for item in TYPES if item in value)


def parse_options(params):
    """This source's options from the module's params (check_options.build_plan keeps them in ``plan.source_options``)."""
    return {"types": parse_types(params.get(OPTION))}


def request_filter(types):
    """ListRecommendations' Filter: open ones only, and of that type when exactly one is checked (STATUS and TYPE
    is a combination the API reference allows). The answer's Status and Type are read anyway."""
    if types is not None and len(types) == 1:
        return {"STATUS": "OPEN", "TYPE": types[0]}
    return {"STATUS": "OPEN"}


def _value(value):
    return "missing" if value is None else "'%s'" % foreign_text(value)[:24]


def _resource(recommendation):
    """``DKIM example.com``: the type and the resource's name (the ARN's resource part after its type)."""
    arn = recommendation.get("ResourceArn")
    name = None
    if isinstance(arn, str) and arn:
        resource = arn.split(":", 5)[-1]
        name = foreign_text(resource.split("/", 1)[-1] or resource)
        if len(name) > _LONGEST_NAME:
            name = name[:_LONGEST_NAME - 3] + "..."
    kind = foreign_text(recommendation.get("Type") or "?")[:24]
    return "%s %s" % (kind, name) if name else kind


def _named(recommendations, count):
    """`` (DKIM example.com, +2 more)``: the first ``count`` named, the others counted; empty when ``count`` is 0."""
    if not count:
        return ""
    names = [_resource(item) for item in recommendations[:count]]
    if len(recommendations) > count:
        names.append("+%d more" % (len(recommendations) - count))
    return " (%s)" % ", ".join(names)


def _text(by_impact, notes, count):
    parts = []
    for impact in ("HIGH", "LOW"):  # worst first: only the worst impact's ones are named
        found = by_impact[impact]
        if found:
            parts.append("%d open %s%s" % (len(found), impact, "" if parts else _named(found, count)))
    head = ", ".join(parts) if parts else ("" if notes else "none open")
    return "; ".join(item for item in [head] + notes if item)


def judge(recommendations, types=None, truncated=False):
    """The label's Judgement of one region's recommendations (pure).

    FIXED ones and those of a type not in ``types`` (None: all) are ignored; of the open ones, HIGH gives
    CRITICAL and LOW WARNING (the worst impact's first ones named, the others counted); an unknown Type
    (when all types are checked), Impact or Status is shown, and UNKNOWN unless a known one gives a state
    (CRITICAL > WARNING > UNKNOWN: a real alert is never masked); ``truncated`` (more pages than
    MAX_PAGES) is said, and never OK. The text stays within _SHOWN_MAX characters: fewer are named.
    """
    by_impact = dict((impact, []) for impact in IMPACTS)
    unknown, considered = [], []
    for item in recommendations:
        status, kind = item.get("Status"), item.get("Type")
        if status == "FIXED" or (types is not None and kind not in types):
            continue
        considered.append(item)
        if status != "OPEN":
            unknown.append("Status %s (%s)" % (_value(status), ", ".join(STATUSES)))
        elif kind not in TYPES:
            unknown.append("Type %s" % _value(kind))
        elif item.get("Impact") not in IMPACTS:
            unknown.append("Impact %s (%s)" % (_value(item.get("Impact")), ", ".join(IMPACTS)))
        else:
            by_impact[item["Impact"]].append(item)
    notes = []
    if unknown:
        distinct = sorted(set(unknown), key=unknown.index)
        more = ", +%d other values" % (len(distinct) - 1) if len(distinct) > 1 else ""
        notes.append("%d open with a value this check does not know: %s%s" % (len(unknown), distinct[0], more))
    if truncated:
        notes.append("more than %d pages of up to %d, the rest not read" % (MAX_PAGES, PAGE_SIZE))
    for count in range(_NAMED, -1, -1):
        shown = _text(by_impact, notes, count)
        if len(shown) <= _SHOWN_MAX:
            break
    else:
        shown = shown[:_SHOWN_MAX - 3] + "..."
    state = IMPACTS["HIGH"] if by_impact["HIGH"] else IMPACTS["LOW"] if by_impact["LOW"] else None
    if state is not None:
        return Judgement(state, shown, None, considered)
    if notes:
        return Judgement(None, shown, shown + ("; see the SES console's recommendations" if unknown else
                                               "; fix or filter them (recommendation_types)"), considered)
    return Judgement(OK, shown, None, considered)


def recommendation_facts(region, recommendations):
    """The result's ``recommendations`` items (snake_case) of one region."""
    return [{
        "region": region,
        "type": item.get("Type"),
        "impact": item.get("Impact"),
        "status": item.get("Status"),
        "resource_arn": item.get("ResourceArn"),
        "description": item.get("Description"),
        "created_timestamp": iso_timestamp(item.get("CreatedTimestamp")),
        "last_updated_timestamp": iso_timestamp(item.get("LastUpdatedTimestamp")),
    } for item in recommendations]


def _denied(error):
    """A denial (name the IAM action to grant), not a bad key or signature (those fail every label alike)."""
    return error.code in _DENIED_CODES or (error.http_status == 403 and error.code in (None, "403", "Forbidden"))


_Reading = namedtuple("_Reading", ["recommendations", "requests", "truncated", "error"])
_Reading.__doc__ = """One region's ListRecommendations: the recommendations read, the requests made (the one that failed
included when AWS answered it), whether a NextToken was left unfollowed after MAX_PAGES, and the AwsApiError that
stopped the reading (or None)."""


def is_denied(error):
    """A denial (name the IAM action to grant), not a bad key or signature (those fail every label alike)."""
    return _denied(error)


def read_recommendations(session, region, request_filter_=None):
    """The _Reading of ``region``: ListRecommendations, paged (PAGE_SIZE, at most MAX_PAGES), with this Filter (None: none,
    AWS's whole list, open and fixed). The one reader of ListRecommendations: the label and ses_send_stats' facts call it."""
    found, pages = [], 0
    extra = {} if request_filter_ is None else {"Filter": request_filter_}
    try:
        for page in session.pages("sesv2", "list_recommendations", region=region, max_pages=MAX_PAGES, paging=_PAGING,
                                  PageSize=PAGE_SIZE, **extra):
            pages += 1
            found.extend(page.get("Recommendations") or [])
    except AwsApiError as error:
        if error.code != "TooManyPages":
            return _Reading(found, pages + (1 if error.http_status else 0), False, error)  # answered: a request was made
        return _Reading(found, pages + 1, True, None)
    return _Reading(found, pages, False, None)


class _Run:
    """One check's recommendations part: ListRecommendations (paged) per region, one measurement per region."""

    def __init__(self, plan, regions, types):
        self.plan, self.regions, self.types = plan, regions, types
        self.label = plan.labels[NAME][0]
        self.failed_requests = {}  # region -> requests made before and by the one that failed (each region its own key)

    def work(self, session, region):
        reading = read_recommendations(session, region, request_filter(self.types))
        if reading.error is not None:
            self.failed_requests[region] = reading.requests
            raise reading.error
        return reading

    def finish(self, outcomes):
        entries, reported, errors, facts, requests = [], [], [], [], 0
        for region in self.regions:
            outcome = outcomes[region]
            instance = _INSTANCE if len(self.regions) == 1 else "%s/%s" % (region, _INSTANCE)
            common = dict(instance=instance, statistic=LATEST, label=self.label.label, text=self.label.text, perfdata_label="")
            if outcome.ok:
                reading = outcome.value
                requests += reading.requests
                judgement = judge(reading.recommendations, self.types, reading.truncated)
                measurement = FixedStateMeasurement(fixed_state=judgement.state, shown=judgement.shown,
                                                    unknown_reason=judgement.unknown_reason, **common)
                shown = judgement.shown
                facts.extend(recommendation_facts(region, judgement.considered))
            else:
                fields = outcome.error_dict()
                errors.append((region, fields))
                requests += self.failed_requests.get(region, 0)
                error = outcome.error
                if _denied(error):
                    reason = "needs %s (ListRecommendations: denied (%s))" % (LIST_ACTION, error_reason(error))
                else:
                    reason = " ".join(fields["message"].split())
                measurement, shown = FixedStateMeasurement(unknown_reason=reason, **common), None
            reported.append(measurement)
            entries.append(result_entry(region, instance, (), self.label.label, self.label.field, self.label.unit, measurement,
                                        account_value=shown))
        return SourcePart(entries, reported, [], errors, requests, {}, None, {"recommendations": facts})


def prepare(plan, regions, _now):
    """This source's run for a check, or None (no request) when account-recommendations is not asked."""
    if not plan.labels[NAME]:
        return None
    return _Run(plan, regions, plan.source_options[NAME]["types"])
