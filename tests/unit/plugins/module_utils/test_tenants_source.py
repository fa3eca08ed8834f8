# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The tenant labels of ses_metric_check (sources/tenants.py), on the real HTTP path: moto_server behind the recording proxy.

moto 5.2 has no sesv2 ListTenants or ListReputationEntities, so every answer of theirs is injected by the
loopback proxy's fault hook as AWS's JSON (rest-json) answer, shaped after botocore's sesv2 service model;
botocore parses real bytes from a socket. ``test_every_injected_answer_is_in_botocores_model`` parses each
one with botocore's own parser and fails on a field the model does not have. CloudWatch is moto's own.
Requests are counted at the proxy.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import botocore.session
import pytest
from botocore.model import ServiceModel
from botocore.parsers import create_parser

from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError, check_answer
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.sources import registry, tenants
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import GET_ACCOUNT, answering, get_account_answer, region_of, v2_answer

LIST_TENANTS = "sesv2:POST /v2/email/tenants/list"
LIST_ENTITIES = "sesv2:POST /v2/email/reputation/entities"
TENANT_OPERATIONS = (LIST_TENANTS, LIST_ENTITIES)
ROOT = Path(tenants.__file__).resolve().parents[3]
ACCOUNT = "123456789012"
CREATED = 1735689600  # 2025-01-01T00:00:00Z, rest-json's epoch seconds

# Every answer a test injects, (operation, answer): the model test parses each one.
INJECTED = []


def _record(operation, answer):
    INJECTED.append((operation, answer))
    return answer


def tenant(name, status="ENABLED", **fields):
    entry = {"TenantName": name, "TenantId": "tn-%s" % name, "TenantArn": "arn:aws:ses:us-east-1:%s:tenant/%s/tn-%s" % (ACCOUNT, name, name),
             "CreatedTimestamp": CREATED}
    if status is not None:
        entry["SendingStatus"] = status
    entry.update(fields)
    return entry


def entity(resource, aggregate="ENABLED", impact="LOW"):
    record = {"Status": aggregate, "Cause": "set by the customer", "LastUpdatedTimestamp": CREATED}
    entry = {"ReputationEntityReference": "arn:aws:ses:us-east-1:%s:%s" % (ACCOUNT, resource), "ReputationEntityType": "RESOURCE",
             "ReputationManagementPolicy": "arn:aws:ses:us-east-1:aws:reputation-policy/standard",
             "CustomerManagedStatus": record, "AwsSesManagedStatus": dict(record, Cause="no finding"),
             "SendingStatusAggregate": aggregate}
    if impact is not None:
        entry["ReputationImpact"] = impact
    return entry


def tenants_answer(entries, token=None):
    document = {"Tenants": entries}
    if token:
        document["NextToken"] = token
    return _record("ListTenants", v2_answer(document))


def entities_answer(entries, token=None):
    document = {"ReputationEntities": entries}
    if token:
        document["NextToken"] = token
    return _record("ListReputationEntities", v2_answer(document))


def denied(action):
    return v2_answer({"message": "User: arn:aws:iam::%s:user/ci is not authorized to perform: %s" % (ACCOUNT, action)},
                     status=403, error_type="AccessDeniedException")


def _session(url):
    return AwsSession({"region": "us-east-1", "endpoint_url": url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "test-secret-key"})


def _check(proxy, **params):
    session = _session(proxy.url)
    proxy.requests.clear()
    return run_check(dict({"region": "us-east-1", "endpoint_url": proxy.url}, **params), session)


def _states(result, label):
    return [(m["instance"], m["state"], m["account_value"]) for m in result["metrics"] if m["label"] == label]


def _tenant_requests(proxy):
    return [operation for operation in proxy.operations() if operation in TENANT_OPERATIONS]


# -- tenant-sending ------------------------------------------------------------------------------------------------


