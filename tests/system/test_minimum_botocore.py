# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Both modules work with the oldest botocore that requirements.txt allows."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, playbook_env, run_playbook

MINIMUM = re.search(r"botocore>=([\d.]+)", (ROOT / "requirements.txt").read_text()).group(1)

PLAYBOOK = """
- hosts: localhost
  gather_facts: false
  module_defaults:
    group/sesmon.ses.aws: {endpoint_url: "%s", access_key: AKIAIOSFODNN7EXAMPLE, secret_key: old-botocore, region: eu-west-1}
  tasks:
    - name: The modules' Python sees the old botocore
      ansible.builtin.command: "%s -c 'import botocore; print(botocore.__version__)'"
      register: version
      changed_when: false
    - sesmon.ses.ses_send_stats:
        regions: [eu-west-1, us-east-1]
      register: stats
    - sesmon.ses.ses_metric_check:
        metrics: [emails-sent]
        critical: {emails-sent: "100"}
      register: check
    - ansible.builtin.assert:
        that:
          - version.stdout == "%s"
          - stats.quota.max_24_hour_send == 200
          - stats.regions['us-east-1'].failed is false
          - check.status == 'OK'
          - check.metrics[0].value == 7
"""


@pytest.fixture(scope="module")
def old_botocore(tmp_path_factory):
    target = tmp_path_factory.mktemp("botocore-%s" % MINIMUM)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), "botocore==%s" % MINIMUM],
                   check=True, capture_output=True, text=True, timeout=300)
    return target


def test_both_modules_with_the_minimum_botocore(old_botocore, moto, tmp_path):
    now = datetime.datetime.now(datetime.timezone.utc)
    AwsSession({"endpoint_url": moto, "region": "eu-west-1", "access_key": "a", "secret_key": "b"}).call(
        "cloudwatch", "put_metric_data", Namespace="AWS/SES",
        MetricData=[{"MetricName": "Send", "Value": 7.0, "Timestamp": now - datetime.timedelta(minutes=2)}])
    playbook = tmp_path / "old.yml"
    playbook.write_text(PLAYBOOK % (moto, sys.executable, MINIMUM))
    result = run_playbook(playbook, env=playbook_env(PYTHONPATH=str(old_botocore)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "failed=0" in result.stdout
