# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import threading

import botocore.session
import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.partitions import compact_regions, partition_of, ses_regions
from ansible_collections.sesmon.ses.plugins.module_utils.regions import asks_all, attempt, expand_all, for_each_region, resolve_regions


def test_default_region_when_no_list():
    assert resolve_regions(None, lambda: "eu-west-1") == ["eu-west-1"]


def test_order_kept_and_repeats_dropped():
    assert resolve_regions(["eu-west-1", "us-east-1", "eu-west-1"], None) == ["eu-west-1", "us-east-1"]


def test_bad_region_in_list_is_refused():
    with pytest.raises(OptionError, match="regions entry 'moon-1' is not a valid AWS region name"):
        resolve_regions(["eu-west-1", "moon-1"], None)


def test_regions_run_concurrently_and_keep_order():
    barrier = threading.Barrier(3, timeout=5)  # only passes if the three run at the same time

    def work(region):
        barrier.wait()
        return region.upper()

    outcomes = for_each_region(["eu-west-1", "us-east-1", "ap-south-1"], work)
    assert [(o.region, o.value, o.ok) for o in outcomes] == [
        ("eu-west-1", "EU-WEST-1", True), ("us-east-1", "US-EAST-1", True), ("ap-south-1", "AP-SOUTH-1", True)]


def test_one_failing_region_does_not_hide_the_others():
    def work(region):
        if region == "us-east-1":
            raise AwsApiError("GetSendQuota in us-east-1 failed: AccessDenied", code="AccessDenied", region=region)
        return 1

    outcomes = for_each_region(["eu-west-1", "us-east-1"], work)
    assert outcomes[0].ok and outcomes[0].value == 1
    assert not outcomes[1].ok and outcomes[1].error.code == "AccessDenied"


def test_attempt_keeps_a_value_or_an_aws_error_and_raises_anything_else():
    assert (attempt("eu-west-1", lambda: 7).value, attempt("eu-west-1", lambda: 7).ok) == (7, True)

    def denied():
        raise AwsApiError("GetAccount failed: AccessDenied", code="AccessDenied")

    outcome = attempt("us-east-1", denied)
    assert not outcome.ok and outcome.error.code == "AccessDenied" and outcome.error_dict()["region"] == "us-east-1"

    def bad_option():
        raise OptionError("metrics entry 'x' is not a known label")

    with pytest.raises(OptionError):
        attempt("eu-west-1", bad_option)


def test_error_dict_names_the_region():
    def work(region):
        raise AwsApiError("GetSendQuota failed: Throttling", code="Throttling")

    outcome = for_each_region(["eu-west-1"], work)[0]
    assert outcome.error_dict() == {"code": "Throttling", "http_status": None, "operation": None, "region": "eu-west-1", "request_id": None,
                                    "message": "GetSendQuota failed: Throttling"}


@pytest.mark.parametrize("regions", [["eu-west-1"], ["eu-west-1", "us-east-1", "ap-south-1"]])
def test_an_option_error_fails_the_task_instead_of_one_region(regions):
    # A bad option in one region's work (aws_config refused at client creation) must not become an UNKNOWN.
    def work(region):
        if region == "eu-west-1":
            raise OptionError("aws_config holds a value botocore cannot use")
        return 1

    with pytest.raises(OptionError, match="aws_config holds a value"):
        for_each_region(regions, work)


def test_twenty_regions_one_failing():
    regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1", "ap-northeast-1",
               "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1",
               "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "me-south-1", "sa-east-1"]

    def work(region):
        if region == "eu-west-2":
            raise AwsApiError("GetSendQuota in eu-west-2 failed: Throttling", code="Throttling", region=region)
        return region

    outcomes = for_each_region(regions, work)
    assert [o.region for o in outcomes] == regions
    assert [o.region for o in outcomes if not o.ok] == ["eu-west-2"]
    assert all(o.value == o.region for o in outcomes if o.ok)


# -- regions: all (issue 20) -------------------------------------------------------------------