def test_each_tenant_is_an_instance_disabled_is_critical_enabled_and_reinstated_ok(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([tenant("shop"), tenant("news", "REINSTATED"),
                                                                     tenant("spammy", "DISABLED")])})
    result = _check(recording_proxy, metrics=["tenant-sending"], fail_on="critical")
    assert _states(result, "tenant-sending") == [("tenant:shop", "OK", "ENABLED"), ("tenant:news", "OK", "REINSTATED"),
                                                 ("tenant:spammy", "CRITICAL", "DISABLED")]
    assert recording_proxy.operations() == [LIST_TENANTS] and result["tenant_requests"] == 1
    assert result["status"] == "CRITICAL" and result["failed"] is True
    assert result["output"] == "CRITICAL: 'tenant:spammy' Statistic 'Latest' Metrics tenant sending: DISABLED"
    assert result["perfdata"] == ""
    entry = result["metrics"][2]
    assert (entry["metric_name"], entry["unit"], entry["value"], entry["statistic"]) == ("SendingStatus", "state", None, "latest")


def test_all_tenants_enabled_is_ok(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([tenant("shop"), tenant("news", "REINSTATED")])})
    result = _check(recording_proxy, metrics=["tenant-sending"])
    assert result["status"] == "OK" and result["exit_code"] == 0
    assert result["output"] == "OK: All emails metrics are ok"  # Centreon's text for several instances all OK
    assert _states(result, "tenant-sending") == [("tenant:shop", "OK", "ENABLED"), ("tenant:news", "OK", "REINSTATED")]


def test_a_sending_status_the_check_does_not_know_is_unknown_showing_it(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([tenant("shop"), tenant("odd", "PAUSED_FOR_REVIEW")])})
    result = _check(recording_proxy, metrics=["tenant-sending"])
    assert _states(result, "tenant-sending")[1] == ("tenant:odd", "UNKNOWN", "PAUSED_FOR_REVIEW")
    assert result["status"] == "UNKNOWN"
    assert "tenant sending: sending status 'PAUSED_FOR_REVIEW' is not one this check knows (ENABLED, REINSTATED, DISABLED)" in result["output"]


def test_a_tenant_without_sending_status_is_unknown_not_ok(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([tenant("bare", None)])})
    result = _check(recording_proxy, metrics=["tenant-sending"])
    (entry,) = result["metrics"]
    assert entry["state"] == "UNKNOWN" and entry["unknown_reason"].startswith("ListTenants gave no SendingStatus for this tenant")


def test_no_tenant_at_all_is_ok_saying_so(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([])})
    result = _check(recording_proxy, metrics=["tenant-sending"])
    assert _states(result, "tenant-sending") == [("SES", "OK", "no tenants")]
    assert result["output"] == "OK: 'SES' Statistic 'Latest' Metrics tenant sending: no tenants"


# -- reputation-entity ---------------------------------------------------------------------------------------------


def test_reputation_entities_disabled_critical_high_impact_warning_else_ok(recording_proxy):
    recording_proxy.fault = answering({LIST_ENTITIES: entities_answer([
        entity("configuration-set/marketing", "DISABLED", "HIGH"),
        entity("identity/example.com", "ENABLED", "HIGH"),
        entity("identity/shop.example.com", "REINSTATED", "HIGH"),
        entity("configuration-set/transactional", "ENABLED", "LOW"),
        entity("identity/quiet.example.com", "REINSTATED", None),
        entity("configuration-set/paused", "DISABLED", "LOW"),
    ])})
    result = _check(recording_proxy, metrics=["reputation-entity"])
    assert _states(result, "reputation-entity") == [
        ("entity:configuration-set/marketing", "CRITICAL", "sending DISABLED, impact HIGH"),
        ("entity:identity/example.com", "WARNING", "sending ENABLED, impact HIGH"),
        ("entity:identity/shop.example.com", "WARNING", "sending REINSTATED, impact HIGH"),
        ("entity:configuration-set/transactional", "OK", "sending ENABLED, impact LOW"),
        ("entity:identity/quiet.example.com", "OK", "sending REINSTATED"),
        ("entity:configuration-set/paused", "CRITICAL", "sending DISABLED, impact LOW"),
    ]
    assert recording_proxy.operations() == [LIST_ENTITIES] and result["tenant_requests"] == 1
    assert result["status"] == "CRITICAL" and result["perfdata"] == ""
    assert result["metrics"][0]["metric_name"] == "SendingStatusAggregate"


