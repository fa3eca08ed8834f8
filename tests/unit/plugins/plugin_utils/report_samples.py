# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Module results shaped as ses_send_stats and ses_metric_check return them (see their RETURN docs), for the report tests."""

from __future__ import annotations

import datetime

END = datetime.datetime(2026, 12, 7, 0, 30, tzinfo=datetime.timezone.utc)
HOSTILE = "<script>alert(1)</script> | **bold** [link](http://x) `code` ~~del~~ $x$ &amp; _i_ \\ # - 1. <img src=x onerror=alert(2)>"


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def datapoints(count, attempts=100, bounces=1, complaints=0, every=15, end=END):
    """``count`` datapoints ``every`` minutes apart, the newest at ``end``, oldest first."""
    return [{"timestamp": iso(end - datetime.timedelta(minutes=every * (count - 1 - index))), "delivery_attempts": attempts,
             "bounces": bounces, "complaints": complaints, "rejects": 0} for index in range(count)]


def region_entry(region, points, max_send=50000.0, sent=None, enforcement="HEALTHY", unlimited=False, start=None):
    attempts = sum(p.get("delivery_attempts", 0) for p in points)
    bounces = sum(p.get("bounces", 0) for p in points)
    complaints = sum(p.get("complaints", 0) for p in points)
    sent = float(attempts if sent is None else sent)
    quota = {"max_24_hour_send": -1.0 if unlimited else max_send, "max_send_rate": 14.0, "sent_last_24_hours": sent,
             "unlimited": unlimited, "remaining_24_hour_send": None if unlimited else max(max_send - sent, 0.0),
             "utilization_percent": None if unlimited or not max_send else sent / max_send * 100.0}
    rates = {}
    for key, value in (("bounce", bounces), ("complaint", complaints), ("reject", 0)):
        rate = value / float(attempts) if attempts else None
        rates["%s_rate" % key] = rate
        rates["%s_percent" % key] = None if rate is None else rate * 100.0
    return {
        "region": region, "failed": False, "error": None, "quota": quota, "datapoints": points,
        "totals": {"delivery_attempts": attempts, "bounces": bounces, "complaints": complaints, "rejects": 0},
        "rates": rates,
        "window": {"start": start or (points[0]["timestamp"] if points else None), "end": iso(END), "datapoint_count": len(points),
                   "newest_datapoint": points[-1]["timestamp"] if points else None, "newest_datapoint_age_seconds": 0 if points else None},
        "account": {"source": "sesv2", "sending_enabled": True, "enforcement_status": enforcement, "production_access_enabled": True,
                    "sandbox": False, "dedicated_ip_auto_warmup_enabled": False, "details": None},
    }


def failed_entry(region, message="GetSendQuota in %s failed: AccessDenied (HTTP 403): not authorized"):
    error = {"code": "AccessDenied", "http_status": 403, "operation": "GetSendQuota", "region": region, "request_id": "r-1",
             "message": message % region if "%s" in message else message}
    entry = {"region": region, "failed": True, "error": error}
    entry.update((key, None) for key in ("quota", "datapoints", "totals", "rates", "window", "account"))
    return entry


def send_stats(*entries):
    result = {"changed": False, "region": entries[0]["region"], "regions": dict((e["region"], e) for e in entries), "warnings": []}
    result.update((key, entries[0][key]) for key in ("quota", "datapoints", "totals", "rates", "window", "account"))
    return result


def metric(region, label, value, state, unit="fraction", statistic="latest", warning=None, critical=None, instance="SES",
           account_value=None, unknown_reason=None):
    return {"region": region, "instance": instance, "dimensions": {}, "label": label, "metric_name": label, "statistic": statistic,
            "value": value, "unit": unit, "state": state, "warning": warning, "critical": critical, "account_value": account_value,
            "datapoint_count": 1, "newest_datapoint": iso(END), "newest_datapoint_age_seconds": 60, "unknown_reason": unknown_reason}


def metric_check(*metrics, errors=(), status="OK"):
    return {"changed": False, "status": status, "exit_code": 0, "output": "%s: ..." % status, "perfdata": "", "metrics": list(metrics),
            "errors": list(errors), "window": {}, "requests": 1, "account_requests": 0, "retry_attempts": 0}


def demo_like():
    """A healthy region and an incident, both modules: what the demo shows."""
    healthy = region_entry("eu-west-1", datapoints(1344, attempts=300, bounces=2))
    incident_points = datapoints(1344, attempts=600, bounces=3, complaints=0)
    for point in incident_points[-12:]:
        point.update(bounces=80, complaints=1)
    incident = region_entry("us-east-1", incident_points, max_send=100000.0, enforcement="PROBATION")
    check = metric_check(
        metric("eu-west-1", "emails-rejected", 0.0088, "OK", warning="@0.05:", critical="@0.1:"),
        metric("eu-west-1", "emails-spam", 0.00016, "OK", warning="@0.001:", critical="@0.005:"),
        metric("us-east-1", "emails-rejected", 0.1181, "CRITICAL", warning="@0.05:", critical="@0.1:"),
        metric("us-east-1", "emails-spam", 0.0015, "WARNING", warning="@0.001:", critical="@0.005:"),
        metric("us-east-1", "account-enforcement", None, "WARNING", unit="state", account_value="PROBATION"),
        status="CRITICAL")
    return [send_stats(healthy, incident), check]
