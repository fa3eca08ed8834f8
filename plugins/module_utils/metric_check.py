# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ``ses_metric_check`` module's logic: options -> queries -> measurements -> report -> result.

Pure except that ``run_check`` is handed the session (and the fetch function) to call AWS with.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.check import (
    CRITICAL,
    OK,
    STATE_CODES,
    STATE_NAMES,
    UNKNOWN,
    Measurement,
    build_report,
)
from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import (
    MetricQuery,
    align_window,
    get_metric_data,
)
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import RangeError, parse_range
from ansible_collections.sesmon.ses.plugins.module_utils.regions import for_each_region, resolve_regions
from ansible_collections.sesmon.ses.plugins.module_utils.ses_metrics import (
    NAMESPACE,
    STATISTICS,
    metric_by_label,
    metrics_for_labels,
)
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp, utc_now

__all__ = [
    "FAIL_ON", "DEFAULT_TIMEFRAME", "DEFAULT_PERIOD", "MAX_TIMEFRAME", "SINGLE_INSTANCE",
    "CheckPlan", "Target", "build_plan", "validate_window", "parse_statistics", "parse_dimension_sets",
    "parse_thresholds", "instance_names", "plan_targets", "report_order", "should_fail", "run_check",
]

FAIL_ON = ("never", "critical", "warning")
DEFAULT_TIMEFRAME = 600
DEFAULT_PERIOD = 60
SINGLE_INSTANCE = "SES"  # Centreon's instance name when no dimensions are given
UNKNOWN_NAME = STATE_NAMES[UNKNOWN]

_DAY = 86400
MAX_TIMEFRAME = 455 * _DAY  # CloudWatch keeps datapoints for 15 months
# (data older than, period multiple required): CloudWatch's retention tiers.
_RETENTION_TIERS = ((63 * _DAY, 3600, "1-hour"), (15 * _DAY, 300, "5-minute"))
_MAX_DIMENSIONS = 30

CheckPlan = namedtuple(
    "CheckPlan",
    ["metrics", "statistics", "dimension_sets", "thresholds", "timeframe", "period", "zeroed", "max_age", "fail_on"],
)
CheckPlan.__doc__ = """Validated options. ``statistics`` None = each metric's own default."""

Target = namedtuple("Target", ["region", "instance", "dimensions", "metric", "statistic"])
Target.__doc__ = """One region x dimension set x metric x statistic: one query, one measurement."""


def _integer(value, option):
    if isinstance(value, bool) or not isinstance(value, int):
        raise OptionError("%s must be a whole number of seconds, got %r" % (option, value))
    return value