def test_high_impact_alone_is_a_warning(recording_proxy):
    recording_proxy.fault = answering({LIST_ENTITIES: entities_answer([entity("identity/example.com", "ENABLED", "HIGH")])})
    result = _check(recording_proxy, metrics=["reputation-entity"], fail_on="warning")
    assert result["status"] == "WARNING" and result["failed"] is True
    assert result["output"] == "WARNING: 'entity:identity/example.com' Statistic 'Latest' Metrics reputation entity: sending ENABLED, impact HIGH"


@pytest.mark.parametrize("aggregate, impact, reason", [
    ("SUSPENDED", "LOW", "sending status 'SUSPENDED' is not one this check knows (ENABLED, REINSTATED, DISABLED)"),
    ("ENABLED", "MEDIUM", "reputation impact 'MEDIUM' is not one this check knows (LOW, HIGH)"),
])
def test_an_entity_value_the_check_does_not_know_is_unknown_showing_it(recording_proxy, aggregate, impact, reason):
    recording_proxy.fault = answering({LIST_ENTITIES: entities_answer([entity("identity/example.com", aggregate, impact)])})
    result = _check(recording_proxy, metrics=["reputation-entity"])
    (entry,) = result["metrics"]
    assert (entry["state"], entry["account_value"], entry["unknown_reason"]) == ("UNKNOWN", "sending %s, impact %s" % (aggregate, impact), reason)
    assert reason in result["output"]


def test_disabled_is_critical_even_with_an_impact_the_check_does_not_know(recording_proxy):
    recording_proxy.fault = answering({LIST_ENTITIES: entities_answer([entity("identity/example.com", "DISABLED", "SEVERE")])})
    assert _states(_check(recording_proxy, metrics=["reputation-entity"]), "reputation-entity") == [
        ("entity:identity/example.com", "CRITICAL", "sending DISABLED, impact SEVERE")]


def test_no_reputation_entity_is_ok_saying_so(recording_proxy):
    recording_proxy.fault = answering({LIST_ENTITIES: entities_answer([])})
    assert _states(_check(recording_proxy, metrics=["reputation-entity"]), "reputation-entity") == [("SES", "OK", "no reputation entities")]


# -- pages, requests, denial ---------------------------------------------------------------------------------------


def test_pages_are_followed_and_counted(recording_proxy):
    served = []

    def pages(request):
        body = json.loads(request.body or b"{}")
        served.append(body.get("NextToken"))
        if body.get("NextToken") is None:
            return tenants_answer([tenant("first")], token="page-2")
        return tenants_answer([tenant("second", "DISABLED")])

    recording_proxy.fault = answering({LIST_TENANTS: pages})
    result = _check(recording_proxy, metrics=["tenant-sending"])
    assert served == [None, "page-2"] and result["tenant_requests"] == 2
    assert [(i, s) for i, s, _v in _states(result, "tenant-sending")] == [("tenant:first", "OK"), ("tenant:second", "CRITICAL")]


