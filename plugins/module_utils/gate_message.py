# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What ses_metric_check says in one line: the failed gate's ``msg``, and the advice when a metric has no data. Pure.

The Centreon-format line stays in ``output`` (conformance); these texts are for the person at the pipeline:
which labels in which regions crossed which level, AWS's meaning of that level for the ``aws`` preset, and
where to read more. About 200 characters in the common case.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import parse_range
from ansible_collections.sesmon.ses.plugins.module_utils.presets import PRESET_MEANINGS, PRESETS

__all__ = ["AWS_MEANINGS", "MORE", "gate_message", "no_data_advice"]

# AWS's meaning of the aws preset's levels (SES developer guide, faqs-enforcement.html): index 0 warning, 1 critical.
AWS_MEANINGS = PRESET_MEANINGS["aws"]
MORE = "see output, metrics, docs/troubleshooting.md"
_LEVELS = ("warning", "critical")
_SHOWN = ("CRITICAL", "WARNING", "UNKNOWN")
# A single failed region's own message is given whole up to this length; beyond it, the region and AWS's code.
_WHOLE_ERROR = 180
# An UNKNOWN metric's reason (stale, partial data...) is given up to this length.
_REASON = 90


def _preset_level(preset, label, level):
    """The preset's normalised range of ``label`` at ``level`` (0 warning, 1 critical), or None."""
    pair = PRESETS.get(preset or "none", {}).get(label)
    if not pair or pair[level] is None:
        return None
    return parse_range(pair[level]).normalized()


def _item(entry, preset):
    """(group key, text) of one entry that is not OK."""
    state = entry["state"]
    label = entry["label"]
    if state == "UNKNOWN":
        reason = " ".join(str(entry.get("unknown_reason") or "").split())
        reason = reason if len(reason) <= _REASON else reason[:_REASON - 3].rstrip() + "..."
        return (state, label, reason), (label, reason or None)
    if entry.get("account_value") is not None and entry.get("warning") is None and entry.get("critical") is None:
        return (state, label, entry["account_value"]), ("%s %s" % (label, entry["account_value"]), None)
    level = 1 if state == "CRITICAL" else 0
    crossed = entry.get(_LEVELS[level])
    meanings = PRESET_MEANINGS.get(preset or "none")
    meaning = meanings[level] if meanings and crossed is not None and crossed == _preset_level(preset, label, level) else None
    return (state, label, meaning), (label, meaning)


def gate_message(fail_on, entries, preset=None, failed_regions=None, no_data=None):
    """One line: ``fail_on <level>: CRITICAL emails-rejected (AWS: risk of pause) in us-east-1; ... - <more>``.

    ``entries`` are the result's ``metrics`` (dicts with region, label, state, warning, critical, account_value).
    Labels in the same state, with the same meaning, are listed once with their regions. ``failed_regions``:
    {region: error dict (code, message)} of the regions whose CloudWatch request failed, each named once (with
    its message when it is the only one and short, else with AWS's code) rather than once per label.
    ``no_data`` is the no-metrics advice.
    """
    failed = failed_regions or {}
    groups = []
    regions = {}
    for entry in entries:
        if entry.get("state") not in _SHOWN or (entry["state"] == "UNKNOWN" and entry["region"] in failed
                                                and entry.get("unit") in ("count", "fraction")):
            continue
        key, text = _item(entry, preset)
        if key not in regions:
            regions[key] = []
            groups.append((key, text))
        if entry["region"] not in regions[key]:
            regions[key].append(entry["region"])
    # Items that share their regions are written together, states in order of gravity:
    # "CRITICAL emails-rejected (AWS: risk of pause); WARNING emails-spam, account-enforcement PROBATION in us-east-1".
    by_regions = []
    for state in _SHOWN:
        for key, text in groups:
            if key[0] != state:
                continue
            where = ", ".join(regions[key])
            for pair in by_regions:
                if pair[0] == where:
                    pair[1].append((state, text))
                    break
            else:
                by_regions.append((where, [(state, text)]))
    sections = ["%s in %s" % (_states_text(items), where) for where, items in by_regions]
    for region, error in failed.items():
        message = " ".join(str(error.get("message") or "").split())
        sections.append("UNKNOWN: %s" % message if message and len(failed) == 1 and len(message) <= _WHOLE_ERROR
                        else "UNKNOWN %s could not be read (GetMetricData: %s)" % (region, error.get("code") or "error"))
    if no_data:
        sections.append(no_data)
    if not sections:
        sections.append("no metric could be read")
    return "fail_on %s: %s - %s" % (fail_on, "; ".join(sections), MORE)


def _states_text(items):
    """[(state, (text, meaning))] -> ``CRITICAL a (m1); WARNING b, c (m2), d``: one state word a run, one meaning a run."""
    runs = []
    for state, (text, meaning) in items:
        if runs and runs[-1][0] == state:
            texts = runs[-1][1]
            if texts[-1][1] == meaning and meaning is not None:
                texts[-1][0].append(text)
            else:
                texts.append(([text], meaning))
        else:
            runs.append((state, [([text], meaning)]))
    return "; ".join("%s %s" % (state, ", ".join(", ".join(labels) + (" (%s)" % meaning if meaning else "") for labels, meaning in texts))
                     for state, texts in runs)


def no_data_advice(entries, timeframe, lookback):
    """Advice for the metrics without any datapoint (``value`` None, no state), fitting each kind; None when there are none.

    Counts: ``missing_data`` (zero or ok) when nothing was sent is normal. Rates (``latest`` or another statistic):
    AWS publishes them sparsely, so widen ``reputation_lookback`` or read them with ``latest``; never zero a rate.
    """
    empty = [entry for entry in entries if entry.get("state") is None and entry.get("value") is None]
    if not empty:
        return None
    counts = _unique(entry["label"] for entry in empty if entry.get("unit") == "count")
    rates = _unique(entry["label"] for entry in empty if entry.get("unit") == "fraction")
    latest_rates = [label for label in rates if any(e["label"] == label and e["statistic"] == "latest" for e in empty)]
    parts = []
    if counts:
        parts.append("no datapoint for %s in the last %d s (nothing sent?): missing_data: zero or ok counts that as 0 or OK"
                     % (", ".join(counts), timeframe))
    if rates:
        where = ("within reputation_lookback %d s: widen it" % lookback) if latest_rates == rates else \
            "in the window: read them with the default statistic latest, over reputation_lookback"
        parts.append("no reputation datapoint for %s %s; AWS publishes them sparsely (none before a bounce); "
                     "never zero a rate" % (", ".join(rates), where))
    return "; ".join(parts) + " (docs/troubleshooting.md)"


def _unique(labels):
    result = []
    for label in labels:
        if label not in result:
            result.append(label)
    return result
