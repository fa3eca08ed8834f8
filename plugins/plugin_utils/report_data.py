# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The reports' data: module results (ses_send_stats, ses_metric_check, or both) as one view per region. Pure.

Accepts what a playbook registers: one result, a list of results, or a loop's registered result
(``results``). A result is recognised by its keys: ``regions`` (a dictionary) is ses_send_stats,
``metrics`` (a list) is ses_metric_check. A task that failed before it returned anything keeps its
``msg`` as a note; a skipped task is left out.

The AWS review and pause levels come from the ``aws`` preset of ses_metric_check (presets.py),
the one place the collection defines them.
"""

from __future__ import annotations

import datetime
import math
from collections import OrderedDict

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import STATE_CODES, STATE_NAMES, worst_state
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import parse_range
from ansible_collections.sesmon.ses.plugins.module_utils.presets import PRESETS

__all__ = ["ReportInputError", "report_filter", "aws_levels", "collect", "bins", "number", "parse_time", "BUCKET_SECONDS"]

# GetSendStatistics' bucket: one datapoint per 15 minutes that had activity.
BUCKET_SECONDS = 900
# At most this many points per chart line: a fortnight in hours (a fortnight of 15-minute buckets is 1344).
MAX_BINS = 400
# Bin widths, in seconds: whole fractions of a day, so that bins start on the hour and tell the time of day.
BIN_WIDTHS = tuple(60 * minutes for minutes in (15, 30, 60, 120, 180, 240, 360, 480, 720, 1440)) + tuple(86400 * d for d in (2, 7, 14, 28))
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)

FAILED = "FAILED"


class ReportInputError(ValueError):
    """The input is not the result of a sesmon.ses module."""


def report_filter(name, render):
    """The filter ``name`` of a report: ``render(results, title=...)``, input that is not a module result an AnsibleFilterError naming it."""

    def report(results, *args, **kwargs):
        try:
            return render(results, *args, **kwargs)
        except ReportInputError as exc:
            raise AnsibleFilterError("%s: %s" % (name, exc)) from None

    report.__name__ = name
    report.__doc__ = render.__doc__
    return report


def number(value):
    """A finite int/float, else None (bool, text, None, NaN and infinities are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def parse_time(text):
    """An aware UTC datetime from the modules' ISO 8601 text (``...Z``), else None."""
    if not isinstance(text, str):
        return None
    try:
        when = datetime.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return when.astimezone(datetime.timezone.utc)


def _level(text):
    """The value from which an ``@X:`` range (the aws preset's form: alert at X or more) alerts."""
    parsed = parse_range(text)
    if not parsed.inside or not math.isinf(parsed.end):
        raise ValueError("the aws preset's range %r is not of the form @X: (alert at X or more)" % text)
    return parsed.start


def aws_levels():
    """``{"bounce": (review, pause), "complaint": (review, pause)}`` as fractions, from the ``aws`` preset."""
    preset = PRESETS["aws"]
    return {
        "bounce": tuple(_level(text) for text in preset["emails-rejected"]),
        "complaint": tuple(_level(text) for text in preset["emails-spam"]),
    }


def _new_region(name):
    return {"name": name, "stats": None, "stats_error": None, "checks": [], "check_errors": [], "status": None}


def _text(value):
    return "" if value is None else value if isinstance(value, str) else str(value)


def _error_message(error):
    if isinstance(error, dict):
        return _text(error.get("message") or error.get("code") or "unknown error")
    return _text(error) or "unknown error"


def _flatten(results):
    if results is None:
        return []
    if isinstance(results, dict):
        if isinstance(results.get("results"), list) and "regions" not in results and "metrics" not in results:
            return [item for result in results["results"] for item in _flatten(result)]
        return [results]
    if isinstance(results, (list, tuple)):
        return [item for result in results for item in _flatten(result)]
    raise ReportInputError("expected the result of sesmon.ses.ses_send_stats or ses_metric_check (a dictionary), "
                           "a list of them or a loop's registered result, got %s" % type(results).__name__)


def _add_stats(result, regions):
    for name, entry in result["regions"].items():
        region = regions.setdefault(_text(name), _new_region(_text(name)))
        if not isinstance(entry, dict):
            region["stats_error"] = "no data for this region in the result"
        elif entry.get("failed"):
            region["stats_error"] = _error_message(entry.get("error"))
        else:
            region["stats"] = entry


def _add_checks(result, regions, notes):
    for metric in result["metrics"]:
        if isinstance(metric, dict):
            name = _text(metric.get("region")) or "(no region)"
            regions.setdefault(name, _new_region(name))["checks"].append(metric)
    for error in result.get("errors") or []:
        name = _text(error.get("region") if isinstance(error, dict) else None) or "(no region)"
        regions.setdefault(name, _new_region(name))["check_errors"].append(_error_message(error))
    if not result["metrics"] and result.get("output"):
        notes.append("ses_metric_check: %s" % _text(result["output"]))


def collect(results):
    """``(regions, notes)``: the regions in order of appearance, each a dictionary:

    ``name``; ``stats`` (ses_send_stats' entry, or None); ``stats_error`` (its error message when the
    region failed there); ``checks`` (ses_metric_check's metric entries); ``check_errors`` (messages);
    ``status`` (the worst check state, ``FAILED`` when nothing could be read, or None).
    """
    regions = OrderedDict()
    notes = []
    for result in _flatten(results):
        if not isinstance(result, dict):
            raise ReportInputError("expected a module result (a dictionary), got %s" % type(result).__name__)
        if result.get("skipped"):
            continue
        if isinstance(result.get("regions"), dict):
            _add_stats(result, regions)
        elif isinstance(result.get("metrics"), list):
            _add_checks(result, regions, notes)
        elif result.get("failed"):
            error = result.get("error")
            if isinstance(error, dict) and error.get("region"):
                region = regions.setdefault(_text(error["region"]), _new_region(_text(error["region"])))
                region["check_errors"].append(_error_message(error))
            else:
                notes.append("a task failed: %s" % _text(result.get("msg") or "no message"))
        else:
            raise ReportInputError("a result is neither ses_send_stats' (no 'regions' dictionary) nor ses_metric_check's "
                                   "(no 'metrics' list); its keys: %s" % ", ".join(sorted(_text(key) for key in result)[:12]))
    for region in regions.values():
        states = [STATE_CODES.get(metric.get("state")) for metric in region["checks"]]
        nothing_read = region["stats"] is None and not any(state is not None for state in states)
        if nothing_read and (region["stats_error"] or region["check_errors"]):
            region["status"] = FAILED
        elif any(state is not None for state in states):
            region["status"] = STATE_NAMES[worst_state(states)]
    return list(regions.values()), notes


def _datapoints(stats):
    points = []
    for point in (stats or {}).get("datapoints") or []:
        when = parse_time(point.get("timestamp")) if isinstance(point, dict) else None
        if when is not None:
            points.append((when, point))
    points.sort(key=lambda item: item[0])
    return points


def bins(stats, max_bins=MAX_BINS):
    """The region's datapoints summed into equal time bins over its window, for charts.

    Returns None without datapoints, else a dictionary: ``start`` (the window's, down to a whole bin),
    ``end`` (datetimes), ``seconds`` (the bin width: the first of BIN_WIDTHS that needs at most
    ``max_bins`` bins), and ``rows``: one per bin, oldest first, with
    ``start``, ``attempts``, ``delivered`` (attempts - bounces: GetSendStatistics has no delivery
    count), ``bounces``, ``complaints``, ``rejects``, and ``bounce_rate``/``complaint_rate``
    (fractions; None where the bin had no delivery attempt). A bin without a datapoint is an idle
    one (SES leaves idle buckets out): its counts are 0 and its rates None.
    """
    points = _datapoints(stats)
    if not points:
        return None
    window = (stats or {}).get("window") or {}
    first, last = points[0][0], points[-1][0]
    start = min(parse_time(window.get("start")) or first, first)
    end = max(parse_time(window.get("end")) or last, last + datetime.timedelta(seconds=BUCKET_SECONDS))
    window_start = start
    longest = 86400 * (int((end - start).total_seconds() // 86400 // max_bins) + 1)  # beyond BIN_WIDTHS: whole days
    for seconds in BIN_WIDTHS + (longest,):
        start = _EPOCH + datetime.timedelta(seconds=int((window_start - _EPOCH).total_seconds() // seconds) * seconds)
        count = max(int(math.ceil((end - start).total_seconds() / float(seconds))), 1)
        if count <= max_bins:
            break
    rows = [{"start": start + datetime.timedelta(seconds=seconds * index), "attempts": 0, "delivered": 0,
             "bounces": 0, "complaints": 0, "rejects": 0} for index in range(count)]
    for when, point in points:
        row = rows[min(int((when - start).total_seconds() // seconds), count - 1)]
        attempts = number(point.get("delivery_attempts")) or 0
        bounces = number(point.get("bounces")) or 0
        row["attempts"] += attempts
        row["bounces"] += bounces
        row["delivered"] += max(attempts - bounces, 0)
        row["complaints"] += number(point.get("complaints")) or 0
        row["rejects"] += number(point.get("rejects")) or 0
    for row in rows:
        row["bounce_rate"] = row["bounces"] / float(row["attempts"]) if row["attempts"] else None
        row["complaint_rate"] = row["complaints"] / float(row["attempts"]) if row["attempts"] else None
    return {"start": start, "end": end, "seconds": seconds, "rows": rows}