def test_an_endless_next_token_stops_at_the_bound_and_is_unknown_never_ok(recording_proxy):
    served = []

    def endless(request):
        served.append(1)
        return entities_answer([entity("identity/n%d.example.com" % len(served))], token="token-%d" % len(served))

    recording_proxy.fault = answering({LIST_ENTITIES: endless})
    result = _check(recording_proxy, metrics=["reputation-entity"])
    # MAX_PAGES pages read, one more asked: the bound, not a loop of ours (AwsSession.pages' max_pages).
    assert len(served) == tenants.MAX_PAGES + 1 == 21
    assert result["tenant_requests"] == tenants.MAX_PAGES + 1
    states = _states(result, "reputation-entity")
    assert len(states) == tenants.MAX_PAGES + 1 and all(state == "OK" for _i, state, _v in states[:-1])
    assert states[-1][:2] == ("SES", "UNKNOWN")
    assert result["status"] == "UNKNOWN"
    assert ("reputation entity: ListReputationEntities kept answering a NextToken after 20 pages; the rest was not read (20 read)"
            in result["output"])


def test_denied_list_tenants_names_the_action_and_the_other_labels_are_still_checked(recording_proxy):
    session = _session(recording_proxy.url)
    session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES",
                 MetricData=[{"MetricName": "Send", "Value": 3.0, "Timestamp": datetime.now(timezone.utc) - timedelta(minutes=2)}])
    recording_proxy.fault = answering({LIST_TENANTS: denied("ses:ListTenants"),
                                       LIST_ENTITIES: entities_answer([entity("identity/example.com")]),
                                       GET_ACCOUNT: get_account_answer(EnforcementStatus="HEALTHY")})
    result = _check(recording_proxy, metrics=["emails-sent", "account-enforcement", "tenant-sending", "reputation-entity"])
    by_label = dict((m["label"], m) for m in result["metrics"])
    assert by_label["tenant-sending"]["state"] == "UNKNOWN" and by_label["tenant-sending"]["instance"] == "SES"
    assert by_label["tenant-sending"]["unknown_reason"] == "needs ses:ListTenants (ListTenants: denied (AccessDeniedException (HTTP 403)))"
    assert (by_label["reputation-entity"]["state"], by_label["reputation-entity"]["account_value"]) == ("OK", "sending ENABLED, impact LOW")
    assert by_label["emails-sent"]["value"] == 3.0 and by_label["account-enforcement"]["state"] == "OK"
    assert result["status"] == "UNKNOWN" and "needs ses:ListTenants" in result["output"]
    (error,) = result["errors"]
    assert (error["code"], error["http_status"], error["operation"], error["region"]) == ("AccessDeniedException", 403, "ListTenants", "us-east-1")
    assert result["tenant_requests"] == 2 and sorted(_tenant_requests(recording_proxy)) == sorted(TENANT_OPERATIONS)


def test_denied_list_reputation_entities_names_its_action(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([tenant("shop")]),
                                       LIST_ENTITIES: denied("ses:ListReputationEntities")})
    result = _check(recording_proxy, metrics=["tenant-sending", "reputation-entity"])
    assert _states(result, "tenant-sending") == [("tenant:shop", "OK", "ENABLED")]
    (entry,) = [m for m in result["metrics"] if m["label"] == "reputation-entity"]
    assert entry["unknown_reason"] == ("needs ses:ListReputationEntities (ListReputationEntities: denied "
                                       "(AccessDeniedException (HTTP 403)))")


def test_the_default_check_makes_no_tenant_request(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([tenant("shop")]), LIST_ENTITIES: entities_answer([])})
    result = _check(recording_proxy)
    assert recording_proxy.operations() == ["GetMetricData"] and result["tenant_requests"] == 0
    assert not [m for m in result["metrics"] if m["label"] in ("tenant-sending", "reputation-entity")]
    one = _check(recording_proxy, metrics=["tenant-sending"])
    assert recording_proxy.operations() == [LIST_TENANTS] and one["tenant_requests"] == 1


def test_each_region_is_asked_and_named(recording_proxy):
    recording_proxy.fault = answering({LIST_TENANTS: tenants_answer([tenant("shop")])})
    result = _check(recording_proxy, regions=["us-east-1", "eu-west-1"], metrics=["tenant-sending"])
    assert sorted(region_of(r) for r in recording_proxy.requests) == ["eu-west-1", "us-east-1"]
    assert [m["instance"] for m in result["metrics"]] == ["us-east-1/tenant:shop", "eu-west-1/tenant:shop"]
    assert result["tenant_requests"] == 2


