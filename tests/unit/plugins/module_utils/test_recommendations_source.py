# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The account-recommendations label (sources/recommendations.py): its pure rules, and the real HTTP path.

moto 5.2 has no sesv2 ListRecommendations, so its answers are served by the recording proxy's fault hook
(tests/unit/utils/ses_answers.py) as AWS's rest-json bytes, built by ``_page`` only; a test below parses
every one of them with botocore's own parser into ListRecommendationsResponse and fails on a field that
is not in botocore's model. CloudWatch (emails-sent) is moto's own. Requests are counted at the proxy.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import botocore.parsers
import botocore.session
import pytest
from botocore.awsrequest import HeadersDict

from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError, check_answer
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import CRITICAL, OK, WARNING
from ansible_collections.sesmon.ses.plugins.module_utils.sources import recommendations as source
from ansible_collections.sesmon.ses.plugins.module_utils.sources.recommendations import judge, parse_types, request_filter
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    LIST_RECOMMENDATIONS, answering, recommendation, recommendations_document, region_of, v2_answer,
)

LIST = LIST_RECOMMENDATIONS  # the proxy's name of ListRecommendations (rest-json, POST)
LABEL = "account-recommendations"
ARN = "arn:aws:ses:us-east-1:123456789012:identity/%s"
CREATED = 1714564800  # 2024-05-01T12:00:00Z, as AWS sends timestamps in rest-json (epoch seconds)


def _item(kind="DKIM", impact="HIGH", status="OPEN", resource="example.com"):
    """One Recommendation, every field of botocore's model filled."""
    return recommendation(kind, impact, status, ARN % resource, CREATED)


def _document(items, token=None):
    return recommendations_document(items, token)


def _page(items, token=None):
    return v2_answer(_document(items, token))


DENIED = v2_answer({"message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:ListRecommendations"},
                   status=403, error_type="AccessDeniedException")

# Every page served below, by name (the model test parses each of them).
DOCUMENTS = {
    "none": _document([]),
    "high and lows": _document([_item(), _item("DMARC", "LOW", resource="example.org"), _item("SPF", "LOW", resource="example.net")]),
    "fixed only": _document([_item(status="FIXED")]),
    "first of three": _document([_item("DKIM", "LOW")], "page-2"),
    "second of three": _document([_item("SPF", "LOW", resource="example.org")], "page-3"),
    "last of three": _document([_item("BIMI", "HIGH", resource="example.net")]),
    "endless": _document([_item("DMARC", "LOW")], "token-7"),
}


def _serve(name):
    return v2_answer(DOCUMENTS[name])


def _three_pages(request):
    token = json.loads(request.body or b"{}").get("NextToken")
    return _serve({None: "first of three", "page-2": "second of three", "page-3": "last of three"}[token])


def _endless(request):
    token = json.loads(request.body or b"{}").get("NextToken") or "token-0"
    number = int(token.split("-")[1]) + 1
    return _page(DOCUMENTS["endless"]["Recommendations"], "token-%d" % number)


def _session(url):
    return AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "test-secret-key"})


def _check(proxy, **params):
    session = _session(proxy.url)
    proxy.requests.clear()
    return run_check(dict({"region": "us-east-1", "endpoint_url": proxy.url, "retries": {"max_attempts": 1}}, **params), session)


def _entry(result, label=LABEL):
    (entry,) = [m for m in result["metrics"] if m["label"] == label]
    return entry


def _bodies(proxy):
    return [json.loads(r.body) for r in proxy.requests if r.operation == LIST]


# -- the pure rules ------------------------------------------------------------------------------


def test_nothing_open_is_ok():
    assert judge([])[:3] == (OK, "none open", None)
    assert judge([_item(status="FIXED"), _item("SPF", "LOW", "FIXED")])[:3] == (OK, "none open", None)


def test_low_only_is_a_warning_naming_them():
    judgement = judge([_item("DMARC", "LOW", resource="example.org"), _item("SPF", "LOW", resource="example.net")])
    assert judgement[:3] == (WARNING, "2 open LOW (DMARC example.org, SPF example.net)", None)


