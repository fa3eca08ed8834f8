# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Label source: CloudWatch ``AWS/SES`` metrics, read with GetMetricData.

The catalogue below is the whole declaration of a CloudWatch label: to add one, add its line here,
its name to ``metrics``' choices in ses_metric_check's DOCUMENTATION, and its line in docs/metrics.md.
The first four entries are Centreon's ``emails`` mode, with its labels, perfdata labels and texts;
note that Centreon's ``emails-rejected`` is the *bounce rate* (``Reputation.BounceRate``), not SES's
``Reject`` count, which is ``emails-rejected-by-ses`` here.

For a check: one target per region x dimension set x metric x statistic, fetched in one
GetMetricData request per region when it can (metric_fetch plans the windows), each series cut back
to its own window, read (series_reading) and measured against the thresholds. With ``min_volume``
(volume_floor.py) the same request also asks ``Send`` (Sum) over each rate's window: one more query
per dimension set and window, no more requests.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import NO_METRICS_OUTPUT, OK, Measurement
from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import MetricQuery, check_window, get_metric_data
from ansible_collections.sesmon.ses.plugins.module_utils.gate_message import no_data_advice
from ansible_collections.sesmon.ses.plugins.module_utils.metric_fetch import fetch_windows, within
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import LATEST, LATEST_STAT
from ansible_collections.sesmon.ses.plugins.module_utils.series_reading import read_series
from ansible_collections.sesmon.ses.plugins.module_utils.sources.part import COUNT_DOMAIN, RATE_DOMAIN, SourcePart, result_entry
from ansible_collections.sesmon.ses.plugins.module_utils.state_measurements import FixedStateMeasurement
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import iso_timestamp
from ansible_collections.sesmon.ses.plugins.module_utils.volume_floor import (
    VOLUME_METRIC, FloorMeasurement, below_floor, parse_min_volume, sends_in, volume_entry)

__all__ = [
    "NAME", "NAMESPACE", "SesMetric", "CATALOGUE", "LABELS", "DEFAULT_LABELS", "THRESHOLD_LABELS", "OPERATIONS", "REQUESTS_KEY",
    "SINGLE_INSTANCE", "Target", "Volume", "domain", "instance_names", "plan_targets", "volume_of", "report_order", "fetch_targets",
    "parse_options", "prepare",
]

NAME = "cloudwatch"
NAMESPACE = "AWS/SES"
OPERATIONS = (("cloudwatch", "GetMetricData", "cloudwatch:GetMetricData"),)
REQUESTS_KEY = "requests"
SINGLE_INSTANCE = "SES"  # Centreon's instance name when no dimensions are given

SesMetric = namedtuple(
    "SesMetric",
    ["label", "metric_name", "perfdata_label", "text", "unit", "default_statistic", "centreon"],
)
SesMetric.__doc__ = """One AWS/SES metric: option label, CloudWatch name, perfdata label, text, unit, default statistic."""

CATALOGUE = (
    # Centreon's four, in Centreon's documented order.
    SesMetric("emails-sent", "Send", "ses.emails.sent.count", "number of sent emails", "count", "sum", True),
    SesMetric("emails-delivered", "Delivery", "ses.emails.delivered.count",
              "number of emails successfully delivered", "count", "sum", True),
    SesMetric("emails-rejected", "Reputation.BounceRate", "ses.emails.rejected.rate",
              "rate of rejected sent emails", "fraction", LATEST, True),
    SesMetric("emails-spam", "Reputation.ComplaintRate", "ses.emails.spam.rate",
              "rate of sent emails marked as spam", "fraction", LATEST, True),
    # The other AWS/SES metrics (most exist only with configuration-set event publishing).
    SesMetric("emails-bounced", "Bounce", "ses.emails.bounced.count", "number of bounced emails", "count", "sum", False),
    SesMetric("emails-complained", "Complaint", "ses.emails.complained.count",
              "number of complaints", "count", "sum", False),
    SesMetric("emails-rejected-by-ses", "Reject", "ses.emails.rejected-by-ses.count",
              "number of emails rejected by SES", "count", "sum", False),
    SesMetric("emails-rendering-failed", "RenderingFailure", "ses.emails.rendering-failed.count",
              "number of template rendering failures", "count", "sum", False),
    SesMetric("emails-opened", "Open", "ses.emails.opened.count", "number of opened emails", "count", "sum", False),
    SesMetric("emails-clicked", "Click", "ses.emails.clicked.count", "number of clicked emails", "count", "sum", False),
    SesMetric("emails-delayed", "DeliveryDelay", "ses.emails.delayed.count", "number of delivery delays", "count", "sum", False),
    SesMetric("emails-subscription-changed", "Subscription", "ses.emails.subscription-changed.count",
              "number of subscription preference changes", "count", "sum", False),
)
LABELS = CATALOGUE
DEFAULT_LABELS = tuple(metric.label for metric in CATALOGUE if metric.centreon)
THRESHOLD_LABELS = tuple(metric.label for metric in CATALOGUE)

