# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ses_send_stats' opt-in facts (include_extra: recommendations, vdm, tenants), on the real HTTP path.

moto 5.2 has no sesv2 GetAccount, ListRecommendations, BatchGetMetricData, ListTenants or ListReputationEntities:
their answers are injected by the recording proxy's fault hook as AWS's JSON (rest-json) answers, built by
tests/unit/utils/ses_answers.py and shaped after botocore's sesv2 model, so botocore parses real bytes from a
socket; ``test_every_injected_answer_is_in_botocores_model`` parses each one with botocore's own parser and fails
on a field the model does not have. GetSendStatistics is moto's own. Requests are counted at the proxy.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import botocore.session
import pytest
from botocore.parsers import create_parser

from ansible_collections.sesmon.ses.plugins.module_utils import send_stats_facts
from ansible_collections.sesmon.ses.plugins.module_utils.answers import check_answer
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.send_stats_task import EXTRA_REQUESTS, execute_send_stats
from ansible_collections.sesmon.ses.plugins.modules.ses_send_stats import ARGUMENT_SPEC
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    GET_ACCOUNT, LIST_RECOMMENDATIONS, VDM_BATCH, answering, get_account_answer, recommendation, recommendations_document, v2_answer,
    vdm_batch_document,
)

LIST_TENANTS = "sesv2:POST /v2/email/tenants/list"
LIST_ENTITIES = "sesv2:POST /v2/email/reputation/entities"
BASE = [GET_ACCOUNT, "GetSendStatistics"]
ACCOUNT = "123456789012"
CREATED = 1735689600  # 2025-01-01T00:00:00Z
NOW = datetime.now(timezone.utc)
DAY1 = int((NOW - timedelta(days=2)).replace(hour=0, minute=0, second=0, microsecond=0).timestamp())
DAY2 = DAY1 + 86400
ARN = "arn:aws:ses:us-east-1:%s:identity/example.com" % ACCOUNT

INJECTED = []  # (operation, answer) of every answer served: the model test parses each one


def _served(operation, document, status=200, error_type=None):
    answer = v2_answer(document, status=status, error_type=error_type)
    if status == 200:
        INJECTED.append((operation, answer))
    return answer


def denied(action):
    return v2_answer({"message": "User: arn:aws:iam::%s:user/ci is not authorized to perform: %s" % (ACCOUNT, action)},
                     status=403, error_type="AccessDeniedException")


def recommendations_answer(items, token=None):
    return _served("ListRecommendations", recommendations_document(items, token))


def tenants_answer(entries):
    return _served("ListTenants", {"Tenants": entries})


def entities_answer(entries):
    return _served("ListReputationEntities", {"ReputationEntities": entries})


def tenant(name, status="ENABLED"):
    return {"TenantName": name, "TenantId": "tn-%s" % name, "TenantArn": "arn:aws:ses:us-east-1:%s:tenant/%s/tn-%s" % (ACCOUNT, name, name),
            "CreatedTimestamp": CREATED, "SendingStatus": status}


def entity(resource, aggregate="ENABLED", impact="LOW"):
    record = {"Status": aggregate, "Cause": "set by the customer", "LastUpdatedTimestamp": CREATED}
    return {"ReputationEntityReference": "arn:aws:ses:us-east-1:%s:%s" % (ACCOUNT, resource), "ReputationEntityType": "RESOURCE",
            "ReputationManagementPolicy": "arn:aws:ses:us-east-1:aws:reputation-policy/standard",
            "CustomerManagedStatus": record, "AwsSesManagedStatus": dict(record, Cause="no finding"),
            "SendingStatusAggregate": aggregate, "ReputationImpact": impact}


def vdm_serving(data, errors=None):
    def answer(request):
        return _served("BatchGetMetricData", vdm_batch_document(json.loads(request.body)["Queries"], data, errors))
    return answer


