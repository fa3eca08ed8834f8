# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The demo's local AWS endpoint: moto_server, with the story's SES answers in front of it.

CloudWatch, STS and the rest are moto's, seeded for real with put_metric_data. moto cannot tell
the SES part of the story (its GetSendStatistics returns one synthetic point, its bounces and
complaints are always 0, and it has no SES v2 GetAccount, BatchGetMetricData or ListRecommendations),
so those operations are answered
from demo/story.py, in the exact wire formats of SES, by a loopback proxy in front of moto: the
test harness's own loopback proxy, moto_server and SES answers (tests/unit/utils), not copies.
"""

from __future__ import annotations

import datetime
import json

from ansible_collections.sesmon.ses.demo import story
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import iso_timestamp
from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import MotoServer
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    GET_ACCOUNT, LIST_RECOMMENDATIONS, VDM_BATCH, recommendation, recommendations_document, region_of, ses_answer, v2_answer,
    vdm_batch_document,
)


def story_answer(request, now):
    """The story's answer to an SES request, or None to let moto answer."""
    region = region_of(request)
    if region not in story.REGIONS:
        return None
    if request.operation == "GetSendQuota":
        quota = story.send_quota(region, now)
        return ses_answer("GetSendQuota", "".join("<%s>%s</%s>" % (k, v, k) for k, v in quota.items()))
    if request.operation == "GetSendStatistics":
        members = "".join(
            "<member><Timestamp>%s</Timestamp><DeliveryAttempts>%d</DeliveryAttempts><Bounces>%d</Bounces>"
            "<Complaints>%d</Complaints><Rejects>%d</Rejects></member>"
            % (iso_timestamp(p["Timestamp"]), p["DeliveryAttempts"], p["Bounces"], p["Complaints"], p["Rejects"])
            for p in story.send_datapoints(region, now)
        )
        return ses_answer("GetSendStatistics", "<SendDataPoints>%s</SendDataPoints>" % members)
    if request.operation == VDM_BATCH:
        return v2_answer(vdm_batch_document(json.loads(request.body)["Queries"], story.vdm_counts(region, now)))
    if request.operation == LIST_RECOMMENDATIONS:
        arn = "arn:aws:ses:%s:123456789012:identity/%%s" % region
        return v2_answer(recommendations_document([recommendation(kind, impact, status, arn % resource, created, description=text)
                                                   for kind, impact, status, resource, text, created in story.recommendations(region, now)]))
    if request.operation == GET_ACCOUNT:
        body = story.account(region)
        body["SendQuota"]["SentLast24Hours"] = story.send_quota(region, now)["SentLast24Hours"]
        return v2_answer(body)
    return None


class DemoEndpoint:
    """moto_server + the story proxy; ``url`` is the endpoint_url to give the modules."""

    def __init__(self):
        self.now = datetime.datetime.now(datetime.timezone.utc)
        self.moto = MotoServer()
        self.proxy = None

    @property
    def url(self):
        return self.proxy.url

    def start(self):
        self.moto.start()
        self.proxy = LoopbackProxy(target=self.moto.url, fault=lambda request: story_answer(request, self.now)).start()
        return self

    def stop(self):
        if self.proxy:
            self.proxy.stop()
        self.moto.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
