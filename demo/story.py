# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The demo's story: two weeks of SES activity for one account in two regions.

eu-west-1 is healthy, and quiet: SES published its reputation rates there only now and then,
the newest 40 minutes ago, so a 10-minute average finds none. us-east-1 was healthy too until
about three hours ago, when a stale mailing list was imported: bounces spiked, complaints rose,
and AWS put the account on probation there. In eu-west-1, the account-wide complaint rate looks
healthy, but one mailbox provider (Yahoo) complains at 0.45 %, over the 0.3 % that Gmail and Yahoo
allow bulk senders (VDM, per ISP), and AWS found a DKIM record missing for news.example.com (an open
HIGH recommendation). Everything is deterministic (a fixed random seed), so the demo tells the same
story every time.
"""

from __future__ import annotations

import datetime
import math
import random

BUCKET = datetime.timedelta(minutes=15)
INCIDENT_HOURS = 3

REGIONS = {
    "eu-west-1": {"max_24_hour_send": 50000.0, "max_send_rate": 14.0, "peak": 420, "incident": False,
                  "enforcement": "HEALTHY", "reputation_every": 40},
    "us-east-1": {"max_24_hour_send": 100000.0, "max_send_rate": 50.0, "peak": 900, "incident": True,
                  "enforcement": "PROBATION", "reputation_every": 5},
}


def _activity(when, peak):
    """Delivery attempts in one 15-minute bucket: a business-day curve, quieter at weekends."""
    hour = when.hour + when.minute / 60.0
    daily = max(0.0, math.sin((hour - 6) / 14.0 * math.pi)) if 6 <= hour <= 20 else 0.0
    weekend = 0.35 if when.weekday() >= 5 else 1.0
    return int(peak * daily * weekend)


def send_datapoints(region, now):
    """GetSendStatistics datapoints for two weeks, oldest first (SES leaves out idle buckets)."""
    profile = REGIONS[region]
    rng = random.Random(region)
    end = now.replace(minute=now.minute - now.minute % 15, second=0, microsecond=0)
    start = end - datetime.timedelta(days=14)
    points = []
    when = start
    while when <= end:
        attempts = _activity(when, profile["peak"]) + rng.randint(0, 25)
        in_incident = profile["incident"] and when > end - datetime.timedelta(hours=INCIDENT_HOURS)
        if in_incident:
            attempts = max(attempts, 600) + rng.randint(0, 200)
            bounce_rate, complaint_rate = rng.uniform(0.10, 0.14), rng.uniform(0.0012, 0.0018)
        else:
            bounce_rate, complaint_rate = rng.uniform(0.004, 0.010), rng.uniform(0.0, 0.0003)
        if attempts:
            points.append({
                "Timestamp": when,
                "DeliveryAttempts": attempts,
                "Bounces": int(round(attempts * bounce_rate)),
                "Complaints": int(round(attempts * complaint_rate)),
                "Rejects": 1 if rng.random() < 0.02 else 0,
            })
        when += BUCKET
    return points


def send_quota(region, now):
    profile = REGIONS[region]
    day_ago = now - datetime.timedelta(hours=24)
    sent = sum(p["DeliveryAttempts"] for p in send_datapoints(region, now) if p["Timestamp"] > day_ago)
    return {"Max24HourSend": profile["max_24_hour_send"], "MaxSendRate": profile["max_send_rate"], "SentLast24Hours": float(sent)}


# Virtual Deliverability Manager, eu-west-1, per ISP and day: (sends, deliveries to ISPs that report complaints, complaints,
# permanent bounces). Yahoo's users complain at 0.45 %; Hotmail's at 0.04 %.
VDM_DAILY = {
    "eu-west-1": {"Yahoo": (900, 880, 4, 3), "Hotmail": (1100, 1080, 0, 4)},
}
RECOMMENDATIONS = {
    "eu-west-1": [("DKIM", "HIGH", "OPEN", "news.example.com", "DKIM signing is not set up for news.example.com")],
}
_VDM_METRICS = ("SEND", "DELIVERY_COMPLAINT", "COMPLAINT", "PERMANENT_BOUNCE")


def vdm_counts(region, now, days=7):
    """{(VDM metric, ISP or None for the whole account): [(UTC midnight in epoch seconds, count)]} of the last ``days`` days."""
    table = {}
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for back in range(days - 1, -1, -1):
        stamp = int((midnight - datetime.timedelta(days=back)).timestamp())
        for isp, counts in VDM_DAILY.get(region, {}).items():
            for metric, count in zip(_VDM_METRICS, counts):
                table.setdefault((metric, isp), []).append((stamp, float(count)))
                whole = table.setdefault((metric, None), [])
                if whole and whole[-1][0] == stamp:
                    whole[-1] = (stamp, whole[-1][1] + count)
                else:
                    whole.append((stamp, float(count)))
    return table


def recommendations(region, now):
    """(Type, Impact, Status, resource, description, created) of what AWS found wrong in ``region``."""
    created = int((now - datetime.timedelta(days=2)).timestamp())
    return [item + (created,) for item in RECOMMENDATIONS.get(region, [])]


def account(region):
    return {
        "SendQuota": {"Max24HourSend": REGIONS[region]["max_24_hour_send"], "MaxSendRate": REGIONS[region]["max_send_rate"]},
        "SendingEnabled": True,
        "ProductionAccessEnabled": True,
        "EnforcementStatus": REGIONS[region]["enforcement"],
        "DedicatedIpAutoWarmupEnabled": False,
        "VdmAttributes": {"VdmEnabled": "ENABLED" if region in VDM_DAILY else "DISABLED"},
    }


def cloudwatch_metric_data(region, now):
    """AWS/SES metric datums for the last three hours: counts every minute, rates every few minutes."""
    profile = REGIONS[region]
    rng = random.Random("cw-" + region)
    datums = []
    for minutes_ago in range(180, 0, -1):
        when = now - datetime.timedelta(minutes=minutes_ago)
        in_incident = profile["incident"] and minutes_ago <= 60 * INCIDENT_HOURS - 30
        sent = 40 + rng.randint(0, 30) if in_incident else 20 + rng.randint(0, 15)
        delivered = int(sent * (rng.uniform(0.85, 0.89) if in_incident else rng.uniform(0.985, 0.995)))
        datums.append({"MetricName": "Send", "Timestamp": when, "Value": float(sent), "Unit": "Count"})
        datums.append({"MetricName": "Delivery", "Timestamp": when, "Value": float(delivered), "Unit": "Count"})
        if minutes_ago % profile["reputation_every"] == 0:
            # SES's reputation metrics are rates over a representative window: they move slowly.
            bounce = rng.uniform(0.110, 0.125) if in_incident else rng.uniform(0.006, 0.009)
            complaint = rng.uniform(0.0013, 0.0016) if in_incident else rng.uniform(0.0001, 0.0002)
            datums.append({"MetricName": "Reputation.BounceRate", "Timestamp": when, "Value": round(bounce, 5), "Unit": "None"})
            datums.append({"MetricName": "Reputation.ComplaintRate", "Timestamp": when, "Value": round(complaint, 6), "Unit": "None"})
    return datums
