# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The statistics a metric label can be read with: CloudWatch's five and ``latest``. Pure data."""

from __future__ import annotations

__all__ = ["CLOUDWATCH_STATISTICS", "LATEST", "LATEST_STAT", "STATISTICS"]

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
