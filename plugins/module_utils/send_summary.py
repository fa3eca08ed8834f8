# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ses_send_stats' ``summary``: one line per region and an overall one, from the per-region entries. Pure.

``eu-west-1: sent 6404 of 50000 in 24 h (12.8 % used, 43596 left); bounces 0.59 %, complaints 0 % of 6404
attempts; account HEALTHY, production``. Nothing is rounded away that matters: a rate below 0.1 % keeps two
significant digits (``0.071 %``), a 0.0 rate reads ``0 %`` (not "n/a"), a rate without attempts reads ``n/a``.
"""

from __future__ import annotations

__all__ = ["percent_text", "region_line", "overall_line", "summary_lines"]


def percent_text(fraction):
    """``0.0059`` -> ``0.59 %``, ``0.00071`` -> ``0.071 %``, ``0.0`` -> ``0 %``, None -> ``n/a``."""
    if fraction is None:
        return "n/a"
    percent = fraction * 100.0
    if percent == 0:
        return "0 %"
    text = "%.2f" % percent if percent >= 0.1 else "%.2g" % percent
    if "e" in text:
        text = "%.6f" % percent
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + " %"


def _count(value):
    return "%d" % round(value)


def _quota_text(quota):
    if quota is None:
        return "quota unknown"
    sent = _count(quota["sent_last_24_hours"])
    if quota["unlimited"]:
        return "sent %s in 24 h (unlimited quota)" % sent
    used = quota["utilization_percent"]
    return "sent %s of %s in 24 h (%s used, %s left)" % (
        sent, _count(quota["max_24_hour_send"]), "n/a" if used is None else "%.1f %%" % used, _count(quota["remaining_24_hour_send"]))


def _rates_text(totals, rates):
    attempts = totals["delivery_attempts"]
    if not attempts:
        return "no delivery attempt in the window"
    return "bounces %s, complaints %s of %d attempts" % (percent_text(rates["bounce_rate"]), percent_text(rates["complaint_rate"]), attempts)


def _account_text(account):
    if not account or account.get("source") == "unavailable":
        return "account status unknown"
    words = []
    if account.get("enforcement_status"):
        words.append(account["enforcement_status"])
    if account.get("sandbox") is not None:
        words.append("sandbox" if account["sandbox"] else "production")
    if account.get("sending_enabled") is False:
        words.append("sending DISABLED")
    elif not words and account.get("sending_enabled"):
        words.append("sending enabled")
    return "account %s" % (", ".join(words) or "status unknown")


def region_line(entry):
    """One region's line; a failed region says so with AWS's code."""
    if entry["failed"]:
        error = entry.get("error") or {}
        return "%s: not read (%s)" % (entry["region"], error.get("code") or "error")
    return "%s: %s; %s; %s" % (entry["region"], _quota_text(entry["quota"]), _rates_text(entry["totals"], entry["rates"]),
                               _account_text(entry["account"]))


def overall_line(entries):
    """All regions that answered together: quota used and left, rates over every attempt, each account status and where."""
    read = [entry for entry in entries if not entry["failed"]]
    failed = [entry["region"] for entry in entries if entry["failed"]]
    if not read:
        return "overall: no region could be read (%s)" % ", ".join(failed)
    sent = sum(entry["quota"]["sent_last_24_hours"] for entry in read)
    limited = [entry["quota"] for entry in read if not entry["quota"]["unlimited"]]
    if len(limited) == len(read):
        maximum = sum(quota["max_24_hour_send"] for quota in limited)
        left = sum(quota["remaining_24_hour_send"] for quota in limited)
        quota = "sent %s of %s in 24 h (%s used, %s left)" % (
            _count(sent), _count(maximum), "%.1f %%" % (sent / maximum * 100.0) if maximum > 0 else "n/a", _count(left))
    else:
        quota = "sent %s in 24 h (%d of %d regions unlimited)" % (_count(sent), len(read) - len(limited), len(read))
    totals = dict((key, sum(entry["totals"][key] for entry in read)) for key in ("delivery_attempts", "bounces", "complaints"))
    attempts = totals["delivery_attempts"]
    rates = {"bounce_rate": totals["bounces"] / attempts if attempts else None,
             "complaint_rate": totals["complaints"] / attempts if attempts else None}
    statuses = []
    for entry in read:
        status = _account_text(entry["account"])[len("account "):]
        for pair in statuses:
            if pair[0] == status:
                pair[1].append(entry["region"])
                break
        else:
            statuses.append((status, [entry["region"]]))
    accounts = "; ".join("%s in %s" % (status, ", ".join(regions)) for status, regions in statuses)
    line = "overall (%d region%s): %s; %s; account %s" % (len(read), "" if len(read) == 1 else "s", quota, _rates_text(totals, rates), accounts)
    if failed:
        line += "; not read: %s" % ", ".join(failed)
    return line


def summary_lines(entries):
    """Every region's line, in the order asked, then the overall line."""
    return [region_line(entry) for entry in entries] + [overall_line(entries)]
