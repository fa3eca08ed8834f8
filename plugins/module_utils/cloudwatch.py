# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""CloudWatch GetMetricData: building the queries and folding the answers.

Everything here is pure except ``get_metric_data``, the one function that calls AWS (through
``AwsSession.pages``). Aggregation over the window is done here, client-side, the way Centreon
does it (cloud/aws/custom/awscli.pm, cloudwatch_get_metrics): the mean of the per-period averages
(unweighted), the sum of the per-period sums, the extremes of the per-period minimums and
maximums, the sum of the per-period sample counts. Sums add the periods oldest first, one by one,
as Centreon's loop does, so that both get the same float (a compensated sum can differ by an ulp).
"""

from __future__ import annotations

import math
from collections import namedtuple
from datetime import timedelta

from ansible_collections.sesmon.ses.plugins.module_utils.answers import MAX_DATAPOINTS_PER_CALL, check_metric_values
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import CLOUDWATCH_STATISTICS
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text

__all__ = [
    "MAX_QUERIES_PER_REQUEST", "MetricQuery", "MetricDataRequest", "Series",
    "aggregate", "check_window", "query_id", "metric_data_query", "plan_requests", "fold_pages",
    "get_metric_data",
]

# GetMetricData accepts at most 500 queries per call.
MAX_QUERIES_PER_REQUEST = 500


MetricQuery = namedtuple("MetricQuery", ["namespace", "metric_name", "dimensions", "statistic", "period", "unit"], defaults=(None,))
MetricQuery.__doc__ = """One series to fetch. ``dimensions``: tuple of (name, value); ``statistic``: ``sum``, ``average``...;
``unit``: ``count`` or ``fraction`` checks the values' domain (None: finite numbers only)."""

MetricDataRequest = namedtuple("MetricDataRequest", ["ids", "queries", "kwargs"])
MetricDataRequest.__doc__ = """One GetMetricData call: its query ids and MetricQuery items (in query order) and its parameters."""


def check_window(now, timeframe):
    """(start, end) = [now - timeframe, now] in whole seconds, the window Centreon asks for.

    cloud/aws/custom/awscli.pm, cloudwatch_get_metrics: ``DateTime->now->subtract(seconds =>
    timeframe)`` to ``DateTime->now``. CloudWatch itself rounds a start less than 15 days old down to
    the minute (5 minutes up to 63 days, the hour beyond); buckets then run from there, period by period.
    """
    end = as_utc(now).replace(microsecond=0)
    return end - timedelta(seconds=timeframe), end


def _sum_in_order(values):
    """Left to right, one addition at a time (built-in sum() compensates from Python 3.12 on)."""
    total = 0.0
    for value in values:
        total += value
    return total


def aggregate(values, statistic):
    """The window's value from per-period values, given oldest first; ``None`` when there are none."""
    values = list(values)
    if not values:
        return None
    if statistic == "average":
        return _sum_in_order(values) / len(values)
    if statistic in ("sum", "sample_count"):
        return _sum_in_order(values)
    if statistic == "minimum":
        return min(values)
    if statistic == "maximum":
        return max(values)
    raise ValueError("unknown statistic %r" % (statistic,))


def query_id(index):
    """Query ids must match ``^[a-z][a-zA-Z0-9_]*$`` and be unique in a request."""
    return "q%d" % index


def metric_data_query(identifier, query):
    """One MetricDataQueries entry (MetricStat, no Unit filter: it can hide data)."""
    metric = {"Namespace": query.namespace, "MetricName": query.metric_name}
    if query.dimensions:
        metric["Dimensions"] = [{"Name": name, "Value": value} for name, value in query.dimensions]
    return {
        "Id": identifier,
        "MetricStat": {"Metric": metric, "Period": query.period, "Stat": CLOUDWATCH_STATISTICS[query.statistic]},
        "ReturnData": True,
    }


def plan_requests(queries, start, end, batch_size=MAX_QUERIES_PER_REQUEST):
    """The GetMetricData calls for ``queries``: one per ``batch_size`` queries, newest datapoints first."""
    requests = []
    for first in range(0, len(queries), batch_size):
        batch = queries[first:first + batch_size]
        ids = [query_id(first + offset) for offset in range(len(batch))]
        kwargs = {
            "MetricDataQueries": [metric_data_query(identifier, query) for identifier, query in zip(ids, batch)],
            "StartTime": start,
            "EndTime": end,
            "ScanBy": "TimestampDescending",
        }
        requests.append(MetricDataRequest(ids, batch, kwargs))
    return requests


