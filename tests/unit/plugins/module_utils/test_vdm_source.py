# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The VDM labels of ses_metric_check (sources/vdm.py): options, batching, rates, and the real HTTP path.

moto 5.2 has neither sesv2 BatchGetMetricData nor GetAccount (HTTP 404), so both are served by the loopback
proxy's fault hook as AWS's JSON answers, shaped after botocore's sesv2 service model; a test below parses each
of them with botocore's own REST-JSON parser and refuses a field the model does not have. CloudWatch is moto's.
Requests are counted at the proxy.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import botocore.session
import pytest
from botocore import parsers

from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError, check_answer
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import build_plan
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.sources import vdm
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    GET_ACCOUNT, VDM_BATCH, answering, get_account_answer, region_of, v2_answer, vdm_batch_document,
)

BATCH = VDM_BATCH
NOW = datetime.now(timezone.utc)
DAY1 = int((NOW - timedelta(days=2)).replace(hour=0, minute=0, second=0, microsecond=0).timestamp())
DAY2 = DAY1 + 86400
ALL = ["vdm-complaint-rate", "vdm-permanent-bounce-rate", "vdm-sends"]  # the first three labels; their counts are unchanged
RATES = ["vdm-transient-bounce-rate", "vdm-delivery-rate", "vdm-open-rate", "vdm-click-rate"]
EVERY = [spec.label for spec in vdm.LABELS]
SPECS = dict((spec.label, spec) for spec in vdm.LABELS)
METRIC_ORDER = [query.metric for query in vdm.plan_queries(vdm.LABELS, [("VDM", {})])]  # every metric, in the order asked


# -- answers, as AWS sends them ------------------------------------------------------------------

def serving(data, errors=None, log=None):
    """A hook answer computing each request's answer from its queries (and keeping the documents in ``log``)."""
    def answer(request):
        document = vdm_batch_document(json.loads(request.body)["Queries"], data, errors)
        if log is not None:
            log.append(document)
        return v2_answer(document)
    return answer


def vdm_account(status):
    attributes = {"VdmEnabled": status, "DashboardAttributes": {"EngagementMetrics": "ENABLED"},
                  "GuardianAttributes": {"OptimizedSharedDelivery": "DISABLED"}}
    return get_account_answer(EnforcementStatus="HEALTHY", VdmAttributes=attributes)


GMAIL = {  # two days to Gmail: rates from the sums, never an average of daily rates
    ("SEND", "Gmail"): [(DAY1, 1000), (DAY2, 3000)],
    ("DELIVERY_COMPLAINT", "Gmail"): [(DAY1, 900), (DAY2, 3100)],
    ("COMPLAINT", "Gmail"): [(DAY1, 0), (DAY2, 8)],
    ("PERMANENT_BOUNCE", "Gmail"): [(DAY1, 30), (DAY2, 10)],
}
ENGAGED = dict(GMAIL)  # and the engagement metrics of the same two days: deliveries with tracking are fewer than deliveries
ENGAGED.update({
    ("DELIVERY", "Gmail"): [(DAY1, 950), (DAY2, 2950)],
    ("TRANSIENT_BOUNCE", "Gmail"): [(DAY1, 20), (DAY2, 40)],
    ("DELIVERY_OPEN", "Gmail"): [(DAY1, 500), (DAY2, 1500)],
    ("OPEN", "Gmail"): [(DAY1, 100), (DAY2, 400)],
    ("DELIVERY_CLICK", "Gmail"): [(DAY1, 400), (DAY2, 1200)],
    ("CLICK", "Gmail"): [(DAY1, 10), (DAY2, 30)],
})
DENIED = v2_answer({"message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:BatchGetMetricData"},
                   status=403, error_type="AccessDeniedException")


def _session(url):
    return AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "vdm-test-secret-key"})


def _check(proxy, **params):
    session = _session(proxy.url)
    proxy.requests.clear()
    return run_check(dict({"region": "us-east-1", "endpoint_url": proxy.url}, **params), session)


def _by_label(result, instance=None):
    return dict((m["label"], m) for m in result["metrics"] if instance is None or m["instance"] == instance)


def _bodies(proxy):
    return [json.loads(r.body)["Queries"] for r in proxy.requests if r.operation == BATCH]


# -- options (pure) --------------------------------------------------------------------------------