def test_high_is_critical_naming_the_high_ones_and_counting_the_low_ones():
    judgement = judge(_document_items("high and lows"))
    assert judgement[:3] == (CRITICAL, "1 open HIGH (DKIM example.com), 2 open LOW", None)


def test_more_than_three_are_named_then_counted():
    items = [_item(resource="d%d.example.com" % n) for n in range(5)]
    assert judge(items).shown == "5 open HIGH (DKIM d0.example.com, DKIM d1.example.com, DKIM d2.example.com, +2 more)"


def test_fixed_ones_are_ignored():
    judgement = judge([_item(status="FIXED"), _item("SPF", "LOW")])
    assert judgement[:2] == (WARNING, "1 open LOW (SPF example.com)") and len(judgement.considered) == 1


@pytest.mark.parametrize("changes, shown", [
    ({"impact": "MEDIUM"}, "1 open with a value this check does not know: Impact 'MEDIUM' (HIGH, LOW)"),
    ({"impact": None}, "1 open with a value this check does not know: Impact missing (HIGH, LOW)"),
    ({"kind": "MTA_STS"}, "1 open with a value this check does not know: Type 'MTA_STS'"),
    ({"status": "PENDING"}, "1 open with a value this check does not know: Status 'PENDING' (OPEN, FIXED)"),
])
def test_a_value_the_check_does_not_know_is_unknown_showing_it(changes, shown):
    judgement = judge([_item(**changes)])
    assert judgement.state is None and judgement.shown == shown
    assert judgement.unknown_reason == shown + "; see the SES console's recommendations"


def test_a_known_high_is_not_masked_by_an_unknown_value_which_is_still_shown():
    judgement = judge([_item(impact="MEDIUM"), _item("SPF", "HIGH")])
    assert judgement[:3] == (CRITICAL, "1 open HIGH (SPF example.com); 1 open with a value this check does not know: "
                                       "Impact 'MEDIUM' (HIGH, LOW)", None)


def test_recommendation_types_limit_what_counts():
    items = _document_items("high and lows") + [_item("MTA_STS")]
    assert judge(items, ("DMARC", "SPF"))[:2] == (WARNING, "2 open LOW (DMARC example.org, SPF example.net)")
    assert judge(items, ("BIMI",))[:2] == (OK, "none open")  # a type AWS may add is not one of those asked for


def test_beyond_the_page_bound_is_never_ok():
    judgement = judge([], truncated=True)
    assert judgement.state is None
    assert judgement.unknown_reason == "more than 10 pages of up to 100, the rest not read; fix or filter them (recommendation_types)"
    assert judge([_item()], truncated=True)[:2] == (CRITICAL, "1 open HIGH (DKIM example.com); more than 10 pages of up to 100, "
                                                              "the rest not read")


def test_the_text_stays_short_whatever_aws_answers():
    long_names = [_item(resource="x" * 300 + "%d.example.com" % n, impact="LOW") for n in range(50)]
    odd = [_item(impact="Z" * 90), _item(status="Q" * 90), _item(kind="K" * 90)]
    for items in (long_names + odd, odd, long_names):
        judgement = judge(items, truncated=True)
        assert len(source.LABELS[0].text + ": " + (judgement.unknown_reason or judgement.shown)) <= 200
    assert judge(long_names).shown.startswith("50 open LOW (DKIM xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..., ")
    assert judge(odd).shown == "3 open with a value this check does not know: Impact 'ZZZZZZZZZZZZZZZZZZZZZZZZ' (HIGH, LOW), +2 other values"


def test_recommendation_types_option():
    assert parse_types(None) is None
    assert parse_types(["SPF", "DKIM", "SPF"]) == ("DKIM", "SPF")
    with pytest.raises(OptionError, match=r"recommendation_types: unknown recommendation type 'dkim'; valid types are: DKIM, "):
        parse_types(["dkim"])
    with pytest.raises(OptionError, match="recommendation_types must name at least one type"):
        parse_types([])
    with pytest.raises(OptionError, match="recommendation_types must be a list"):
        parse_types("DKIM")
    assert source.parse_options({}) == {"types": None}


