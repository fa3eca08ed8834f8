# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The registry of label sources: every label ses_metric_check knows, and the source that reads it. Pure.

A source is one module of this package with:
- ``NAME``; ``LABELS`` (records with ``label``, ``text``, ``unit``, ``perfdata_label``); ``DEFAULT_LABELS``
  (checked when ``metrics`` is left out); ``THRESHOLD_LABELS`` (the labels that take Nagios ranges) and
  ``domain(label)`` -> (low, high, hint) of their values;
- ``OPERATIONS``: (client, operation, IAM action) of every AWS call it can make; ``REQUESTS_KEY``: the
  result key that counts its requests;
- optionally ``parse_options(params)``: its own module options, validated (OptionError) before any request;
  the check's plan carries the answer as ``plan.source_options[NAME]``;
- ``prepare(plan, regions, now)`` -> a run, or None when it has nothing to do (then it makes no request);
  the run's ``work(session, region)`` makes its AWS calls in one region, and ``finish(outcomes)`` turns
  the regions' outcomes into a ``part.SourcePart``.
Option parsing (labels, thresholds, presets) reads only this registry; the check loops over ``SOURCES``.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.sources import account, cloudwatch_ses, recommendations, tenants, vdm

__all__ = ["SOURCES", "all_labels", "default_labels", "label_spec", "source_of", "known_label", "takes_thresholds",
           "domain", "parse_labels", "operations"]

# In label order: the documented choices, the output and the result list CloudWatch's labels first.
SOURCES = (cloudwatch_ses, account, recommendations, vdm, tenants)

_SOURCE_OF = dict((spec.label, source) for source in SOURCES for spec in source.LABELS)
_SPEC = dict((spec.label, spec) for source in SOURCES for spec in source.LABELS)


def all_labels():
    """Every label the metrics option accepts, in registry order."""
    return [spec.label for source in SOURCES for spec in source.LABELS]


def default_labels():
    """The labels checked when ``metrics`` is left out."""
    return [label for source in SOURCES for label in source.DEFAULT_LABELS]


def label_spec(label):
    """The record its source declares for ``label`` (label, text, unit, perfdata_label...)."""
    return _SPEC[label]


def source_of(label):
    return _SOURCE_OF[label]


def known_label(label, option):
    """``label``, or an OptionError naming the option and every valid label."""
    if isinstance(label, str) and label in _SPEC:
        return label
    raise OptionError("%s: unknown metric label '%s'; valid labels are: %s" % (option, label, ", ".join(all_labels())))


def takes_thresholds(label):
    return label in _SOURCE_OF[label].THRESHOLD_LABELS


def domain(label):
    """(low, high, hint) of the values ``label`` can take (labels that take thresholds)."""
    return _SOURCE_OF[label].domain(label)


def operations():
    """Every (client, operation, IAM action) a check can call, source by source."""
    return [operation for source in SOURCES for operation in source.OPERATIONS]


def parse_labels(chosen):
    """The metrics option -> {source NAME: [label records]}, each in the given order without repeats; None -> the defaults."""
    if chosen is None:
        chosen = default_labels()
    elif not chosen:
        raise OptionError("metrics must name at least one metric (leave it out for the default: %s)" % ", ".join(default_labels()))
    for label in chosen:
        known_label(label, "metrics")
    parsed = dict((source.NAME, []) for source in SOURCES)
    for label in chosen:
        spec, bucket = _SPEC[label], parsed[_SOURCE_OF[label].NAME]
        if spec not in bucket:
            bucket.append(spec)
    return parsed
