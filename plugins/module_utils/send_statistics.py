# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""SES send quota, send statistics and account keys -> the ses_send_stats result. Pure.

Nothing here calls AWS or Ansible: every function takes plain values (the dicts botocore
returns, datetimes) and returns plain values, so it is tested without a network.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ansible_collections.sesmon.ses.plugins.module_utils.errors import WARNING_LENGTH, OptionError, short_warning
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp, parse_iso_timestamp

COUNT_KEYS = ("delivery_attempts", "bounces", "complaints", "rejects")
_AWS_COUNT_KEYS = (("DeliveryAttempts", "delivery_attempts"), ("Bounces", "bounces"),
                   ("Complaints", "complaints"), ("Rejects", "rejects"))
_RATE_KEYS = (("bounce", "bounces"), ("complaint", "complaints"), ("reject", "rejects"))
REGION_DATA_KEYS = ("quota", "datapoints", "totals", "window", "rates", "account")

_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^(?:\d+[smhdw])+$")
_DURATION_PART = re.compile(r"(\d+)([smhdw])")


# -- time ----------------------------------------------------------------------------------------


def parse_duration(text):
    """A timedelta from ``90m``, ``24h``, ``7d``, ``2w``, ``3600s`` or ``1h30m``; None if not one."""
    compact = text.strip().lower().replace(" ", "")
    if not _DURATION.match(compact):
        return None
    seconds = sum(int(number) * _DURATION_UNITS[unit] for number, unit in _DURATION_PART.findall(compact))
    return timedelta(seconds=seconds)


def parse_since(value, now):
    """The window start (aware UTC datetime) for the ``since`` option; None when not set.

    ``value`` is a duration back from ``now`` or an ISO 8601 timestamp (naive = UTC).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value)
    try:
        duration = parse_duration(text)
        start = now - duration if duration is not None else as_utc(parse_iso_timestamp(text))
    except OverflowError:
        raise OptionError("since %r reaches too far back" % text) from None
    except ValueError:
        raise OptionError(
            "since %r is neither a duration (such as 90m, 24h, 7d, 2w, 3600s) nor an ISO 8601 "
            "timestamp (such as 2024-05-01T10:00:00Z)" % text
        ) from None
    if start > now:
        raise OptionError("since %r is in the future (%s; now is %s)" % (text, iso_timestamp(start), iso_timestamp(now)))
    return start


# -- quota ---------------------------------------------------------------------------------------


def quota_summary(answer):
    """GetSendQuota's answer -> quota keys. A negative Max24HourSend (AWS: -1) means unlimited."""
    max_24h = float(answer.get("Max24HourSend") or 0.0)
    sent = float(answer.get("SentLast24Hours") or 0.0)
    unlimited = max_24h < 0
    return {
        "max_24_hour_send": max_24h,
        "max_send_rate": float(answer.get("MaxSendRate") or 0.0),
        "sent_last_24_hours": sent,
        "unlimited": unlimited,
        "remaining_24_hour_send": None if unlimited else max(max_24h - sent, 0.0),
        "utilization_percent": None if unlimited or max_24h <= 0 else sent / max_24h * 100.0,
    }


# -- datapoints ----------------------------------------------------------------------------------


def datapoint(aws_point):
    """One SendDataPoints member -> ``{'time': aware datetime, counts...}`` (counts default to 0)."""
    point = {"time": as_utc(aws_point["Timestamp"])}
    for aws_key, key in _AWS_COUNT_KEYS:
        point[key] = int(aws_point.get(aws_key) or 0)
    return point


def sorted_datapoints(aws_points):
    """Every SendDataPoints member, oldest first (AWS documents no order)."""
    return sorted((datapoint(p) for p in aws_points or ()), key=lambda p: p["time"])


def points_since(points, since, now=None):
    """The points at or after ``since`` (all of them when ``since`` is None), and none stamped after ``now``:
    a datapoint from the future is never counted (issue 21)."""
    return [p for p in points if (since is None or p["time"] >= since) and (now is None or p["time"] <= now)]


def datapoint_output(point):
    out = {"timestamp": iso_timestamp(point["time"])}
    out.update((key, point[key]) for key in COUNT_KEYS)
    return out


def totals(points):
    """The sum of each count over ``points``."""
    return {key: sum(p[key] for p in points) for key in COUNT_KEYS}