def test_all_alone_as_a_string_or_the_only_item():
    assert asks_all("all") and asks_all(["all"]) and not asks_all(["eu-west-1"]) and not asks_all(None)
    with pytest.raises(OptionError, match=r"^regions: 'all' must be alone .*got all, eu-west-1$"):
        asks_all(["all", "eu-west-1"])


def test_expand_all_is_botocores_list_with_the_sessions_region_first():
    offered = ["us-west-2", "eu-west-1", "af-south-1", "us-east-1"]
    assert expand_all("aws", offered) == ["af-south-1", "eu-west-1", "us-east-1", "us-west-2"]
    assert expand_all("aws", offered, first="us-east-1") == ["us-east-1", "af-south-1", "eu-west-1", "us-west-2"]
    assert expand_all("aws-us-gov", ["us-gov-west-1", "us-gov-east-1"], first="us-gov-west-1") == ["us-gov-west-1", "us-gov-east-1"]


def test_expand_all_refuses_a_custom_endpoint_and_a_partition_without_ses():
    with pytest.raises(OptionError, match=r"^regions: all cannot be used with endpoint_url .*a custom endpoint has no region list"):
        expand_all("aws", ["us-east-1"], endpoint_url="http://127.0.0.1:5000")
    with pytest.raises(OptionError, match="^regions: all found no region where botocore's data offers SES in partition aws-cn; "):
        expand_all("aws-cn", [])


def test_ses_regions_are_botocores_available_sesv2_regions_in_every_partition():
    session = botocore.session.get_session()
    for partition in session.get_available_partitions():
        assert ses_regions(partition) == sorted(session.get_available_regions("sesv2", partition)), partition
    assert "eu-west-1" in ses_regions("aws") and ses_regions("aws-us-gov") == ["us-gov-east-1", "us-gov-west-1"]
    assert partition_of("us-gov-west-1") == "aws-us-gov" and partition_of("eusc-de-east-1") == "aws-eusc" and partition_of("moon-1") is None


@pytest.mark.parametrize("default, partition", [("us-east-1", "aws"), ("us-gov-west-1", "aws-us-gov"), ("eu-west-1", "aws")])
def test_resolve_all_takes_the_partition_of_the_sessions_region(default, partition):
    regions = resolve_regions(["all"], lambda: default)
    assert regions[0] == default and sorted(regions) == ses_regions(partition) and len(set(regions)) == len(regions)
    assert resolve_regions("all", lambda: default) == regions


def test_resolve_all_without_a_region_or_with_an_endpoint_is_refused(monkeypatch):
    def no_region():
        raise OptionError("No region given: set the region option")

    with pytest.raises(OptionError, match=r"^regions: all takes the partition \(aws, aws-us-gov\.\.\.\) from the region option: No region given"):
        resolve_regions(["all"], no_region)
    with pytest.raises(OptionError, match="^regions: all cannot be used with endpoint_url"):
        resolve_regions(["all"], lambda: "us-east-1", endpoint_url="http://127.0.0.1:5000")
    monkeypatch.setenv("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:5000")  # botocore's own endpoint variables count too
    with pytest.raises(OptionError, match="^regions: all cannot be used with endpoint_url"):
        resolve_regions(["all"], lambda: "us-east-1")


@pytest.mark.parametrize("region, partition", [("ap-east-1", "aws"), ("cn-north-1", "aws-cn")])
def test_a_listed_region_without_ses_is_refused_with_the_partitions_ses_regions(region, partition):
    with pytest.raises(OptionError) as info:
        resolve_regions(["eu-west-1", region], None)
    message = str(info.value)
    assert message.startswith("regions entry %r is a region where SES is not offered" % region)
    listed = message.split("; SES regions of partition %s: " % partition, 1)[1]
    assert listed == (compact_regions(ses_regions(partition)) or "none")
    if partition == "aws":
        assert "eu-west-1/2/3" in listed and "us-east-1/2" in listed and "\n" not in message


def test_compact_regions_writes_a_shared_stem_once():
    assert compact_regions(["us-east-2", "eu-west-1", "us-east-1", "ap-southeast-10", "ap-southeast-2", "me-south-1"]) == (
        "ap-southeast-2/10, eu-west-1, me-south-1, us-east-1/2")
    assert compact_regions([]) == ""
