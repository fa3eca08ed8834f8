# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""AWS answers checked before anything reads them: right types, real numbers, bounded sizes. Pure.

botocore turns a 200 answer into a dict without checking its values (a JSON string "555" stays a
string; XML "NaN" becomes float('nan')); the code after this trusts the types checked here.
``check_answer(operation, answer)`` raises AnswerError naming the field and what is wrong with it.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils import values

__all__ = ["MAX_DATAPOINTS_PER_CALL", "AnswerError", "check_answer", "datapoint_count"]

# CloudWatch GetMetricData returns at most 100,800 datapoints per call (API reference).
MAX_DATAPOINTS_PER_CALL = 100800

_QUOTA_KEYS = ("Max24HourSend", "MaxSendRate", "SentLast24Hours")
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


def _send_quota(answer):
    # AWS answers -1 for an unlimited quota; other negative values make no sense.
    for key, minimum in (("Max24HourSend", -1), ("MaxSendRate", -1), ("SentLast24Hours", 0)):
        if key not in answer:
            raise AnswerError("%s is missing (is this an SES answer?)" % key)
        _field(key, values.number, answer[key], minimum)


def _send_statistics(answer):
    points = _list("SendDataPoints", answer.get("SendDataPoints", []))
    for index, point in enumerate(points):
        where = "SendDataPoints[%d]" % index
        _mapping(where, point)
        _field(where + ".Timestamp", values.timestamp, point.get("Timestamp"))
        for key in _COUNT_KEYS:
            if point.get(key) is not None:
                _field("%s.%s" % (where, key), values.number, point[key], 0)


def _account(answer):
    for key in _ACCOUNT_FLAGS:
        if answer.get(key) is not None and not isinstance(answer[key], bool):
            raise AnswerError("%s is a %s, not true or false" % (key, values.type_name(answer[key])))
    if answer.get("EnforcementStatus") is not None:
        _field("EnforcementStatus", values.one_line_text, answer["EnforcementStatus"])
    quota = answer.get("SendQuota")
    if quota is not None:
        _mapping("SendQuota", quota)
        for key in _QUOTA_KEYS:
            if quota.get(key) is not None:
                _field("SendQuota." + key, values.number, quota[key])


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
            _field(where + ".StatusCode", values.one_line_text, result["StatusCode"])
        _list(where + ".Messages", result.get("Messages", []))
    if answer.get("NextToken") is not None and not isinstance(answer["NextToken"], str):
        raise AnswerError("NextToken is a %s, not text" % values.type_name(answer["NextToken"]))


_CHECKS = {
    "GetSendQuota": _send_quota,
    "GetSendStatistics": _send_statistics,
    "GetAccount": _account,
    "GetAccountSendingEnabled": _sending_enabled,
    "GetMetricData": _metric_data,
}


def check_answer(operation, answer):
    """The answer, unchanged, when it can be used; AnswerError otherwise. Operations without a check pass."""
    check = _CHECKS.get(operation)
    if check is not None:
        _mapping("the answer", answer)
        check(answer)
    return answer