def test_the_filter_asks_for_open_ones_and_one_type_when_only_one_counts():
    assert request_filter(None) == {"STATUS": "OPEN"} and request_filter(("DKIM", "SPF")) == {"STATUS": "OPEN"}
    assert request_filter(("SPF",)) == {"STATUS": "OPEN", "TYPE": "SPF"}


def test_the_types_are_botocore_s_enumerations():
    shapes = botocore.session.get_session().get_service_model("sesv2").operation_model("ListRecommendations").output_shape
    member = shapes.members["Recommendations"].member.members
    assert list(member["Type"].enum) == list(source.TYPES)
    assert sorted(member["Impact"].enum) == sorted(source.IMPACTS) and list(member["Status"].enum) == list(source.STATUSES)
    request = botocore.session.get_session().get_service_model("sesv2").shape_for("ListRecommendationsFilter")
    assert {"STATUS", "TYPE"} <= set(request.key.enum)


def _document_items(name):
    return DOCUMENTS[name]["Recommendations"]


# -- answer checks -------------------------------------------------------------------------------


def test_a_page_with_wrong_types_or_too_many_entries_is_refused():
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    good = dict(_item(), CreatedTimestamp=when, LastUpdatedTimestamp=when)
    check_answer("ListRecommendations", {"Recommendations": [good], "NextToken": "t"})
    for bad, fragment in ((dict(good, Impact=5), r"Recommendations\[0\].Impact is a"),
                          (dict(good, Type="DKIM|x"), r"Recommendations\[0\].Type is"),
                          (dict(good, CreatedTimestamp="yesterday"), r"Recommendations\[0\].CreatedTimestamp is a"),
                          (dict(good, ResourceArn=["arn"]), r"Recommendations\[0\].ResourceArn is a list, not text")):
        with pytest.raises(AnswerError, match=fragment):
            check_answer("ListRecommendations", {"Recommendations": [bad]})
    with pytest.raises(AnswerError, match="holds 101 entries, more than the 100"):
        check_answer("ListRecommendations", {"Recommendations": [good] * 101})
    with pytest.raises(AnswerError, match="Recommendations is a dict, not a list"):
        check_answer("ListRecommendations", {"Recommendations": {}})


# -- the injected answers against botocore's model ----------------------------------------------


def _walk(where, value, shape):
    """Fail on a key that botocore's shape does not have."""
    if shape.type_name == "structure":
        assert isinstance(value, dict), where
        for key, item in value.items():
            if key == "ResponseMetadata" and where == "answer":
                continue
            assert key in shape.members, "%s.%s is not in botocore's model (%s)" % (where, key, shape.name)
            _walk("%s.%s" % (where, key), item, shape.members[key])
    elif shape.type_name == "list":
        for index, item in enumerate(value):
            _walk("%s[%d]" % (where, index), item, shape.member)
    elif shape.type_name == "string" and shape.enum:
        assert isinstance(value, str), where


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_injected_answer_parses_into_botocore_s_output_shape(name):
    operation = botocore.session.get_session().get_service_model("sesv2").operation_model("ListRecommendations")
    status, headers, body = _serve(name)
    parsed = botocore.parsers.create_parser("rest-json").parse(
        {"status_code": status, "headers": HeadersDict(headers), "body": body}, operation.output_shape)
    _walk("answer", parsed, operation.output_shape)
    assert len(parsed["Recommendations"]) == len(DOCUMENTS[name]["Recommendations"])
    for item in parsed["Recommendations"]:
        assert set(item) == set(operation.output_shape.members["Recommendations"].member.members)  # every field, none invented
        assert isinstance(item["CreatedTimestamp"], datetime)
    check_answer("ListRecommendations", parsed)


