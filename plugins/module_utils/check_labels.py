# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The labels ses_metric_check knows: the CloudWatch metrics' (ses_metrics) and the account labels' (account_health). Pure."""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.account_health import ACCOUNT_LABEL_NAMES
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.ses_metrics import labels, metrics_for_labels

__all__ = ["all_labels", "known_label", "parse_metric_labels"]


def all_labels():
    """Every label the metrics option accepts, CloudWatch metrics first."""
    return labels() + list(ACCOUNT_LABEL_NAMES)


def known_label(label, option):
    """OptionError naming the option and every valid label, for a label that is neither a metric nor an account label."""
    if isinstance(label, str) and label in all_labels():
        return label
    raise OptionError("%s: unknown metric label '%s'; valid labels are: %s" % (option, label, ", ".join(all_labels())))


def parse_metric_labels(chosen):
    """The metrics option -> (SesMetrics, account labels), each in the given order without repeats."""
    if not chosen:
        return metrics_for_labels(chosen), []
    for label in chosen:
        known_label(label, "metrics")
    account = []
    for label in chosen:
        if label in ACCOUNT_LABEL_NAMES and label not in account:
            account.append(label)
    cloudwatch = [label for label in chosen if label not in ACCOUNT_LABEL_NAMES]
    return (metrics_for_labels(cloudwatch) if cloudwatch else []), account
