# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The CloudWatch source's AWS/SES metric catalogue: Centreon's four exactly, every other SES metric under its own label."""

from __future__ import annotations

import re

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import CLOUDWATCH_STATISTICS, LATEST_STAT, STATISTICS
from ansible_collections.sesmon.ses.plugins.module_utils.sources.cloudwatch_ses import CATALOGUE, DEFAULT_LABELS, NAMESPACE
from ansible_collections.sesmon.ses.plugins.module_utils.sources.registry import all_labels, known_label, label_spec, parse_labels


def metrics_for_labels(chosen):
    return parse_labels(chosen)["cloudwatch"]


def test_centreon_mapping_is_reproduced_exactly():
    centreon = [(m.metric_name, m.label, m.perfdata_label, m.text) for m in CATALOGUE if m.centreon]
    assert centreon == [
        ("Send", "emails-sent", "ses.emails.sent.count", "number of sent emails"),
        ("Delivery", "emails-delivered", "ses.emails.delivered.count", "number of emails successfully delivered"),
        ("Reputation.BounceRate", "emails-rejected", "ses.emails.rejected.rate", "rate of rejected sent emails"),
        ("Reputation.ComplaintRate", "emails-spam", "ses.emails.spam.rate", "rate of sent emails marked as spam"),
    ]
    assert DEFAULT_LABELS == ("emails-sent", "emails-delivered", "emails-rejected", "emails-spam")
    assert NAMESPACE == "AWS/SES"


def test_every_aws_ses_metric_has_a_label_of_its_own():
    names = [m.metric_name for m in CATALOGUE]
    assert sorted(names) == sorted([
        "Send", "Delivery", "Bounce", "Complaint", "Reject", "RenderingFailure", "Open", "Click",
        "DeliveryDelay", "Subscription", "Reputation.BounceRate", "Reputation.ComplaintRate"])
    for field in ("label", "perfdata_label", "text"):
        values = [getattr(m, field) for m in CATALOGUE]
        assert len(set(values)) == len(values), field


def test_units_and_default_statistics():
    for metric in CATALOGUE:
        if metric.metric_name.startswith("Reputation."):
            # Sparse rolling rates: read as the newest value over the look-back, not a window average.
            assert (metric.unit, metric.default_statistic) == ("fraction", "latest"), metric.label
            assert metric.perfdata_label.endswith(".rate")
        else:
            assert (metric.unit, metric.default_statistic) == ("count", "sum"), metric.label
            assert metric.perfdata_label.endswith(".count")
    assert label_spec("emails-rejected-by-ses").metric_name == "Reject"
    assert label_spec("emails-rejected").metric_name == "Reputation.BounceRate"


def test_labels_are_safe_in_perfdata_and_threshold_keys():
    for metric in CATALOGUE:
        assert re.match(r"^emails-[a-z-]+$", metric.label)
        assert re.match(r"^ses\.emails\.[a-z.-]+$", metric.perfdata_label)


def test_statistics_map_to_cloudwatch_names():
    assert STATISTICS == ("average", "sum", "minimum", "maximum", "sample_count", "latest")
    assert "latest" not in CLOUDWATCH_STATISTICS and LATEST_STAT in CLOUDWATCH_STATISTICS  # latest asks each minute's maximum
    assert CLOUDWATCH_STATISTICS["sample_count"] == "SampleCount"
    assert CLOUDWATCH_STATISTICS["average"] == "Average"


def test_unknown_label_names_it_and_lists_the_valid_ones():
    with pytest.raises(OptionError) as info:
        known_label("emails-bounce", "metrics")
    assert str(info.value) == "metrics: unknown metric label 'emails-bounce'; valid labels are: " + ", ".join(all_labels())
    assert "emails-subscription-changed" in str(info.value)


def test_metrics_for_labels_defaults_order_and_repeats():
    assert [m.label for m in metrics_for_labels(None)] == list(DEFAULT_LABELS)
    chosen = metrics_for_labels(["emails-spam", "emails-sent", "emails-spam"])
    assert [m.label for m in chosen] == ["emails-spam", "emails-sent"]
    with pytest.raises(OptionError, match=r"^metrics must name at least one metric \(leave it out for the default: emails-sent, "):
        metrics_for_labels([])
    with pytest.raises(OptionError, match="^metrics: unknown metric label 'Send'"):
        metrics_for_labels(["emails-sent", "Send"])