@pytest.mark.parametrize("params, message", [
    ({"vdm_dimensions": {"isps": ["Gmail"]}}, "vdm_dimensions: unknown key 'isps'; valid keys are: isp, email_identity, configuration_set"),
    ({"vdm_dimensions": {"isp": "Gmail"}}, "vdm_dimensions.isp must be a list of values, for example [Gmail, Yahoo], got 'Gmail'"),
    ({"vdm_dimensions": {"isp": []}}, "vdm_dimensions.isp is empty: give at least one value or leave the key out"),
    ({"vdm_dimensions": {"isp": ["Gmail", " "]}}, "vdm_dimensions.isp[1] must be a non-blank text, got ' '"),
    ({"vdm_dimensions": {"isp": ["Gmail", "Gmail"]}}, "vdm_dimensions.isp repeats 'Gmail'"),
    ({"vdm_dimensions": {"isp": ["a|b"]}}, "vdm_dimensions.isp[0] contains '|', which would break the Nagios output line and its perfdata"),
    ({"vdm_dimensions": {}}, "vdm_dimensions is empty: leave it out to read the account as a whole"),
    ({"vdm_dimensions": ["Gmail"]}, "vdm_dimensions must be a dictionary of isp, email_identity, configuration_set: list of values, got ['Gmail']"),
    ({"vdm_dimensions": {"isp": ["isp%d" % n for n in range(41)]}},
     "vdm_dimensions holds 41 values; at most 40 (BatchGetMetricData answers at most 160 queries per second)"),
    ({"vdm_window": 3600}, "vdm_window must be a whole number of days between 1 and 60 in seconds (86400, 604800...): VDM counts per UTC day; got 3600"),
    ({"vdm_window": 61 * 86400}, "vdm_window must be a whole number of days between 1 and 60 in seconds (86400, 604800...): VDM counts per UTC day; "
                                 "got 5270400"),
    ({"vdm_window": True}, "vdm_window must be a whole number of seconds, got True"),
])
def test_bad_vdm_options_name_the_option(params, message):
    with pytest.raises(OptionError) as info:
        build_plan(dict({"metrics": ["vdm-sends"]}, **params))
    assert str(info.value) == message


def test_vdm_dimensions_without_a_vdm_label_is_refused():
    with pytest.raises(OptionError, match="vdm_dimensions is set but no VDM label is checked; add vdm-complaint-rate"):
        build_plan({"vdm_dimensions": {"isp": ["Gmail"]}})


def test_options_make_one_instance_per_value_and_the_account_by_default():
    plan = build_plan({"metrics": ["vdm-sends"], "vdm_dimensions": {"configuration_set": ["news"], "isp": ["Gmail", "Yahoo"]}})
    assert plan.source_options["vdm"] == vdm.VdmOptions(
        [("isp:Gmail", {"ISP": "Gmail"}), ("isp:Yahoo", {"ISP": "Yahoo"}), ("configuration_set:news", {"CONFIGURATION_SET": "news"})], 604800)
    assert build_plan({"metrics": ["vdm-sends"]}).source_options["vdm"] == vdm.VdmOptions([("VDM", {})], 604800)


def test_thresholds_are_fractions_for_the_rates():
    with pytest.raises(OptionError, match=r"critical.vdm-complaint-rate: '3' can never alert: rates are fractions \(0.1 is 10 %\)"):
        build_plan({"metrics": ["vdm-complaint-rate"], "critical": {"vdm-complaint-rate": "3"}})
    plan = build_plan({"metrics": ["vdm-complaint-rate"], "critical": {"vdm-complaint-rate": "@0.003:"}})
    assert str(plan.thresholds["vdm-complaint-rate"][1]) == "@0.003:"


def test_each_metric_is_asked_once_per_instance_and_batches_hold_ten():
    instances = [("isp:Gmail", {"ISP": "Gmail"}), ("isp:Yahoo", {"ISP": "Yahoo"})]
    queries = vdm.plan_queries([spec for spec in vdm.LABELS if spec.label in ALL], instances)
    assert [(q.instance, q.metric) for q in queries] == [
        (0, "SEND"), (0, "DELIVERY_COMPLAINT"), (0, "COMPLAINT"), (0, "PERMANENT_BOUNCE"),
        (1, "SEND"), (1, "DELIVERY_COMPLAINT"), (1, "COMPLAINT"), (1, "PERMANENT_BOUNCE")]
    every = [q.metric for q in vdm.plan_queries(vdm.LABELS, instances[:1])]
    assert every == ["SEND", "DELIVERY_COMPLAINT", "COMPLAINT", "PERMANENT_BOUNCE", "TRANSIENT_BOUNCE", "DELIVERY", "DELIVERY_OPEN", "OPEN",
                     "DELIVERY_CLICK", "CLICK"]
    assert [len(b) for b in vdm.batches(list(range(11)))] == [10, 1]
    assert [len(b) for b in vdm.batches(list(range(10)))] == [10]
    assert [len(b) for b in vdm.batches(list(range(20)))] == [10, 10]


@pytest.mark.parametrize("label, metrics", [
    ("vdm-complaint-rate", ["DELIVERY_COMPLAINT", "COMPLAINT"]),
    ("vdm-permanent-bounce-rate", ["SEND", "PERMANENT_BOUNCE"]),
    ("vdm-transient-bounce-rate", ["SEND", "TRANSIENT_BOUNCE"]),
    ("vdm-delivery-rate", ["SEND", "DELIVERY"]),
    ("vdm-open-rate", ["DELIVERY_OPEN", "OPEN"]),
    ("vdm-click-rate", ["DELIVERY_CLICK", "CLICK"]),
    ("vdm-sends", ["SEND"]),
])
def test_each_label_asks_only_the_metrics_it_needs(label, metrics):
    assert [q.metric for q in vdm.plan_queries([SPECS[label]], [("VDM", {})])] == metrics


