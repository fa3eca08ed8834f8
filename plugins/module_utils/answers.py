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


def _assume_role(answer):
    credentials = _mapping("Credentials", answer.get("Credentials"))
    for key in ("AccessKeyId", "SecretAccessKey", "SessionToken"):
        if not isinstance(credentials.get(key), str) or not credentials[key]:
            raise AnswerError("Credentials.%s is a %s, not text" % (key, values.type_name(credentials.get(key))))
    _field("Credentials.Expiration", values.timestamp, credentials.get("Expiration"))


def _caller_identity(answer):
    for key in ("Arn", "Account", "UserId"):
        _field(key, values.one_line_text, answer.get(key))


_CHECKS = {
    "GetSendQuota": _send_quota,
    "GetSendStatistics": _send_statistics,
    "GetAccount": _account,
    "GetAccountSendingEnabled": _sending_enabled,
    "GetMetricData": _metric_data,
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
