# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reading one fetched CloudWatch series as one value: ``latest``, staleness, missing data. Pure.

The series comes already cut back to its own window (metric_fetch.within): one GetMetricData
request may cover a wider window than a metric's own (the counts' timeframe and the rates'
look-back share one request).
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import LATEST
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import iso_timestamp

__all__ = ["MISSING_DATA", "Reading", "read_series"]

# CloudWatch alarms' words for missing data (TreatMissingData), as far as a check can use them.
MISSING_DATA = ("unknown", "zero", "ok")

Reading = namedtuple("Reading", ["value", "newest", "age", "count", "reason", "no_data"])
Reading.__doc__ = """value (None: none), newest datapoint, its age in s, datapoint count, UNKNOWN reason, no_data flag."""


def read_series(series, statistic, now, max_age=None, missing_data="unknown"):
    """The Reading of one series (already cut to its window) for ``statistic``.

    ``latest`` is the value of the newest datapoint; the others aggregate the window (cloudwatch).
    With no datapoint: ``zero`` reads 0, ``ok`` flags ``no_data`` (OK, "no data"), ``unknown``
    leaves the value None (left out, as Centreon). A failed query is never hidden by either.
    """
    newest = series.newest
    age = None if newest is None else int((now - newest).total_seconds())
    if statistic == LATEST:
        value = None if newest is None else series.points[newest]
    else:
        value = series.value(statistic)
    reason = series.problem
    if reason is None and age is not None and max_age is not None and age > max_age:
        reason = "newest datapoint is %d s old (%s), older than max_age %d s" % (age, iso_timestamp(newest), max_age)
    no_data = False
    if value is None and reason is None:
        if missing_data == "zero":
            value = 0.0
        elif missing_data == "ok":
            no_data = True
    return Reading(value, newest, age, series.datapoint_count, reason, no_data)
