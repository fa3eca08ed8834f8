# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""AWS answers checked before anything reads them: right types, real numbers, bounded sizes. Pure.

botocore turns a 200 answer into a dict without checking its values (a JSON string "555" stays a
string; XML "NaN" becomes float('nan')); the code after this trusts the types checked here.
``check_answer(operation, answer)`` raises AnswerError naming the field and what is wrong with it.

Numbers are checked against their domain, the same rules on both SES paths: counts at least 0
(and whole where AWS's model says Long), rates from 0 to 1, a quota -1 (unlimited) or at least 0,
``SentLast24Hours`` at least 0. Checks fail closed: the answer of a read (Get*, List*, Describe*...) without a check is refused
(``CHECKED_OPERATIONS`` lists the ones that have one; a test lists every AWS operation that
plugins/ calls and fails when one has no check).
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils import values

__all__ = ["MAX_DATAPOINTS_PER_CALL", "CHECKED_OPERATIONS", "AnswerError", "check_answer", "check_metric_values", "datapoint_count"]

# CloudWatch GetMetricData returns at most 100,800 datapoints per call (API reference).
MAX_DATAPOINTS_PER_CALL = 100800

_COUNT_KEYS = ("DeliveryAttempts", "Bounces", "Complaints", "Rejects")
_ACCOUNT_FLAGS = ("SendingEnabled", "ProductionAccessEnabled", "DedicatedIpAutoWarmupEnabled")


class AnswerError(ValueError):
    """An answer that cannot be used; the text names the field (``SendDataPoints[3].Bounces is NaN``)."""


def _field(where, check, value, *args):
    try:
        return check(value, *args)
    except ValueError as exc:
        raise AnswerError("%s %s" % (where, exc)) from None


def _mapping(where, value):
    if not isinstance(value, dict):
        raise AnswerError("%s is a %s, not a structure" % (where, values.type_name(value)))
    return value


def _list(where, value):
    if not isinstance(value, list):
        raise AnswerError("%s is a %s, not a list" % (where, values.type_name(value)))
    return value


# AWS answers -1 for an unlimited quota; other negative values make no sense. Sent is a count (a Double in the model).
_QUOTA_DOMAINS = (("Max24HourSend", values.quota), ("MaxSendRate", values.quota), ("SentLast24Hours", values.count, False))


def _quota_fields(where, quota, required):
    """The same rules for GetSendQuota's answer and GetAccount's SendQuota."""
    for key, check, *args in _QUOTA_DOMAINS:
        if quota.get(key) is None:
            if required:
                raise AnswerError("%s%s is missing (is this an SES answer?)" % (where, key))
            continue
        _field(where + key, check, quota[key], *args)


def _send_quota(answer):
    _quota_fields("", answer, True)


def _send_statistics(answer):
    points = _list("SendDataPoints", answer.get("SendDataPoints", []))
    for index, point in enumerate(points):
        where = "SendDataPoints[%d]" % index
        _mapping(where, point)
        _field(where + ".Timestamp", values.timestamp, point.get("Timestamp"))
        for key in _COUNT_KEYS:
            if point.get(key) is not None:
                _field("%s.%s" % (where, key), values.count, point[key])


def _account(answer):
    for key in _ACCOUNT_FLAGS:
        if answer.get(key) is not None and not isinstance(answer[key], bool):
            raise AnswerError("%s is a %s, not true or false" % (key, values.type_name(answer[key])))
    if answer.get("EnforcementStatus") is not None:
        _field("EnforcementStatus", values.status_word, answer["EnforcementStatus"])
    quota = answer.get("SendQuota")
    if quota is not None:
        _quota_fields("SendQuota.", _mapping("SendQuota", quota), False)
    vdm = answer.get("VdmAttributes")
    if vdm is not None:
        _mapping("VdmAttributes", vdm)
        if vdm.get("VdmEnabled") is not None:
            _field("VdmAttributes.VdmEnabled", values.status_word, vdm["VdmEnabled"])
        for part, key in (("DashboardAttributes", "EngagementMetrics"), ("GuardianAttributes", "OptimizedSharedDelivery")):
            if vdm.get(part) is not None and _mapping("VdmAttributes." + part, vdm[part]).get(key) is not None:
                _field("VdmAttributes.%s.%s" % (part, key), values.status_word, vdm[part][key])


def _sending_enabled(answer):
    if not isinstance(answer.get("Enabled"), bool):
        raise AnswerError("Enabled is a %s, not true or false" % values.type_name(answer.get("Enabled")))


def datapoint_count(answer):
    """How many datapoints a GetMetricData page holds (0 when its shape is wrong: check_answer says why)."""
    results = answer.get("MetricDataResults")
    if not isinstance(results, list):
        return 0
    return sum(len(r.get("Values")) for r in results if isinstance(r, dict) and isinstance(r.get("Values"), list))


def _metric_data(answer):
    results = _list("MetricDataResults", answer.get("MetricDataResults", []))
    count = datapoint_count(answer)
    if count > MAX_DATAPOINTS_PER_CALL:
        raise AnswerError("holds %d datapoints, more than the %d that GetMetricData returns per call; refused"
                          % (count, MAX_DATAPOINTS_PER_CALL))
    for index, result in enumerate(results):
        where = "MetricDataResults[%d]" % index
        _mapping(where, result)
        if not isinstance(result.get("Id"), str):
            raise AnswerError("%s.Id is a %s, not text" % (where, values.type_name(result.get("Id"))))
        stamps = _list(where + ".Timestamps", result.get("Timestamps", []))
        numbers = _list(where + ".Values", result.get("Values", []))
        if len(stamps) != len(numbers):
            raise AnswerError("%s has %d Timestamps but %d Values" % (where, len(stamps), len(numbers)))
        for position, stamp in enumerate(stamps):
            _field("%s.Timestamps[%d]" % (where, position), values.timestamp, stamp)
        for position, number in enumerate(numbers):
            _field("%s.Values[%d]" % (where, position), values.number, number)
        if result.get("StatusCode") is not None:
            _field(where + ".StatusCode", values.status_word, result["StatusCode"])
        _list(where + ".Messages", result.get("Messages", []))
    if answer.get("NextToken") is not None and not isinstance(answer["NextToken"], str):
        raise AnswerError("NextToken is a %s, not text" % values.type_name(answer["NextToken"]))


# sesv2 BatchGetMetricData: at most 10 queries per request (API reference), so at most 10 results and 10 errors.
_VDM_MAX_ITEMS = 10
# VDM counts per day; far more datapoints than any window's days is no VDM answer.
_VDM_MAX_DATAPOINTS = 10000


def _vdm_metric_data(answer):
    for key in ("Results", "Errors"):
        items = _list(key, answer.get(key, []))
        if len(items) > _VDM_MAX_ITEMS:
            raise AnswerError("%s holds %d items, more than the %d queries a request can hold" % (key, len(items), _VDM_MAX_ITEMS))
        for index, item in enumerate(items):
            where = "%s[%d]" % (key, index)
            _mapping(where, item)
            _field(where + ".Id", values.status_word, item.get("Id"))
            if key == "Errors":
                if item.get("Code") is not None:
                    _field(where + ".Code", values.status_word, item["Code"])
                if item.get("Message") is not None and not isinstance(item["Message"], str):
                    raise AnswerError("%s.Message is a %s, not text" % (where, values.type_name(item["Message"])))
                continue
            stamps = _list(where + ".Timestamps", item.get("Timestamps", []))
            numbers = _list(where + ".Values", item.get("Values", []))
            if len(stamps) != len(numbers):
                raise AnswerError("%s has %d Timestamps but %d Values" % (where, len(stamps), len(numbers)))
            if len(stamps) > _VDM_MAX_DATAPOINTS:
                raise AnswerError("%s holds %d datapoints, more than %d; refused" % (where, len(stamps), _VDM_MAX_DATAPOINTS))
            for position, stamp in enumerate(stamps):
                _field("%s.Timestamps[%d]" % (where, position), values.timestamp, stamp)
            for position, number in enumerate(numbers):
                _field("%s.Values[%d]" % (where, position), values.count, number)  # Counter: a Long count in the model


def _assume_role(answer):
    credentials = _mapping("Credentials", answer.get("Credentials"))
    for key in ("AccessKeyId", "SecretAccessKey", "SessionToken"):
        if not isinstance(credentials.get(key), str) or not credentials[key]:
            raise AnswerError("Credentials.%s is a %s, not text" % (key, values.type_name(credentials.get(key))))
    _field("Credentials.Expiration", values.timestamp, credentials.get("Expiration"))


def _caller_identity(answer):
    for key in ("Arn", "Account", "UserId"):
        _field(key, values.one_line_text, answer.get(key))


# sesv2 ListRecommendations (API reference, "ListRecommendations"): at most 100 per page (PageSize 1 to 100).
# Type, Impact and Status are enumerations AWS may extend: words here, judged by the source (unknown -> UNKNOWN).
_MAX_RECOMMENDATIONS_PER_PAGE = 100


def _recommendations(answer):
    items = _list("Recommendations", answer.get("Recommendations", []))
    if len(items) > _MAX_RECOMMENDATIONS_PER_PAGE:
        raise AnswerError("Recommendations holds %d entries, more than the %d a page can hold; refused"
                          % (len(items), _MAX_RECOMMENDATIONS_PER_PAGE))
    for index, item in enumerate(items):
        where = "Recommendations[%d]" % index
        _mapping(where, item)
        for key in ("Type", "Impact", "Status"):
            if item.get(key) is not None:
                _field("%s.%s" % (where, key), values.status_word, item[key])
        for key in ("ResourceArn", "Description"):
            if item.get(key) is not None and not isinstance(item[key], str):
                raise AnswerError("%s.%s is a %s, not text" % (where, key, values.type_name(item[key])))
        for key in ("CreatedTimestamp", "LastUpdatedTimestamp"):
            if item.get(key) is not None:
                _field("%s.%s" % (where, key), values.timestamp, item[key])
    if answer.get("NextToken") is not None and not isinstance(answer["NextToken"], str):
        raise AnswerError("NextToken is a %s, not text" % values.type_name(answer["NextToken"]))


# sesv2 ListTenants / ListReputationEntities (the tenants label source): botocore's model gives no largest
# PageSize; a page of more than this many entries is no answer to use. Names go into the Nagios output line.
_MAX_TENANT_ENTRIES_PER_PAGE = 1000
_LONGEST_TENANT_TEXT = 2048


def _text_field(where, value):
    _field(where, values.plain_text, value)
    if len(value) > _LONGEST_TENANT_TEXT:
        raise AnswerError("%s is %d characters long, more than %d" % (where, len(value), _LONGEST_TENANT_TEXT))


def _entries(answer, key):
    items = _list(key, answer.get(key, []))
    if len(items) > _MAX_TENANT_ENTRIES_PER_PAGE:
        raise AnswerError("%s holds %d entries, more than the %d a page is taken to hold; refused"
                          % (key, len(items), _MAX_TENANT_ENTRIES_PER_PAGE))
    if answer.get("NextToken") is not None and not isinstance(answer["NextToken"], str):
        raise AnswerError("NextToken is a %s, not text" % values.type_name(answer["NextToken"]))
    for index, item in enumerate(items):
        yield "%s[%d]" % (key, index), _mapping("%s[%d]" % (key, index), item)


def _tenants(answer):
    for where, item in _entries(answer, "Tenants"):
        for key in ("TenantName", "TenantId", "TenantArn"):
            if item.get(key) is not None:
                _text_field("%s.%s" % (where, key), item[key])
        if item.get("CreatedTimestamp") is not None:
            _field(where + ".CreatedTimestamp", values.timestamp, item["CreatedTimestamp"])
        if item.get("SendingStatus") is not None:  # an enumeration AWS may extend: a word, judged by the source
            _field(where + ".SendingStatus", values.status_word, item["SendingStatus"])


def _reputation_entities(answer):
    for where, item in _entries(answer, "ReputationEntities"):
        for key in ("ReputationEntityReference", "ReputationManagementPolicy"):
            if item.get(key) is not None:
                _text_field("%s.%s" % (where, key), item[key])
        for key in ("ReputationEntityType", "SendingStatusAggregate", "ReputationImpact"):
            if item.get(key) is not None:
                _field("%s.%s" % (where, key), values.status_word, item[key])
        for part in ("CustomerManagedStatus", "AwsSesManagedStatus"):
            record = item.get(part)
            if record is None:
                continue
            _mapping("%s.%s" % (where, part), record)
            if record.get("Status") is not None:
                _field("%s.%s.Status" % (where, part), values.status_word, record["Status"])
            if record.get("Cause") is not None and not isinstance(record["Cause"], str):
                raise AnswerError("%s.%s.Cause is a %s, not text" % (where, part, values.type_name(record["Cause"])))
            if record.get("LastUpdatedTimestamp") is not None:
                _field("%s.%s.LastUpdatedTimestamp" % (where, part), values.timestamp, record["LastUpdatedTimestamp"])


_CHECKS = {
    "GetSendQuota": _send_quota,
    "GetSendStatistics": _send_statistics,
    "GetAccount": _account,
    "GetAccountSendingEnabled": _sending_enabled,
    "GetMetricData": _metric_data,
    "ListTenants": _tenants,  # sesv2, the tenants label source
    "ListReputationEntities": _reputation_entities,
    "BatchGetMetricData": _vdm_metric_data,  # sesv2, the VDM label source
    "ListRecommendations": _recommendations,
    "AssumeRole": _assume_role,
    "GetCallerIdentity": _caller_identity,  # who the credentials are (the tests ask; a future "whoami" would)
}
CHECKED_OPERATIONS = frozenset(_CHECKS)
# An answer the collection reads data from: refused unless it has a check.
_READS = ("Get", "List", "Describe", "BatchGet", "Assume")


def check_answer(operation, answer):
    """The answer, unchanged, when it can be used; AnswerError otherwise, also for an operation without a check."""
    check = _CHECKS.get(operation)
    if check is None and not operation.startswith(_READS):
        return answer  # a write (the tests' seeding): the collection never calls one, a test says so
    if check is None:
        raise AnswerError("%s has no answer check in sesmon.ses, so its answer is not used (a bug in the collection: "
                          "please report it)" % operation)
    _mapping("the answer", answer)
    check(answer)
    return answer


def check_metric_values(where, numbers, unit, statistic):
    """A series' values against its metric's domain: ``count`` at least 0 (whole for sums and sample
    counts), ``fraction`` from 0 to 1 (its sample count whole); other units: finite numbers only."""
    for position, number in enumerate(numbers):
        label = "%s.Values[%d]" % (where, position)
        if statistic == "sample_count":
            _field(label, values.count, number)
        elif unit == "count":
            _field(label, values.count, number, statistic == "sum")
        elif unit == "fraction":
            _field(label, values.rate, number)
        else:
            _field(label, values.number, number)
