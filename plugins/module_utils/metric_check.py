# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ``ses_metric_check`` module's logic: options -> queries -> measurements -> report -> result.

Pure except that ``run_check`` is handed the session (and the fetch function) to call AWS with.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.account_health import account_label, measure_account, needs
from ansible_collections.sesmon.ses.plugins.module_utils.check import (
    CRITICAL,
    NO_METRICS_OUTPUT,
    OK,
    STATE_CODES,
    STATE_NAMES,
    UNKNOWN,
    Measurement,
    build_report,
)
from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import (
    check_window,
    get_metric_data,
)
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.gate_message import gate_message, no_data_advice
from ansible_collections.sesmon.ses.plugins.module_utils.metric_fetch import RETENTION_TIERS as _RETENTION_TIERS
from ansible_collections.sesmon.ses.plugins.module_utils.metric_fetch import fetch_targets, fetch_windows
from ansible_collections.sesmon.ses.plugins.module_utils.regions import attempt, for_each_region, resolve_regions
from ansible_collections.sesmon.ses.plugins.module_utils.series_reading import MISSING_DATA, read_series
from ansible_collections.sesmon.ses.plugins.module_utils.ses_account import read_account
from ansible_collections.sesmon.ses.plugins.module_utils.ses_metrics import LATEST, STATISTICS
from ansible_collections.sesmon.ses.plugins.module_utils.state_measurements import FixedStateMeasurement
from ansible_collections.sesmon.ses.plugins.module_utils.check_labels import parse_metric_labels
from ansible_collections.sesmon.ses.plugins.module_utils.thresholds import parse_thresholds
from ansible_collections.sesmon.ses.plugins.module_utils.values import dimension_text
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp, utc_now

__all__ = [
    "FAIL_ON", "DEFAULT_TIMEFRAME", "DEFAULT_PERIOD", "DEFAULT_LOOKBACK", "MAX_TIMEFRAME", "SINGLE_INSTANCE",
    "CheckPlan", "Target", "build_plan", "validate_window", "parse_statistics", "parse_dimension_sets",
    "parse_metric_labels", "parse_thresholds", "instance_names", "plan_targets", "report_order",
    "should_fail", "run_check",
]

FAIL_ON = ("never", "critical", "warning")
DEFAULT_TIMEFRAME = 600
DEFAULT_PERIOD = 60
DEFAULT_LOOKBACK = 86400  # the Reputation.* datapoints are sparse: read the newest of the last day
SINGLE_INSTANCE = "SES"  # Centreon's instance name when no dimensions are given
UNKNOWN_NAME = STATE_NAMES[UNKNOWN]

_DAY = 86400
MAX_TIMEFRAME = 455 * _DAY  # CloudWatch keeps datapoints for 15 months
_MAX_DIMENSIONS = 30

CheckPlan = namedtuple(
    "CheckPlan",
    ["metrics", "statistics", "dimension_sets", "thresholds", "timeframe", "period", "zeroed", "max_age", "fail_on",
     "account_labels", "reputation_lookback", "missing_data", "preset"],
)
CheckPlan.__doc__ = """Validated options. ``statistics`` None = each metric's own default; ``zeroed`` = missing_data zero."""

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
    return dimension_text(text, "%s: the value of dimension '%s'" % (where, name), 1024)  # ASCII, no '|' or line break (issues 12, 21)


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
            pairs.append((dimension_text(name, "%s: the dimension name %r" % (where, name), 255, name=True),
                          _dimension_value(where, name, dimension_value)))
        for previous_index, previous in enumerate(sets):
            if set(previous) == set(pairs):
                raise OptionError("%s repeats dimensions[%d]" % (where, previous_index))
        sets.append(tuple(pairs))
    return sets


def build_plan(params):
    """Validate every check option (nothing is sent to AWS before this passes)."""
    timeframe = params.get("timeframe")
    period = params.get("period")
    timeframe = DEFAULT_TIMEFRAME if timeframe is None else timeframe
    period = DEFAULT_PERIOD if period is None else period
    validate_window(timeframe, period)
    metrics, account_labels = parse_metric_labels(params.get("metrics"))
    lookback = params.get("reputation_lookback")
    lookback = DEFAULT_LOOKBACK if lookback is None else _integer(lookback, "reputation_lookback")
    if lookback < 60:
        raise OptionError("reputation_lookback must be at least 60 seconds (CloudWatch's finest period), got %d" % lookback)
    if lookback > MAX_TIMEFRAME:
        raise OptionError("reputation_lookback %d reaches back beyond CloudWatch's retention of 455 days (%d seconds)"
                          % (lookback, MAX_TIMEFRAME))
    missing_data = params.get("missing_data")
    if missing_data is not None and missing_data not in MISSING_DATA:
        raise OptionError("missing_data must be one of %s, got '%s'" % (", ".join(MISSING_DATA), missing_data))
    if params.get("zeroed") and missing_data not in (None, "zero"):
        raise OptionError("zeroed: true is the old name of missing_data: zero and cannot be combined with missing_data: %s" % missing_data)
    missing_data = missing_data or ("zero" if params.get("zeroed") else "unknown")
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
        thresholds=parse_thresholds(params.get("warning"), params.get("critical"), metrics, account_labels, params.get("thresholds")),
        timeframe=timeframe,
        period=period,
        zeroed=missing_data == "zero",
        max_age=max_age,
        fail_on=fail_on,
        account_labels=account_labels,
        reputation_lookback=lookback,
        missing_data=missing_data,
        preset=params.get("thresholds"),
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
    """(Measurement, Reading or None) of one target; ``series`` is None when its region failed."""
    metric = target.metric
    warning, critical = plan.thresholds[metric.label]
    reading = None if series is None else read_series(series, target.statistic, now, plan.max_age, plan.missing_data)
    fields = dict(value=None if reading is None else reading.value, warning=warning, critical=critical,
                  unknown_reason=None if reading is None else reading.reason)
    args = (target.instance, target.statistic, metric.label, metric.text, metric.perfdata_label)
    if reading is not None and reading.no_data:
        return FixedStateMeasurement(*args, fixed_state=OK, shown="no data", unit=metric.unit, **fields), reading
    return Measurement(*args, unit=metric.unit, **fields), reading