_BY_LABEL = dict((metric.label, metric) for metric in CATALOGUE)

Target = namedtuple("Target", ["region", "instance", "dimensions", "metric", "statistic"])
Target.__doc__ = """One region x dimension set x metric x statistic: one query, one measurement."""

Volume = namedtuple("Volume", ["region", "dimensions", "kind"])
Volume.__doc__ = """The sends (``Send``, Sum) of one region x dimension set over a rate's window: ``kind`` ``latest``
(the look-back) or ``window`` (the timeframe)."""


def domain(label):
    """(low, high, hint) of the values ``label`` can take."""
    return RATE_DOMAIN if _BY_LABEL[label].unit == "fraction" else COUNT_DOMAIN


def instance_names(dimension_sets):
    """Centreon's instance names: ``SES`` without dimensions, else each set's values joined by ``~``.

    Two different sets with the same values are named ``name:value`` instead, so that no two
    instances (and perfdata labels) are the same.
    """
    if not dimension_sets:
        return [SINGLE_INSTANCE]
    names = ["~".join(value for _name, value in pairs) for pairs in dimension_sets]
    clashing = set(name for name in names if names.count(name) > 1)
    return [
        "~".join("%s:%s" % pair for pair in pairs) if name in clashing else name
        for name, pairs in zip(names, dimension_sets)
    ]


def _statistics_of(plan, metric):
    return plan.statistics if plan.statistics is not None else [metric.default_statistic]


def plan_targets(plan, regions):
    """Every target, in result order: regions, then dimension sets, then metrics, then statistics."""
    sets = plan.dimension_sets or [()]
    names = instance_names(plan.dimension_sets)
    targets = []
    for region in regions:
        for pairs, name in zip(sets, names):
            instance = "%s/%s" % (region, name) if len(regions) > 1 else name
            for metric in plan.labels[NAME]:
                for statistic in _statistics_of(plan, metric):
                    targets.append(Target(region, instance, pairs, metric, statistic))
    return targets


def _kind(statistic):
    return "latest" if statistic == LATEST else "window"


def volume_of(target):
    """The Volume whose sends decide ``target``'s floor: rates only (unit fraction), else None."""
    if target.metric.unit != "fraction":
        return None
    return Volume(target.region, target.dimensions, _kind(target.statistic))


def report_order(targets):
    """Positions of ``targets`` for the output line: grouped by instance, then statistic (Centreon's layout)."""
    rank = {}
    for target in targets:
        rank.setdefault(target.statistic, len(rank))
    instances = {}
    for target in targets:
        instances.setdefault((target.region, target.instance), len(instances))
    return sorted(range(len(targets)), key=lambda i: (instances[(targets[i].region, targets[i].instance)], rank[targets[i].statistic]))


def _query(target, period, latest_period):
    metric = target.metric
    if target.statistic == LATEST:
        return MetricQuery(NAMESPACE, metric.metric_name, target.dimensions, LATEST_STAT, latest_period, metric.unit)
    return MetricQuery(NAMESPACE, metric.metric_name, target.dimensions, target.statistic, period, metric.unit)


def _volume_query(volume, period, latest_period):
    return MetricQuery(NAMESPACE, VOLUME_METRIC, volume.dimensions, "sum", latest_period if volume.kind == "latest" else period, "count")


def fetch_targets(session, region, targets, windows, period, fetch=None, volumes=()):
    """({target or Volume: Series cut to its window}, number of requests) for one region's ``targets`` and ``volumes``
    (asked in the same requests as the targets of their window); ``fetch``: get_metric_data."""
    fetch = fetch or get_metric_data
    found, requests = {}, 0
    for fetch_start, fetch_end, kinds in windows.requests:
        mine = [target for target in targets if _kind(target.statistic) in kinds]
        sends = [volume for volume in volumes if volume.kind in kinds]
        if not mine and not sends:
            continue
        queries = [_query(target, period, windows.latest_period) for target in mine]
        queries += [_volume_query(volume, period, windows.latest_period) for volume in sends]
        series, count = fetch(session, region, queries, fetch_start, fetch_end)
        requests += count
        for key, one in zip(mine + sends, series):
            kind = key.kind if isinstance(key, Volume) else _kind(key.statistic)
            found[key] = within(one, *(windows.latest_cut if kind == "latest" else windows.counts_cut))
    return found, requests


