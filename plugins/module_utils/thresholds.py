# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Thresholds of ses_metric_check: the warning/critical options and the presets (``thresholds``). Pure.

The presets' levels are in presets.py; the labels, their domains and which take thresholds, in the registry
(sources/registry.py).

A range that cannot alert for any value of its label's domain (rates 0..1, counts and ``quota-usage`` 0
or more) is refused: ``critical: {emails-rejected: "10"}`` meant 10 % and would never fire.
The role's filter (ses_pack_errors) refuses it with the same function, ``parse_label_range``.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import RangeError, parse_range
from ansible_collections.sesmon.ses.plugins.module_utils.presets import preset_ranges
from ansible_collections.sesmon.ses.plugins.module_utils.sources import registry

__all__ = ["UnfireableRange", "label_domain", "parse_label_range", "parse_thresholds"]


class UnfireableRange(RangeError):
    """A valid range that no value of its label's domain can raise; ``reason`` starts with "can never alert"."""


def label_domain(label):
    """(low, high, hint) of the values ``label`` can take: rates 0..1, counts and quota-usage 0 or more."""
    return registry.domain(label)


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


def parse_thresholds(warning, critical, checked, preset=None):
    """``{label: (warning range, critical range)}`` for the ``checked`` labels; every mistake is an OptionError.

    The ``preset``'s ranges come first; an explicit warning or critical entry replaces that level of its label.
    """
    checked = list(checked)
    thresholds = dict((label, [_parse_range("thresholds", label, text) for text in pair])
                      for label, pair in preset_ranges(preset, checked).items())
    for position, option, given in ((0, "warning", warning), (1, "critical", critical)):
        if given is None:
            continue
        if not isinstance(given, dict):
            raise OptionError("%s must be a dictionary of metric label: Nagios range, got %r" % (option, given))
        for label, text in given.items():
            registry.known_label(label, option)
            if not registry.takes_thresholds(label):
                source = registry.source_of(label)
                takers = ("of the %s labels only %s does" % (source.NAME, ", ".join(source.THRESHOLD_LABELS)) if source.THRESHOLD_LABELS
                          else "no %s label does" % source.NAME)
                raise OptionError("%s.%s: this %s label has fixed states (AWS's meaning of the value) and takes no threshold; %s"
                                  % (option, label, source.NAME, takers))
            if label not in thresholds:
                raise OptionError(
                    "%s.%s: this metric is not checked (metrics: %s); add it to metrics or remove the threshold"
                    % (option, label, ", ".join(checked)))
            thresholds[label][position] = _parse_range(option, label, text)
    return dict((label, tuple(pair)) for label, pair in thresholds.items())