def validate_window(timeframe, period):
    """Check timeframe/period against CloudWatch's rules; OptionError naming option and value."""
    _integer(timeframe, "timeframe")
    _integer(period, "period")
    if period < 60 or period % 60:
        raise OptionError("period must be a multiple of 60 seconds (60, 120, 300, ...), got %d" % period)
    if timeframe < period:
        raise OptionError("timeframe (%d) must be at least period (%d)" % (timeframe, period))
    if timeframe > MAX_TIMEFRAME:
        raise OptionError(
            "timeframe %d reaches back beyond CloudWatch's retention of 455 days (%d seconds)" % (timeframe, MAX_TIMEFRAME))
    for age, multiple, kind in _RETENTION_TIERS:
        if timeframe > age and period % multiple:
            raise OptionError(
                "period must be a multiple of %d seconds when timeframe reaches back more than %d days (%d seconds): "
                "CloudWatch keeps only %s datapoints that old; got period %d with timeframe %d"
                % (multiple, age // _DAY, age, kind, period, timeframe))


def parse_statistics(value):
    """The statistics option: ``None`` (each metric's default) or a list without repeats."""
    if value is None:
        return None
    if not value:
        raise OptionError("statistics must name at least one statistic (leave it out for each metric's default)")
    result = []
    for statistic in value:
        if statistic not in STATISTICS:
            raise OptionError("statistics: unknown statistic '%s'; valid statistics are: %s" % (statistic, ", ".join(STATISTICS)))
        if statistic not in result:
            result.append(statistic)
    return result


def _dimension_value(where, name, value):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise OptionError("%s: the value of dimension '%s' must be text, got %r" % (where, name, value))
    text = value if isinstance(value, str) else str(value)
    if not text.strip():
        raise OptionError("%s: dimension '%s' has a blank value" % (where, name))
    return text


def parse_dimension_sets(value):
    """The dimensions option -> a list of tuples of (name, value), one per set, in the given order."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise OptionError("dimensions must be a list of dictionaries (one per dimension set), got %r" % (value,))
    sets = []
    for index, item in enumerate(value):
        where = "dimensions[%d]" % index
        if not isinstance(item, dict):
            raise OptionError("%s must be a dictionary of dimension name: value, got %r" % (where, item))
        if not item:
            raise OptionError("%s is empty: give at least one dimension name: value pair, "
                              "for example {'ses:configuration-set': 'my-set'}" % where)
        if len(item) > _MAX_DIMENSIONS:
            raise OptionError("%s has %d dimensions; CloudWatch allows at most %d" % (where, len(item), _MAX_DIMENSIONS))
        pairs = []
        for name, dimension_value in item.items():
            if not isinstance(name, str) or not name.strip():
                raise OptionError("%s has an empty dimension name" % where)
            pairs.append((name, _dimension_value(where, name, dimension_value)))
        for previous_index, previous in enumerate(sets):
            if set(previous) == set(pairs):
                raise OptionError("%s repeats dimensions[%d]" % (where, previous_index))
        sets.append(tuple(pairs))
    return sets


def parse_thresholds(warning, critical, metrics):
    """``{label: (warning range, critical range)}`` for the checked metrics; every mistake is an OptionError."""
    checked = [metric.label for metric in metrics]
    thresholds = dict((label, [None, None]) for label in checked)
    for position, option, given in ((0, "warning", warning), (1, "critical", critical)):
        if given is None:
            continue
        if not isinstance(given, dict):
            raise OptionError("%s must be a dictionary of metric label: Nagios range, got %r" % (option, given))
        for label, text in given.items():
            metric_by_label(label, option)
            if label not in thresholds:
                raise OptionError(
                    "%s.%s: this metric is not checked (metrics: %s); add it to metrics or remove the threshold"
                    % (option, label, ", ".join(checked)))
            try:
                thresholds[label][position] = parse_range(text)
            except RangeError as exc:
                raise OptionError("%s.%s: '%s' is not a valid Nagios range: %s" % (option, label, exc.text, exc.reason)) from None
    return dict((label, tuple(pair)) for label, pair in thresholds.items())


def build_plan(params):
    """Validate every check option (nothing is sent to AWS before this passes)."""
    timeframe = params.get("timeframe")
    period = params.get("period")
    timeframe = DEFAULT_TIMEFRAME if timeframe is None else timeframe
    period = DEFAULT_PERIOD if period is None else period
    validate_window(timeframe, period)
    metrics = metrics_for_labels(params.get("metrics"))
    max_age = params.get("max_age")
    if max_age is not None:
        _integer(max_age, "max_age")
        if max_age <= 0:
            raise OptionError("max_age must be greater than 0, got %d" % max_age)
        if max_age < period:
            raise OptionError("max_age (%d) must be at least period (%d): a datapoint is stamped with the start "
                              "of its period" % (max_age, period))
    fail_on = params.get("fail_on") or "never"
    if fail_on not in FAIL_ON:
        raise OptionError("fail_on must be one of %s, got '%s'" % (", ".join(FAIL_ON), fail_on))
    return CheckPlan(
        metrics=metrics,
        statistics=parse_statistics(params.get("statistics")),
        dimension_sets=parse_dimension_sets(params.get("dimensions")),
        thresholds=parse_thresholds(params.get("warning"), params.get("critical"), metrics),
        timeframe=timeframe,
        period=period,
        zeroed=bool(params.get("zeroed")),
        max_age=max_age,
        fail_on=fail_on,
    )


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
            for metric in plan.metrics:
                for statistic in _statistics_of(plan, metric):
                    targets.append(Target(region, instance, pairs, metric, statistic))
    return targets


def report_order(targets):
    """Positions of ``targets`` for the output line: grouped by instance, then statistic (Centreon's layout)."""
    rank = {}
    for target in targets:
        rank.setdefault(target.statistic, len(rank))
    instances = {}
    for target in targets:
        instances.setdefault((target.region, target.instance), len(instances))
    return sorted(range(len(targets)), key=lambda i: (instances[(targets[i].region, targets[i].instance)], rank[targets[i].statistic]))


def should_fail(status, fail_on):
    """``critical``: fail on CRITICAL or UNKNOWN; ``warning``: on anything but OK; ``never``: never."""
    code = STATE_CODES[status]
    if fail_on == "critical":
        return code in (CRITICAL, UNKNOWN)
    if fail_on == "warning":
        return code != OK
    return False


def _measure(target, series, plan, now):
    """The Measurement of one target; ``series`` is None when its region failed."""
    metric = target.metric
    warning, critical = plan.thresholds[metric.label]
    value = None
    reason = None
    if series is not None:
        value = series.value(target.statistic)
        reason = series.problem
        newest = series.newest
        if reason is None and newest is not None and plan.max_age is not None:
            age = int((now - newest).total_seconds())
            if age > plan.max_age:
                reason = "newest datapoint is %d s old (%s), older than max_age %d s" % (age, iso_timestamp(newest), plan.max_age)
        if value is None and reason is None and plan.zeroed:
            value = 0.0
    return Measurement(
        target.instance, target.statistic, metric.label, metric.text, metric.perfdata_label, metric.unit,
        value=value, warning=warning, critical=critical, unknown_reason=reason)


def _entry(target, measurement, series, region_error):
    state = measurement.state
    return {
        "region": target.region,
        "instance": target.instance,
        "dimensions": dict(target.dimensions),
        "label": target.metric.label,
        "metric_name": target.metric.metric_name,
        "statistic": target.statistic,
        "value": measurement.value,
        "unit": target.metric.unit,
        "state": UNKNOWN_NAME if region_error else (None if state is None else STATE_NAMES[state]),
        "warning": None if measurement.warning is None else measurement.warning.normalized(),
        "critical": None if measurement.critical is None else measurement.critical.normalized(),
        "datapoint_count": 0 if series is None else series.datapoint_count,
        "newest_datapoint": None if series is None else iso_timestamp(series.newest),
        "unknown_reason": region_error or measurement.problem,
    }


def run_check(params, session, now=None, fetch=get_metric_data):
    """The module's whole job; returns the result dict (``failed``/``msg`` set when fail_on says so)."""
    plan = build_plan(params)
    regions = resolve_regions(params.get("regions"), lambda: session.default_region)
    now = as_utc(now or utc_now())
    start, end = align_window(now, plan.timeframe, plan.period)
    targets = plan_targets(plan, regions)

    def work(region):
        mine = [target for target in targets if target.region == region]
        queries = [
            MetricQuery(NAMESPACE, target.metric.metric_name, target.dimensions, target.statistic, plan.period)
            for target in mine
        ]
        return fetch(session, region, queries, start, end)

    outcomes = dict((outcome.region, outcome) for outcome in for_each_region(regions, work))
    series_of = {}
    requests = 0
    errors = []
    failed_regions = {}  # region -> one-line reason
    for region in regions:
        outcome = outcomes[region]
        if outcome.ok:
            found, count = outcome.value
            requests += count
            mine = [target for target in targets if target.region == region]
            series_of.update(zip(mine, found))
        else:
            fields = outcome.error_dict()
            errors.append(fields)
            # The output must stay one line whatever AWS put in its message (moto answers some errors in XML).
            failed_regions[region] = " ".join(fields["message"].split())

    measurements = [_measure(target, series_of.get(target), plan, now) for target in targets]
    entries = [
        _entry(target, measurement, series_of.get(target), failed_regions.get(target.region))
        for target, measurement in zip(targets, measurements)
    ]
    reported = [measurements[i] for i in report_order(targets) if targets[i].region not in failed_regions]
    report = build_report(reported, problems=[failed_regions[region] for region in regions if region in failed_regions])

    result = {
        "changed": False,
        "status": report.status,
        "exit_code": report.exit_code,
        "output": report.output,
        "perfdata": report.perfdata,
        "metrics": entries,
        "window": {
            "start": iso_timestamp(start),
            "end": iso_timestamp(end),
            "period": plan.period,
            "timeframe": plan.timeframe,
        },
        "requests": requests,
        "retry_attempts": session.retry_attempts,
        "errors": errors,
        "warnings": [error["message"] for error in errors],
    }
    if should_fail(report.status, plan.fail_on):
        result["failed"] = True
        result["msg"] = report.output
    return result