def test_an_answer_that_fails_its_check_is_unknown(recording_proxy):
    bad = v2_answer({"Tenants": [{"TenantName": "a|b", "SendingStatus": "ENABLED"}]})
    recording_proxy.fault = answering({LIST_TENANTS: bad})
    (entry,) = _check(recording_proxy, metrics=["tenant-sending"])["metrics"]
    assert entry["state"] == "UNKNOWN" and "Tenants[0].TenantName" in entry["unknown_reason"]


@pytest.mark.parametrize("operation, answer, fragment", [
    ("ListTenants", {"Tenants": {"TenantName": "x"}}, "Tenants is a"),
    ("ListTenants", {"Tenants": [{"TenantName": "x", "SendingStatus": 5}]}, "Tenants[0].SendingStatus"),
    ("ListTenants", {"Tenants": [{"TenantName": "x\ny"}]}, "Tenants[0].TenantName"),
    ("ListTenants", {"Tenants": [{"TenantName": "t%d" % n} for n in range(1001)]}, "more than the 1000"),
    ("ListTenants", {"Tenants": [], "NextToken": 7}, "NextToken is a"),
    ("ListReputationEntities", {"ReputationEntities": [{"ReputationImpact": "<b>HIGH</b>"}]}, "ReputationEntities[0].ReputationImpact"),
    ("ListReputationEntities", {"ReputationEntities": [{"CustomerManagedStatus": "DISABLED"}]}, "CustomerManagedStatus is a"),
    ("ListReputationEntities", {"ReputationEntities": [{"AwsSesManagedStatus": {"LastUpdatedTimestamp": "yesterday"}}]},
     "AwsSesManagedStatus.LastUpdatedTimestamp"),
])
def test_answer_checks_refuse_what_cannot_be_used(operation, answer, fragment):
    with pytest.raises(AnswerError) as info:
        check_answer(operation, answer)
    assert fragment in str(info.value)


# -- botocore ------------------------------------------------------------------------------------------------------


def _model_without(operation=None, member=None):
    """The installed sesv2 model without ``operation``, or without ``member`` (shape, field): an older botocore's."""
    loader = botocore.session.get_session().get_component("data_loader")
    document = loader.load_service_model("sesv2", "service-2")
    document = json.loads(json.dumps(document))
    if operation:
        del document["operations"][operation]
    if member:
        del document["shapes"][member[0]]["members"][member[1]]
    return ServiceModel(document, service_name="sesv2")


def test_the_installed_botocore_reads_both_labels():
    model = botocore.session.get_session().get_service_model("sesv2")
    assert tenants.model_problem(model, "tenant-sending") is None and tenants.model_problem(model, "reputation-entity") is None


@pytest.mark.parametrize("label, trimmed, message", [
    ("tenant-sending", dict(operation="ListTenants"), "needs botocore >= 1.43.105 for sesv2 ListTenants with SendingStatus (installed: 1.39.0)"),
    ("tenant-sending", dict(member=("TenantInfo", "SendingStatus")),
     "needs botocore >= 1.43.105 for sesv2 ListTenants with SendingStatus (installed: 1.39.0)"),
    ("reputation-entity", dict(operation="ListReputationEntities"), "needs botocore >= 1.40.0 for sesv2 ListReputationEntities (installed: 1.39.0)"),
])
def test_a_model_without_the_operation_or_field_names_the_botocore_needed(label, trimmed, message):
    assert tenants.model_problem(_model_without(**trimmed), label, installed="1.39.0") == message