def _measure(target, series, plan, now, floor=None, sends=None):
    """(Measurement, Reading or None) of one target; ``series`` is None when its region failed.

    A rate under the volume floor (``sends`` < ``floor``) is OK with its value; only its own failed query makes it
    UNKNOWN (a stale rate is expected when little is sent).
    """
    metric = target.metric
    warning, critical = plan.thresholds[metric.label]
    reading = None if series is None else read_series(series, target.statistic, now, plan.max_age, plan.missing_data)
    fields = dict(value=None if reading is None else reading.value, warning=warning, critical=critical,
                  unknown_reason=None if reading is None else reading.reason)
    args = (target.instance, target.statistic, metric.label, metric.text, metric.perfdata_label)
    if series is not None and below_floor(sends, floor):
        fields["unknown_reason"] = series.problem
        return FloorMeasurement(*args, sends=sends, floor=floor, unit=metric.unit, **fields), reading
    if reading is not None and reading.no_data:
        return FixedStateMeasurement(*args, fixed_state=OK, shown="no data", unit=metric.unit, **fields), reading
    return Measurement(*args, unit=metric.unit, **fields), reading


class _Run:
    """One check's CloudWatch part: its targets and windows, the requests per region, the measurements."""

    def __init__(self, plan, regions, now):
        self.plan, self.regions, self.now = plan, regions, now
        self.start, self.end = check_window(now, plan.timeframe)  # [now - timeframe, now], as Centreon asks
        self.targets = plan_targets(plan, regions)
        self.windows = fetch_windows(now, self.start, self.end, plan.period, plan.reputation_lookback,
                                     any(target.statistic == LATEST for target in self.targets))
        self.floor = _min_volume(plan)
        volumes = [volume_of(target) for target in self.targets] if self.floor else []
        self.volumes = [volume for index, volume in enumerate(volumes) if volume is not None and volume not in volumes[:index]]

    def work(self, session, region):
        """None (no request) when no metric is asked, else ({target or Volume: Series}, requests)."""
        mine = [target for target in self.targets if target.region == region]
        volumes = [volume for volume in self.volumes if volume.region == region]
        return fetch_targets(session, region, mine, self.windows, self.plan.period, volumes=volumes) if mine else None

    def _sends(self, target, series_of):
        volume = volume_of(target) if self.floor else None
        return None if volume is None else sends_in(series_of.get(volume))

    def _window(self):
        plan, cut = self.plan, self.windows.latest_cut
        return {"start": iso_timestamp(self.start), "end": iso_timestamp(self.end), "period": plan.period, "timeframe": plan.timeframe,
                "reputation_lookback": plan.reputation_lookback, "lookback_start": None if cut is None else iso_timestamp(cut[0])}

    def finish(self, outcomes):
        series_of, failed, errors, gate_errors, requests = {}, {}, [], {}, 0
        for region in self.regions:
            outcome = outcomes.get(region)
            if outcome is None or (outcome.ok and outcome.value is None):
                continue
            if outcome.ok:
                series_of.update(outcome.value[0])
                requests += outcome.value[1]
                continue
            fields = outcome.error_dict()
            # The output must stay one line whatever AWS put in its message (moto answers some errors in XML).
            failed[region] = " ".join(fields["message"].split())
            gate_errors[region] = fields
            errors.append((region, fields))
        sends = [self._sends(target, series_of) for target in self.targets]
        measured = [_measure(target, series_of.get(target), self.plan, self.now, self.floor, count)
                    for target, count in zip(self.targets, sends)]
        entries = [result_entry(t.region, t.instance, t.dimensions, t.metric.label, t.metric.metric_name, t.metric.unit, m, r,
                                failed.get(t.region)) for t, (m, r) in zip(self.targets, measured)]
        for target, entry, count in zip(self.targets, entries, sends):
            if self.floor and volume_of(target) is not None:
                entry["volume"] = volume_entry(count, self.floor)
        reported = [measured[i][0] for i in report_order(self.targets) if self.targets[i].region not in failed]
        problems = [failed[region] for region in self.regions if region in failed]
        advice = None
        if entries and all(entry["state"] is None for entry in entries):
            # Centreon's "No metrics ... zeroed option" stays in output; this says what fits each kind of metric.
            advice = no_data_advice(entries, self.plan.timeframe, self.plan.reputation_lookback)
        return SourcePart(entries, reported, problems, errors, requests, gate_errors, advice, {"window": self._window()})

    @staticmethod
    def no_data_problem(part):
        """The UNKNOWN text when every metric read lacks data and other labels would otherwise make it OK."""
        if part.reported and all(measurement.state is None for measurement in part.reported):
            return NO_METRICS_OUTPUT.split(": ", 1)[1]
        return None


def parse_options(params):
    """This source's own options (registry: ``plan.source_options[NAME]``): ``min_volume``, None when off."""
    return {"min_volume": parse_min_volume(params.get("min_volume"))}


def _min_volume(plan):
    """The volume floor of ``plan`` (None: off)."""
    return (plan.source_options.get(NAME) or {}).get("min_volume")


def prepare(plan, regions, now):
    """This source's run for a check. Always a run: the result's ``window`` is this source's; it makes no request when no
    metric is asked."""
    return _Run(plan, regions, now)