def rates(total):
    """Observed bounce/complaint/reject rates as fractions and percents; None without attempts."""
    attempts = total["delivery_attempts"]
    out = {}
    for name, key in _RATE_KEYS:
        fraction = total[key] / attempts if attempts > 0 else None
        out["%s_rate" % name] = fraction
        out["%s_percent" % name] = None if fraction is None else fraction * 100.0
    return out


def window(all_points, in_window, since, now):
    """Start and end of the window, its datapoint count, and how old the newest datapoint is.

    ``all_points`` and ``in_window`` are sorted oldest first. The age is that of the newest
    point AWS returned (inside the window or not), so an empty window still shows staleness.
    """
    start = since if since is not None else (all_points[0]["time"] if all_points else None)
    newest = all_points[-1]["time"] if all_points else None
    return {
        "start": iso_timestamp(start),
        "end": iso_timestamp(now),
        "datapoint_count": len(in_window),
        "newest_datapoint": iso_timestamp(newest),
        "newest_datapoint_age_seconds": None if newest is None else int((now - newest).total_seconds()),
    }


# -- one region, then the task -------------------------------------------------------------------


def region_report(quota_answer, statistics_answer, account, since, now):
    """Everything ses_send_stats returns for one region that answered."""
    every_point = sorted_datapoints(statistics_answer.get("SendDataPoints"))
    in_window = points_since(every_point, since, now)
    total = totals(in_window)
    return {
        "quota": quota_summary(quota_answer),
        "datapoints": [datapoint_output(p) for p in in_window],
        "totals": total,
        "window": window(every_point, in_window, since, now),
        "rates": rates(total),
        "account": account,
    }


def region_entry(region, report=None, error=None):
    """One entry of ``regions``: the report, or the error (a dict) with every data key None."""
    entry = {"region": region, "failed": error is not None, "error": error}
    entry.update((key, (report or {}).get(key)) for key in REGION_DATA_KEYS)
    return entry


def task_result(entries):
    """The module result from the per-region entries (in the order asked).

    Top-level data keys are the first region's. All regions failed -> ``failed`` with the first
    error's message. Some failed -> one warning naming them.
    """
    first = entries[0]
    result = {"changed": False, "region": first["region"]}
    result.update((key, first[key]) for key in REGION_DATA_KEYS)
    result["regions"] = {e["region"]: e for e in entries}
    failed = [e for e in entries if e["failed"]]
    warnings = []
    if failed and len(failed) == len(entries):
        result["failed"] = True
        result["msg"] = failed[0]["error"]["message"]
        result["error"] = failed[0]["error"]
    elif failed:
        warnings.append(short_warning(  # one line; each region's whole message is in regions.<name>.error
            "SES statistics could not be read in %d of %d regions (%s); see regions.<region>.error.message"
            % (len(failed), len(entries), ", ".join("%s: %s" % (e["region"], e["error"]["code"]) for e in failed))))
    result["warnings"] = warnings
    return result


def _regions_text(names):
    return ", ".join(names) if len(names) <= 3 else "%s and %d more" % (", ".join(names[:2]), len(names) - 2)


def account_fallback_warning(notes):
    """One short warning for every region whose account keys could not come from sesv2 GetAccount.

    ``notes``: (region, why GetAccount failed, why GetAccountSendingEnabled failed or None), in
    region order; the why starts with the cause (``denied (...)``, ``not offered by the endpoint (HTTP 404)``).
    Only a denial advises granting ses:GetAccount. None when there is nothing to say.
    """
    if not notes:
        return None
    causes = []
    for note in notes:
        if note[1] not in causes:
            causes.append(note[1])
    parts = ["sesv2 GetAccount could not be used in %s (%s)" % (_regions_text([n[0] for n in notes]), "; ".join(causes))]
    if any(cause.startswith("denied") for cause in causes):
        parts.append("grant ses:GetAccount")
    v1_failed = [n for n in notes if n[2]]
    if v1_failed:
        reasons = sorted(set(n[2] for n in v1_failed))
        parts.append("GetAccountSendingEnabled failed too in %s (%s)" % (_regions_text([n[0] for n in v1_failed]), "; ".join(reasons)))
    text = "; ".join(parts)
    tail = "; quota from SES v1, account.sandbox and enforcement_status null"
    return text + tail if len(text + tail) <= WARNING_LENGTH else short_warning(text)


def facts(result):
    """The part of the result published as ``ansible_facts.ses_send_stats``."""
    keys = ("region",) + REGION_DATA_KEYS + ("regions",)
    return {key: result[key] for key in keys}