VDM_DATA = {  # account and Yahoo over two days: rates from the sums
    ("SEND", None): [(DAY1, 10000), (DAY2, 10000)],
    ("DELIVERY", None): [(DAY1, 9900), (DAY2, 9900)],
    ("DELIVERY_COMPLAINT", None): [(DAY1, 4000), (DAY2, 5000)],
    ("COMPLAINT", None): [(DAY1, 4), (DAY2, 5)],
    ("PERMANENT_BOUNCE", None): [(DAY1, 60), (DAY2, 60)],
    ("SEND", "Yahoo"): [(DAY1, 1000), (DAY2, 1000)],
    ("DELIVERY", "Yahoo"): [(DAY1, 995), (DAY2, 995)],
    ("DELIVERY_COMPLAINT", "Yahoo"): [(DAY1, 995), (DAY2, 995)],
    ("COMPLAINT", "Yahoo"): [(DAY1, 4), (DAY2, 5)],
    ("PERMANENT_BOUNCE", "Yahoo"): [(DAY1, 5), (DAY2, 5)],
}


def _run(proxy, **params):
    session = AwsSession({"region": "us-east-1", "endpoint_url": proxy.url, "access_key": "AKIAIOSFODNN7EXAMPLE",
                          "secret_key": "test-secret-key"})
    proxy.requests.clear()
    return execute_send_stats(dict({"region": "us-east-1", "endpoint_url": proxy.url}, **params), session)


def _with_account(answers):
    return answering(dict({GET_ACCOUNT: get_account_answer()}, **answers))


# -- default: nothing more ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("include", [None, []])
def test_default_makes_no_extra_request_and_adds_no_key(recording_proxy, include):
    recording_proxy.fault = _with_account({LIST_RECOMMENDATIONS: recommendations_answer([])})
    result = _run(recording_proxy, include_extra=include)
    assert recording_proxy.operations() == BASE
    for key in ("recommendations", "vdm", "tenants", "reputation_entities"):
        assert key not in result and key not in result["regions"]["us-east-1"]
    assert result["warnings"] == []


# -- each fact's shape and requests ---------------------------------------------------------------------------------


def test_recommendations_are_aws_whole_list_open_and_fixed_paged(recording_proxy):
    pages = {None: recommendations_answer([recommendation("DKIM", "HIGH", "OPEN", ARN, CREATED, description="DKIM is off")], "page-2"),
             "page-2": recommendations_answer([recommendation("SPF", "LOW", "FIXED", ARN, CREATED, CREATED + 60)])}
    bodies = []

    def listing(request):
        body = json.loads(request.body or "{}")
        bodies.append(body)
        return pages[body.get("NextToken")]

    recording_proxy.fault = _with_account({LIST_RECOMMENDATIONS: listing})
    result = _run(recording_proxy, include_extra=["recommendations"])
    assert recording_proxy.operations() == BASE + [LIST_RECOMMENDATIONS] * 2
    assert all("Filter" not in body and body["PageSize"] == 100 for body in bodies)  # no Status filter: fixed ones too
    assert result["recommendations"] == [
        {"type": "DKIM", "impact": "HIGH", "status": "OPEN", "resource_arn": ARN, "description": "DKIM is off",
         "created_timestamp": "2025-01-01T00:00:00Z", "last_updated_timestamp": "2025-01-01T01:00:00Z"},
        {"type": "SPF", "impact": "LOW", "status": "FIXED", "resource_arn": ARN, "description": "SPF1",
         "created_timestamp": "2025-01-01T00:00:00Z", "last_updated_timestamp": "2025-01-01T00:01:00Z"}]
    assert result["regions"]["us-east-1"]["recommendations"] == result["recommendations"]
    assert result["warnings"] == [] and not result.get("failed")


def test_tenants_and_reputation_entities(recording_proxy):
    recording_proxy.fault = _with_account({LIST_TENANTS: tenants_answer([tenant("shop"), tenant("spammy", "DISABLED")]),
                                           LIST_ENTITIES: entities_answer([entity("configuration-set/marketing", "DISABLED", "HIGH")])})
    result = _run(recording_proxy, include_extra=["tenants"])
    assert recording_proxy.operations() == BASE + [LIST_TENANTS, LIST_ENTITIES]
    assert result["tenants"] == [
        {"tenant_name": "shop", "tenant_id": "tn-shop", "sending_status": "ENABLED", "created_timestamp": "2025-01-01T00:00:00Z"},
        {"tenant_name": "spammy", "tenant_id": "tn-spammy", "sending_status": "DISABLED", "created_timestamp": "2025-01-01T00:00:00Z"}]
    assert result["reputation_entities"] == [{"reference": "arn:aws:ses:us-east-1:%s:configuration-set/marketing" % ACCOUNT,
                                              "type": "RESOURCE", "sending_status_aggregate": "DISABLED", "reputation_impact": "HIGH"}]
    assert result["warnings"] == []


