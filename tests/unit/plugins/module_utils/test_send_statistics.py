# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The pure folding of ses_send_stats, with plain values (no network, no AnsibleModule)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.sesmon.ses.plugins.module_utils import send_statistics as s
from ansible_collections.sesmon.ses.plugins.module_utils import account_reader as acc
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

UTC = timezone.utc
NOW = datetime(2024, 5, 2, 9, 0, 0, tzinfo=UTC)


def aws_point(when, attempts=0, bounces=0, complaints=0, rejects=0):
    return {"Timestamp": when, "DeliveryAttempts": attempts, "Bounces": bounces, "Complaints": complaints, "Rejects": rejects}


# -- time ----------------------------------------------------------------------------------------


class TestDurations:
    @pytest.mark.parametrize("text, seconds", [
        ("3600s", 3600), ("90m", 5400), ("24h", 86400), ("7d", 604800), ("2w", 1209600),
        ("1h30m", 5400), ("1d 12h", 129600), (" 24H ", 86400), ("0h", 0),
    ])
    def test_durations(self, text, seconds):
        assert s.parse_duration(text) == timedelta(seconds=seconds)

    @pytest.mark.parametrize("text", ["3600", "h", "1.5h", "-1h", "1y", "yesterday", "", "24 hours"])
    def test_not_durations(self, text):
        assert s.parse_duration(text) is None


class TestSince:
    def test_not_set_means_no_window(self):
        assert s.parse_since(None, NOW) is None
        assert s.parse_since("  ", NOW) is None

    def test_duration_counts_back_from_now(self):
        assert s.parse_since("90m", NOW) == datetime(2024, 5, 2, 7, 30, tzinfo=UTC)

    @pytest.mark.parametrize("text", [
        "2024-05-01T10:00:00Z", "2024-05-01T10:00:00z", "2024-05-01T10:00:00+00:00",
        "2024-05-01T12:00:00+02:00", "2024-05-01T05:00:00-05:00",
        "2024-05-01T10:00:00",  # naive = UTC
        "2024-05-01 10:00:00",
    ])
    def test_timestamps_with_or_without_offset(self, text):
        since = s.parse_since(text, NOW)
        assert since == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
        assert since.utcoffset() == timedelta(0)

    def test_date_alone_is_midnight_utc(self):
        assert s.parse_since("2024-05-01", NOW) == datetime(2024, 5, 1, tzinfo=UTC)

    def test_exactly_now_is_allowed(self):
        assert s.parse_since("2024-05-02T09:00:00Z", NOW) == NOW

    @pytest.mark.parametrize("text", ["2024-05-02T09:00:01Z", "2030-01-01"])
    def test_future_is_refused_naming_the_value(self, text):
        with pytest.raises(OptionError, match=r"since '%s' is in the future" % text):
            s.parse_since(text, NOW)

    @pytest.mark.parametrize("text", ["yesterday", "3600", "24 hours", "2024-13-01T00:00:00Z", "1.5h", "-1h"])
    def test_unparseable_is_refused_naming_the_value(self, text):
        with pytest.raises(OptionError) as info:
            s.parse_since(text, NOW)
        assert str(info.value).startswith("since %r is neither a duration" % text)
        assert "ISO 8601" in str(info.value)

    def test_absurd_duration_is_an_option_error_not_a_crash(self):
        with pytest.raises(OptionError, match="since .999999999w. reaches too far back"):
            s.parse_since("999999999w", NOW)


# -- quota ---------------------------------------------------------------------------------------