def test_every_label_metric_is_asked_once_and_every_zero_denominator_says_why():
    for spec in vdm.LABELS:
        assert spec.numerator in METRIC_ORDER and (spec.denominator is None or spec.denominator in METRIC_ORDER)
        if spec.denominator:
            value, reason = vdm.label_value(spec, {spec.numerator: 0, spec.denominator: 0}, 86400)
            assert value is None and reason.startswith("no rate: %s is 0 over 1 days (" % spec.denominator) and len(reason) <= 200
    assert len(set(METRIC_ORDER)) == len(METRIC_ORDER) == 10


@pytest.mark.parametrize("label, sums, value", [
    ("vdm-transient-bounce-rate", {"TRANSIENT_BOUNCE": 60, "SEND": 4000}, 0.015),
    ("vdm-delivery-rate", {"DELIVERY": 3900, "SEND": 4000}, 0.975),
    ("vdm-open-rate", {"OPEN": 500, "DELIVERY_OPEN": 2000}, 0.25),
    ("vdm-click-rate", {"CLICK": 40, "DELIVERY_CLICK": 1600}, 0.025),
])
def test_the_new_rates_are_their_sums_ratio(label, sums, value):
    assert vdm.label_value(SPECS[label], sums, 7 * 86400) == (value, None)


@pytest.mark.parametrize("label, sums, reason", [
    ("vdm-transient-bounce-rate", {"TRANSIENT_BOUNCE": 0, "SEND": 0}, "no rate: SEND is 0 over 7 days (nothing sent)"),
    ("vdm-delivery-rate", {"DELIVERY": 0, "SEND": 0}, "no rate: SEND is 0 over 7 days (nothing sent)"),
    ("vdm-open-rate", {"OPEN": 3, "DELIVERY_OPEN": 0},
     "no rate: DELIVERY_OPEN is 0 over 7 days (no delivery of an email with open tracking; turn on VDM engagement tracking)"),
    ("vdm-click-rate", {"CLICK": 0, "DELIVERY_CLICK": 0},
     "no rate: DELIVERY_CLICK is 0 over 7 days (no delivery of an email with click tracking; turn on VDM engagement tracking)"),
])
def test_a_new_rate_over_zero_has_no_value(label, sums, reason):
    assert vdm.label_value(SPECS[label], sums, 7 * 86400) == (None, reason)
    assert len(reason) <= 200


def test_the_window_starts_at_a_utc_midnight_and_counts_today_as_one_day():
    start, end = vdm.window_dates(datetime(2024, 5, 1, 12, 30, 5, 700, tzinfo=timezone.utc), 7 * 86400)
    assert (start, end) == (datetime(2024, 4, 25, tzinfo=timezone.utc), datetime(2024, 5, 1, 12, 30, 5, tzinfo=timezone.utc))
    assert vdm.window_dates(datetime(2024, 5, 1, 0, 0, 1, tzinfo=timezone.utc), 86400)[0] == datetime(2024, 5, 1, tzinfo=timezone.utc)


# -- answer checks (fail closed) ------------------------------------------------------------------

