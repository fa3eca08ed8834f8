# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Label source: SES Virtual Deliverability Manager (VDM) counts per ISP, sending identity or configuration set.

Read with sesv2 ``BatchGetMetricData`` (namespace ``VDM``), at most 10 queries per request, one query per
instance x VDM metric, each metric asked once per instance even when two labels need it.
The rates are VDM's own, computed from the counts summed over the window, as the SES developer guide's
"Virtual Deliverability Manager dashboard" page ("How Virtual Deliverability Manager dashboard metrics are
calculated") defines them:

- complaint rate = complaint total / delivered total, the deliveries counted only to ISPs with which SES has a
  feedback loop: ``COMPLAINT / DELIVERY_COMPLAINT`` (botocore's sesv2 model: ``DELIVERY_COMPLAINT`` excludes
  recipients at ISPs without a feedback loop agreement);
- permanent bounce rate = permanent bounce total / sent total: ``PERMANENT_BOUNCE / SEND``;
- transient bounce rate = transient bounce total / sent total: ``TRANSIENT_BOUNCE / SEND``;
- delivery rate = delivered total / sent total: ``DELIVERY / SEND``;
- open rate = unique opens / delivered total, the deliveries counted only for emails with open tracking:
  ``OPEN / DELIVERY_OPEN`` (SES API v2 reference, "BatchGetMetricDataQuery": ``OPEN`` is the unique opens of emails
  including open trackers, ``DELIVERY_OPEN`` excludes emails without open trackers);
- click rate = unique clicks / delivered total, the deliveries counted only for emails with click tracking:
  ``CLICK / DELIVERY_CLICK`` (the same page: ``CLICK`` counts emails including wrapped links, ``DELIVERY_CLICK``
  excludes emails without click trackers).

A rate's denominator counts the same emails as its numerator, so a rate is never an open or click over deliveries that
could not be tracked. Each query is asked only when a label asked needs its metric.

A rate whose denominator is 0 has no value: UNKNOWN with the reason, never OK. When a region's answers hold no
datapoint at all, one GetAccount request (only then) tells whether VDM is enabled, and one line says what to do.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import timedelta

from ansible_collections.sesmon.ses.plugins.module_utils.account_reader import GET_ACCOUNT_ACTION, error_reason
from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import Measurement
from ansible_collections.sesmon.ses.plugins.module_utils.sources.part import COUNT_DOMAIN, RATE_DOMAIN, SourcePart, result_entry
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text, option_text

__all__ = [
    "NAME", "NAMESPACE", "OPERATIONS", "REQUESTS_KEY", "BATCH_ACTION", "MAX_QUERIES", "MAX_VALUES", "DIMENSION_KEYS",
    "DEFAULT_WINDOW", "MAX_WINDOW", "VdmLabel", "LABELS", "DEFAULT_LABELS", "THRESHOLD_LABELS", "VdmOptions", "Query",
    "domain", "parse_options", "window_dates", "plan_queries", "batches", "read_region", "series_sum", "label_value", "query_problem",
    "prepare",
]

NAME = "vdm"
NAMESPACE = "VDM"
BATCH_ACTION = "ses:BatchGetMetricData"  # SES v1 and v2 share the ses prefix
OPERATIONS = (("sesv2", "BatchGetMetricData", BATCH_ACTION), ("sesv2", "GetAccount", GET_ACCOUNT_ACTION))
REQUESTS_KEY = "vdm_requests"
# SES API v2 reference, BatchGetMetricData: Queries holds 1 to 10 items (the botocore model says the same).
MAX_QUERIES = 10
# The same page: at most 160 queries per second, cumulative. 40 values x 4 metrics (the complaint, permanent bounce and sent
# labels) is 160; asking more labels asks more metrics per value (10 with every label), in requests made one after the other.
MAX_VALUES = 40
# Option key -> VDM dimension name (MetricDimensionName in botocore's sesv2 model).
DIMENSION_KEYS = (("isp", "ISP"), ("email_identity", "EMAIL_IDENTITY"), ("configuration_set", "CONFIGURATION_SET"))
_DAY = 86400
# VDM aggregates per UTC day (the dashboard's graphs show "a daily aggregation"; its relative ranges end on UTC
# midnights). Seven days: one day would start empty at every UTC midnight, and a week smooths the weekly swing of
# volume while one bad day still moves the rate.
DEFAULT_WINDOW = 7 * _DAY
# The VDM dashboard's date ranges go up to 60 days; the API documents no limit, this check asks no more.
MAX_WINDOW = 60 * _DAY
_ACCOUNT_INSTANCE = "VDM"  # the account as a whole (no dimension)
_STATISTIC = "sum"  # counts summed over the window; rates are ratios of those sums
# The order of the queries of one instance; only the metrics of the labels asked are queried (plan_queries).
_METRIC_ORDER = ("SEND", "DELIVERY_COMPLAINT", "COMPLAINT", "PERMANENT_BOUNCE", "TRANSIENT_BOUNCE", "DELIVERY", "DELIVERY_OPEN", "OPEN",
                 "DELIVERY_CLICK", "CLICK")
_VDM_STATES = ("ENABLED", "DISABLED")

VdmLabel = namedtuple("VdmLabel", ["label", "text", "perfdata_label", "unit", "numerator", "denominator", "metric_name"])
VdmLabel.__doc__ = """One VDM label: option label, text, perfdata label, unit, VDM metric, the rate's denominator metric (or None)."""

LABELS = (
    VdmLabel("vdm-complaint-rate", "VDM complaint rate", "ses.vdm.complaint.rate", "fraction", "COMPLAINT", "DELIVERY_COMPLAINT",
             "COMPLAINT/DELIVERY_COMPLAINT"),
    VdmLabel("vdm-permanent-bounce-rate", "VDM permanent bounce rate", "ses.vdm.permanent-bounce.rate", "fraction",
             "PERMANENT_BOUNCE", "SEND", "PERMANENT_BOUNCE/SEND"),
    VdmLabel("vdm-transient-bounce-rate", "VDM transient bounce rate", "ses.vdm.transient-bounce.rate", "fraction",
             "TRANSIENT_BOUNCE", "SEND", "TRANSIENT_BOUNCE/SEND"),
    VdmLabel("vdm-delivery-rate", "VDM delivery rate", "ses.vdm.delivery.rate", "fraction", "DELIVERY", "SEND", "DELIVERY/SEND"),
    VdmLabel("vdm-open-rate", "VDM open rate", "ses.vdm.open.rate", "fraction", "OPEN", "DELIVERY_OPEN", "OPEN/DELIVERY_OPEN"),
    VdmLabel("vdm-click-rate", "VDM click rate", "ses.vdm.click.rate", "fraction", "CLICK", "DELIVERY_CLICK", "CLICK/DELIVERY_CLICK"),
    VdmLabel("vdm-sends", "VDM sent emails", "ses.vdm.sent.count", "count", "SEND", None, "SEND"),
)
DEFAULT_LABELS = ()  # asked by name only: VDM is a paid, opt-in feature
THRESHOLD_LABELS = tuple(spec.label for spec in LABELS)
_LABEL_NAMES = frozenset(THRESHOLD_LABELS)

# What a zero denominator means, for the UNKNOWN reason.
_NO_DENOMINATOR = {
    "DELIVERY_COMPLAINT": "no delivery to an ISP that sends SES its complaints (feedback loop); Gmail sends none, see docs",
    "SEND": "nothing sent",
    "DELIVERY_OPEN": "no delivery of an email with open tracking; turn on VDM engagement tracking",
    "DELIVERY_CLICK": "no delivery of an email with click tracking; turn on VDM engagement tracking",
}

VdmOptions = namedtuple("VdmOptions", ["instances", "window"])
VdmOptions.__doc__ = """``instances``: [(instance name, {VDM dimension: value})], the account as a whole when none is given;
``window``: seconds, a whole number of days."""

Query = namedtuple("Query", ["instance", "dimensions", "metric"])
Query.__doc__ = """One BatchGetMetricData query: instance index, {dimension: value}, VDM metric."""

_RegionReading = namedtuple("_RegionReading", ["series", "query_errors", "requests", "no_data_line"])
_Reading = namedtuple("_Reading", ["count", "newest", "age"])  # what result_entry reads of a reading


def domain(label):
    """(low, high, hint) of the values ``label`` can take."""
    return RATE_DOMAIN if _BY_LABEL[label].unit == "fraction" else COUNT_DOMAIN


_BY_LABEL = dict((spec.label, spec) for spec in LABELS)


def _whole_seconds(value, option):
    if isinstance(value, bool) or not isinstance(value, int):
        raise OptionError("%s must be a whole number of seconds, got %r" % (option, value))
    return value


def _dimension_values(key, given):
    where = "vdm_dimensions.%s" % key
    if isinstance(given, str) or not isinstance(given, list):
        raise OptionError("%s must be a list of values, for example [Gmail, Yahoo], got %r" % (where, given))
    if not given:
        raise OptionError("%s is empty: give at least one value or leave the key out" % where)
    found = []
    for index, value in enumerate(given):
        if isinstance(value, bool) or not isinstance(value, str) or not value.strip():
            raise OptionError("%s[%d] must be a non-blank text, got %r" % (where, index, value))
        option_text(value, "%s[%d]" % (where, index))
        if value in found:
            raise OptionError("%s repeats %r" % (where, value))
        found.append(value)
    return found


def parse_options(params):
    """``vdm_dimensions`` and ``vdm_window`` -> VdmOptions; every mistake is an OptionError naming the option."""
    window = params.get("vdm_window")
    window = DEFAULT_WINDOW if window is None else _whole_seconds(window, "vdm_window")
    if window < _DAY or window % _DAY or window > MAX_WINDOW:
        raise OptionError("vdm_window must be a whole number of days between 1 and 60 in seconds (86400, 604800...): VDM counts per UTC "
                          "day; got %r" % window)
    given = params.get("vdm_dimensions")
    if given is None:
        return VdmOptions([(_ACCOUNT_INSTANCE, {})], window)
    if not isinstance(given, dict):
        raise OptionError("vdm_dimensions must be a dictionary of isp, email_identity, configuration_set: list of values, got %r" % (given,))
    if not given:
        raise OptionError("vdm_dimensions is empty: leave it out to read the account as a whole")
    known = dict(DIMENSION_KEYS)
    for key in given:
        if key not in known:
            raise OptionError("vdm_dimensions: unknown key %r; valid keys are: %s" % (key, ", ".join(known)))
    if not any(label in _LABEL_NAMES for label in params.get("metrics") or []):
        raise OptionError("vdm_dimensions is set but no VDM label is checked; add %s to metrics or remove vdm_dimensions"
                          % ", ".join(THRESHOLD_LABELS))
    instances = []
    for key, dimension in DIMENSION_KEYS:
        if key in given:
            instances.extend(("%s:%s" % (key, value), {dimension: value}) for value in _dimension_values(key, given[key]))
    if len(instances) > MAX_VALUES:
        raise OptionError("vdm_dimensions holds %d values; at most %d (BatchGetMetricData answers at most 160 queries per second)"
                          % (len(instances), MAX_VALUES))
    return VdmOptions(instances, window)


def window_dates(now, window):
    """(StartDate, EndDate): the UTC midnight ``window`` days back counting today as one, and now."""
    now = as_utc(now).replace(microsecond=0)
    midnight = now.replace(hour=0, minute=0, second=0)
    return midnight - timedelta(seconds=window - _DAY), now


def plan_queries(labels, instances):
    """Every Query, instance by instance, each VDM metric once per instance, only the metrics the ``labels`` need."""
    wanted = set()
    for spec in labels:
        wanted.add(spec.numerator)
        if spec.denominator:
            wanted.add(spec.denominator)
    metrics = [metric for metric in _METRIC_ORDER if metric in wanted]
    return [Query(index, dimensions, metric) for index, (_name, dimensions) in enumerate(instances) for metric in metrics]


def batches(queries):
    """The queries in requests of at most MAX_QUERIES, as few requests as can hold them."""
    return [queries[start:start + MAX_QUERIES] for start in range(0, len(queries), MAX_QUERIES)]


def _request(batch, start, end):
    queries = []
    for position, query in enumerate(batch):
        item = {"Id": "q%d" % position, "Namespace": NAMESPACE, "Metric": query.metric, "StartDate": start, "EndDate": end}
        if query.dimensions:
            item["Dimensions"] = dict(query.dimensions)
        queries.append(item)
    return queries


def _refused(session, region, answer, why):
    return session.errors.invalid_answer("BatchGetMetricData", region, AnswerError(why), answer)


def _vdm_line(session, region, window):
    """(line, requests): why a region's answers hold no datapoint, from GetAccount's VdmAttributes."""
    days = window // _DAY
    try:
        account = session.call("sesv2", "get_account", region=region)
    except AwsApiError as error:
        return ("VDM has no data in %s for the last %d days, and GetAccount (%s) cannot tell whether VDM is enabled: %s"
                % (region, days, GET_ACCOUNT_ACTION, error_reason(error))), 1
    status = (account.get("VdmAttributes") or {}).get("VdmEnabled")
    if status in (None, "DISABLED"):
        return ("VDM is not enabled in %s: enable it in the SES console (Virtual Deliverability Manager) or with sesv2 "
                "PutAccountVdmAttributes" % region), 1
    if status == "ENABLED":
        return ("VDM is enabled in %s but has no data for the last %d days: nothing sent since it was enabled, or vdm_dimensions "
                "match nothing (spell them as the VDM dashboard does)" % (region, days)), 1
    return "VDM has no data in %s and GetAccount's VdmEnabled is '%s', not one this check knows (%s)" % (
        region, foreign_text(status)[:40], ", ".join(_VDM_STATES)), 1


def read_region(session, region, queries, start, end, window):
    """The region's _RegionReading: {query position: [(timestamp, value)]}, {position: (code, message)}, requests, line."""
    series, query_errors, requests = {}, {}, 0
    for offset, batch in zip(range(0, len(queries), MAX_QUERIES), batches(queries)):
        answer = session.call("sesv2", "batch_get_metric_data", region=region, Queries=_request(batch, start, end))
        requests += 1
        ids = dict(("q%d" % position, offset + position) for position in range(len(batch)))
        seen = set()
        for kind, items in (("Results", answer.get("Results") or []), ("Errors", answer.get("Errors") or [])):
            for item in items:
                if item["Id"] not in ids or (item["Id"], kind) in seen:
                    raise _refused(session, region, answer, "%s holds the Id %r, %s" % (
                        kind, foreign_text(item["Id"])[:40], "twice" if item["Id"] in ids else "which no query of the request has"))
                seen.add((item["Id"], kind))
                position = ids[item["Id"]]
                if kind == "Results":
                    series[position] = list(zip(item.get("Timestamps") or [], item.get("Values") or []))
                else:
                    query_errors[position] = (item.get("Code"), item.get("Message"))
    line = None
    if not any(series.values()) and len(query_errors) < len(queries):
        line, asked = _vdm_line(session, region, window)
        requests += asked
    return _RegionReading(series, query_errors, requests, line)


def series_sum(points):
    """The sum of one query's values over the window ([(timestamp, value)])."""
    return sum(value for _stamp, value in points)


def label_value(spec, sums, window):
    """(value, None) or (None, why) of the VdmLabel ``spec`` from ``sums`` ({VDM metric: sum over the window}): the count,
    or the rate numerator / denominator as VDM defines it (module docstring), none when the denominator is 0.
    The one rule of VDM's rates: the labels and ses_send_stats' vdm facts both use it."""
    numerator = sums[spec.numerator]
    if spec.denominator is None:
        return float(numerator), None
    denominator = sums[spec.denominator]
    if denominator == 0:
        return None, "no rate: %s is 0 over %d days (%s)" % (spec.denominator, window // _DAY, _NO_DENOMINATOR[spec.denominator])
    return float(numerator) / float(denominator), None


def query_problem(query, error, region):
    """One line saying why a query answered an error (its Code and Message), naming the IAM action when denied."""
    return _query_problem(query, error, region)


def _query_problem(query, error, region):
    code, message = error
    detail = foreign_text(message or "")[:80]
    what = "%s%s" % (query.metric, "".join(" %s=%s" % pair for pair in sorted(query.dimensions.items())))
    if code == "ACCESS_DENIED":
        return "needs %s (BatchGetMetricData answered ACCESS_DENIED for %s in %s%s)" % (BATCH_ACTION, what, region,
                                                                                        ": " + detail if detail else "")
    if code == "INTERNAL_FAILURE":
        return "BatchGetMetricData answered INTERNAL_FAILURE for %s in %s%s; try again later" % (what, region, ": " + detail if detail else "")
    return "BatchGetMetricData answered the error code '%s' for %s in %s, not one this check knows (ACCESS_DENIED, INTERNAL_FAILURE)" % (
        foreign_text(code or "")[:40], what, region)


class _Run:
    """One check's VDM part: its queries per region, the requests in batches of 10, the measurements."""

    def __init__(self, plan, regions, now, options):
        self.plan, self.regions, self.now = plan, regions, as_utc(now)
        self.options = options
        self.labels = list(plan.labels[NAME])
        self.start, self.end = window_dates(now, options.window)
        self.queries = plan_queries(self.labels, options.instances)

    def work(self, session, region):
        return read_region(session, region, self.queries, self.start, self.end, self.options.window)

    def _instance(self, region, name):
        return "%s/%s" % (region, name) if len(self.regions) > 1 else name

    def _measure(self, spec, region, index, reading, instance, thresholds):
        """(Measurement, _Reading) of one label of one instance in a region that answered."""
        positions = dict((query.metric, position) for position, query in enumerate(self.queries) if query.instance == index)
        needed = [spec.numerator] + ([spec.denominator] if spec.denominator else [])
        common = dict(unit=spec.unit, warning=thresholds[0], critical=thresholds[1])
        args = (instance, _STATISTIC, spec.label, spec.text, spec.perfdata_label)
        for metric in needed:
            if positions[metric] in reading.query_errors:
                return Measurement(*args, unknown_reason=_query_problem(self.queries[positions[metric]], reading.query_errors[positions[metric]],
                                                                        region), **common), None
            if positions[metric] not in reading.series:
                return Measurement(*args, unknown_reason="BatchGetMetricData returned no result for %s" % metric, **common), None
        points = [point for metric in needed for point in reading.series[positions[metric]]]
        stamps = set(as_utc(stamp) for stamp, _value in points)
        newest = max(stamps) if stamps else None
        found = _Reading(len(stamps), newest, None if newest is None else int((self.now - newest).total_seconds()))
        sums = dict((metric, series_sum(reading.series[positions[metric]])) for metric in needed)
        value, reason = label_value(spec, sums, self.options.window)
        if value is None:
            return Measurement(*args, unknown_reason=reason, **common), found
        return Measurement(*args, value=value, **common), found

    def finish(self, outcomes):
        readings, failed, errors, requests, lines = {}, {}, [], 0, {}
        for region in self.regions:
            outcome = outcomes[region]
            if not outcome.ok:
                fields = outcome.error_dict()
                message = " ".join(fields["message"].split())
                denied = outcome.error.code in ("AccessDenied", "AccessDeniedException") or outcome.error.http_status == 403
                if denied and fields.get("operation") == "BatchGetMetricData":
                    message = "needs %s (BatchGetMetricData in %s: %s)" % (BATCH_ACTION, region, error_reason(outcome.error))
                failed[region] = message
                errors.append((region, fields))
                continue
            readings[region] = outcome.value
            requests += outcome.value.requests
            if outcome.value.no_data_line:
                lines[region] = outcome.value.no_data_line
        entries, reported = [], []
        for region in self.regions:
            region_problem = failed.get(region) or lines.get(region)
            for index, (name, dimensions) in enumerate(self.options.instances):
                instance = self._instance(region, name)
                for spec in self.labels:
                    thresholds = self.plan.thresholds[spec.label]
                    if region_problem:
                        measurement, found = Measurement(instance, _STATISTIC, spec.label, spec.text, spec.perfdata_label, unit=spec.unit,
                                                         warning=thresholds[0], critical=thresholds[1], unknown_reason=region_problem), None
                    else:
                        measurement, found = self._measure(spec, region, index, readings[region], instance, thresholds)
                        reported.append(measurement)
                    entries.append(result_entry(region, instance, dimensions, spec.label, spec.metric_name, spec.unit, measurement, found,
                                                region_problem))
        problems = [failed.get(region) or lines[region] for region in self.regions if region in failed or region in lines]
        advice = "; ".join(lines[region] for region in self.regions if region in lines) or None
        return SourcePart(entries, reported, problems, errors, requests, {}, advice,
                          {"vdm_window": {"start": iso_timestamp(self.start), "end": iso_timestamp(self.end), "days": self.options.window // _DAY}})


def prepare(plan, regions, now):
    """This source's run for a check, or None (no request) when no VDM label is asked."""
    if not plan.labels[NAME]:
        return None
    return _Run(plan, regions, now, plan.source_options[NAME])
