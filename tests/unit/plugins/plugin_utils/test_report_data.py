# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Tests for report_data: results of either module (or both) as regions, AWS's levels from the preset, chart bins."""

from __future__ import annotations

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils import presets
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_data import BIN_WIDTHS, ReportInputError, aws_levels, bins, collect
from ansible_collections.sesmon.ses.tests.unit.plugins.plugin_utils.report_samples import (
    END, datapoints, demo_like, failed_entry, metric, metric_check, region_entry, send_stats)


def test_aws_levels_come_from_the_aws_preset():
    assert aws_levels() == {"bounce": (0.05, 0.1), "complaint": (0.001, 0.005)}


def test_aws_levels_follow_a_change_of_the_preset(monkeypatch):
    monkeypatch.setitem(presets.PRESETS, "aws", {"emails-rejected": ("@0.04:", "@0.08:"), "emails-spam": ("@0.002:", "@0.004:")})
    assert aws_levels() == {"bounce": (0.04, 0.08), "complaint": (0.002, 0.004)}


def test_a_preset_of_another_form_is_refused_not_misdrawn(monkeypatch):
    monkeypatch.setitem(presets.PRESETS, "aws", {"emails-rejected": ("0:0.05", "@0.1:"), "emails-spam": ("@0.001:", "@0.005:")})
    with pytest.raises(ValueError, match="not of the form @X:"):
        aws_levels()


def test_both_modules_merge_by_region_in_order_and_the_worst_check_state_wins():
    regions, notes = collect(demo_like())
    assert [r["name"] for r in regions] == ["eu-west-1", "us-east-1"]
    assert [r["status"] for r in regions] == ["OK", "CRITICAL"]
    assert regions[1]["stats"]["account"]["enforcement_status"] == "PROBATION" and len(regions[1]["checks"]) == 3
    assert notes == []


def test_a_loop_result_a_single_result_and_skipped_items():
    check = metric_check(metric("eu-west-1", "emails-spam", 0.002, "WARNING"))
    loop = {"results": [check, {"skipped": True, "skip_reason": "Conditional result was False"}], "changed": False}
    regions, _notes = collect(loop)
    assert [(r["name"], r["status"], r["stats"]) for r in regions] == [("eu-west-1", "WARNING", None)]
    assert collect(send_stats(region_entry("eu-west-1", datapoints(3))))[0][0]["status"] is None


def test_a_failed_region_is_failed_not_empty():
    result = send_stats(region_entry("eu-west-1", datapoints(3)), failed_entry("us-east-1"))
    check = metric_check(metric("us-east-1", "emails-rejected", None, "UNKNOWN", unknown_reason="GetMetricData failed"),
                         errors=[{"region": "us-east-1", "message": "GetMetricData in us-east-1 failed: AccessDenied (HTTP 403)"}])
    regions = dict((r["name"], r) for r in collect([result, check])[0])
    assert regions["us-east-1"]["stats_error"].startswith("GetSendQuota in us-east-1 failed: AccessDenied")
    assert regions["us-east-1"]["status"] == "UNKNOWN"  # the check's own verdict when it has one
    assert collect(send_stats(failed_entry("us-east-1")))[0][0]["status"] == "FAILED"


def test_a_task_that_failed_before_returning_data_is_a_note_or_its_region():
    regions, notes = collect([{"failed": True, "msg": "regions: 'eu-west' is not a valid AWS region name"}])
    assert regions == [] and notes == ["a task failed: regions: 'eu-west' is not a valid AWS region name"]
    error = {"region": "us-east-1", "message": "AssumeRole in us-east-1 failed: AccessDenied (HTTP 403)"}
    regions, notes = collect({"failed": True, "msg": error["message"], "error": error})
    assert regions[0]["status"] == "FAILED" and regions[0]["check_errors"] == [error["message"]]


@pytest.mark.parametrize("bad", [42, "text", [{"changed": False}]])
def test_anything_else_is_a_clear_error(bad):
    with pytest.raises(ReportInputError, match="ses_send_stats|ses_metric_check"):
        collect(bad)


def test_bins_of_a_fortnight_are_hours_on_the_hour_and_sum_the_counts():
    table = bins(region_entry("eu-west-1", datapoints(1344, attempts=10, bounces=1)))
    assert table["seconds"] == 3600 and len(table["rows"]) <= 400 and table["start"].minute == 0
    assert bins(region_entry("eu-west-1", datapoints(1344)), max_bins=60)["seconds"] == 6 * 3600
    assert sum(row["attempts"] for row in table["rows"]) == 13440 and sum(row["bounces"] for row in table["rows"]) == 1344


def test_bins_gaps_have_zero_counts_and_no_rate():
    points = datapoints(2, attempts=10, bounces=1, every=300)  # 5 hours apart: idle buckets between
    table = bins(region_entry("eu-west-1", points), max_bins=100)
    idle = [row for row in table["rows"] if row["attempts"] == 0]
    assert idle and all(row["bounce_rate"] is None and row["complaint_rate"] is None for row in idle)
    assert [row["bounce_rate"] for row in table["rows"] if row["attempts"]] == [0.1, 0.1]


def test_bins_of_one_datapoint_and_of_none():
    table = bins(region_entry("eu-west-1", datapoints(1)))
    assert len(table["rows"]) == 1 and table["rows"][0]["attempts"] == 100 and table["end"] > table["start"]
    assert bins(region_entry("eu-west-1", [])) is None
    assert bins(None) is None


def test_bins_skip_unreadable_timestamps_and_sort():
    points = datapoints(3)
    points.reverse()
    points.append({"timestamp": "yesterday", "delivery_attempts": 5})
    table = bins(region_entry("eu-west-1", points))
    assert table["start"] <= table["rows"][0]["start"] and sum(row["attempts"] for row in table["rows"]) == 300
    assert table["end"] >= END


def test_bins_of_years_of_data_stay_within_the_limit():
    points = datapoints(3, every=60 * 24 * 365 * 20)  # three datapoints 20 years apart
    table = bins(region_entry("eu-west-1", points))
    assert len(table["rows"]) <= 400 and table["seconds"] not in BIN_WIDTHS and table["seconds"] % 86400 == 0
    assert sum(row["attempts"] for row in table["rows"]) == 300