STAMP = datetime(2024, 5, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("answer, fragment", [
    ({"Results": [{"Id": "q0", "Timestamps": [STAMP], "Values": [-1]}]}, r"Results\[0\].Values\[0\] is -1, below 0"),
    ({"Results": [{"Id": "q0", "Timestamps": [STAMP], "Values": [2.5]}]}, "not a whole number"),
    ({"Results": [{"Id": "q0", "Timestamps": [STAMP], "Values": ["5"]}]}, "is a str, not a number"),
    ({"Results": [{"Id": "q0", "Timestamps": [STAMP, STAMP], "Values": [1]}]}, "has 2 Timestamps but 1 Values"),
    ({"Results": [{"Id": "q0", "Timestamps": ["yesterday"], "Values": [1]}]}, "not a timestamp"),
    ({"Results": {"Id": "q0"}}, "Results is a dict, not a list"),
    ({"Results": [{"Id": 7, "Timestamps": [], "Values": []}]}, r"Results\[0\].Id is a int, not text"),
    ({"Results": [{"Id": "q%d" % n} for n in range(11)]}, "Results holds 11 items, more than the 10 queries"),
    ({"Errors": [{"Id": "q0", "Code": "<b>DENIED</b>"}]}, r"Errors\[0\].Code is '"),
    ({"Errors": [{"Id": "q0", "Code": "ACCESS_DENIED", "Message": ["no"]}]}, r"Errors\[0\].Message is a list, not text"),
])
def test_odd_batch_answers_are_refused(answer, fragment):
    with pytest.raises(AnswerError, match=fragment):
        check_answer("BatchGetMetricData", answer)


def test_good_batch_answers_and_vdm_attributes_pass_and_odd_vdm_attributes_do_not():
    check_answer("BatchGetMetricData", {"Results": [{"Id": "q0", "Timestamps": [STAMP], "Values": [0]}],
                                        "Errors": [{"Id": "q1", "Code": "SOMETHING_NEW", "Message": "text"}]})
    check_answer("GetAccount", {"SendingEnabled": True, "VdmAttributes": {"VdmEnabled": "PAUSED"}})
    with pytest.raises(AnswerError, match="VdmAttributes.VdmEnabled is a bool"):
        check_answer("GetAccount", {"SendingEnabled": True, "VdmAttributes": {"VdmEnabled": True}})
    with pytest.raises(AnswerError, match="VdmAttributes is a str, not a structure"):
        check_answer("GetAccount", {"SendingEnabled": True, "VdmAttributes": "ENABLED"})


# -- the injected answers are botocore's shapes -----------------------------------------------------

# Enumeration values AWS may add one day, served on purpose to see them shown (the model's fields are still checked).
DELIBERATELY_UNKNOWN = ("SOMETHING_NEW", "PAUSED")


def _walk(value, shape, where):
    """Every key of ``value`` is a member of ``shape`` (recursively), and each scalar has the member's type."""
    if shape.type_name == "structure":
        assert isinstance(value, dict), where
        for key, item in value.items():
            assert key in shape.members, "%s.%s is not in botocore's model (%s)" % (where, key, shape.name)
            _walk(item, shape.members[key], "%s.%s" % (where, key))
    elif shape.type_name == "list":
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            _walk(item, shape.member, "%s[%d]" % (where, index))
    elif shape.type_name == "map":
        assert isinstance(value, dict), where
        for item in value.values():
            _walk(item, shape.value, where + "{}")
    elif shape.type_name == "string":
        assert isinstance(value, str), where
        enum = shape.metadata.get("enum")
        assert not enum or value in enum or value in DELIBERATELY_UNKNOWN, "%s: %r is not in %s" % (where, value, enum)
    elif shape.type_name == "boolean":
        assert isinstance(value, bool), where
    elif shape.type_name in ("long", "integer"):
        assert isinstance(value, int) and not isinstance(value, bool), where
    elif shape.type_name == "double":
        assert isinstance(value, (int, float)), where
    elif shape.type_name == "timestamp":
        assert isinstance(value, (int, float)), where  # REST-JSON sends epoch seconds
    else:
        raise AssertionError("%s: a %s member; this walk does not know it" % (where, shape.type_name))


QUERIES = [{"Id": "q%d" % n, "Namespace": "VDM", "Metric": metric, "Dimensions": {"ISP": "Gmail"}}
           for n, metric in enumerate(["SEND", "DELIVERY_COMPLAINT", "COMPLAINT", "PERMANENT_BOUNCE"])]
EVERY_QUERY = [{"Id": "q%d" % n, "Namespace": "VDM", "Metric": metric, "Dimensions": {"ISP": "Gmail"}}
               for n, metric in enumerate(METRIC_ORDER)]
INJECTED = [
    ("BatchGetMetricData", v2_answer(vdm_batch_document(QUERIES, GMAIL))),
    ("BatchGetMetricData", v2_answer(vdm_batch_document(EVERY_QUERY, ENGAGED))),
    ("BatchGetMetricData", v2_answer(vdm_batch_document(EVERY_QUERY, ENGAGED, {("DELIVERY_OPEN", "Gmail"): ("ACCESS_DENIED", "not authorized")}))),
    ("BatchGetMetricData", v2_answer(vdm_batch_document(QUERIES, {}, {("COMPLAINT", "Gmail"): ("ACCESS_DENIED", "not authorized")}))),
    ("BatchGetMetricData", v2_answer(vdm_batch_document(QUERIES, {}, {("SEND", "Gmail"): ("SOMETHING_NEW", "a code AWS may add")}))),
    ("GetAccount", vdm_account("DISABLED")),
    ("GetAccount", vdm_account("ENABLED")),
    ("GetAccount", vdm_account("PAUSED")),
    ("GetAccount", get_account_answer(EnforcementStatus="HEALTHY")),
]


@pytest.mark.parametrize("operation, answer", INJECTED)
def test_every_injected_answer_is_in_botocores_model(operation, answer):
    model = botocore.session.get_session().get_service_model("sesv2")
    shape = model.operation_model(operation).output_shape
    status, headers, body = answer
    document = json.loads(body)
    _walk(document, shape, operation)
    parsed = parsers.create_parser(model.resolved_protocol).parse(
        {"status_code": status, "headers": dict((k.lower(), v) for k, v in headers.items()), "body": body}, shape)
    parsed.pop("ResponseMetadata")
    assert sorted(parsed) == sorted(document)
    check_answer(operation, parsed)


def test_the_model_names_what_the_source_sends():
    model = botocore.session.get_session().get_service_model("sesv2")
    query = model.shape_for("BatchGetMetricDataQuery")
    assert query.members["Namespace"].enum == [vdm.NAMESPACE]
    metrics = set(query.members["Metric"].enum)
    assert set(m for spec in vdm.LABELS for m in (spec.numerator, spec.denominator) if m) <= metrics
    assert set(name for _key, name in vdm.DIMENSION_KEYS) <= set(query.members["Dimensions"].key.enum)
    assert model.shape_for("BatchGetMetricDataQueries").metadata["max"] == vdm.MAX_QUERIES
    assert model.shape_for("MetricDataError").members["Code"].enum == ["INTERNAL_FAILURE", "ACCESS_DENIED"]
    assert model.shape_for("VdmAttributes").members["VdmEnabled"].enum == ["ENABLED", "DISABLED"]


# -- the real HTTP path -------------------------------------------------------------------------

def test_the_default_check_makes_no_vdm_request(recording_proxy):
    recording_proxy.fault = answering({BATCH: serving(GMAIL)})
    result = _check(recording_proxy)
    assert recording_proxy.operations() == ["GetMetricData"]
    assert result["vdm_requests"] == 0 and "vdm_window" not in result


def test_eleven_queries_are_two_requests_of_ten_and_one(recording_proxy):
    isps = ["isp%02d" % n for n in range(11)]
    recording_proxy.fault = answering({BATCH: serving({("SEND", isp): [(DAY1, 5)] for isp in isps})})
    result = _check(recording_proxy, metrics=["vdm-sends"], vdm_dimensions={"isp": isps})
    assert recording_proxy.operations() == [BATCH, BATCH] and result["vdm_requests"] == 2
    bodies = _bodies(recording_proxy)
    assert [len(body) for body in bodies] == [10, 1]
    assert [q["Dimensions"] for body in bodies for q in body] == [{"ISP": isp} for isp in isps]
    assert set((q["Namespace"], q["Metric"]) for body in bodies for q in body) == {("VDM", "SEND")}
    start = datetime.fromtimestamp(bodies[0][0]["StartDate"], timezone.utc)
    assert (start.hour, start.minute, start.second) == (0, 0, 0) and result["vdm_window"]["days"] == 7
    assert [m["value"] for m in result["metrics"]] == [5.0] * 11 and result["status"] == "OK"
    ten = _check(recording_proxy, metrics=["vdm-sends"], vdm_dimensions={"isp": isps[:10]})
    assert ten["vdm_requests"] == 1 and recording_proxy.operations() == [BATCH]


def test_three_isps_with_every_label_are_twelve_queries_in_two_requests_per_region(recording_proxy):
    recording_proxy.fault = answering({BATCH: serving(GMAIL)})
    result = _check(recording_proxy, metrics=ALL, regions=["us-east-1", "eu-west-1"], vdm_dimensions={"isp": ["Gmail", "Yahoo", "Outlook"]})
    per_region = sorted(region_of(r) for r in recording_proxy.requests if r.operation == BATCH)
    assert per_region == ["eu-west-1", "eu-west-1", "us-east-1", "us-east-1"] and result["vdm_requests"] == 4
    assert sorted(len(body) for body in _bodies(recording_proxy)) == [2, 2, 10, 10]
    assert [m["instance"] for m in result["metrics"]][:3] == ["us-east-1/isp:Gmail"] * 3


def test_rates_are_the_sums_ratio_with_thresholds_and_perfdata(recording_proxy):
    recording_proxy.fault = answering({BATCH: serving(GMAIL)})
    result = _check(recording_proxy, metrics=ALL, vdm_dimensions={"isp": ["Gmail"]},
                    warning={"vdm-complaint-rate": "@0.001:"}, critical={"vdm-complaint-rate": "@0.003:"})
    entries = _by_label(result)
    assert entries["vdm-complaint-rate"]["value"] == 8 / 4000  # 0.002: never the mean of 0/900 and 8/3100
    assert entries["vdm-permanent-bounce-rate"]["value"] == 40 / 4000
    assert entries["vdm-sends"]["value"] == 4000.0
    assert entries["vdm-complaint-rate"]["state"] == "WARNING" and result["status"] == "WARNING"
    complaint = entries["vdm-complaint-rate"]
    assert (complaint["metric_name"], complaint["unit"], complaint["statistic"], complaint["dimensions"]) == (
        "COMPLAINT/DELIVERY_COMPLAINT", "fraction", "sum", {"ISP": "Gmail"})
    assert complaint["datapoint_count"] == 2 and complaint["newest_datapoint"] == datetime.fromtimestamp(DAY2, timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    assert result["output"] == (
        "WARNING: 'isp:Gmail' Statistic 'Sum' Metrics VDM complaint rate: 0.002 (0.20%) | "
        "'isp:Gmail~sum#ses.vdm.complaint.rate'=0.002;@0.001:;@0.003:;; 'isp:Gmail~sum#ses.vdm.permanent-bounce.rate'=0.01;;;; "
        "'isp:Gmail~sum#ses.vdm.sent.count'=4000;;;;")
    assert GET_ACCOUNT not in recording_proxy.operations()  # data came back: no GetAccount
    assert recording_proxy.operations() == [BATCH] and result["vdm_requests"] == 1


def test_the_new_rates_on_the_wire_ask_only_their_metrics(recording_proxy):
    log = []
    recording_proxy.fault = answering({BATCH: serving(ENGAGED, log=log)})
    result = _check(recording_proxy, metrics=RATES, vdm_dimensions={"isp": ["Gmail"]}, critical={"vdm-delivery-rate": "0.98:"})
    (body,) = _bodies(recording_proxy)
    assert [q["Metric"] for q in body] == ["SEND", "TRANSIENT_BOUNCE", "DELIVERY", "DELIVERY_OPEN", "OPEN", "DELIVERY_CLICK", "CLICK"]
    assert recording_proxy.operations() == [BATCH] and result["vdm_requests"] == 1
    entries = _by_label(result)
    assert entries["vdm-transient-bounce-rate"]["value"] == 60 / 4000
    assert entries["vdm-delivery-rate"]["value"] == 3900 / 4000  # 0.975, below 0.98: CRITICAL
    assert entries["vdm-open-rate"]["value"] == 500 / 2000  # over the deliveries with open tracking, never all 3900
    assert entries["vdm-click-rate"]["value"] == 40 / 1600
    names = [entries[label]["metric_name"] for label in RATES]
    assert names == ["TRANSIENT_BOUNCE/SEND", "DELIVERY/SEND", "OPEN/DELIVERY_OPEN", "CLICK/DELIVERY_CLICK"]
    assert entries["vdm-delivery-rate"]["state"] == "CRITICAL" and result["status"] == "CRITICAL"
    assert result["output"] == (
        "CRITICAL: 'isp:Gmail' Statistic 'Sum' Metrics VDM delivery rate: 0.97 (97.50%) | "
        "'isp:Gmail~sum#ses.vdm.transient-bounce.rate'=0.015;;;; 'isp:Gmail~sum#ses.vdm.delivery.rate'=0.975;;0.98:;; "
        "'isp:Gmail~sum#ses.vdm.open.rate'=0.25;;;; 'isp:Gmail~sum#ses.vdm.click.rate'=0.025;;;;")
    for document in log:  # every answer served is botocore's shape
        _walk(document, botocore.session.get_session().get_service_model("sesv2").operation_model("BatchGetMetricData").output_shape,
              "BatchGetMetricData")


def test_one_new_label_asks_its_two_metrics_and_every_label_asks_ten_once(recording_proxy):
    recording_proxy.fault = answering({BATCH: serving(ENGAGED)})
    result = _check(recording_proxy, metrics=["vdm-open-rate"], vdm_dimensions={"isp": ["Gmail"]})
    assert [q["Metric"] for body in _bodies(recording_proxy) for q in body] == ["DELIVERY_OPEN", "OPEN"]
    assert _by_label(result)["vdm-open-rate"]["value"] == 0.25 and result["vdm_requests"] == 1
    result = _check(recording_proxy, metrics=EVERY, vdm_dimensions={"isp": ["Gmail", "Yahoo"]})
    bodies = _bodies(recording_proxy)
    assert [len(body) for body in bodies] == [10, 10] and result["vdm_requests"] == 2
    assert [q["Metric"] for q in bodies[0]] == METRIC_ORDER and [q["Dimensions"] for q in bodies[1]] == [{"ISP": "Yahoo"}] * 10
    assert [m["label"] for m in result["metrics"]][:7] == EVERY


def test_a_new_rate_with_zero_tracked_deliveries_is_unknown_on_the_wire(recording_proxy):
    data = dict(ENGAGED)
    data[("DELIVERY_OPEN", "Gmail")] = [(DAY1, 0), (DAY2, 0)]
    recording_proxy.fault = answering({BATCH: serving(data)})
    entries = _by_label(_check(recording_proxy, metrics=RATES, vdm_dimensions={"isp": ["Gmail"]}))
    assert entries["vdm-open-rate"]["state"] == "UNKNOWN" and entries["vdm-open-rate"]["value"] is None
    assert entries["vdm-open-rate"]["unknown_reason"] == (
        "no rate: DELIVERY_OPEN is 0 over 7 days (no delivery of an email with open tracking; turn on VDM engagement tracking)")
    assert entries["vdm-click-rate"]["state"] == "OK" and entries["vdm-delivery-rate"]["value"] == 0.975


def test_a_zero_denominator_is_unknown_never_ok(recording_proxy):
    data = dict(GMAIL)
    data[("DELIVERY_COMPLAINT", "Gmail")] = [(DAY1, 0), (DAY2, 0)]
    recording_proxy.fault = answering({BATCH: serving(data)})
    result = _check(recording_proxy, metrics=ALL, vdm_dimensions={"isp": ["Gmail"]})
    entries = _by_label(result)
    assert entries["vdm-complaint-rate"]["state"] == "UNKNOWN" and entries["vdm-complaint-rate"]["value"] is None
    reason = entries["vdm-complaint-rate"]["unknown_reason"]
    assert reason == ("no rate: DELIVERY_COMPLAINT is 0 over 7 days (no delivery to an ISP that sends SES its complaints "
                      "(feedback loop); Gmail sends none, see docs)")
    assert len(reason) <= 200
    assert entries["vdm-permanent-bounce-rate"]["state"] == "OK" and result["status"] == "UNKNOWN"
    nothing_sent = {key: value for key, value in GMAIL.items() if key[0] != "SEND"}
    recording_proxy.fault = answering({BATCH: serving(nothing_sent)})
    entries = _by_label(_check(recording_proxy, metrics=ALL, vdm_dimensions={"isp": ["Gmail"]}))
    assert entries["vdm-permanent-bounce-rate"]["unknown_reason"] == "no rate: SEND is 0 over 7 days (nothing sent)"
    assert entries["vdm-sends"]["value"] == 0.0 and entries["vdm-sends"]["state"] == "OK"  # VDM answers for the region: 0 sent


@pytest.mark.parametrize("account, line", [
    (vdm_account("DISABLED"), "VDM is not enabled in us-east-1: enable it in the SES console (Virtual Deliverability Manager) or with sesv2 "
                              "PutAccountVdmAttributes"),
    (get_account_answer(EnforcementStatus="HEALTHY"), "VDM is not enabled in us-east-1: enable it in the SES console (Virtual "
                                                      "Deliverability Manager) or with sesv2 PutAccountVdmAttributes"),
    (vdm_account("ENABLED"), "VDM is enabled in us-east-1 but has no data for the last 7 days: nothing sent since it was enabled, or "
                             "vdm_dimensions match nothing (spell them as the VDM dashboard does)"),
    (vdm_account("PAUSED"), "VDM has no data in us-east-1 and GetAccount's VdmEnabled is 'PAUSED', not one this check knows (ENABLED, DISABLED)"),
    (v2_answer({"message": "not authorized"}, status=403, error_type="AccessDeniedException"),
     "VDM has no data in us-east-1 for the last 7 days, and GetAccount (ses:GetAccount) cannot tell whether VDM is enabled: "
     "AccessDeniedException (HTTP 403)"),
])
def test_no_datapoint_at_all_asks_get_account_once_and_says_why_in_one_line(recording_proxy, account, line):
    recording_proxy.fault = answering({BATCH: serving({}), GET_ACCOUNT: account})
    result = _check(recording_proxy, metrics=ALL, vdm_dimensions={"isp": ["Gmail", "Yahoo"]})
    assert recording_proxy.operations() == [BATCH, GET_ACCOUNT] and result["vdm_requests"] == 2
    assert len(line) <= 200 and "\n" not in line
    assert result["status"] == "UNKNOWN" and result["output"] == "UNKNOWN: " + line
    assert line in result["warnings"]
    assert all(m["state"] == "UNKNOWN" and m["unknown_reason"] == line for m in result["metrics"]) and len(result["metrics"]) == 6


def test_denied_batch_is_unknown_naming_the_action_and_other_labels_are_still_checked(recording_proxy):
    session = _session(recording_proxy.url)
    session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                 MetricData=[{"MetricName": "Send", "Value": 60.0, "Timestamp": datetime.now(timezone.utc) - timedelta(minutes=2)}])
    recording_proxy.fault = answering({BATCH: DENIED})
    result = _check(recording_proxy, metrics=["emails-sent"] + ALL, critical={"emails-sent": "50"}, vdm_dimensions={"isp": ["Gmail"]})
    entries = _by_label(result)
    assert entries["emails-sent"]["state"] == "CRITICAL" and entries["emails-sent"]["value"] == 60.0 and result["status"] == "CRITICAL"
    reason = "needs ses:BatchGetMetricData (BatchGetMetricData in us-east-1: AccessDeniedException (HTTP 403))"
    assert all(entries[label]["state"] == "UNKNOWN" and entries[label]["unknown_reason"] == reason for label in ALL)
    assert "UNKNOWN: " + reason in result["output"]
    assert [e["operation"] for e in result["errors"]] == ["BatchGetMetricData"] and result["errors"][0]["http_status"] == 403
    assert GET_ACCOUNT not in recording_proxy.operations() and result["vdm_requests"] == 0


def test_per_query_errors_are_unknown_showing_the_code(recording_proxy):
    errors = {("COMPLAINT", "Gmail"): ("ACCESS_DENIED", "not allowed for this identity"),
              ("SEND", "Gmail"): ("SOMETHING_NEW", "a code AWS may add")}
    recording_proxy.fault = answering({BATCH: serving(GMAIL, errors)})
    entries = _by_label(_check(recording_proxy, metrics=ALL, vdm_dimensions={"isp": ["Gmail"]}))
    assert entries["vdm-complaint-rate"]["unknown_reason"] == (
        "needs ses:BatchGetMetricData (BatchGetMetricData answered ACCESS_DENIED for COMPLAINT ISP=Gmail in us-east-1: "
        "not allowed for this identity)")
    assert entries["vdm-sends"]["unknown_reason"] == (
        "BatchGetMetricData answered the error code 'SOMETHING_NEW' for SEND ISP=Gmail in us-east-1, not one this check knows "
        "(ACCESS_DENIED, INTERNAL_FAILURE)")
    assert entries["vdm-permanent-bounce-rate"]["state"] == "UNKNOWN"  # its SEND denominator failed
    assert all(len(entry["unknown_reason"]) <= 200 for entry in entries.values())
    recording_proxy.fault = answering({BATCH: serving(GMAIL, {("PERMANENT_BOUNCE", "Gmail"): ("INTERNAL_FAILURE", "try later")})})
    entries = _by_label(_check(recording_proxy, metrics=ALL, vdm_dimensions={"isp": ["Gmail"]}))
    assert entries["vdm-permanent-bounce-rate"]["unknown_reason"] == (
        "BatchGetMetricData answered INTERNAL_FAILURE for PERMANENT_BOUNCE ISP=Gmail in us-east-1: try later; try again later")
    assert entries["vdm-complaint-rate"]["state"] == "OK" and entries["vdm-sends"]["value"] == 4000.0


@pytest.mark.parametrize("document, fragment", [
    ({"Results": [{"Id": "q0", "Timestamps": [DAY1], "Values": [-3]}]}, r"Results[0].Values[0] is -3, below 0"),
    ({"Results": [{"Id": "q7", "Timestamps": [DAY1], "Values": [3]}]}, "Results holds the Id 'q7', which no query of the request has"),
    ({"Results": [{"Id": "q0", "Timestamps": [], "Values": []}, {"Id": "q0", "Timestamps": [], "Values": []}]},
     "Results holds the Id 'q0', twice"),
])
def test_odd_answers_on_the_wire_are_refused_as_unknown(recording_proxy, document, fragment):
    recording_proxy.fault = answering({BATCH: v2_answer(document)})
    result = _check(recording_proxy, metrics=["vdm-sends"])
    (entry,) = result["metrics"]
    assert entry["state"] == "UNKNOWN" and "InvalidAnswer" in entry["unknown_reason"] and fragment in entry["unknown_reason"]
    assert result["errors"][0]["code"] == "InvalidAnswer" and GET_ACCOUNT not in recording_proxy.operations()


def test_the_account_as_a_whole_sends_no_dimensions(recording_proxy):
    recording_proxy.fault = answering({BATCH: serving({("SEND", None): [(DAY1, 12)]})})
    result = _check(recording_proxy, metrics=["vdm-sends"], critical={"vdm-sends": "1:"})
    (body,) = _bodies(recording_proxy)
    assert body == [{"Id": "q0", "Namespace": "VDM", "Metric": "SEND", "StartDate": body[0]["StartDate"], "EndDate": body[0]["EndDate"]}]
    assert result["output"] == "OK: 'VDM' Statistic 'Sum' Metrics VDM sent emails: 12.00 | 'VDM~sum#ses.vdm.sent.count'=12;;1:;;"


# -- the bulk_senders preset ---------------------------------------------------------------------

def test_bulk_senders_preset_is_gmails_and_yahoos_levels_on_the_vdm_complaint_rate():
    plan = build_plan({"metrics": ALL, "thresholds": "bulk_senders"})
    assert [str(r) for r in plan.thresholds["vdm-complaint-rate"]] == ["@0.001:", "@0.003:"]
    assert plan.thresholds["vdm-permanent-bounce-rate"] == (None, None) and plan.thresholds["vdm-sends"] == (None, None)
    overridden = build_plan({"metrics": ["vdm-complaint-rate"], "thresholds": "bulk_senders", "critical": {"vdm-complaint-rate": "@0.002:"}})
    assert [str(r) for r in overridden.thresholds["vdm-complaint-rate"]] == ["@0.001:", "@0.002:"]


def test_a_failed_gate_says_what_the_bulk_senders_level_means(recording_proxy):
    data = dict(GMAIL)
    data[("COMPLAINT", "Gmail")] = [(DAY1, 4), (DAY2, 10)]  # 14 / 4000 = 0.35 %
    recording_proxy.fault = answering({BATCH: serving(data)})
    result = _check(recording_proxy, metrics=["vdm-complaint-rate"], vdm_dimensions={"isp": ["Gmail"]}, thresholds="bulk_senders",
                    fail_on="warning")
    assert result["status"] == "CRITICAL" and result["failed"] is True
    assert result["msg"].startswith("fail_on warning: CRITICAL vdm-complaint-rate (Gmail/Yahoo: 0.3 % limit) in us-east-1")
    data[("COMPLAINT", "Gmail")] = [(DAY1, 2), (DAY2, 4)]  # 0.15 %
    recording_proxy.fault = answering({BATCH: serving(data)})
    result = _check(recording_proxy, metrics=["vdm-complaint-rate"], vdm_dimensions={"isp": ["Gmail"]}, thresholds="bulk_senders",
                    fail_on="warning")
    assert result["msg"].startswith("fail_on warning: WARNING vdm-complaint-rate (Gmail/Yahoo: over 0.1 %) in us-east-1")
