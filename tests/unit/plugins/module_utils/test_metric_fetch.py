# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which GetMetricData requests a check makes, and how each answer is cut back to its window. Pure."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import Series
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import build_plan
from ansible_collections.sesmon.ses.plugins.module_utils.metric_fetch import fetch_windows, tier_unit, within
from ansible_collections.sesmon.ses.plugins.module_utils.sources.cloudwatch_ses import fetch_targets, plan_targets

UTC = timezone.utc
NOW = datetime(2024, 5, 1, 12, 0, 30, tzinfo=UTC)
DAY = 86400


def _window(timeframe):
    return NOW - timedelta(seconds=timeframe), NOW


def test_without_latest_the_request_is_the_timeframe_alone():
    start, end = _window(600)
    windows = fetch_windows(NOW, start, end, 60, DAY, uses_latest=False)
    assert windows.requests == [(start, end, ("window",))] and windows.latest_cut is None
    # Still cut (issue 21): CloudWatch's first bucket starts at the minute holding the start; nothing after the end.
    assert windows.counts_cut == (start.replace(second=0), end)


def test_one_request_covers_timeframe_and_look_back_in_whole_periods():
    start, end = _window(600)
    windows = fetch_windows(NOW, start, end, 300, DAY, uses_latest=True)
    ((fetch_start, fetch_end, kinds),) = windows.requests
    assert kinds == ("window", "latest") and fetch_end == NOW
    assert fetch_start <= NOW - timedelta(seconds=DAY) and (start - fetch_start).total_seconds() % 300 == 0
    # CloudWatch rounds the start down to the minute; the counts keep the bucket that holds ``start``.
    assert windows.counts_cut == (datetime(2024, 5, 1, 11, 50, tzinfo=UTC), NOW)
    assert windows.latest_cut == (datetime(2024, 4, 30, 12, 0, tzinfo=UTC), NOW) and windows.latest_period == 60


def test_a_look_back_beyond_15_days_with_a_one_minute_period_needs_two_requests():
    start, end = _window(600)
    windows = fetch_windows(NOW, start, end, 60, 20 * DAY, uses_latest=True)
    assert [kinds for _s, _e, kinds in windows.requests] == [("window",), ("latest",)]
    assert windows.requests[0][:2] == (start, end) and windows.latest_period == 300 and windows.counts_cut == (start.replace(second=0), end)
    joint = fetch_windows(NOW, start, end, 300, 20 * DAY, uses_latest=True)
    assert len(joint.requests) == 1 and joint.latest_period == 300


def test_within_keeps_start_and_drops_end():
    series = Series(dict((NOW - timedelta(minutes=m), v) for m, v in ((10, 1.0), (5, 2.0), (0, 3.0))), "Complete")
    cut = within(series, NOW - timedelta(minutes=10), NOW)
    assert sorted(cut.points.values()) == [1.0, 2.0] and cut.status_code == "Complete"


def test_tier_units():
    assert [tier_unit(age) for age in (3600, 15 * DAY, 15 * DAY + 1, 63 * DAY + 1)] == [60, 60, 300, 3600]


def test_fetch_targets_cuts_each_series_to_its_window():
    plan = build_plan({})
    targets = plan_targets(plan, ["eu-west-1"])
    start, end = _window(600)
    windows = fetch_windows(NOW, start, end, 60, DAY, uses_latest=True)
    calls = []

    def fetch(session, region, queries, fetch_start, fetch_end):
        calls.append(queries)
        points = {NOW - timedelta(hours=3): 100.0, NOW - timedelta(minutes=5): 2.0, NOW - timedelta(days=2): 9.0}
        return [Series(points, "Complete") for _query in queries], 1

    found, requests = fetch_targets(None, "eu-west-1", targets, windows, 60, fetch)
    assert requests == 1 and len(calls) == 1
    assert [sorted(found[t].points.values()) for t in targets] == [[2.0], [2.0], [2.0, 100.0], [2.0, 100.0]]


def test_counts_only_both_edges_of_the_window_are_cut():
    """Issue 21: with only counts asked, a datapoint after the end or before the first bucket is never summed."""
    start, end = _window(600)
    plan = build_plan({"metrics": ["emails-sent"], "timeframe": 600, "period": 60})
    targets = plan_targets(plan, ["us-east-1"])
    windows = fetch_windows(NOW, start, end, 60, DAY, uses_latest=False)
    first = start.replace(second=0)  # CloudWatch's first bucket: the start's minute
    points = {first - timedelta(seconds=1): 1000.0, first: 1.0, end - timedelta(seconds=1): 2.0, end: 1000.0,
              end + timedelta(minutes=2): 1000.0, start - timedelta(days=3): 1000.0}

    def fetch(session, region, queries, fetch_start, fetch_end):
        return [Series(points, "Complete") for _query in queries], 1

    found, requests = fetch_targets(None, "us-east-1", targets, windows, 60, fetch)
    (series,) = list(found.values())
    assert requests == 1 and sorted(series.points) == [first, end - timedelta(seconds=1)]
    assert series.value("sum") == 3.0