class Series:
    """The datapoints CloudWatch returned for one query, merged over every page."""

    __slots__ = ("points", "status_code", "messages")

    def __init__(self, points=None, status_code=None, messages=None):
        self.points = dict(points or {})  # UTC datetime -> value; a timestamp counts once
        self.status_code = status_code
        self.messages = list(messages or [])

    def add(self, result):
        """Merge one page's MetricDataResult for this query."""
        timestamps = result.get("Timestamps") or []
        values = result.get("Values") or []
        for timestamp, value in zip(timestamps, values):
            self.points.setdefault(as_utc(timestamp), float(value))
        status = foreign_text(result.get("StatusCode")) if result.get("StatusCode") is not None else None
        # An error on any page stays; otherwise the last page's status tells whether data is missing.
        if self.status_code not in ("InternalError", "Forbidden"):
            self.status_code = status
        for message in result.get("Messages") or []:
            message = message if isinstance(message, dict) else {"Value": message}
            text = "%s: %s" % (message.get("Code"), message.get("Value")) if message.get("Code") else str(message.get("Value"))
            text = foreign_text(text)[:200]  # CloudWatch's words go into the Nagios line: one line, no '|', no markup
            if text not in self.messages:
                self.messages.append(text)

    @property
    def datapoint_count(self):
        return len(self.points)

    @property
    def newest(self):
        return max(self.points) if self.points else None

    def value(self, statistic):
        """The window's value, the periods taken oldest first whatever order the pages came in."""
        return aggregate([self.points[when] for when in sorted(self.points)], statistic)

    @property
    def problem(self):
        """Why this series cannot be trusted, or ``None``."""
        detail = " (%s)" % "; ".join(self.messages) if self.messages else ""
        if self.status_code is None:
            return "CloudWatch returned no result for this query"
        if self.status_code == "Complete":
            return None
        if self.status_code == "PartialData":
            return "CloudWatch returned partial data (StatusCode PartialData) and no further page%s" % detail
        return "CloudWatch could not return this metric: StatusCode %s%s" % (self.status_code, detail)

    def __repr__(self):
        return "Series(%d points, %s)" % (len(self.points), self.status_code)


def fold_pages(pages, ids):
    """``{id: Series}`` for every id asked, merging the results repeated on later pages.

    ``pages`` may be an iterator: each page is folded as it comes, and none is kept.
    """
    series = dict((identifier, Series()) for identifier in ids)
    for page in pages:
        for result in page.get("MetricDataResults") or []:
            target = series.get(result.get("Id"))
            if target is not None:
                target.add(result)
    return series


def values_check(ids, batch):
    """A page check: each result's values against its metric's domain (a negative count, a rate above 1)."""
    domains = dict((identifier, (query.unit, query.statistic, query.metric_name)) for identifier, query in zip(ids, batch))

    def check(page):
        for index, result in enumerate(page.get("MetricDataResults") or []):
            domain = domains.get(result.get("Id"))
            if domain is not None:
                where = "MetricDataResults[%d] (%s, %s)" % (index, domain[2], domain[1])
                check_metric_values(where, result.get("Values") or [], domain[0], domain[1])
    return check


class _Counted:
    """The items of an iterable, counted as they pass (pages: one HTTP request each)."""

    def __init__(self, items):
        self._items = items
        self.count = 0

    def __iter__(self):
        for item in self._items:
            self.count += 1
            yield item


def get_metric_data(session, region, queries, start, end):
    """Fetch ``queries`` in ``region``: (one Series per query, in order; number of HTTP requests)."""
    found = []
    requests = 0
    for request in plan_requests(queries, start, end):
        # Pages are folded one by one (never all kept), and capped: a NextToken that never ends stops.
        pages = _Counted(session.pages("cloudwatch", "get_metric_data", region=region, max_pages=page_cap(request.queries, start, end),
                                       check=values_check(request.ids, request.queries), **request.kwargs))
        folded = fold_pages(pages, request.ids)
        requests += pages.count
        found.extend(folded[identifier] for identifier in request.ids)
    return found, requests


def page_cap(batch, start, end):
    """The most pages one request can need: its datapoints at 100,800 a page, plus two for PartialData."""
    points = sum(int(math.ceil((end - start).total_seconds() / max(query.period, 1))) + 1 for query in batch)
    return int(math.ceil(points / float(MAX_DATAPOINTS_PER_CALL))) + 2
