# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Label source: SES tenants and reputation entities (sesv2 ListTenants, ListReputationEntities), as check states.

``tenant-sending``: one instance per tenant, ``tenant:<TenantName>``; CRITICAL when its SendingStatus is
DISABLED, OK when ENABLED or REINSTATED, UNKNOWN (showing it) for a status the check does not know.
``reputation-entity``: one instance per entity, ``entity:<reference>`` (an ARN's resource part);
CRITICAL when its SendingStatusAggregate is DISABLED, WARNING when its ReputationImpact is HIGH, OK
otherwise. No tenant (no entity) at all is OK, saying so. Each label makes its own paged requests,
only when asked for; one denied never hides the other. Pure except ``work``, which asks AWS.

AWS's meaning (Amazon SES API v2 reference, "TenantInfo", "ReputationEntity", "ListTenants",
"ListReputationEntities"; SES developer guide, "Tenants"): SendingStatus ENABLED - sending is
allowed; DISABLED - sending is prevented; REINSTATED - sending is allowed even if there are active
reputation findings. An entity's SendingStatusAggregate is DISABLED when either the customer-managed
or the SES-managed status is DISABLED (then the entity may not send); its ReputationImpact (LOW or
HIGH, the RecommendationImpact enumeration) is the highest impact of its active reputation findings.