def test_vdm_counts_and_rates_of_the_account_in_one_request(recording_proxy):
    recording_proxy.fault = _with_account({VDM_BATCH: vdm_serving(VDM_DATA)})
    result = _run(recording_proxy, include_extra=["vdm"])
    assert recording_proxy.operations() == BASE + [VDM_BATCH]  # 5 queries: one request
    fact = result["vdm"]
    assert fact["account"] == {"sends": 20000, "deliveries": 19800, "feedback_loop_deliveries": 9000, "complaints": 9,
                               "permanent_bounces": 120, "complaint_rate": 0.001, "permanent_bounce_rate": 0.006}
    assert fact["isps"] == {} and fact["window"]["days"] == 7 and fact["window"]["start"].endswith("T00:00:00Z")
    assert result["warnings"] == []


def test_vdm_per_isp_named_in_vdm_isps(recording_proxy):
    seen = []

    def serve(request):
        seen.append(json.loads(request.body)["Queries"])
        return vdm_serving(VDM_DATA)(request)

    recording_proxy.fault = _with_account({VDM_BATCH: serve})
    result = _run(recording_proxy, include_extra=["vdm"], vdm_isps=["Yahoo", "Gmail"])
    assert recording_proxy.operations() == BASE + [VDM_BATCH] * 2  # 15 queries, 10 per request
    assert [len(queries) for queries in seen] == [10, 5]
    yahoo = result["vdm"]["isps"]["Yahoo"]
    assert (yahoo["complaints"], yahoo["feedback_loop_deliveries"], yahoo["complaint_rate"]) == (9, 1990, 9 / 1990)
    assert yahoo["permanent_bounce_rate"] == 10 / 2000
    gmail = result["vdm"]["isps"]["Gmail"]  # no datapoint for Gmail: counts 0, rates null (no denominator), never 0
    assert gmail == {"sends": 0, "deliveries": 0, "feedback_loop_deliveries": 0, "complaints": 0, "permanent_bounces": 0,
                     "complaint_rate": None, "permanent_bounce_rate": None}


def test_a_vdm_query_error_nulls_its_count_and_rate_with_a_warning(recording_proxy):
    recording_proxy.fault = _with_account({VDM_BATCH: vdm_serving(VDM_DATA, {("COMPLAINT", None): ("ACCESS_DENIED", "not authorized")})})
    result = _run(recording_proxy, include_extra=["vdm"])
    account = result["vdm"]["account"]
    assert account["complaints"] is None and account["complaint_rate"] is None and account["permanent_bounce_rate"] == 0.006
    (warning,) = result["warnings"]
    assert "needs ses:BatchGetMetricData" in warning and len(warning) <= 200


def test_vdm_without_any_datapoint_asks_get_account_once_and_says_why(recording_proxy):
    recording_proxy.fault = _with_account({VDM_BATCH: vdm_serving({})})
    result = _run(recording_proxy, include_extra=["vdm"])
    assert recording_proxy.operations() == BASE + [VDM_BATCH, GET_ACCOUNT]  # as the vdm-* labels: one GetAccount to say why
    assert result["vdm"]["account"]["sends"] == 0 and result["vdm"]["account"]["complaint_rate"] is None
    (warning,) = result["warnings"]
    assert warning.startswith("VDM is not enabled in us-east-1: enable it")


def test_the_vdm_rates_follow_the_labels_rule():
    """One rule in one place: the facts' rates are vdm.label_value's, a zero denominator gives none."""
    sums = {"SEND": 0, "DELIVERY": 0, "DELIVERY_COMPLAINT": 10, "COMPLAINT": 1, "PERMANENT_BOUNCE": 0}
    assert send_stats_facts.vdm_counts(sums)["complaint_rate"] == 0.1
    assert send_stats_facts.vdm_counts(sums)["permanent_bounce_rate"] is None