class TestQuota:
    def test_sandbox_like_quota(self):
        assert s.quota_summary({"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": 50.0}) == {
            "max_24_hour_send": 200.0, "max_send_rate": 1.0, "sent_last_24_hours": 50.0, "unlimited": False,
            "remaining_24_hour_send": 150.0, "utilization_percent": 25.0,
        }

    def test_unlimited_quota_has_no_remaining_nor_percent(self):
        quota = s.quota_summary({"Max24HourSend": -1.0, "MaxSendRate": 14.0, "SentLast24Hours": 1000.0})
        assert quota["unlimited"] is True
        assert quota["max_24_hour_send"] == -1.0
        assert quota["remaining_24_hour_send"] is None and quota["utilization_percent"] is None

    def test_zero_quota_has_no_percent(self):
        quota = s.quota_summary({"Max24HourSend": 0.0, "MaxSendRate": 0.0, "SentLast24Hours": 0.0})
        assert quota["remaining_24_hour_send"] == 0.0 and quota["utilization_percent"] is None

    def test_overshoot_clamps_remaining_at_zero(self):
        quota = s.quota_summary({"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": 210.0})
        assert quota["remaining_24_hour_send"] == 0.0
        assert quota["utilization_percent"] == pytest.approx(105.0)

    @given(max_24h=st.one_of(st.just(-1.0), st.floats(0, 1e7)), sent=st.floats(0, 1e7))
    def test_never_negative_nor_from_an_unlimited_quota(self, max_24h, sent):
        quota = s.quota_summary({"Max24HourSend": max_24h, "MaxSendRate": 1.0, "SentLast24Hours": sent})
        if max_24h < 0:
            assert quota["remaining_24_hour_send"] is None and quota["utilization_percent"] is None
        else:
            assert quota["remaining_24_hour_send"] >= 0
            assert (quota["utilization_percent"] is None) == (max_24h == 0)
            if quota["utilization_percent"] is not None:
                assert quota["utilization_percent"] >= 0


# -- datapoints ----------------------------------------------------------------------------------


class TestDatapoints:
    def test_unsorted_input_comes_out_oldest_first_in_utc(self):
        plus2 = timezone(timedelta(hours=2))
        points = s.sorted_datapoints([
            aws_point(datetime(2024, 5, 1, 10, 30, tzinfo=UTC), attempts=3),
            aws_point(datetime(2024, 5, 1, 12, 0, tzinfo=plus2), attempts=1),  # 10:00 UTC
            aws_point(datetime(2024, 5, 1, 10, 15, tzinfo=UTC), attempts=2),
        ])
        assert [s.datapoint_output(p) for p in points] == [
            {"timestamp": "2024-05-01T10:00:00Z", "delivery_attempts": 1, "bounces": 0, "complaints": 0, "rejects": 0},
            {"timestamp": "2024-05-01T10:15:00Z", "delivery_attempts": 2, "bounces": 0, "complaints": 0, "rejects": 0},
            {"timestamp": "2024-05-01T10:30:00Z", "delivery_attempts": 3, "bounces": 0, "complaints": 0, "rejects": 0},
        ]

    def test_empty_or_missing_list(self):
        assert s.sorted_datapoints([]) == [] and s.sorted_datapoints(None) == []

    def test_missing_counts_are_zero_and_iso_strings_are_read(self):
        (point,) = s.sorted_datapoints([{"Timestamp": "2024-05-01T10:15:00Z", "DeliveryAttempts": 4}])
        assert point == {"time": datetime(2024, 5, 1, 10, 15, tzinfo=UTC), "delivery_attempts": 4,
                         "bounces": 0, "complaints": 0, "rejects": 0}

    def test_window_edges(self):
        since = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
        points = s.sorted_datapoints([
            aws_point(since - timedelta(seconds=1), attempts=1),
            aws_point(since, attempts=2),
            aws_point(since + timedelta(minutes=15), attempts=4),
        ])
        kept = s.points_since(points, since)
        assert [p["delivery_attempts"] for p in kept] == [2, 4]  # exactly at since: in; a second before: out
        assert s.points_since(points, None) == points
        # Issue 21: the other edge. A datapoint stamped after now is never counted, with or without since.
        now = since + timedelta(minutes=15)
        future = s.sorted_datapoints([aws_point(now, attempts=4), aws_point(now + timedelta(seconds=1), attempts=1000)])
        assert [p["delivery_attempts"] for p in s.points_since(future, since, now)] == [4]
        assert [p["delivery_attempts"] for p in s.points_since(future, None, now)] == [4]