def _entry(region, instance, dimensions, label, metric_name, unit, measurement, reading, region_error, account_value=None):
    state = measurement.state
    return {
        "region": region,
        "instance": instance,
        "dimensions": dict(dimensions),
        "label": label,
        "metric_name": metric_name,
        "statistic": measurement.statistic,
        "value": measurement.value,
        "unit": unit,
        "state": UNKNOWN_NAME if region_error else (None if state is None else STATE_NAMES[state]),
        "warning": None if measurement.warning is None else measurement.warning.normalized(),
        "critical": None if measurement.critical is None else measurement.critical.normalized(),
        "datapoint_count": 0 if reading is None else reading.count,
        "newest_datapoint": None if reading is None else iso_timestamp(reading.newest),
        "newest_datapoint_age_seconds": None if reading is None else reading.age,
        "account_value": account_value,
        "unknown_reason": region_error or measurement.problem,
    }


def _one_line(outcome):
    fields = outcome.error_dict()
    # The output must stay one line whatever AWS put in its message (moto answers some errors in XML).
    return fields, " ".join(fields["message"].split())


def run_check(params, session, now=None, fetch=get_metric_data):
    """The module's whole job; returns the result dict (``failed``/``msg`` set when fail_on says so)."""
    plan = build_plan(params)
    regions = resolve_regions(params.get("regions"), lambda: session.default_region, params.get("endpoint_url"))
    now = as_utc(now or utc_now())
    start, end = check_window(now, plan.timeframe)  # [now - timeframe, now], as Centreon asks
    targets = plan_targets(plan, regions)
    windows = fetch_windows(now, start, end, plan.period, plan.reputation_lookback, any(t.statistic == LATEST for t in targets))
    quota_needed, sending_needed = needs(plan.account_labels)

    def work(region):
        mine = [target for target in targets if target.region == region]
        metric_outcome = attempt(region, lambda: fetch_targets(session, region, mine, windows, plan.period, fetch)) if mine else None
        account_outcome = attempt(region, lambda: read_account(session, region, quota=quota_needed, sending=sending_needed)) \
            if plan.account_labels else None
        return metric_outcome, account_outcome

    outcomes = dict((outcome.region, outcome.value) for outcome in for_each_region(regions, work))
    series_of, readings, account_errors, failed_regions = {}, {}, {}, {}
    requests = account_requests = 0
    errors = []
    cloudwatch_errors = {}
    for region in regions:
        metric_outcome, account_outcome = outcomes[region]
        if metric_outcome is not None and metric_outcome.ok:
            series_of.update(metric_outcome.value[0])
            requests += metric_outcome.value[1]
        elif metric_outcome is not None:
            fields, failed_regions[region] = _one_line(metric_outcome)
            cloudwatch_errors[region] = fields
            errors.append(fields)
        if account_outcome is not None and account_outcome.ok:
            readings[region] = account_outcome.value
            account_requests += account_outcome.value.requests
        elif account_outcome is not None:
            fields, account_errors[region] = _one_line(account_outcome)
            errors.append(fields)

    measured = [_measure(target, series_of.get(target), plan, now) for target in targets]
    entries = [
        _entry(t.region, t.instance, t.dimensions, t.metric.label, t.metric.metric_name, t.metric.unit, m, r, failed_regions.get(t.region))
        for t, (m, r) in zip(targets, measured)
    ]
    reported = [measured[i][0] for i in report_order(targets) if targets[i].region not in failed_regions]
    problems = [failed_regions[region] for region in regions if region in failed_regions]
    if reported and all(m.state is None for m in reported) and plan.account_labels:
        problems.append(NO_METRICS_OUTPUT.split(": ", 1)[1])  # account labels must not turn "no CloudWatch data" into OK

    single = SINGLE_INSTANCE if len(regions) == 1 else None
    for region in regions:
        instance = single or "%s/%s" % (region, SINGLE_INSTANCE)
        for label in plan.account_labels:
            warning, critical = plan.thresholds[label]
            measurement, shown = measure_account(label, readings.get(region), instance, warning, critical, account_errors.get(region))
            reported.append(measurement)
            spec = account_label(label)
            entries.append(_entry(region, instance, (), label, spec.field, spec.unit, measurement, None, None, shown))

    report = build_report(reported, problems=problems)
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
            "reputation_lookback": plan.reputation_lookback,
            "lookback_start": None if windows.latest_cut is None else iso_timestamp(windows.latest_cut[0]),
        },
        "requests": requests,
        "account_requests": account_requests,
        "retry_attempts": session.retry_attempts,
        "errors": errors,
        "warnings": [error["message"] for error in errors],
    }
    cloudwatch_entries = entries[:len(targets)]
    no_data = None
    if cloudwatch_entries and all(entry["state"] is None for entry in cloudwatch_entries):
        # Centreon's "No metrics ... zeroed option" stays in output; this says what fits each kind of metric.
        no_data = no_data_advice(cloudwatch_entries, plan.timeframe, plan.reputation_lookback)
        result["warnings"].append(no_data)
    if should_fail(report.status, plan.fail_on):
        result["failed"] = True
        result["msg"] = gate_message(plan.fail_on, entries, plan.preset, cloudwatch_errors, no_data)
    return result
