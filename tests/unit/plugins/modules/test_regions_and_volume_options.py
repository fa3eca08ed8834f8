# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""``regions: all`` and ``min_volume`` on the module path (issue 20).

``regions: all``: every SES region of the session's partition, one request each.

``all`` is refused with endpoint_url (a local endpoint has no region list), so the expansion runs against moto
in-process (``moto.mock_aws``), which answers the real regional endpoints (https://monitoring.<region>.amazonaws.com)
without network. The collection's own sender (transport.bounded_sender, which sends before moto's handler could
answer) is set aside for that test only; everything else is the module as Ansible runs it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from unittest import mock

import pytest
import yaml
from moto import mock_aws

from ansible_collections.sesmon.ses.plugins.module_utils import connection
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.partitions import ses_regions
from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check, ses_send_stats
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module

KEYS = {"access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "sesmon-test-secret-for-regions-all"}


def test_regions_all_checks_every_ses_region_of_the_partition_one_request_each():
    with mock_aws(), mock.patch.object(connection, "bounded_sender", lambda *args, **kwargs: (lambda request, **kw: None)):
        when = datetime.now(timezone.utc) - timedelta(seconds=90)
        AwsSession(dict(KEYS, region="eu-central-2")).call(
            "cloudwatch", "put_metric_data", region="eu-central-2", Namespace="AWS/SES",
            MetricData=[{"MetricName": "Reputation.BounceRate", "Value": 0.07, "Timestamp": when}])
        result = run_module(ses_metric_check.main, dict(KEYS, region="us-east-1", regions=["all"], metrics=["emails-rejected"],
                                                        warning={"emails-rejected": "0.05"}))
    regions = [entry["region"] for entry in result["metrics"]]
    assert regions[0] == "us-east-1" and sorted(regions) == ses_regions("aws") and len(regions) == 33
    assert result["requests"] == len(regions) and result["errors"] == []
    warned = [(m["region"], m["value"], m["state"]) for m in result["metrics"] if m["state"] is not None]
    assert warned == [("eu-central-2", 0.07, "WARNING")] and result["status"] == "WARNING"


@pytest.mark.parametrize("module", [ses_metric_check, ses_send_stats])
@pytest.mark.parametrize("regions", [["all"], "all"])
def test_regions_all_with_endpoint_url_fails_before_any_request(recording_proxy, module, regions):
    result = run_module(module.main, dict(KEYS, region="us-east-1", endpoint_url=recording_proxy.url, regions=regions))
    assert result["failed"] is True and result["msg"].startswith("regions: all cannot be used with endpoint_url")
    assert recording_proxy.requests == []


@pytest.mark.parametrize("module", [ses_metric_check, ses_send_stats])
def test_a_listed_region_without_ses_fails_before_any_request_listing_the_ses_regions(module):
    clients = []
    with mock.patch.object(AwsSession, "client", lambda self, service, region=None: clients.append(region)):
        result = run_module(module.main, dict(KEYS, region="us-east-1", regions=["eu-west-1", "ap-east-1"]))
    assert result["failed"] is True and result["msg"].startswith("regions entry 'ap-east-1' is a region where SES is not offered")
    assert "; SES regions of partition aws: af-south-1, " in result["msg"] and clients == []


def test_min_volume_is_in_the_argument_spec_and_its_volume_entry_in_return(aws_params):
    when = datetime.now(timezone.utc) - timedelta(seconds=90)
    AwsSession(aws_params).call("cloudwatch", "put_metric_data", region="us-east-1", Namespace="AWS/SES", MetricData=[
        {"MetricName": "Send", "Value": 3, "Timestamp": when}, {"MetricName": "Reputation.BounceRate", "Value": 0.2, "Timestamp": when}])
    result = run_module(ses_metric_check.main, dict(aws_params, min_volume=10, metrics=["emails-rejected"], critical={"emails-rejected": "0.1"}))
    documented = yaml.safe_load(ses_metric_check.RETURN)["metrics"]["contains"]["volume"]
    (entry,) = result["metrics"]
    assert (entry["state"], entry["value"], entry["volume"]) == ("OK", 0.2, {"sends": 3, "floor": 10, "below_floor": True})
    assert set(entry["volume"]) == set(documented["contains"]) and "min_volume" in documented["returned"]
    assert "below the volume floor (3 of 10 sends)" in result["output"] and result["requests"] == 1
    refused = run_module(ses_metric_check.main, dict(aws_params, min_volume=-1))
    assert refused["failed"] is True and refused["msg"] == "min_volume must be 0 or more (0 turns the floor off), got -1"
