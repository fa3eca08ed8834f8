# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Label source: the SES account (sesv2 GetAccount, or the SES v1 fallback), as check states.

``account-sending`` (CRITICAL when sending is disabled), ``account-enforcement`` (WARNING on
PROBATION, CRITICAL on SHUTDOWN, UNKNOWN for a status AWS may add), ``account-sandbox`` (WARNING
without production access) and ``quota-usage`` (SentLast24Hours / Max24HourSend in percent,
against Nagios thresholds). Their states follow AWS's documented meaning, not thresholds, except
quota-usage's.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import CRITICAL, OK, WARNING
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import LATEST
from ansible_collections.sesmon.ses.plugins.module_utils.account_reader import GET_ACCOUNT_ACTION, error_reason, read_account
from ansible_collections.sesmon.ses.plugins.module_utils.sources.part import SourcePart, result_entry
from ansible_collections.sesmon.ses.plugins.module_utils.state_measurements import FixedStateMeasurement, PercentMeasurement

__all__ = [
    "NAME", "OPERATIONS", "REQUESTS_KEY", "ACCOUNT_STATISTIC", "AccountLabel", "ACCOUNT_LABELS", "LABELS", "DEFAULT_LABELS",
    "ACCOUNT_LABEL_NAMES", "THRESHOLD_LABELS", "ENFORCEMENT_STATES", "domain", "account_label", "needs", "measure_account", "prepare",
]

NAME = "account"
# The reader asks sesv2 GetAccount; only when it is denied or not offered, SES v1 for what the labels need.
OPERATIONS = (("sesv2", "GetAccount", GET_ACCOUNT_ACTION), ("ses", "GetSendQuota", "ses:GetSendQuota"),
              ("ses", "GetAccountSendingEnabled", "ses:GetAccountSendingEnabled"))
REQUESTS_KEY = "account_requests"
_INSTANCE = "SES"  # as CloudWatch's instance without dimensions
# Not capped at 100: SentLast24Hours exceeds Max24HourSend when the quota is lowered below what was sent
# (an account put back in the sandbox, say), and "~:100" (over the quota) is a gate worth having.
_PERCENT_DOMAIN = (0.0, float("inf"), "quota-usage is a percentage, 0 or more (100 is the whole quota)")

# GetAccount answers the account's state now: read like the newest datapoint.
ACCOUNT_STATISTIC = LATEST

AccountLabel = namedtuple("AccountLabel", ["label", "field", "text", "perfdata_label", "unit"])
AccountLabel.__doc__ = """One account label: option label, GetAccount field, text, perfdata label (or None), unit."""

ACCOUNT_LABELS = (
    AccountLabel("account-sending", "SendingEnabled", "account sending", None, "state"),
    AccountLabel("account-enforcement", "EnforcementStatus", "account enforcement status", None, "state"),
    AccountLabel("account-sandbox", "ProductionAccessEnabled", "account production access", None, "state"),
    AccountLabel("quota-usage", "SendQuota", "24-hour sending quota used", "ses.quota.usage.percentage", "percent"),
)
LABELS = ACCOUNT_LABELS
DEFAULT_LABELS = ()  # asked by name only
ACCOUNT_LABEL_NAMES = tuple(label.label for label in ACCOUNT_LABELS)
THRESHOLD_LABELS = ("quota-usage",)  # the only account label with a number to compare

# SES developer guide, "Understanding reputation, enforcement status": HEALTHY, PROBATION, SHUTDOWN.
ENFORCEMENT_STATES = {"HEALTHY": OK, "PROBATION": WARNING, "SHUTDOWN": CRITICAL}

_BY_LABEL = dict((label.label, label) for label in ACCOUNT_LABELS)


def domain(label):
    """(low, high, hint) of the values a label that takes thresholds can take."""
    return _PERCENT_DOMAIN if label == "quota-usage" else None


def account_label(label):
    """The AccountLabel of ``label``."""
    return _BY_LABEL[label]


def needs(labels):
    """(quota, sending): what the SES v1 fallback must be asked for these account labels."""
    return "quota-usage" in labels, "account-sending" in labels


def _needs_get_account(reading, v1_operation=None, v1_error=None):
    """``needs ses:GetAccount (GetAccount: denied (...); SES v1 GetSendQuota: AccessDenied (HTTP 403))`` when
    denied; ``needs sesv2 GetAccount, which the endpoint does not offer (HTTP 404); ...`` otherwise."""
    parts = []
    if v1_operation is None:
        parts.append("SES v1 has no equivalent")
    else:
        parts.append("SES v1 %s: %s" % (v1_operation, error_reason(v1_error) if v1_error else "no answer"))
    if reading.v2_problem.startswith("denied"):
        return "needs %s (GetAccount: %s)" % (GET_ACCOUNT_ACTION, "; ".join([reading.v2_problem] + parts))
    return "needs sesv2 GetAccount, which gave %s (%s)" % (reading.v2_problem, "; ".join(parts))