botocore: ListTenants and ListReputationEntities came with botocore 1.40.0 (sesv2 "Multi-tenant
management"); ListTenants' TenantInfo carries SendingStatus only from botocore 1.43.105 (older models
parse the answer without it). A label whose operation or field the installed botocore's model lacks is
UNKNOWN, naming the version it needs, and makes no request.
"""

from __future__ import annotations

import sys
from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.account_reader import error_reason
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import LATEST
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import CRITICAL, OK, WARNING
from ansible_collections.sesmon.ses.plugins.module_utils.sources.part import SourcePart, result_entry
from ansible_collections.sesmon.ses.plugins.module_utils.state_measurements import FixedStateMeasurement
from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text

__all__ = [
    "NAME", "LIST_TENANTS_ACTION", "LIST_ENTITIES_ACTION", "OPERATIONS", "REQUESTS_KEY", "MAX_PAGES", "SENDING_STATES",
    "IMPACTS", "MINIMUM_BOTOCORE", "TenantLabel", "LABELS", "DEFAULT_LABELS", "THRESHOLD_LABELS", "domain",
    "installed_botocore", "sesv2_model", "model_problem", "entity_name", "judge_tenant", "judge_entity", "is_denied", "list_entries",
    "prepare",
]

NAME = "tenants"
# Service Authorization Reference, "Actions, resources, and condition keys for Amazon Simple Email Service v2".
LIST_TENANTS_ACTION = "ses:ListTenants"
LIST_ENTITIES_ACTION = "ses:ListReputationEntities"
OPERATIONS = (("sesv2", "ListTenants", LIST_TENANTS_ACTION), ("sesv2", "ListReputationEntities", LIST_ENTITIES_ACTION))
REQUESTS_KEY = "tenant_requests"
# Pages followed per label and region; a NextToken beyond them is not followed and the label is UNKNOWN, never OK.
MAX_PAGES = 20
_INSTANCE = "SES"  # the instance of "no tenants" and of a label that could not be read, as the account labels'
_LONGEST_NAME = 120

# The SendingStatus enumeration of botocore's sesv2 model (TenantInfo, ReputationEntity.SendingStatusAggregate).
SENDING_STATES = {"ENABLED": OK, "REINSTATED": OK, "DISABLED": CRITICAL}
# The RecommendationImpact enumeration (ReputationEntity.ReputationImpact): LOW or HIGH, no NONE.
IMPACTS = {"LOW": OK, "HIGH": WARNING}
_DENIED_CODES = frozenset(("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess"))

# label -> (operation, list key, the entry field the label reads, first botocore whose sesv2 model has both).
MINIMUM_BOTOCORE = {
    "tenant-sending": ("ListTenants", "Tenants", "SendingStatus", "1.43.105"),
    "reputation-entity": ("ListReputationEntities", "ReputationEntities", "SendingStatusAggregate", "1.40.0"),
}
_METHOD = {"ListTenants": "list_tenants", "ListReputationEntities": "list_reputation_entities"}
_ACTION = {"ListTenants": LIST_TENANTS_ACTION, "ListReputationEntities": LIST_ENTITIES_ACTION}

TenantLabel = namedtuple("TenantLabel", ["label", "field", "text", "perfdata_label", "unit"])
TenantLabel.__doc__ = """One label: option label, the AWS field it reads, text, perfdata label (None), unit."""

LABELS = (
    TenantLabel("tenant-sending", "SendingStatus", "tenant sending", None, "state"),
    TenantLabel("reputation-entity", "SendingStatusAggregate", "reputation entity", None, "state"),
)
DEFAULT_LABELS = ()  # asked by name only: the default check stays one request per region
THRESHOLD_LABELS = ()  # fixed states (AWS's meaning), no number to compare
_BY_LABEL = dict((spec.label, spec) for spec in LABELS)
_NOTHING = {"tenant-sending": "no tenants", "reputation-entity": "no reputation entities"}


def domain(_label):
    """No label of this source takes thresholds."""
    return None


def installed_botocore():
    """The version of the botocore the session runs on (already imported by then; this module imports none)."""
    return str(getattr(sys.modules.get("botocore"), "__version__", "unknown"))


def sesv2_model(session, region):
    """The installed botocore's sesv2 service model, as the session's client has it."""
    return session.client("sesv2", region).meta.service_model


def model_problem(service_model, label, installed=None):
    """None when ``service_model`` can read ``label``; else ``needs botocore >= X for sesv2 ListTenants ... (installed: Y)``."""
    operation, key, field, minimum = MINIMUM_BOTOCORE[label]
    if operation in service_model.operation_names:
        members = service_model.operation_model(operation).output_shape.members
        if key in members and field in getattr(members[key].member, "members", {}):
            return None
    what = operation if label == "reputation-entity" else "%s with %s" % (operation, field)
    return "needs botocore >= %s for sesv2 %s (installed: %s)" % (minimum, what, installed or installed_botocore())


def entity_name(reference):
    """``configuration-set/marketing`` for ``arn:aws:ses:us-east-1:123456789012:configuration-set/marketing``;
    a reference that is no ARN as it is."""
    text = foreign_text(reference)
    if text.startswith("arn:") and text.count(":") >= 5:
        text = text.split(":", 5)[5] or text
    return text if len(text) <= _LONGEST_NAME else text[:_LONGEST_NAME - 3] + "..."


def _value(value):
    return "missing" if value is None else "'%s'" % foreign_text(value)[:40]


def judge_tenant(tenant):
    """(state or None, shown, UNKNOWN reason or None) of one ListTenants entry."""
    status = tenant.get("SendingStatus")
    if status is None:
        return None, None, "ListTenants gave no SendingStatus for this tenant; see the SES console's tenants"
    if status not in SENDING_STATES:
        return None, status, "sending status %s is not one this check knows (%s)" % (_value(status), ", ".join(SENDING_STATES))
    return SENDING_STATES[status], status, None


def judge_entity(entity):
    """(state or None, shown, UNKNOWN reason or None) of one ListReputationEntities entry.

    DISABLED is CRITICAL whatever the impact; else an unknown status or impact is UNKNOWN (showing it),
    HIGH impact WARNING, and LOW or no active finding OK.
    """
    status, impact = entity.get("SendingStatusAggregate"), entity.get("ReputationImpact")
    shown = "sending %s" % (foreign_text(status)[:40] if status is not None else "unknown")
    if impact is not None:
        shown += ", impact %s" % foreign_text(impact)[:40]
    if status == "DISABLED":
        return CRITICAL, shown, None
    if status not in SENDING_STATES:
        return None, shown, "sending status %s is not one this check knows (%s)" % (_value(status), ", ".join(SENDING_STATES))
    if impact is not None and impact not in IMPACTS:
        return None, shown, "reputation impact %s is not one this check knows (%s)" % (_value(impact), ", ".join(IMPACTS))
    return IMPACTS.get(impact, OK), shown, None


def is_denied(error):
    """A denial (name the IAM action to grant), not a bad key or signature."""
    return error.code in _DENIED_CODES or (error.http_status == 403 and error.code in (None, "403", "Forbidden"))


_Listing = namedtuple("_Listing", ["entries", "requests", "truncated", "error", "problem"])
_Listing.__doc__ = """One label's reading in one region: the entries, requests made, whether pages were left
unread, the AwsApiError that stopped it (or None), and why it was not asked (too old a botocore) or None."""


def list_entries(session, region, label):
    """The _Listing of ``label`` in ``region``: its operation's pages, at most MAX_PAGES (AwsSession.pages' bound). The one
    reader of ListTenants and ListReputationEntities: the labels and ses_send_stats' facts call it."""
    operation, key = MINIMUM_BOTOCORE[label][:2]
    entries, pages = [], 0
    try:
        for page in session.pages("sesv2", _METHOD[operation], region=region, max_pages=MAX_PAGES):
            pages += 1
            entries.extend(page.get(key) or [])
    except AwsApiError as error:
        if error.code == "TooManyPages":
            return _Listing(entries, pages + 1, True, None, None)
        return _Listing(entries, pages + 1, False, error, None)
    return _Listing(entries, pages, False, None, None)