def test_all_three_in_order_then_the_next_region(recording_proxy):
    recording_proxy.fault = _with_account({LIST_RECOMMENDATIONS: recommendations_answer([]), VDM_BATCH: vdm_serving(VDM_DATA),
                                           LIST_TENANTS: tenants_answer([]), LIST_ENTITIES: entities_answer([])})
    result = _run(recording_proxy, include_extra=["tenants", "vdm", "recommendations"], regions=["us-east-1", "eu-west-1"], publish_facts=True)
    per_region = BASE + [LIST_RECOMMENDATIONS, VDM_BATCH, LIST_TENANTS, LIST_ENTITIES]
    assert [fact for fact, _operations in EXTRA_REQUESTS] == ["recommendations", "vdm", "tenants"]
    assert len(recording_proxy.operations()) == 2 * len(per_region)
    assert sorted(recording_proxy.operations()) == sorted(per_region * 2)
    for region in ("us-east-1", "eu-west-1"):
        entry = result["regions"][region]
        assert entry["recommendations"] == [] and entry["tenants"] == [] and entry["reputation_entities"] == []
        assert entry["vdm"]["account"]["sends"] == 20000
    published = result["ansible_facts"]["ses_send_stats"]
    assert published["vdm"] == result["vdm"] and published["tenants"] == []


# -- a fact that cannot be read -------------------------------------------------------------------------------------


def test_denied_recommendations_are_null_with_a_warning_and_the_others_still_come(recording_proxy):
    recording_proxy.fault = _with_account({LIST_RECOMMENDATIONS: denied("ses:ListRecommendations"),
                                           LIST_TENANTS: tenants_answer([tenant("shop")]),
                                           LIST_ENTITIES: denied("ses:ListReputationEntities")})
    result = _run(recording_proxy, include_extra=["recommendations", "tenants"])
    assert not result.get("failed") and result["quota"] is not None
    assert result["recommendations"] is None and result["reputation_entities"] is None
    assert result["tenants"][0]["tenant_name"] == "shop"
    assert len(result["warnings"]) == 2
    assert result["warnings"][0].startswith("recommendations not read in us-east-1: needs ses:ListRecommendations "
                                            "(ListRecommendations: denied (AccessDeniedException (HTTP 403)))")
    assert result["warnings"][1].startswith("reputation_entities not read in us-east-1: needs ses:ListReputationEntities")
    assert all(len(w) <= 200 and "\n" not in w for w in result["warnings"])
    assert recording_proxy.operations() == BASE + [LIST_RECOMMENDATIONS, LIST_TENANTS, LIST_ENTITIES]  # botocore retries no 403


def test_denied_vdm_is_null_with_a_warning(recording_proxy):
    recording_proxy.fault = _with_account({VDM_BATCH: denied("ses:BatchGetMetricData"), LIST_RECOMMENDATIONS: recommendations_answer([])})
    result = _run(recording_proxy, include_extra=["vdm", "recommendations"])
    assert result["vdm"] is None and result["recommendations"] == []
    (warning,) = result["warnings"]
    assert warning.startswith("vdm not read in us-east-1: needs ses:BatchGetMetricData (BatchGetMetricData: denied")


def test_a_region_that_failed_has_null_facts(recording_proxy):
    def statistics(request):
        from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import region_of, ses_error
        return ses_error("AccessDenied", "not authorized", 403) if region_of(request) == "eu-west-1" else None

    recording_proxy.fault = _with_account({"GetSendStatistics": statistics, LIST_RECOMMENDATIONS: recommendations_answer([])})
    result = _run(recording_proxy, include_extra=["recommendations"], regions=["us-east-1", "eu-west-1"])
    assert result["regions"]["eu-west-1"]["failed"] is True and result["regions"]["eu-west-1"]["recommendations"] is None
    assert result["recommendations"] == []


# -- options --------------------------------------------------------------------------------------------------------


def test_the_argument_spec_offers_the_three_choices():
    assert ARGUMENT_SPEC["include_extra"]["choices"] == list(send_stats_facts.CHOICES)


