# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import threading

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.regions import attempt, for_each_region, resolve_regions


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
