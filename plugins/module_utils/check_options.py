# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ``ses_metric_check`` module's options: every one validated, and nothing sent to AWS before. Pure.

The role's filter (ses_pack_errors) validates its inputs with these functions too; the run is check_task.py.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import CRITICAL, OK, STATE_CODES, UNKNOWN
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.metric_fetch import RETENTION_TIERS as _RETENTION_TIERS
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import STATISTICS
from ansible_collections.sesmon.ses.plugins.module_utils.series_reading import MISSING_DATA
from ansible_collections.sesmon.ses.plugins.module_utils.sources.registry import SOURCES, parse_labels
from ansible_collections.sesmon.ses.plugins.module_utils.thresholds import parse_thresholds
from ansible_collections.sesmon.ses.plugins.module_utils.values import dimension_text

__all__ = [
    "FAIL_ON", "DEFAULT_TIMEFRAME", "DEFAULT_PERIOD", "DEFAULT_LOOKBACK", "MAX_TIMEFRAME", "CheckPlan", "build_plan",
    "validate_window", "parse_statistics", "parse_dimension_sets", "should_fail",
]

FAIL_ON = ("never", "critical", "warning")
DEFAULT_TIMEFRAME = 600
DEFAULT_PERIOD = 60
DEFAULT_LOOKBACK = 86400  # the Reputation.* datapoints are sparse: read the newest of the last day

_DAY = 86400
MAX_TIMEFRAME = 455 * _DAY  # CloudWatch keeps datapoints for 15 months
_MAX_DIMENSIONS = 30

CheckPlan = namedtuple(
    "CheckPlan",
    ["labels", "statistics", "dimension_sets", "thresholds", "timeframe", "period", "zeroed", "max_age", "fail_on",
     "reputation_lookback", "missing_data", "preset", "source_options"],
)
CheckPlan.__doc__ = """Validated options. ``labels``: {source NAME: [label records]} (sources/registry.py);
``statistics`` None = each metric's own default; ``zeroed`` = missing_data zero; ``source_options``: {source NAME:
what its ``parse_options(params)`` returned}, for each source that reads options of its own."""


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
    labels = parse_labels(params.get("metrics"))
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
        labels=labels,
        statistics=parse_statistics(params.get("statistics")),
        dimension_sets=parse_dimension_sets(params.get("dimensions")),
        thresholds=parse_thresholds(params.get("warning"), params.get("critical"), [spec.label for specs in labels.values() for spec in specs],
                                    params.get("thresholds")),
        timeframe=timeframe,
        period=period,
        zeroed=missing_data == "zero",
        max_age=max_age,
        fail_on=fail_on,
        reputation_lookback=lookback,
        missing_data=missing_data,
        preset=params.get("thresholds"),
        source_options=dict((source.NAME, source.parse_options(params)) for source in SOURCES if hasattr(source, "parse_options")),
    )


def should_fail(status, fail_on):
    """``critical``: fail on CRITICAL or UNKNOWN; ``warning``: on anything but OK; ``never``: never."""
    code = STATE_CODES[status]
    if fail_on == "critical":
        return code in (CRITICAL, UNKNOWN)
    if fail_on == "warning":
        return code != OK
    return False