def _missing(reading, field, v1_operation=None, v1_error=None):
    """(None, None, why ``field`` is unknown): GetAccount left it out, or could not be used."""
    if reading.v2_problem is None:
        return None, None, "GetAccount returned no %s" % field
    return None, None, _needs_get_account(reading, v1_operation, v1_error)


def _sending(account, reading):
    enabled = account["sending_enabled"]
    if enabled is None:
        return _missing(reading, "SendingEnabled", "GetAccountSendingEnabled", reading.sending_error)
    return (OK, "enabled") if enabled else (CRITICAL, "disabled")


def _enforcement(account, reading):
    status = account["enforcement_status"]
    if status is None:
        return _missing(reading, "EnforcementStatus")
    if status not in ENFORCEMENT_STATES:
        return None, status, "enforcement status '%s' is not one this check knows (%s)" % (status, ", ".join(ENFORCEMENT_STATES))
    return ENFORCEMENT_STATES[status], status


def _sandbox(account, reading):
    production = account["production_access_enabled"]
    if production is None:
        return _missing(reading, "ProductionAccessEnabled")
    return (OK, "granted") if production else (WARNING, "not granted (sandbox)")


def _quota_percent(reading):
    """(percent or None, shown text or None, UNKNOWN reason or None)."""
    quota = reading.quota
    if quota is None:
        if reading.v2_problem is not None:
            return None, None, _needs_get_account(reading, "GetSendQuota", reading.quota_error)
        detail = "; SES v1 GetSendQuota: %s" % error_reason(reading.quota_error) if reading.quota_error else ""
        return None, None, "GetAccount returned no SendQuota%s" % detail
    maximum = float(quota.get("Max24HourSend") or 0.0)
    sent = float(quota.get("SentLast24Hours") or 0.0)
    if maximum < 0:  # AWS's -1: no daily limit, so no percentage
        return None, "unlimited", None
    if maximum == 0:
        return None, None, "Max24HourSend is 0: no percentage can be computed"
    return sent / maximum * 100.0, None, None


def measure_account(label, reading, instance, warning=None, critical=None, error=None):
    """(Measurement, account value as text or None) of one account label.

    ``reading`` is the region's AccountReading; ``error`` (a text) when reading it failed.
    """
    spec = _BY_LABEL[label]
    common = dict(instance=instance, statistic=ACCOUNT_STATISTIC, label=label, text=spec.text,
                  perfdata_label=spec.perfdata_label or "", warning=warning, critical=critical)
    if error:
        kind = PercentMeasurement if label == "quota-usage" else FixedStateMeasurement
        return kind(unknown_reason=error, **common), None
    if label == "quota-usage":
        percent, shown, reason = _quota_percent(reading)
        return PercentMeasurement(value=percent, fixed_state=OK if shown else None, shown=shown,
                                  unknown_reason=reason, **common), shown or (None if percent is None else "%.2f%%" % percent)
    rule = {"account-sending": _sending, "account-enforcement": _enforcement, "account-sandbox": _sandbox}[label]
    answer = rule(reading.account, reading)
    state, shown = answer[0], answer[1]
    reason = answer[2] if len(answer) > 2 else None
    return FixedStateMeasurement(fixed_state=state, shown=shown, unknown_reason=reason, **common), shown


class _Run:
    """One check's account part: one account reading per region, one measurement per region and label."""

    def __init__(self, plan, regions):
        self.plan, self.regions = plan, regions
        self.labels = [spec.label for spec in plan.labels[NAME]]
        self.quota, self.sending = needs(self.labels)

    def work(self, session, region):
        return read_account(session, region, quota=self.quota, sending=self.sending)

    def finish(self, outcomes):
        readings, failed, errors, requests = {}, {}, [], 0
        for region in self.regions:
            outcome = outcomes[region]
            if outcome.ok:
                readings[region] = outcome.value
                requests += outcome.value.requests
                continue
            fields = outcome.error_dict()
            failed[region] = " ".join(fields["message"].split())
            errors.append((region, fields))
        entries, reported = [], []
        for region in self.regions:
            instance = _INSTANCE if len(self.regions) == 1 else "%s/%s" % (region, _INSTANCE)
            for label in self.labels:
                warning, critical = self.plan.thresholds[label]
                measurement, shown = measure_account(label, readings.get(region), instance, warning, critical, failed.get(region))
                reported.append(measurement)
                entries.append(result_entry(region, instance, (), label, _BY_LABEL[label].field, _BY_LABEL[label].unit, measurement,
                                            account_value=shown))
        return SourcePart(entries, reported, [], errors, requests, {}, None, {})


def prepare(plan, regions, _now):
    """This source's run for a check, or None (no request) when no account label is asked."""
    return _Run(plan, regions) if plan.labels[NAME] else None