def test_too_old_a_botocore_is_unknown_in_one_line_and_asks_nothing(recording_proxy, monkeypatch):
    import botocore as installed
    monkeypatch.setattr(tenants, "sesv2_model", lambda _session, _region: _model_without("ListTenants"))
    recording_proxy.fault = answering({LIST_ENTITIES: entities_answer([entity("identity/example.com")])})
    result = _check(recording_proxy, metrics=["tenant-sending", "reputation-entity"])
    assert recording_proxy.operations() == [LIST_ENTITIES] and result["tenant_requests"] == 1
    (entry,) = [m for m in result["metrics"] if m["label"] == "tenant-sending"]
    assert entry["state"] == "UNKNOWN"
    assert entry["unknown_reason"] == "needs botocore >= 1.43.105 for sesv2 ListTenants with SendingStatus (installed: %s)" % installed.__version__
    assert "\n" not in result["output"] and len(entry["unknown_reason"]) <= 200
    assert _states(result, "reputation-entity") == [("entity:identity/example.com", "OK", "sending ENABLED, impact LOW")]


def test_the_minimum_botocore_versions_are_documented():
    text = (ROOT / "docs" / "ses_metric_check.md").read_text(encoding="utf-8")
    for _operation, _key, _field, minimum in tenants.MINIMUM_BOTOCORE.values():
        assert "botocore %s" % minimum in text


def test_the_registry_and_iam_policy_know_the_source():
    assert tenants in registry.SOURCES and not {"tenant-sending", "reputation-entity"} & set(registry.default_labels())
    assert ("sesv2", "ListTenants", "ses:ListTenants") in registry.operations()
    policy = (ROOT / "docs" / "iam-policy.md").read_text(encoding="utf-8")
    assert "ses:ListTenants" in policy and "ses:ListReputationEntities" in policy


# -- the injected answers against botocore's model -----------------------------------------------------------------


def _walk(value, shape, where):
    """Every key of the answer's JSON is a member of botocore's shape (a stand-in must not invent fields)."""
    if shape.type_name == "structure":
        assert isinstance(value, dict), where
        for key, item in value.items():
            assert key in shape.members, "%s.%s is not in botocore's model (%s)" % (where, key, shape.name)
            _walk(item, shape.members[key], "%s.%s" % (where, key))
    elif shape.type_name == "list":
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            _walk(item, shape.member, "%s[%d]" % (where, index))


def _all_answers():
    # The answers the tests above inject, rebuilt here so that this test stands alone under xdist.
    return [("ListTenants", tenants_answer([tenant("shop"), tenant("news", "REINSTATED"), tenant("spammy", "DISABLED"),
                                            tenant("odd", "PAUSED_FOR_REVIEW"), tenant("bare", None)], token="page-2")),
            ("ListTenants", tenants_answer([])),
            ("ListReputationEntities", entities_answer([entity("configuration-set/marketing", "DISABLED", "HIGH"),
                                                        entity("identity/quiet.example.com", "REINSTATED", None)], token="token-1")),
            ("ListReputationEntities", entities_answer([]))] + list(INJECTED)


def test_every_injected_answer_is_in_botocores_model():
    model = botocore.session.get_session().get_service_model("sesv2")
    parser = create_parser(model.metadata["protocol"])
    answers = _all_answers()
    assert len(answers) >= 4
    for operation, (status, headers, body) in answers:
        shape = model.operation_model(operation).output_shape
        document = json.loads(body)
        _walk(document, shape, operation)
        parsed = parser.parse({"status_code": status, "headers": headers, "body": body}, shape)
        assert set(parsed) - {"ResponseMetadata"} == set(document), operation  # botocore kept every field
        key = "Tenants" if operation == "ListTenants" else "ReputationEntities"
        for raw, read in zip(document[key], parsed[key]):
            assert set(read) == set(raw)
            assert isinstance(read["CreatedTimestamp" if operation == "ListTenants" else "AwsSesManagedStatus"], (datetime, dict))
        check_answer(operation, parsed)