def test_the_denial_parses_as_access_denied():
    operation = botocore.session.get_session().get_service_model("sesv2").operation_model("ListRecommendations")
    status, headers, body = DENIED
    parsed = botocore.parsers.create_parser("rest-json").parse(
        {"status_code": status, "headers": HeadersDict(headers), "body": body}, operation.output_shape)
    assert parsed["Error"]["Code"] == "AccessDeniedException"


# -- the real HTTP path --------------------------------------------------------------------------


def test_an_open_high_recommendation_is_critical_with_one_request(recording_proxy):
    recording_proxy.fault = answering({LIST: _serve("high and lows")})
    result = _check(recording_proxy, metrics=[LABEL])
    assert recording_proxy.operations() == [LIST] and result["recommendation_requests"] == 1
    assert _bodies(recording_proxy) == [{"Filter": {"STATUS": "OPEN"}, "PageSize": 100}]
    assert result["status"] == "CRITICAL" and result["perfdata"] == ""
    assert result["output"] == "CRITICAL: 'SES' Statistic 'Latest' Metrics AWS recommendations: 1 open HIGH (DKIM example.com), 2 open LOW"
    entry = _entry(result)
    assert (entry["state"], entry["account_value"], entry["value"], entry["unit"], entry["metric_name"]) == (
        "CRITICAL", "1 open HIGH (DKIM example.com), 2 open LOW", None, "state", "Recommendations")
    assert result["recommendations"][0] == {
        "region": "us-east-1", "type": "DKIM", "impact": "HIGH", "status": "OPEN", "resource_arn": ARN % "example.com",
        "description": "DKIM1", "created_timestamp": "2024-05-01T12:00:00Z", "last_updated_timestamp": "2024-05-01T13:00:00Z"}
    assert [item["type"] for item in result["recommendations"]] == ["DKIM", "DMARC", "SPF"]


def test_nothing_open_is_ok_and_fixed_ones_are_read_but_ignored(recording_proxy):
    recording_proxy.fault = answering({LIST: _serve("none")})
    result = _check(recording_proxy, metrics=[LABEL])
    assert (result["status"], _entry(result)["account_value"], result["recommendations"]) == ("OK", "none open", [])
    assert result["output"] == "OK: 'SES' Statistic 'Latest' Metrics AWS recommendations: none open"
    recording_proxy.fault = answering({LIST: _serve("fixed only")})  # the Filter asks for open ones; the Status is read anyway
    assert _check(recording_proxy, metrics=[LABEL])["status"] == "OK"


def test_pages_are_followed_and_counted(recording_proxy):
    recording_proxy.fault = answering({LIST: _three_pages})
    result = _check(recording_proxy, metrics=[LABEL])
    assert result["recommendation_requests"] == 3 and recording_proxy.operations() == [LIST] * 3
    assert [body.get("NextToken") for body in _bodies(recording_proxy)] == [None, "page-2", "page-3"]
    assert _entry(result)["account_value"] == "1 open HIGH (BIMI example.net), 2 open LOW"


def test_an_endless_next_token_stops_at_the_bound_and_is_never_ok(recording_proxy):
    recording_proxy.fault = answering({LIST: _endless})
    result = _check(recording_proxy, metrics=[LABEL])
    # 10 pages read; the 11th request shows there are more, and nothing after it is asked.
    assert recording_proxy.operations() == [LIST] * (source.MAX_PAGES + 1) and result["recommendation_requests"] == 11
    entry = _entry(result)
    assert entry["state"] == "WARNING"  # the ten pages' open LOW ones are real; the bound is said
    assert entry["account_value"] == ("10 open LOW (DMARC example.com, DMARC example.com, DMARC example.com, +7 more); "
                                      "more than 10 pages of up to 100, the rest not read")
    recording_proxy.fault = answering({LIST: lambda request: _page([], "token-%s" % len(recording_proxy.requests))})
    empty = _check(recording_proxy, metrics=[LABEL])
    assert _entry(empty)["state"] == "UNKNOWN" and empty["status"] == "UNKNOWN"
    assert "more than 10 pages of up to 100, the rest not read" in _entry(empty)["unknown_reason"]


