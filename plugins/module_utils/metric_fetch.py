# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which GetMetricData requests a check makes, and cutting each answer back to its own window.

The counts are read over ``timeframe``; a ``latest`` statistic over ``reputation_lookback``. One
request serves both when it can (each query carries its own Period): it starts whole count
periods before the timeframe, so the count buckets keep their boundaries, and each series is then
cut back to its window client-side (the CloudWatch source, sources/cloudwatch_ses.py, asks and cuts). Pure.

Every series is cut, whatever was asked: a datapoint CloudWatch (or an endpoint in its place)
stamps after the window's end, or before its first bucket, is dropped, never counted.
"""

from __future__ import annotations

import math
from collections import namedtuple
from datetime import timedelta

from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import Series

__all__ = ["RETENTION_TIERS", "FetchWindows", "tier_unit", "fetch_windows", "within"]

_DAY = 86400
# (data older than, period multiple required, kind): CloudWatch's retention tiers, coarsest first.
RETENTION_TIERS = ((63 * _DAY, 3600, "1-hour"), (15 * _DAY, 300, "5-minute"))

FetchWindows = namedtuple("FetchWindows", ["requests", "counts_cut", "latest_cut", "latest_period"])
FetchWindows.__doc__ = """``requests``: [(start, end, kinds)], kinds ``window`` and/or ``latest``;
the cuts: (start, end), or None when no such query is made; ``latest_period``: the Period of ``latest`` queries."""


def tier_unit(age_seconds):
    """CloudWatch's bucket unit for data this old: 60 s up to 15 days, 300 s up to 63 days, 3600 s beyond."""
    for age, multiple, _kind in RETENTION_TIERS:
        if age_seconds > age:
            return multiple
    return 60


def _floor(when, step):
    """``when`` rounded down to a multiple of ``step`` seconds within its day (CloudWatch's rounding of a start)."""
    midnight = when.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(seconds=math.floor((when - midnight).total_seconds() / step) * step)


def fetch_windows(now, start, end, period, lookback, uses_latest):
    """The FetchWindows of a check whose timeframe is [start, end); ``lookback`` in seconds."""
    # CloudWatch starts the buckets at the start rounded down to its unit (the minute up to 15 days).
    own_cut = (_floor(start, tier_unit((now - start).total_seconds())), end)
    if not uses_latest:
        return FetchWindows([(start, end, ("window",))], own_cut, None, None)
    lookback_start = now - timedelta(seconds=lookback)
    steps = max(0, math.ceil((start - lookback_start).total_seconds() / period))
    joint_start = start - timedelta(seconds=steps * period)
    unit = tier_unit((now - joint_start).total_seconds())
    if period % unit == 0:
        # CloudWatch starts the buckets at joint_start rounded down to its unit; the counts' cut is
        # the bucket that starts ``steps`` periods later, the look-back's the one holding its start.
        first = _floor(joint_start, unit)
        counts_cut = (first + timedelta(seconds=steps * period), end)
        return FetchWindows([(joint_start, end, ("window", "latest"))], counts_cut, (_floor(lookback_start, unit), end), unit)
    # The counts' period is too fine for data as old as the look-back: two requests.
    unit = tier_unit(lookback)
    return FetchWindows([(start, end, ("window",)), (lookback_start, end, ("latest",))], own_cut, (_floor(lookback_start, unit), end), unit)


def within(series, start, end):
    """The part of ``series`` whose datapoints (stamped with their period's start) lie in [start, end)."""
    points = dict((when, value) for when, value in series.points.items() if start <= when < end)
    return Series(points, series.status_code, series.messages)
