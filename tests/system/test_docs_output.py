# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""docs/ses_metric_check.md shows what the module prints: its samples are produced here against moto.

Each line of the guide's "Output" blocks, and its "Result" JSON, is compared with what
ses_metric_check returns for the scenario the guide names, after the parts that change from run
to run (timestamps, ages, the endpoint's port) are replaced by placeholders.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check
from ansible_collections.sesmon.ses.tests.system.conftest import ROOT
from ansible_collections.sesmon.ses.tests.unit.utils.aws_env import isolate
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port

GUIDE = ROOT / "docs" / "ses_metric_check.md"
TEN = {"Send": 10, "Delivery": 9, "Reputation.BounceRate": 0.05, "Reputation.ComplaintRate": 0.001}
VARIABLE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"), "<time>"),
    (re.compile(r"\d+ s old"), "<age> s old"),
    (re.compile(r'"newest_datapoint_age_seconds": \d+'), '"newest_datapoint_age_seconds": 0'),
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:<port>"),
]


@pytest.fixture(autouse=True)
def _no_ambient_aws(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)


def _normalised(text):
    for pattern, placeholder in VARIABLE:
        text = pattern.sub(placeholder, text)
    return text


def _section(title):
    text = GUIDE.read_text(encoding="utf-8")
    return re.split(r"\n## %s[^\n]*\n" % title, text, maxsplit=1)[1].split("\n## ", 1)[0]


class Endpoint:
    """moto, freshly reset, with AWS/SES datapoints put 90 s ago (or ``age`` seconds)."""

    def __init__(self, server):
        self.server = server
        self.args = {"region": "eu-west-1", "endpoint_url": server.url, "access_key": "AKIAIOSFODNN7EXAMPLE",
                     "secret_key": "docs-sample-secret-key"}

    def seed(self, values, region="eu-west-1", dimensions=None, age=90):
        when = datetime.now(timezone.utc) - timedelta(seconds=age)
        dimension_list = [{"Name": name, "Value": value} for name, value in (dimensions or {}).items()]
        datums = [{"MetricName": name, "Value": value, "Timestamp": when, "Dimensions": dimension_list}
                  for name, value in values.items()]
        AwsSession(self.args).call("cloudwatch", "put_metric_data", region=region, Namespace="AWS/SES", MetricData=datums)
        return self

    def fresh(self, values=None, **seed):
        self.server.reset()
        return self.seed(values, **seed) if values else self

    def check(self, **options):
        result = run_module(ses_metric_check.main, dict(self.args, **options))
        assert not result.get("failed"), result.get("msg")
        return result


def _output_lines(aws):
    """The "Output" samples, in the guide's order."""
    centreon = {"statistics": ["average"], "timeframe": 600, "period": 60}
    aws.fresh(TEN)
    yield aws.check(**centreon)
    yield aws.check(warning={"emails-sent": "5"}, critical={"emails-sent": "50"}, **centreon)
    yield aws.check()
    aws.fresh({"Send": 2400, "Delivery": 2350, "Reputation.BounceRate": 0.11, "Reputation.ComplaintRate": 0.0004})
    yield aws.check(thresholds="aws")
    aws.fresh({"Reputation.BounceRate": 0.05, "Reputation.ComplaintRate": 0.001})
    aws.seed({"Reputation.BounceRate": 0.11, "Reputation.ComplaintRate": 0.0004}, region="us-east-1")
    yield aws.check(regions=["eu-west-1", "us-east-1"], metrics=["emails-rejected", "emails-spam"], thresholds="aws")
    aws.fresh({"Send": 300, "Bounce": 4}, dimensions={"ses:configuration-set": "marketing"})
    aws.seed({"Send": 1200, "Bounce": 31}, dimensions={"ses:configuration-set": "transactional"})
    yield aws.check(metrics=["emails-sent", "emails-bounced"], critical={"emails-bounced": "~:20"},
                    dimensions=[{"ses:configuration-set": "marketing"}, {"ses:configuration-set": "transactional"}])
    aws.fresh({"Send": 10}, age=150)
    yield aws.check(metrics=["emails-sent"], max_age=60)
    unreachable = Endpoint(aws.server)
    unreachable.args.update(endpoint_url="http://127.0.0.1:%d" % free_port(), retries={"max_attempts": 1}, connect_timeout=1)
    yield unreachable.check()


def test_output_samples_are_what_the_module_prints(moto_server):
    documented = [line for block in re.findall(r"```\n(.*?)\n```", _section("Output"), re.S) for line in block.split("\n")]
    printed = [result["output"] for result in _output_lines(Endpoint(moto_server))]
    assert [_normalised(line) for line in documented] == [_normalised(line) for line in printed]


def test_result_sample_is_what_the_module_returns(moto_server):
    (block,) = re.findall(r"```json\n(.*?)\n```", _section("Result"), re.S)
    result = Endpoint(moto_server).fresh({"Send": 10}).check(metrics=["emails-sent"])
    returned = dict((key, value) for key, value in result.items() if key not in ("changed", "invocation"))
    assert json.loads(_normalised(json.dumps(json.loads(block)))) == json.loads(_normalised(json.dumps(returned)))


def test_gate_message_sample_is_what_the_module_says(moto_server):
    """The one-line msg of a failed gate, in the guide's fail_on section, for its two-region sample."""
    (documented,) = re.findall(r"with `fail_on: warning`:\n\n```\n(.*?)\n```", _section("Thresholds and states"), re.S)
    aws = Endpoint(moto_server).fresh({"Reputation.BounceRate": 0.05, "Reputation.ComplaintRate": 0.001})
    aws.seed({"Reputation.BounceRate": 0.11, "Reputation.ComplaintRate": 0.0004}, region="us-east-1")
    result = run_module(ses_metric_check.main, dict(aws.args, regions=["eu-west-1", "us-east-1"], metrics=["emails-rejected", "emails-spam"],
                                                    thresholds="aws", fail_on="warning"))
    assert result["failed"] and result["msg"] == documented
    assert len(documented) <= 200
    assert "\n%s\n" % documented in (ROOT / "docs" / "troubleshooting.md").read_text(encoding="utf-8")  # the same sample there
