# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""make demo tells its story: eu-west-1 OK, us-east-1 CRITICAL, the sparse rates read where a 10-minute
average finds none, the account on probation caught, one mailbox provider over its limit while the
account-wide rate is healthy, an open HIGH DKIM recommendation caught, the CI gate caught, endpoint stopped."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, playbook_env


def test_demo_runs_and_tells_the_story():
    result = subprocess.run([sys.executable, str(ROOT / "demo" / "run_demo.py")], env=playbook_env(PYTHONPATH=str(ROOT / ".build" / "collections")),
                            capture_output=True, text=True, timeout=300, check=False)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "- 'eu-west-1 -> OK: ''SES'' All metrics are ok | " in out
    assert "- 'us-east-1 -> CRITICAL: ''SES'' Statistic ''Latest'' Metrics rate of rejected sent" in out
    assert "This failure is the demo''s point" in out
    assert "rescued=1" in out and "failed=0" in out
    flat = " ".join(out.split())  # the yaml callback wraps long lines
    assert "account HEALTHY, production" in flat and "account PROBATION, production" in flat
    # ses_send_stats' own summary lines (RV summary), one per region and an overall one.
    assert re.search(r"- 'eu-west-1: sent \d+ of 50000 in 24 h \([\d.]+ % used, \d+ left\); bounces [\d.]+ %, complaints", flat)
    assert "- 'overall (2 regions): sent " in flat
    # eu-west-1's reputation rates are sparse (newest 40 minutes old): an average finds nothing, latest does.
    assert "- 'average over 10 minutes -> UNKNOWN: No metrics. Check your options" in flat
    assert "- 'latest of the last day -> OK: ''SES'' Statistic ''Latest'' Metrics rate of rejected sent emails: 0.0088" in flat
    # 40 minutes, and the time the demo took to get there.
    assert 40 <= int(re.search(r"- 'newest reputation datapoint: (\d+) minutes old'", flat).group(1)) < 50
    # The account on probation in us-east-1 is WARNING; eu-west-1's healthy account is OK.
    assert "- 'eu-west-1 -> OK: ''SES'' Statistic ''Latest'' Metrics account sending: enabled, account enforcement status: HEALTHY" in flat
    assert "- 'us-east-1 -> WARNING: ''SES'' Statistic ''Latest'' Metrics account enforcement status: PROBATION | " in flat
    # Per ISP (VDM): the account-wide complaint rate is healthy while Yahoo is over the bulk senders' 0.3 %.
    assert "- 'account-wide (CloudWatch): 0.0001" in flat
    assert "- 'CRITICAL: ''isp:Yahoo'' Statistic ''Sum'' Metrics VDM complaint rate: 0.0045 (0.45%) | " in flat
    # AWS's own recommendations: the missing DKIM record is an open HIGH one.
    assert "msg: 'CRITICAL: ''SES'' Statistic ''Latest'' Metrics AWS recommendations: 1 open HIGH (DKIM news.example.com)'" in flat
    assert "== endpoint stopped" in out
    # The job summary and the HTML report of both regions: written, their paths printed, the incident told apart at a glance.
    summary = Path(re.search(r"== job summary \(Markdown\): (\S+)", out).group(1)).read_text()
    assert "### eu-west-1: ✅ OK" in summary and "### us-east-1: ❌ CRITICAL" in summary and "⚠️ PROBATION" in summary
    page = Path(re.search(r"== report \(HTML, open it in a browser\): (\S+)", out).group(1)).read_text()
    assert page.count('class="chart"') == 8 and 'section class="region state-CRITICAL"' in page and "<script" not in page
    assert "Traceback" not in out + result.stderr
