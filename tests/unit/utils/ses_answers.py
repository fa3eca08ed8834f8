# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""SES answers moto cannot give, in AWS's wire formats, for the loopback proxy's fault hook.

moto 5.2 has no sesv2 GetAccount (HTTP 404) and answers SES v1 GetAccountSendingEnabled with an
HTML 500. The GetAccount answers follow GetAccountResponse in botocore's service model
(botocore/data/sesv2/2019-09-27/service-2.json); the SES v1 ones SES's query protocol (XML), so
botocore still parses real bytes from a socket.
"""

from __future__ import annotations

import json
import re

SES_NS = "http://ses.amazonaws.com/doc/2010-12-01/"
GET_ACCOUNT = "sesv2:GET /v2/email/account"
VDM_BATCH = "sesv2:POST /v2/email/metrics/batch"  # BatchGetMetricData (rest-json)
LIST_RECOMMENDATIONS = "sesv2:POST /v2/email/vdm/recommendations"  # ListRecommendations (rest-json, POST)


def ses_answer(action, result_xml):
    """A 200 answer in SES's query protocol, as AWS sends it."""
    body = (
        '<{a}Response xmlns="{ns}"><{a}Result>{r}</{a}Result>'
        "<ResponseMetadata><RequestId>d2b5f2f4-0000-4000-8000-000000000000</RequestId></ResponseMetadata>"
        "</{a}Response>"
    ).format(a=action, ns=SES_NS, r=result_xml)
    return 200, {"Content-Type": "text/xml"}, body.encode()


def ses_error(code, message, status=400):
    body = (
        '<ErrorResponse xmlns="{ns}"><Error><Type>Sender</Type><Code>{c}</Code><Message>{m}</Message></Error>'
        "<RequestId>d2b5f2f4-0000-4000-8000-000000000001</RequestId></ErrorResponse>"
    ).format(ns=SES_NS, c=code, m=message)
    return status, {"Content-Type": "text/xml"}, body.encode()


def quota_answer(max_24h, rate, sent):
    return ses_answer("GetSendQuota", "<SentLast24Hours>%s</SentLast24Hours><Max24HourSend>%s</Max24HourSend>"
                                      "<MaxSendRate>%s</MaxSendRate>" % (sent, max_24h, rate))


def sending_enabled_answer(enabled):
    return ses_answer("GetAccountSendingEnabled", "<Enabled>%s</Enabled>" % str(enabled).lower())


def v2_answer(document, status=200, error_type=None):
    headers = {"Content-Type": "application/json", "x-amzn-RequestId": "d2b5f2f4-0000-4000-8000-000000000002"}
    if error_type:
        headers["x-amzn-ErrorType"] = error_type
    return status, headers, json.dumps(document).encode()


ACCOUNT_DENIED = v2_answer({"message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ses:GetAccount"},
                           status=403, error_type="AccessDeniedException")


def get_account_answer(**overrides):
    document = {
        "SendQuota": {"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": 0.0},
        "SendingEnabled": True,
        "ProductionAccessEnabled": False,
        "EnforcementStatus": "PROBATION",
        "DedicatedIpAutoWarmupEnabled": False,
        "Details": {
            "MailType": "TRANSACTIONAL", "WebsiteURL": "https://shop.example.com", "ContactLanguage": "EN",
            "UseCaseDescription": "Order confirmations", "AdditionalContactEmailAddresses": ["jane.doe@example.com"],
            "ReviewDetails": {"Status": "GRANTED", "CaseId": "1234567890"},
        },
    }
    document.update(overrides)
    return v2_answer(document)


def region_of(request):
    """The region in the request's SigV4 credential scope."""
    match = re.search(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/", request.headers.get("Authorization", ""))
    return match.group(1) if match else None


def answering(answers, only_region=None):
    """A fault hook: ``answers[operation]`` (an answer, or a callable(request)) instead of moto."""

    def fault(request):
        if only_region and region_of(request) != only_region:
            return None
        answer = answers.get(request.operation)
        return answer(request) if callable(answer) else answer

    return fault


def vdm_batch_document(queries, data, errors=None):
    """BatchGetMetricData's JSON answer (BatchGetMetricDataResponse in botocore's model) to ``queries`` (the
    request's): ``data[(metric, isp or None)]`` = [(epoch seconds, count)]; ``errors[(metric, isp or None)]`` = (code, message)."""
    results, failures = [], []
    for query in queries:
        key = (query["Metric"], (query.get("Dimensions") or {}).get("ISP"))
        if errors and key in errors:
            failures.append({"Id": query["Id"], "Code": errors[key][0], "Message": errors[key][1]})
            continue
        points = data.get(key, [])
        results.append({"Id": query["Id"], "Timestamps": [point[0] for point in points], "Values": [point[1] for point in points]})
    document = {"Results": results}
    if failures:
        document["Errors"] = failures
    return document


def recommendation(kind, impact, status, resource_arn, created, updated=None, description=None):
    """One Recommendation of ListRecommendationsResponse, every field of botocore's model filled (times in epoch seconds)."""
    return {"ResourceArn": resource_arn, "Type": kind, "Description": description or "%s1" % kind, "Status": status,
            "CreatedTimestamp": created, "LastUpdatedTimestamp": created + 3600 if updated is None else updated, "Impact": impact}


def recommendations_document(items, token=None):
    """ListRecommendations' JSON answer: ``items`` and, when more pages follow, NextToken."""
    document = {"Recommendations": items}
    if token is not None:
        document["NextToken"] = token
    return document