def test_denied_is_unknown_naming_the_action_and_the_other_labels_are_checked(recording_proxy):
    session = _session(recording_proxy.url)
    session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                 MetricData=[{"MetricName": "Send", "Value": 60.0, "Timestamp": datetime.now(timezone.utc) - timedelta(minutes=2)}])
    recording_proxy.fault = answering({LIST: DENIED})
    result = _check(recording_proxy, metrics=["emails-sent", LABEL], critical={"emails-sent": "50"})
    assert _entry(result, "emails-sent")["state"] == "CRITICAL" and _entry(result, "emails-sent")["value"] == 60.0
    entry = _entry(result)
    assert entry["state"] == "UNKNOWN" and entry["account_value"] is None
    assert entry["unknown_reason"] == "needs ses:ListRecommendations (ListRecommendations: denied (AccessDeniedException (HTTP 403)))"
    assert result["status"] == "CRITICAL" and "recommendations" in result and result["recommendations"] == []
    assert result["recommendation_requests"] == 1 and [r.operation for r in recording_proxy.requests].count(LIST) == 1
    (error,) = result["errors"]
    assert (error["operation"], error["http_status"], error["region"]) == ("ListRecommendations", 403, "us-east-1")
    assert "UNKNOWN: 'SES' Statistic 'Latest' Metrics AWS recommendations: needs ses:ListRecommendations" in result["output"]


def test_the_default_check_makes_no_list_recommendations_request(recording_proxy):
    recording_proxy.fault = answering({LIST: _serve("high and lows")})
    result = _check(recording_proxy)
    assert recording_proxy.operations() == ["GetMetricData"]
    assert result["recommendation_requests"] == 0 and "recommendations" not in result
    assert LABEL not in source.DEFAULT_LABELS and LABEL not in [m["label"] for m in result["metrics"]]


def test_one_request_per_region_and_the_instance_names_the_region(recording_proxy):
    recording_proxy.fault = answering({LIST: lambda request: _serve("high and lows" if region_of(request) == "eu-west-1" else "none")})
    result = _check(recording_proxy, regions=["us-east-1", "eu-west-1"], metrics=[LABEL])
    assert sorted((region_of(r), r.operation) for r in recording_proxy.requests) == [("eu-west-1", LIST), ("us-east-1", LIST)]
    assert [(m["instance"], m["state"]) for m in result["metrics"]] == [("us-east-1/SES", "OK"), ("eu-west-1/SES", "CRITICAL")]
    assert result["recommendation_requests"] == 2
    assert set(item["region"] for item in result["recommendations"]) == {"eu-west-1"}


def test_recommendation_types_narrow_the_request_and_the_count(recording_proxy):
    recording_proxy.fault = answering({LIST: _serve("high and lows")})
    result = _check(recording_proxy, metrics=[LABEL], recommendation_types=["SPF"])
    assert _bodies(recording_proxy) == [{"Filter": {"STATUS": "OPEN", "TYPE": "SPF"}, "PageSize": 100}]
    # The stand-in ignores the Filter: the Type is read anyway, so DKIM and DMARC do not count.
    assert (result["status"], _entry(result)["account_value"]) == ("WARNING", "1 open LOW (SPF example.net)")
    assert [item["type"] for item in result["recommendations"]] == ["SPF"]


def test_a_bad_recommendation_type_is_refused_before_any_request(recording_proxy):
    with pytest.raises(OptionError, match="recommendation_types: unknown recommendation type 'DKIM2'"):
        _check(recording_proxy, metrics=[LABEL], recommendation_types=["DKIM2"])
    assert recording_proxy.requests == []


def test_thresholds_are_refused_for_this_label():
    with pytest.raises(OptionError, match="critical.account-recommendations: this recommendations label has fixed states .*; "
                                          "no recommendations label does$"):
        run_check({"region": "us-east-1", "metrics": [LABEL], "critical": {LABEL: "1"}}, session=None)
