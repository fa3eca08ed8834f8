# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Thresholds of ses_metric_check: the warning/critical options and the presets (``thresholds``). Pure.

``aws``: AWS's documented reputation levels, as fractions (0.05 = 5 %), alerting at the level
itself ("5 % or more"), hence ``@0.05:``:
- warning where the account goes under review: bounce rate 5 %, complaint rate 0.1 %;
- critical where AWS may pause sending: bounce rate 10 %, complaint rate 0.5 %.
Sources: SES developer guide, "Amazon SES sending review process FAQs" (faqs-enforcement.html)
and "Creating reputation monitoring alarms using CloudWatch" (reputationdashboard-cloudwatch-alarm.html).
The account labels' states (PROBATION, SHUTDOWN, sending disabled, sandbox) are AWS's own words
and need no preset; AWS documents no level for quota usage, so the preset has none.

A range that cannot alert for any value of its label's domain (rates 0..1, counts and ``quota-usage`` 0
or more) is refused: ``critical: {emails-rejected: "10"}`` meant 10 % and would never fire.
The role's filter (ses_pack_errors) refuses it with the same function, ``parse_label_range``.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.account_health import ACCOUNT_LABEL_NAMES, THRESHOLD_LABELS
from ansible_collections.sesmon.ses.plugins.module_utils.check_labels import known_label
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import RangeError, parse_range
from ansible_collections.sesmon.ses.plugins.module_utils.ses_metrics import metric_by_label

__all__ = ["PRESETS", "PRESET_NAMES", "UnfireableRange", "label_domain", "parse_label_range", "preset_ranges", "parse_thresholds"]

# (lowest value, highest value, what to say) of the values a label can take.
_RATE_DOMAIN = (0.0, 1.0, "rates are fractions (0.1 is 10 %)")
_COUNT_DOMAIN = (0.0, float("inf"), "counts are 0 or more")
# Not capped at 100: SentLast24Hours exceeds Max24HourSend when the quota is lowered below what was sent
# (an account put back in the sandbox, say), and "~:100" (over the quota) is a gate worth having.
_PERCENT_DOMAIN = (0.0, float("inf"), "quota-usage is a percentage, 0 or more (100 is the whole quota)")

PRESETS = {
    "none": {},
    "aws": {
        "emails-rejected": ("@0.05:", "@0.1:"),  # Reputation.BounceRate
        "emails-spam": ("@0.001:", "@0.005:"),  # Reputation.ComplaintRate
    },
}
PRESET_NAMES = tuple(PRESETS)


def preset_ranges(name, labels):
    """``{label: (warning text or None, critical text or None)}`` of preset ``name`` for the checked ``labels``."""
    if name is None:
        name = "none"
    if name not in PRESETS:
        raise OptionError("thresholds must be one of %s, got %r" % (", ".join(PRESET_NAMES), name))
    levels = PRESETS[name]
    return dict((label, levels.get(label, (None, None))) for label in labels)


class UnfireableRange(RangeError):
    """A valid range that no value of its label's domain can raise; ``reason`` starts with "can never alert"."""


def label_domain(label):
    """(low, high, hint) of the values ``label`` can take: rates 0..1, counts and quota-usage 0 or more."""
    if label == "quota-usage":
        return _PERCENT_DOMAIN
    return _RATE_DOMAIN if metric_by_label(label).unit == "fraction" else _COUNT_DOMAIN


def parse_label_range(label, text):
    """``parse_range(text)``, and UnfireableRange when no value ``label`` can take would alert."""
    threshold = parse_range(text)
    if threshold is None:
        return None
    low, high, hint = label_domain(label)
    if not threshold.can_alert_within(-float("inf"), float("inf")):
        raise UnfireableRange(text, "can never alert: it holds every value; leave the threshold out for none")
    if not threshold.can_alert_within(low, high):
        raise UnfireableRange(text, "can never alert: %s" % hint)
    return threshold


def _parse_range(option, label, text):
    try:
        return parse_label_range(label, text)
    except UnfireableRange as exc:
        raise OptionError("%s.%s: '%s' %s" % (option, label, exc.text, exc.reason)) from None
    except RangeError as exc:
        raise OptionError("%s.%s: '%s' is not a valid Nagios range: %s" % (option, label, exc.text, exc.reason)) from None


def parse_thresholds(warning, critical, metrics, account_labels=(), preset=None):
    """``{label: (warning range, critical range)}`` for the checked labels; every mistake is an OptionError.

    The ``preset``'s ranges come first; an explicit warning or critical entry replaces that level of its label.
    """
    checked = [metric.label for metric in metrics] + list(account_labels)
    thresholds = dict((label, [_parse_range("thresholds", label, text) for text in pair])
                      for label, pair in preset_ranges(preset, checked).items())
    for position, option, given in ((0, "warning", warning), (1, "critical", critical)):
        if given is None:
            continue
        if not isinstance(given, dict):
            raise OptionError("%s must be a dictionary of metric label: Nagios range, got %r" % (option, given))
        for label, text in given.items():
            known_label(label, option)
            if label in ACCOUNT_LABEL_NAMES and label not in THRESHOLD_LABELS:
                raise OptionError("%s.%s: this account label has fixed states (AWS's meaning of the value) and takes no "
                                  "threshold; of the account labels only %s does" % (option, label, ", ".join(THRESHOLD_LABELS)))
            if label not in thresholds:
                raise OptionError(
                    "%s.%s: this metric is not checked (metrics: %s); add it to metrics or remove the threshold"
                    % (option, label, ", ".join(checked)))
            thresholds[label][position] = _parse_range(option, label, text)
    return dict((label, tuple(pair)) for label, pair in thresholds.items())
