# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The catalogue of CloudWatch ``AWS/SES`` metrics the check knows, under Centreon-style labels.

Pure data and lookups. The first four entries are Centreon's ``emails`` mode, with its labels,
perfdata labels and texts; note that Centreon's ``emails-rejected`` is the *bounce rate*
(``Reputation.BounceRate``), not SES's ``Reject`` count, which is ``emails-rejected-by-ses`` here.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

__all__ = [
    "NAMESPACE", "STATISTICS", "CLOUDWATCH_STATISTICS", "LATEST", "LATEST_STAT", "SesMetric", "CATALOGUE",
    "DEFAULT_LABELS", "labels", "metric_by_label", "metrics_for_labels",
]

NAMESPACE = "AWS/SES"

# Our option names -> CloudWatch's statistic names, in the order they are documented.
CLOUDWATCH_STATISTICS = {
    "average": "Average",
    "sum": "Sum",
    "minimum": "Minimum",
    "maximum": "Maximum",
    "sample_count": "SampleCount",
}
# ``latest``: the newest datapoint of the look-back window, for the sparse Reputation.* rates.
LATEST = "latest"
# What a ``latest`` query asks CloudWatch per minute: two datapoints in one minute, the worse counts.
LATEST_STAT = "maximum"
STATISTICS = tuple(CLOUDWATCH_STATISTICS) + (LATEST,)

SesMetric = namedtuple(
    "SesMetric",
    ["label", "metric_name", "perfdata_label", "text", "unit", "default_statistic", "centreon"],
)
SesMetric.__doc__ = """One AWS/SES metric: option label, CloudWatch name, perfdata label, text, unit, default statistic."""

CATALOGUE = (
    # Centreon's four, in Centreon's documented order.
    SesMetric("emails-sent", "Send", "ses.emails.sent.count", "number of sent emails", "count", "sum", True),
    SesMetric("emails-delivered", "Delivery", "ses.emails.delivered.count",
              "number of emails successfully delivered", "count", "sum", True),
    SesMetric("emails-rejected", "Reputation.BounceRate", "ses.emails.rejected.rate",
              "rate of rejected sent emails", "fraction", LATEST, True),
    SesMetric("emails-spam", "Reputation.ComplaintRate", "ses.emails.spam.rate",
              "rate of sent emails marked as spam", "fraction", LATEST, True),
    # The other AWS/SES metrics (most exist only with configuration-set event publishing).
    SesMetric("emails-bounced", "Bounce", "ses.emails.bounced.count", "number of bounced emails", "count", "sum", False),
    SesMetric("emails-complained", "Complaint", "ses.emails.complained.count",
              "number of complaints", "count", "sum", False),
    SesMetric("emails-rejected-by-ses", "Reject", "ses.emails.rejected-by-ses.count",
              "number of emails rejected by SES", "count", "sum", False),
    SesMetric("emails-rendering-failed", "RenderingFailure", "ses.emails.rendering-failed.count",
              "number of template rendering failures", "count", "sum", False),
    SesMetric("emails-opened", "Open", "ses.emails.opened.count", "number of opened emails", "count", "sum", False),
    SesMetric("emails-clicked", "Click", "ses.emails.clicked.count", "number of clicked emails", "count", "sum", False),
    SesMetric("emails-delayed", "DeliveryDelay", "ses.emails.delayed.count", "number of delivery delays", "count", "sum", False),
    SesMetric("emails-subscription-changed", "Subscription", "ses.emails.subscription-changed.count",
              "number of subscription preference changes", "count", "sum", False),
)

DEFAULT_LABELS = tuple(metric.label for metric in CATALOGUE if metric.centreon)

_BY_LABEL = dict((metric.label, metric) for metric in CATALOGUE)


def labels():
    """Every known label, in catalogue order."""
    return [metric.label for metric in CATALOGUE]


def metric_by_label(label, option="metrics"):
    """The SesMetric of ``label``; OptionError naming the option, the label and the valid ones."""
    metric = _BY_LABEL.get(label) if isinstance(label, str) else None
    if metric is None:
        raise OptionError("%s: unknown metric label '%s'; valid labels are: %s" % (option, label, ", ".join(labels())))
    return metric


def metrics_for_labels(chosen, option="metrics"):
    """SesMetrics for a list of labels, in the given order, repeats dropped; ``None`` -> Centreon's four."""
    if chosen is None:
        return [_BY_LABEL[label] for label in DEFAULT_LABELS]
    if not chosen:
        raise OptionError("%s must name at least one metric (leave it out for the default: %s)" % (option, ", ".join(DEFAULT_LABELS)))
    result = []
    for label in chosen:
        metric = metric_by_label(label, option)
        if metric not in result:
            result.append(metric)
    return result
