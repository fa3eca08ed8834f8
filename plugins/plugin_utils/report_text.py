# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The reports' words: numbers with thousands separators, percentages, states, and the region facts as text. Pure.

Both renderers (Markdown and HTML) take their text from here, so the two say the same thing. Every
state is a word with an icon; colour is never the only sign.
"""

from __future__ import annotations

import math
import re

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import STATE_CODES, STATE_NAMES, worst_state
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import format_number
from ansible_collections.sesmon.ses.plugins.module_utils.sources.registry import all_labels, label_spec
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_data import number, parse_time

__all__ = ["NOT_AVAILABLE", "STATE_ICONS", "headline", "count", "percent", "fraction_percent", "state_text", "rate_level",
           "region_facts", "check_rows", "label_text", "one_line", "when_text", "duration_text"]

NOT_AVAILABLE = "n/a"
# Icons beside the words (Markdown); the HTML report draws its own shapes.
STATE_ICONS = {"OK": "✅", "WARNING": "⚠️", "CRITICAL": "❌", "UNKNOWN": "❔", "FAILED": "⛔", None: "➖"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_LABEL_TEXT = dict((label, label_spec(label).text) for label in all_labels())


def one_line(value, limit=600):
    """Text on one line (control characters and line breaks become spaces), at most ``limit`` characters."""
    text = "" if value is None else value if isinstance(value, str) else str(value)
    text = _CONTROL.sub(" ", text).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def count(value):
    """``1,234,567``: whole numbers with thousands separators, others with up to 2 decimals; n/a for no number."""
    value = number(value)
    if value is None:
        return NOT_AVAILABLE
    if float(value).is_integer() and abs(value) < 1e18:
        return "{:,}".format(int(value))
    return "{:,.2f}".format(value).rstrip("0").rstrip(".")


def percent(value):
    """A percentage already in percent: ``12.8 %``, ``0.071 %``, ``0 %``, ``< 0.0001 %``; n/a for no number."""
    value = number(value)
    if value is None:
        return NOT_AVAILABLE
    if value == 0:
        return "0 %"
    size = abs(value)
    if size < 0.0001:
        return "< 0.0001 %"
    decimals = min(4, max(0, 2 - int(math.floor(math.log10(size)))))
    text = "{:,.{}f}".format(value, decimals)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + " %"


def fraction_percent(value):
    """A fraction (0.05) as a percentage (``5 %``)."""
    value = number(value)
    return NOT_AVAILABLE if value is None else percent(value * 100.0)


def state_text(state):
    """``❌ CRITICAL``; ``➖ no data`` for None."""
    return "%s %s" % (STATE_ICONS.get(state, "❔"), state if state else "no data")


def rate_level(rate, levels):
    """``(state, words)`` of an observed rate against (review, pause): CRITICAL at pause or more, WARNING at review or more."""
    rate = number(rate)
    if rate is None:
        return None, "no delivery attempt"
    review, pause = levels
    if rate >= pause:
        return "CRITICAL", "at or above AWS's pause level (%s)" % fraction_percent(pause)
    if rate >= review:
        return "WARNING", "at or above AWS's review level (%s)" % fraction_percent(review)
    return "OK", "below AWS's review level (%s)" % fraction_percent(review)


def when_text(value):
    """``2026-12-07 00:30 UTC`` from ISO text or a datetime; the text itself when unreadable."""
    when = parse_time(value) if isinstance(value, str) else value
    if when is None or not hasattr(when, "strftime"):
        return one_line(value) or NOT_AVAILABLE
    return when.strftime("%Y-%m-%d %H:%M UTC")


def duration_text(seconds):
    """``15 min``, ``6 h``, ``1 d``."""
    if seconds % 86400 == 0:
        return "%d d" % (seconds // 86400)
    if seconds % 3600 == 0:
        return "%d h" % (seconds // 3600)
    return "%d min" % (seconds // 60)


def _account_text(account):
    if not isinstance(account, dict) or account.get("source") in (None, "unavailable"):
        return NOT_AVAILABLE + " (GetAccount could not be read)"
    parts = [one_line(account.get("enforcement_status")) or "enforcement status unknown"]
    sending = account.get("sending_enabled")
    parts.append({True: "sending enabled", False: "sending DISABLED"}.get(sending, "sending unknown"))
    sandbox = account.get("sandbox")
    parts.append({True: "sandbox", False: "production"}.get(sandbox, "production access unknown"))
    return ", ".join(parts)


def _account_state(account):
    if not isinstance(account, dict):
        return None
    if account.get("sending_enabled") is False or account.get("enforcement_status") == "SHUTDOWN":
        return "CRITICAL"
    if account.get("enforcement_status") == "PROBATION":
        return "WARNING"
    if account.get("enforcement_status") == "HEALTHY":
        return "OK"
    return None


def _quota_texts(quota):
    if not isinstance(quota, dict):
        return NOT_AVAILABLE, NOT_AVAILABLE
    sent = count(quota.get("sent_last_24_hours"))
    if quota.get("unlimited"):
        return "%s in 24 h, no 24-hour limit (unlimited quota)" % sent, "unlimited"
    used = "%s of %s in 24 h" % (sent, count(quota.get("max_24_hour_send")))
    if number(quota.get("utilization_percent")) is not None:
        used += " (%s)" % percent(quota["utilization_percent"])
    return used, count(quota.get("remaining_24_hour_send"))


def _fact(key, what, state, text, short=None):
    return {"key": key, "what": what, "state": state, "text": text, "short": text if short is None else short}


def region_facts(region, levels):
    """A region's send statistics for a facts table: a list of ``{key, what, state, text, short}``.

    ``key`` is quota_used, quota_left, bounce, complaint, totals, account, newest or failed; ``state``
    a state word or None; ``short`` the text for an overview cell. [] without send statistics.
    """
    stats = region.get("stats")
    if region.get("stats_error"):
        return [_fact("failed", "send statistics", "FAILED", "could not be read: %s" % one_line(region["stats_error"]), "could not be read")]
    if not stats:
        return []
    used, left = _quota_texts(stats.get("quota"))
    facts = [_fact("quota_used", "quota used", None, used), _fact("quota_left", "quota left", None, left)]
    rates = stats.get("rates") or {}
    window = stats.get("window") or {}
    span = "over %s datapoints since %s" % (count(window.get("datapoint_count")), when_text(window.get("start")))
    for key in ("bounce", "complaint"):
        what = "%s rate (observed)" % key
        rate = rates.get("%s_rate" % key)
        state, words = rate_level(rate, levels[key])
        if state is None:
            facts.append(_fact(key, what, None, "n/a: no delivery attempt in the window", NOT_AVAILABLE))
        else:
            facts.append(_fact(key, what, state, "%s, %s; %s" % (fraction_percent(rate), words, span), fraction_percent(rate)))
    totals = stats.get("totals") or {}
    facts.append(_fact("totals", "sends (delivery attempts)", None, "%s, %s bounces, %s complaints, %s rejects" % tuple(
        count(totals.get(key)) for key in ("delivery_attempts", "bounces", "complaints", "rejects"))))
    account = stats.get("account")
    facts.append(_fact("account", "account", _account_state(account), _account_text(account)))
    if window.get("newest_datapoint"):
        facts.append(_fact("newest", "newest datapoint", None, "%s (%s s old)" % (
            when_text(window["newest_datapoint"]), count(window.get("newest_datapoint_age_seconds")))))
    return facts


def headline(region, levels):
    """``(state, note)`` of a region's heading: its checks' state (or FAILED); without a check, the worst state of its
    send statistics (observed rates against AWS's levels, account status), with the note that it comes from them."""
    if region.get("status"):
        return region["status"], ""
    states = [STATE_CODES[fact["state"]] for fact in region_facts(region, levels) if fact["state"] in STATE_CODES]
    if not states:
        return None, ""
    return STATE_NAMES[worst_state(states)], "from the send statistics"


def label_text(metric):
    """``emails-rejected (rate of rejected sent emails), latest``, plus the instance when it is not the account's (``SES``)."""
    label = one_line(metric.get("label")) or "?"
    text = _LABEL_TEXT.get(metric.get("label"))
    shown = "%s (%s)" % (label, text) if text else label
    if metric.get("statistic"):
        shown += ", %s" % one_line(metric["statistic"])
    if metric.get("instance") and metric.get("instance") not in ("SES", "%s/SES" % metric.get("region")):
        shown += ", instance %s" % one_line(metric["instance"])
    return shown


def _value_text(metric):
    if metric.get("account_value") is not None:
        return one_line(metric["account_value"])
    value = number(metric.get("value"))
    if value is None:
        return "no datapoint"
    unit = metric.get("unit")
    if unit == "fraction":
        return "%s (%s)" % (fraction_percent(value), format_number(value))
    if unit == "percent":
        return percent(value)
    return count(value)


def check_rows(region):
    """``[(label, state, value, warning, critical, note)]`` of a region's checks (texts on one line; note may be empty)."""
    rows = []
    for metric in region.get("checks") or []:
        note = one_line(metric.get("unknown_reason")) if metric.get("unknown_reason") else ""
        rows.append((label_text(metric), metric.get("state"), _value_text(metric),
                     one_line(metric.get("warning")) or "–", one_line(metric.get("critical")) or "–", note))
    return rows
