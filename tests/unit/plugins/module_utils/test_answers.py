# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Answer checks: the values' domains on both SES paths, and checks that fail closed (issues 17, 21)."""

from __future__ import annotations

import ast
from datetime import datetime, timezone
from pathlib import Path

import botocore.session
import pytest
from botocore import xform_name

from ansible_collections.sesmon.ses.plugins.module_utils import answers
from ansible_collections.sesmon.ses.plugins.module_utils.answers import AnswerError, check_answer, check_metric_values

PLUGINS = Path(answers.__file__).resolve().parents[1]


SERVICES = ("ses", "sesv2", "cloudwatch", "sts")


def _operation_names():
    """snake_case name -> API name, for every operation of the services the collection talks to."""
    names = {}
    for service in SERVICES:
        model = botocore.session.get_session().get_service_model(service)
        names.update((xform_name(name), name) for name in model.operation_names)
    return names


def _called_operations():
    """Every operation plugins/ can call: the operation argument of AwsSession.call / .pages, and any
    text in plugins/ that is an operation's snake_case name (a name passed on, as account_reader's _v1 does)."""
    names = _operation_names()
    found, direct = set(), 0
    fetches_role = False
    for path in PLUGINS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "AssumeRoleCredentialFetcher":
                fetches_role = True
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names:
                found.add(names[node.value])
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("call", "pages"):
                literal = [arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
                if len(literal) == 2:
                    direct += 1
                    assert literal[1] in names, "%s has no operation %s" % tuple(literal)
    assert direct >= 3, "the scan found no AwsSession.call/.pages with literal operations: is it still looking at the right code?"
    return found, fetches_role


def test_every_operation_the_collection_calls_has_an_answer_check():
    operations, fetches_role = _called_operations()
    if fetches_role:
        operations.add("AssumeRole")  # botocore's AssumeRoleCredentialFetcher calls it; connection.py checks its answer
    # The scan sees what it must: today's five reads and STS.
    assert {"GetAccount", "GetSendQuota", "GetSendStatistics", "GetAccountSendingEnabled", "GetMetricData", "AssumeRole"} <= operations
    missing = sorted(operations - answers.CHECKED_OPERATIONS)
    assert not missing, "AWS operations called without an answer check in answers.py: %s" % missing


@pytest.mark.parametrize("operation", ["GetSuppressedDestination", "ListContacts", "BatchGetItem", "DescribeAlarms"])
def test_a_read_without_a_check_is_refused(operation):
    with pytest.raises(AnswerError, match="has no answer check"):
        check_answer(operation, {"Anything": 1})


NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("quota, fragment", [
    ({"Max24HourSend": -5.0, "MaxSendRate": 1.0, "SentLast24Hours": 0.0}, "Max24HourSend is -5.0: a quota is -1 (unlimited) or at least 0"),
    ({"Max24HourSend": -0.5, "MaxSendRate": 1.0, "SentLast24Hours": 0.0}, "Max24HourSend is -0.5"),
    ({"Max24HourSend": 200.0, "MaxSendRate": -3.0, "SentLast24Hours": 0.0}, "MaxSendRate is -3.0"),
    ({"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": -3.0}, "SentLast24Hours is -3.0, below 0"),
])
def test_both_ses_paths_use_the_same_quota_rules(quota, fragment):
    with pytest.raises(AnswerError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        check_answer("GetSendQuota", dict(quota))
    with pytest.raises(AnswerError, match="SendQuota." + fragment.replace("(", r"\(").replace(")", r"\)")):
        check_answer("GetAccount", {"SendingEnabled": True, "SendQuota": dict(quota)})


def test_unlimited_and_zero_quotas_pass():
    for quota in ({"Max24HourSend": -1.0, "MaxSendRate": -1.0, "SentLast24Hours": 3.0}, {"Max24HourSend": 0.0, "MaxSendRate": 0.0, "SentLast24Hours": 0.0}):
        check_answer("GetSendQuota", dict(quota))
        check_answer("GetAccount", {"SendingEnabled": True, "SendQuota": dict(quota)})


def test_statistics_counts_are_whole_and_not_negative():
    point = {"Timestamp": NOW, "DeliveryAttempts": 3, "Bounces": -1}
    with pytest.raises(AnswerError, match=r"SendDataPoints\[0\].Bounces is -1, below 0"):
        check_answer("GetSendStatistics", {"SendDataPoints": [point]})
    with pytest.raises(AnswerError, match="not a whole number"):
        check_answer("GetSendStatistics", {"SendDataPoints": [dict(point, Bounces=1.5)]})


@pytest.mark.parametrize("values, unit, statistic, fragment", [
    ([1.0, -2.0], "count", "sum", r"Values\[1\] is -2.0, below 0"),
    ([2.5], "count", "sum", "not a whole number"),
    ([-0.01], "fraction", "maximum", "below 0"),
    ([1.5], "fraction", "average", "above 1"),
    ([3.5], "fraction", "sample_count", "not a whole number"),
])
def test_metric_values_outside_their_domain(values, unit, statistic, fragment):
    with pytest.raises(AnswerError, match=fragment):
        check_metric_values("MetricDataResults[0]", values, unit, statistic)


def test_metric_values_inside_their_domain():
    check_metric_values("r", [0.0, 3.0], "count", "sum")
    check_metric_values("r", [0.5, 2.25], "count", "average")  # an average of counts need not be whole
    check_metric_values("r", [0.0, 0.05, 1.0], "fraction", "maximum")


def test_assume_role_answer_is_checked():
    good = {"Credentials": {"AccessKeyId": "ASIA", "SecretAccessKey": "s", "SessionToken": "t", "Expiration": NOW}}
    check_answer("AssumeRole", good)
    with pytest.raises(AnswerError, match="Credentials.SessionToken is a null"):
        check_answer("AssumeRole", {"Credentials": dict(good["Credentials"], SessionToken=None)})