class _Run:
    """One check's tenant part: per region, the asked labels' listings; one measurement per tenant or entity."""

    def __init__(self, plan, regions):
        self.plan, self.regions = plan, regions
        self.labels = [spec.label for spec in plan.labels[NAME]]

    def work(self, session, region):
        model = sesv2_model(session, region)
        readings = {}
        for label in self.labels:
            problem = model_problem(model, label)
            if problem:
                readings[label] = _Listing([], 0, False, None, problem)
            else:
                readings[label] = list_entries(session, region, label)
        return readings

    def _instance(self, region, name):
        return name if len(self.regions) == 1 else "%s/%s" % (region, name)

    def _measure(self, region, label, listing, errors):
        """[(instance, measurement, shown)] of one label in one region."""
        spec = _BY_LABEL[label]
        operation = MINIMUM_BOTOCORE[label][0]

        def one(name, state=None, shown=None, reason=None):
            instance = self._instance(region, name)
            return instance, FixedStateMeasurement(instance=instance, statistic=LATEST, label=label, text=spec.text, perfdata_label="",
                                                   fixed_state=state, shown=shown, unknown_reason=reason), shown

        if listing.problem:
            return [one(_INSTANCE, reason=listing.problem)]
        if listing.error is not None:
            fields = listing.error.as_dict()
            fields["region"] = fields["region"] or region
            errors.append((region, fields))
            if is_denied(listing.error):
                reason = "needs %s (%s: denied (%s))" % (_ACTION[operation], operation, error_reason(listing.error))
            else:
                reason = " ".join(fields["message"].split())
            return [one(_INSTANCE, reason=reason)]
        found = []
        for entry in listing.entries:
            if label == "tenant-sending":
                name = "tenant:%s" % entity_name(entry.get("TenantName") or entry.get("TenantId") or "?")
                found.append(one(name, *judge_tenant(entry)))
            else:
                found.append(one("entity:%s" % entity_name(entry.get("ReputationEntityReference") or "?"), *judge_entity(entry)))
        if listing.truncated:
            found.append(one(_INSTANCE, reason="%s kept answering a NextToken after %d pages; the rest was not read (%d read)"
                                               % (operation, MAX_PAGES, len(listing.entries))))
        elif not found:
            found.append(one(_INSTANCE, OK, _NOTHING[label]))
        return found

    def finish(self, outcomes):
        entries, reported, errors, requests = [], [], [], 0
        for region in self.regions:
            outcome = outcomes[region]
            if not outcome.ok:  # only an error outside the listings (the client could not be made)
                fields = outcome.error_dict()
                errors.append((region, fields))
                readings = dict((label, _Listing([], 0, False, None, " ".join(fields["message"].split()))) for label in self.labels)
            else:
                readings = outcome.value
            for label in self.labels:
                listing = readings[label]
                requests += listing.requests
                for instance, measurement, shown in self._measure(region, label, listing, errors):
                    reported.append(measurement)
                    entries.append(result_entry(region, instance, (), label, _BY_LABEL[label].field, _BY_LABEL[label].unit,
                                                measurement, account_value=shown))
        return SourcePart(entries, reported, [], errors, requests, {}, None, {})


def prepare(plan, regions, _now):
    """This source's run for a check, or None (no request) when neither label is asked."""
    return _Run(plan, regions) if plan.labels[NAME] else None