class TestTotalsAndRates:
    def test_totals_and_rates(self):
        points = s.sorted_datapoints([aws_point(NOW, 100, 3, 1, 2), aws_point(NOW - timedelta(minutes=15), 100, 1, 0, 0)])
        total = s.totals(points)
        assert total == {"delivery_attempts": 200, "bounces": 4, "complaints": 1, "rejects": 2}
        assert s.rates(total) == {
            "bounce_rate": 0.02, "bounce_percent": 2.0,
            "complaint_rate": 0.005, "complaint_percent": 0.5,
            "reject_rate": 0.01, "reject_percent": 1.0,
        }

    def test_small_complaint_rate_is_not_rounded_away(self):
        rates = s.rates({"delivery_attempts": 1000, "bounces": 0, "complaints": 1, "rejects": 0})
        assert rates["complaint_rate"] == 0.001 and rates["complaint_percent"] == pytest.approx(0.1)

    def test_no_attempts_means_null_rates_not_zero(self):
        rates = s.rates({"delivery_attempts": 0, "bounces": 0, "complaints": 0, "rejects": 3})
        assert rates == dict.fromkeys(
            ["bounce_rate", "bounce_percent", "complaint_rate", "complaint_percent", "reject_rate", "reject_percent"])

    def test_empty_totals(self):
        assert s.totals([]) == {"delivery_attempts": 0, "bounces": 0, "complaints": 0, "rejects": 0}


class TestWindow:
    def test_without_since_starts_at_the_oldest_point(self):
        points = s.sorted_datapoints([aws_point(NOW - timedelta(minutes=30)), aws_point(NOW - timedelta(hours=2))])
        assert s.window(points, points, None, NOW) == {
            "start": "2024-05-02T07:00:00Z", "end": "2024-05-02T09:00:00Z", "datapoint_count": 2,
            "newest_datapoint": "2024-05-02T08:30:00Z", "newest_datapoint_age_seconds": 1800,
        }

    def test_no_points_and_no_since(self):
        assert s.window([], [], None, NOW) == {
            "start": None, "end": "2024-05-02T09:00:00Z", "datapoint_count": 0,
            "newest_datapoint": None, "newest_datapoint_age_seconds": None,
        }

    def test_empty_window_still_shows_how_stale_the_data_is(self):
        points = s.sorted_datapoints([aws_point(NOW - timedelta(hours=3))])
        since = NOW - timedelta(hours=1)
        win = s.window(points, s.points_since(points, since), since, NOW)
        assert win["start"] == "2024-05-02T08:00:00Z" and win["datapoint_count"] == 0
        assert win["newest_datapoint_age_seconds"] == 10800


# -- account -------------------------------------------------------------------------------------

GET_ACCOUNT = {
    "SendQuota": {"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": 0.0},
    "SendingEnabled": True,
    "ProductionAccessEnabled": False,
    "EnforcementStatus": "PROBATION",
    "DedicatedIpAutoWarmupEnabled": True,
    "Details": {
        "MailType": "MARKETING", "WebsiteURL": "https://example.com", "ContactLanguage": "EN",
        "UseCaseDescription": "newsletters", "AdditionalContactEmailAddresses": ["ops@example.com"],
        "ReviewDetails": {"Status": "PENDING", "CaseId": "42"},
    },
}


