# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ses_send_stats' summary lines, from per-region entries. Pure."""

from __future__ import annotations

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.send_summary import percent_text, summary_lines


def _entry(region, sent=6404, maximum=50000.0, attempts=6404, bounces=38, complaints=0, status="HEALTHY", sandbox=False, error=None):
    if error:
        return {"region": region, "failed": True, "error": {"code": error}, "quota": None, "totals": None, "rates": None, "account": None}
    unlimited = maximum < 0
    quota = {"sent_last_24_hours": float(sent), "max_24_hour_send": maximum, "unlimited": unlimited,
             "remaining_24_hour_send": None if unlimited else max(maximum - sent, 0.0),
             "utilization_percent": None if unlimited or maximum == 0 else sent / maximum * 100.0}
    totals = {"delivery_attempts": attempts, "bounces": bounces, "complaints": complaints, "rejects": 0}
    rates = {"bounce_rate": bounces / attempts if attempts else None, "complaint_rate": complaints / attempts if attempts else None}
    account = {"source": "sesv2", "enforcement_status": status, "sandbox": sandbox, "sending_enabled": True}
    return {"region": region, "failed": False, "error": None, "quota": quota, "totals": totals, "rates": rates, "account": account}


@pytest.mark.parametrize("fraction, text", [(0.0059, "0.59 %"), (0.00071, "0.071 %"), (0.0, "0 %"), (None, "n/a"), (0.05, "5 %"),
                                            (0.061712, "6.17 %"), (0.0000001, "0.00001 %")])
def test_percent_text_keeps_small_rates_and_a_healthy_zero(fraction, text):
    assert percent_text(fraction) == text


def test_one_line_per_region_and_an_overall_one():
    incident = _entry("us-east-1", sent=16999, maximum=100000.0, attempts=16999, bounces=1049, complaints=12, status="PROBATION")
    lines = summary_lines([_entry("eu-west-1"), incident])
    assert lines == [
        "eu-west-1: sent 6404 of 50000 in 24 h (12.8 % used, 43596 left); bounces 0.59 %, complaints 0 % of 6404 attempts; "
        "account HEALTHY, production",
        "us-east-1: sent 16999 of 100000 in 24 h (17.0 % used, 83001 left); bounces 6.17 %, complaints 0.071 % of 16999 attempts; "
        "account PROBATION, production",
        "overall (2 regions): sent 23403 of 150000 in 24 h (15.6 % used, 126597 left); bounces 4.64 %, complaints 0.051 % of "
        "23403 attempts; account HEALTHY, production in eu-west-1; PROBATION, production in us-east-1",
    ]


def test_unlimited_idle_sandbox_unknown_account_and_failed_regions():
    idle = _entry("eu-west-1", sent=0, maximum=200.0, attempts=0, bounces=0, sandbox=True)
    unlimited = _entry("us-east-1", maximum=-1.0)
    unlimited["account"] = {"source": "unavailable", "enforcement_status": None, "sandbox": None, "sending_enabled": None}
    failed = _entry("ap-south-1", error="AccessDenied")
    lines = summary_lines([idle, unlimited, failed])
    assert lines[0] == "eu-west-1: sent 0 of 200 in 24 h (0.0 % used, 200 left); no delivery attempt in the window; account HEALTHY, sandbox"
    assert lines[1].startswith("us-east-1: sent 6404 in 24 h (unlimited quota); bounces 0.59 %") and lines[1].endswith("account status unknown")
    assert lines[2] == "ap-south-1: not read (AccessDenied)"
    assert lines[3].startswith("overall (2 regions): sent 6404 in 24 h (1 of 2 regions unlimited); bounces 0.59 %")
    assert lines[3].endswith("; not read: ap-south-1")
    assert summary_lines([failed]) == ["ap-south-1: not read (AccessDenied)", "overall: no region could be read (ap-south-1)"]