@pytest.mark.parametrize("params, message", [
    ({"include_extra": ["vdm", "ips"]}, "include_extra: unknown fact 'ips'"),
    ({"vdm_isps": ["Gmail"]}, "vdm_isps is set but include_extra does not name vdm"),
    ({"include_extra": ["vdm"], "vdm_isps": ["Gmail", "Gmail"]}, "vdm_isps repeats 'Gmail'"),
    ({"include_extra": ["vdm"], "vdm_isps": [" "]}, "vdm_isps[0] must be a non-blank text"),
    ({"include_extra": ["vdm"], "vdm_isps": ["isp%d" % n for n in range(21)]}, "vdm_isps holds 21 ISPs; at most 20"),
])
def test_bad_options_are_refused_naming_them(params, message):
    with pytest.raises(OptionError) as caught:
        send_stats_facts.parse_options(params)
    assert str(caught.value).startswith(message)


# -- the docs hold the facts' requests and keys ---------------------------------------------------------------------


def test_the_docs_requests_table_and_return_name_each_fact():
    import re
    from pathlib import Path

    import yaml

    from ansible_collections.sesmon.ses.plugins.modules import ses_send_stats

    root = Path(send_stats_facts.__file__).resolve().parents[2]
    guide = (root / "docs" / "ses_send_stats.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| (.*) \|$", guide.split("each fact asked adds its requests", 1)[1], re.M))
    for fact, operations in EXTRA_REQUESTS:
        assert all("`%s`" % operation in rows[fact] for operation in operations), fact
    returned = yaml.safe_load(ses_send_stats.RETURN)
    for fact in send_stats_facts.CHOICES:
        for key in send_stats_facts.result_keys(send_stats_facts.ExtraPlan((fact,), ())):
            assert "include_extra" in returned[key]["returned"] and returned[key]["sample"], key
    assert set(returned["vdm"]["sample"]["account"]) == set(send_stats_facts.vdm_counts({}))
    assert set(returned["recommendations"]["sample"][0]) == set(send_stats_facts.recommendation_items([
        dict(recommendation("DKIM", "HIGH", "OPEN", ARN, 0), CreatedTimestamp=NOW, LastUpdatedTimestamp=NOW)])[0])
    assert set(returned["tenants"]["sample"][0]) == set(send_stats_facts.tenant_items([dict(tenant("shop"), CreatedTimestamp=NOW)])[0])
    assert set(returned["reputation_entities"]["sample"][0]) == set(send_stats_facts.entity_items([entity("identity/x")])[0])


# -- the injected answers against botocore's model -----------------------------------------------------------------


def _walk(value, shape, where):
    if shape.type_name == "structure":
        assert isinstance(value, dict), where
        for key, item in value.items():
            assert key in shape.members, "%s.%s is not in botocore's model (%s)" % (where, key, shape.name)
            _walk(item, shape.members[key], "%s.%s" % (where, key))
    elif shape.type_name == "list":
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            _walk(item, shape.member, "%s[%d]" % (where, index))


def test_every_injected_answer_is_in_botocores_model():
    queries = [{"Id": "q%d" % n, "Metric": metric, "Dimensions": {"ISP": "Yahoo"}} for n, (_key, metric) in enumerate(send_stats_facts.VDM_COUNTS)]
    answers = [("ListRecommendations", recommendations_answer([recommendation("DKIM", "HIGH", "OPEN", ARN, CREATED)], "page-2")),
               ("ListTenants", tenants_answer([tenant("shop")])),
               ("ListReputationEntities", entities_answer([entity("identity/example.com")])),
               ("BatchGetMetricData", v2_answer(vdm_batch_document(queries, VDM_DATA, {("COMPLAINT", "Yahoo"): ("ACCESS_DENIED", "no")})))]
    model = botocore.session.get_session().get_service_model("sesv2")
    parser = create_parser(model.metadata["protocol"])
    for operation, (status, headers, body) in answers + list(INJECTED):
        shape = model.operation_model(operation).output_shape
        document = json.loads(body)
        _walk(document, shape, operation)
        parsed = parser.parse({"status_code": status, "headers": headers, "body": body}, shape)
        assert set(parsed) - {"ResponseMetadata"} == set(document), operation
        check_answer(operation, parsed)