class TestAccount:
    def test_sesv2_answer_without_details(self):
        assert acc.account_from_v2(GET_ACCOUNT) == {
            "source": "sesv2", "sending_enabled": True, "enforcement_status": "PROBATION",
            "production_access_enabled": False, "sandbox": True, "dedicated_ip_auto_warmup_enabled": True,
            "details": None,
        }

    def test_details_only_when_asked(self):
        assert acc.account_from_v2(GET_ACCOUNT, include_details=True)["details"] == {
            "mail_type": "MARKETING", "website_url": "https://example.com", "contact_language": "EN",
            "use_case_description": "newsletters", "additional_contact_email_addresses": ["ops@example.com"],
            "review_details": {"status": "PENDING", "case_id": "42"},
        }
        assert acc.account_from_v2({"ProductionAccessEnabled": True}, include_details=True)["details"] is None

    def test_unknown_enforcement_status_is_passed_through(self):
        assert acc.account_from_v2({"EnforcementStatus": "UNDER_REVIEW_2030"})["enforcement_status"] == "UNDER_REVIEW_2030"

    def test_sandbox_is_never_guessed(self):
        assert acc.account_from_v2({"ProductionAccessEnabled": True})["sandbox"] is False
        assert acc.account_from_v2({})["sandbox"] is None
        assert acc.account_from_v1(True)["sandbox"] is None

    def test_v1_fallback(self):
        assert acc.account_from_v1(False) == {
            "source": "ses-v1", "sending_enabled": False, "enforcement_status": None, "production_access_enabled": None,
            "sandbox": None, "dedicated_ip_auto_warmup_enabled": None, "details": None,
        }
        assert acc.account_from_v1(None)["source"] == "unavailable"

    def test_fallback_warning_names_every_region_once(self):
        text = s.account_fallback_warning([
            ("eu-west-1", "denied (AccessDeniedException (HTTP 403))", None), ("us-east-1", "not offered by the endpoint (HTTP 404)", "HTTP 500")])
        assert text.count("sesv2 GetAccount could not be used") == 1
        assert "in eu-west-1, us-east-1 (denied (AccessDeniedException (HTTP 403)); not offered by the endpoint (HTTP 404))" in text
        # Too long for one warning line: cut by errors.short_warning, saying where the rest is.
        assert "grant ses:GetAccount; GetAcco" in text and text.endswith("... (details in the result)")
        assert len(text) <= 200 and s.account_fallback_warning([]) is None
        many = s.account_fallback_warning([("r%d" % i, "not offered by the endpoint (HTTP 404)", None) for i in range(30)])
        assert len(many) <= 200 and "r0, r1 and 28 more" in many and "grant" not in many


# -- region and task results ---------------------------------------------------------------------


def _report():
    return s.region_report(
        {"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": 3.0},
        {"SendDataPoints": [aws_point(NOW - timedelta(minutes=15), 3, 0, 0, 1), aws_point(NOW - timedelta(days=3), 5)]},
        acc.account_from_v1(True), NOW - timedelta(hours=24), NOW)


ERROR = {"code": "AccessDenied", "http_status": 403, "operation": "GetSendQuota", "region": "eu-west-1",
         "message": "GetSendQuota in eu-west-1 failed: AccessDenied (HTTP 403): no"}


def test_region_report_folds_the_window():
    report = _report()
    assert report["datapoints"] == [
        {"timestamp": "2024-05-02T08:45:00Z", "delivery_attempts": 3, "bounces": 0, "complaints": 0, "rejects": 1}]
    assert report["totals"] == {"delivery_attempts": 3, "bounces": 0, "complaints": 0, "rejects": 1}
    assert report["rates"]["reject_rate"] == pytest.approx(1 / 3)
    assert report["window"]["start"] == "2024-05-01T09:00:00Z" and report["window"]["datapoint_count"] == 1
    assert report["quota"]["remaining_24_hour_send"] == 197.0
    assert report["account"]["source"] == "ses-v1"


def test_failed_region_entry_has_null_data():
    entry = s.region_entry("eu-west-1", error=ERROR)
    assert entry == {"region": "eu-west-1", "failed": True, "error": ERROR, "quota": None, "datapoints": None,
                     "totals": None, "window": None, "rates": None, "account": None}


def test_task_result_single_region():
    result = s.task_result([s.region_entry("us-east-1", report=_report())])
    assert result["region"] == "us-east-1" and result["changed"] is False and result["warnings"] == []
    assert result["quota"] == result["regions"]["us-east-1"]["quota"]
    assert list(result["regions"]) == ["us-east-1"] and "failed" not in result


def test_task_result_some_regions_failed():
    result = s.task_result([s.region_entry("us-east-1", report=_report()), s.region_entry("eu-west-1", error=ERROR)])
    assert "failed" not in result and result["region"] == "us-east-1"
    assert result["warnings"] == ["SES statistics could not be read in 1 of 2 regions (eu-west-1: %s); see regions.<region>.error.message"
                                  % ERROR["code"]]
    assert result["regions"]["eu-west-1"]["failed"] is True


def test_task_result_first_region_failed_keeps_top_level_on_it():
    result = s.task_result([s.region_entry("eu-west-1", error=ERROR), s.region_entry("us-east-1", report=_report())])
    assert result["region"] == "eu-west-1" and result["quota"] is None and "failed" not in result
    assert result["regions"]["us-east-1"]["quota"]["sent_last_24_hours"] == 3.0


def test_task_result_all_failed():
    other = dict(ERROR, region="us-east-1", message="GetSendQuota in us-east-1 failed: AccessDenied")
    result = s.task_result([s.region_entry("eu-west-1", error=ERROR), s.region_entry("us-east-1", error=other)])
    assert result["failed"] is True and result["msg"] == ERROR["message"] and result["error"] == ERROR
    assert result["regions"]["us-east-1"]["error"] == other and result["warnings"] == []


def test_facts_hold_the_data_keys():
    result = s.task_result([s.region_entry("us-east-1", report=_report())])
    published = s.facts(result)
    assert set(published) == {"region", "quota", "datapoints", "totals", "window", "rates", "account", "regions"}
    assert published["rates"] is result["rates"]


# -- properties ----------------------------------------------------------------------------------

_times = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2024, 1, 15), timezones=st.just(UTC))
_counts = st.integers(min_value=0, max_value=10 ** 6)


@st.composite
def consistent_points(draw):
    """A SendDataPoints list whose bounces, complaints and rejects never exceed the attempts."""
    points = []
    for dummy in range(draw(st.integers(0, 30))):
        attempts = draw(_counts)
        capped = st.integers(0, attempts)
        points.append(aws_point(draw(_times), attempts, draw(capped), draw(capped), draw(capped)))
    return points


@given(consistent_points())
def test_totals_are_the_sums(points):
    total = s.totals(s.sorted_datapoints(points))
    assert total["delivery_attempts"] == sum(p["DeliveryAttempts"] for p in points)
    assert total["bounces"] == sum(p["Bounces"] for p in points)
    assert total["complaints"] == sum(p["Complaints"] for p in points)
    assert total["rejects"] == sum(p["Rejects"] for p in points)


@given(consistent_points())
def test_rates_are_fractions_or_null(points):
    rates = s.rates(s.totals(s.sorted_datapoints(points)))
    no_attempts = sum(p["DeliveryAttempts"] for p in points) == 0
    for name in ("bounce", "complaint", "reject"):
        fraction, percent = rates["%s_rate" % name], rates["%s_percent" % name]
        if no_attempts:
            assert fraction is None and percent is None
        else:
            assert 0.0 <= fraction <= 1.0
            assert percent == pytest.approx(fraction * 100)


@settings(max_examples=50)
@given(consistent_points(), st.randoms())
def test_sorting_is_idempotent_and_ignores_input_order(points, rnd):
    once = s.sorted_datapoints(points)
    again = s.sorted_datapoints([aws_point(p["time"], p["delivery_attempts"], p["bounces"], p["complaints"], p["rejects"])
                                 for p in once])
    assert again == once
    assert [p["time"] for p in once] == sorted(p["time"] for p in once)
    shuffled = list(points)
    rnd.shuffle(shuffled)
    assert [p["time"] for p in s.sorted_datapoints(shuffled)] == [p["time"] for p in once]
    assert s.totals(s.sorted_datapoints(shuffled)) == s.totals(once)


@given(consistent_points(), _times)
def test_window_keeps_exactly_the_points_at_or_after_since(points, since):
    ordered = s.sorted_datapoints(points)
    kept = s.points_since(ordered, since)
    assert all(p["time"] >= since for p in kept)
    assert len(kept) == sum(1 for p in ordered if p["time"] >= since)
    assert kept == ordered[len(ordered) - len(kept):]  # a suffix of the sorted list


def test_random_seed_does_not_matter_for_equal_timestamps():
    same = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    points = [aws_point(same, n) for n in range(5)]
    random.Random(1).shuffle(points)
    assert sorted(p["delivery_attempts"] for p in s.sorted_datapoints(points)) == [0, 1, 2, 3, 4]
