#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: ses_metric_check
short_description: Check Amazon SES CloudWatch metrics against Nagios thresholds, Centreon style
version_added: 0.1.0
description:
  - Reads the C(AWS/SES) CloudWatch metrics of one or more regions over a time window, aggregates
    them per statistic, compares them with Nagios threshold ranges and returns a monitoring status
    (V(OK), V(WARNING), V(CRITICAL), V(UNKNOWN)), the output line and the performance data of
    Centreon's C(cloud::aws::ses) plugin, C(emails) mode, and every value as structured data.
  - The labels are listed under O(metrics), with their CloudWatch metric, perfdata label, unit and
    default statistic. Besides CloudWatch's C(AWS/SES) metrics, four account labels read the
    account's health from SES v2 C(GetAccount) in the same check.
  - Centreon's V(emails-rejected) is the bounce B(rate), not SES's C(Reject) count
    (V(emails-rejected-by-ses)). The rates are fractions, V(0.05) is 5 %.
  - "Requests per region: one CloudWatch C(GetMetricData) request fetches up to 500 series
    (metrics x statistics x dimension sets; more are sent in batches of 500). The default check
    (Centreon's four metrics, counts over O(timeframe), rates by V(latest) over
    O(reputation_lookback)) is B(one) request per region: each query carries its own period, the
    request covers both windows and the counts are cut back to O(timeframe) client-side. Its
    datapoints (about 5,800 with the defaults) stay within one page (100,800). Only when O(period)
    is too fine for data as old as the look-back (more than 15 days back) are the two windows
    fetched in two requests. Account labels add one C(GetAccount) request per region, and none
    when no account label is asked for; V(account-recommendations) adds one C(ListRecommendations)
    request per region and page of 100 open recommendations (at most 11), and none when not asked for.
    V(tenant-sending) and V(reputation-entity) add one C(ListTenants) or C(ListReputationEntities) request per region and
    page (at most 21 each), none when not asked for."
  - "The V(vdm-*) labels read SES Virtual Deliverability Manager (VDM) with SES v2 C(BatchGetMetricData), per ISP, sending
    identity or configuration set (O(vdm_dimensions)) over O(vdm_window): one request per region and 10 queries (one query
    per instance and VDM metric), none when no V(vdm-*) label is asked for; when a region's answers hold no datapoint at all,
    one C(GetAccount) request tells whether VDM is enabled."
  - The module never changes anything.
author:
  - sesmon.ses contributors (@sesmon)
options:
  metrics:
    description:
      - The labels to check, in the order they are reported.
      - Defaults to Centreon's four, V(emails-sent), V(emails-delivered), V(emails-rejected)
        and V(emails-spam). The account labels are checked only when listed here.
      - The account labels read SES v2 C(GetAccount), one request per region (IAM
        C(ses:GetAccount)). When it is denied or not available, V(account-sending) and
        V(quota-usage) fall back to SES v1 C(GetAccountSendingEnabled) and C(GetSendQuota); what
        cannot be read is V(UNKNOWN), naming C(ses:GetAccount), and the other labels are still
        checked. Their states are fixed by AWS's meaning of the value; only V(quota-usage) takes
        O(warning) and O(critical) ranges.
    type: list
    elements: str
    choices:
      emails-sent: CloudWatch C(Send), perfdata C(ses.emails.sent.count), count, default statistic V(sum).
      emails-delivered: C(Delivery), C(ses.emails.delivered.count), count, V(sum).
      emails-rejected: >-
        C(Reputation.BounceRate), C(ses.emails.rejected.rate), fraction, V(latest).
        Centreon's name: it is the bounce B(rate), not SES's C(Reject) count (V(emails-rejected-by-ses)).
      emails-spam: C(Reputation.ComplaintRate), C(ses.emails.spam.rate), fraction, V(latest).
      emails-bounced: C(Bounce), C(ses.emails.bounced.count), count, V(sum).
      emails-complained: C(Complaint), C(ses.emails.complained.count), count, V(sum).
      emails-rejected-by-ses: C(Reject), C(ses.emails.rejected-by-ses.count), count, V(sum).
      emails-rendering-failed: C(RenderingFailure), C(ses.emails.rendering-failed.count), count, V(sum).
      emails-opened: C(Open), C(ses.emails.opened.count), count, V(sum).
      emails-clicked: C(Click), C(ses.emails.clicked.count), count, V(sum).
      emails-delayed: C(DeliveryDelay), C(ses.emails.delayed.count), count, V(sum).
      emails-subscription-changed: C(Subscription), C(ses.emails.subscription-changed.count), count, V(sum).
      account-sending: GetAccount C(SendingEnabled) (SES v1 fallback C(GetAccountSendingEnabled)); V(CRITICAL) when sending is disabled.
      account-enforcement: >-
        GetAccount C(EnforcementStatus); V(OK) on C(HEALTHY), V(WARNING) on C(PROBATION), V(CRITICAL) on C(SHUTDOWN),
        V(UNKNOWN) (showing the value) for a status the check does not know.
      account-sandbox: GetAccount C(ProductionAccessEnabled); V(WARNING) when the account is in the sandbox.
      quota-usage: >-
        C(SentLast24Hours) / C(Max24HourSend) of GetAccount's C(SendQuota) (SES v1 fallback C(GetSendQuota)), in percent,
        against O(warning)/O(critical); perfdata C(ses.quota.usage.percentage) (unit C(%), 0 to 100). An unlimited
        quota (C(-1)) is V(OK) C(unlimited), without a percentage.
      account-recommendations: >-
        SES v2 C(ListRecommendations) (IAM C(ses:ListRecommendations)): what AWS found wrong in the account (DKIM, DMARC, SPF,
        BIMI, complaints, bounces...). V(OK) when none is open, V(WARNING) when one of C(LOW) impact is, V(CRITICAL) when one
        of C(HIGH) impact is; a type, impact or status the check does not know is shown, V(UNKNOWN) unless a known one is worse.
        See O(recommendation_types).
      vdm-complaint-rate: >-
        VDM's complaint rate, C(COMPLAINT) / C(DELIVERY_COMPLAINT) summed over O(vdm_window) per O(vdm_dimensions) value,
        perfdata C(ses.vdm.complaint.rate), fraction (V(0.001) is 0.1 %): complaints over the deliveries to ISPs that send SES
        their complaints (a feedback loop). V(UNKNOWN) when there is no such delivery (Gmail sends none).
      vdm-permanent-bounce-rate: >-
        VDM's permanent bounce rate, C(PERMANENT_BOUNCE) / C(SEND) summed over O(vdm_window), perfdata
        C(ses.vdm.permanent-bounce.rate), fraction; V(UNKNOWN) when nothing was sent.
      vdm-transient-bounce-rate: >-
        VDM's transient bounce rate, C(TRANSIENT_BOUNCE) / C(SEND) summed over O(vdm_window), perfdata
        C(ses.vdm.transient-bounce.rate), fraction; V(UNKNOWN) when nothing was sent.
      vdm-delivery-rate: >-
        VDM's delivery rate, C(DELIVERY) / C(SEND) summed over O(vdm_window), perfdata C(ses.vdm.delivery.rate), fraction
        (low is bad: alert below a level with a range such as V(0.95:)); V(UNKNOWN) when nothing was sent.
      vdm-open-rate: >-
        VDM's open rate, C(OPEN) / C(DELIVERY_OPEN) summed over O(vdm_window), perfdata C(ses.vdm.open.rate), fraction:
        unique opens over the deliveries of emails with open tracking; V(UNKNOWN) when there is no such delivery.
      vdm-click-rate: >-
        VDM's click rate, C(CLICK) / C(DELIVERY_CLICK) summed over O(vdm_window), perfdata C(ses.vdm.click.rate), fraction:
        unique clicks over the deliveries of emails with click tracking; V(UNKNOWN) when there is no such delivery.
      vdm-sends: VDM C(SEND) summed over O(vdm_window), perfdata C(ses.vdm.sent.count), count.
      tenant-sending: >-
        SES v2 C(ListTenants) (IAM C(ses:ListTenants); botocore 1.43.105 or later), one instance C(tenant:<TenantName>)
        per tenant: V(CRITICAL) when its C(SendingStatus) is C(DISABLED), V(OK) when C(ENABLED) or C(REINSTATED), V(UNKNOWN)
        (showing it) for a status the check does not know; V(OK) C(no tenants) when the region has none.
      reputation-entity: >-
        SES v2 C(ListReputationEntities) (IAM C(ses:ListReputationEntities); botocore 1.40.0 or later), one instance
        C(entity:<reference>) per entity (an ARN's resource part): V(CRITICAL) when C(SendingStatusAggregate) is
        C(DISABLED), V(WARNING) when C(ReputationImpact) is C(HIGH), V(OK) otherwise; V(OK) C(no reputation entities)
        when the region has none.
  statistics:
    description:
      - The statistics to compute for every CloudWatch metric in O(metrics).
      - When not set, each metric uses its meaningful statistic, V(sum) over O(timeframe) for
        counts and V(latest) over O(reputation_lookback) for the C(Reputation.*) rates.
        V([average]) with Centreon's O(timeframe) and O(period) reproduces Centreon, which always
        uses Average.
      - Over the window, V(average) is the unweighted mean of the per-period averages,
        V(sum) and V(sample_count) the sum of the per-period values, V(minimum) and V(maximum)
        the extremes.
      - V(latest) is the value of the newest datapoint within O(reputation_lookback), returned
        with its timestamp and age (RV(metrics[].newest_datapoint),
        RV(metrics[].newest_datapoint_age_seconds)). AWS publishes the reputation rates sparsely
        and as rolling rates, so a window average often finds nothing. Each minute is read as its
        C(Maximum) (up to 15 days back; 5 minutes up to 63 days, 1 hour beyond).
    type: list
    elements: str
    choices: [average, sum, minimum, maximum, sample_count, latest]
  timeframe:
    description:
      - Length of the window in seconds, ending now (Centreon's C(--timeframe)). As Centreon, the
        window is [now - timeframe, now] in whole seconds, not widened to whole periods; CloudWatch
        rounds a start less than 15 days old down to the minute.
      - At most 455 days (CloudWatch's retention).
    type: int
    default: 600
  period:
    description:
      - CloudWatch period in seconds, a multiple of 60 (Centreon's C(--period)).
      - Must be a multiple of 300 when O(timeframe) is more than 15 days, and of 3600 when it is
        more than 63 days (CloudWatch keeps coarser datapoints for older data).
    type: int
    default: 60
  dimensions:
    description:
      - Dimension sets, each a dictionary of dimension name to value, for example
        C(ses:configuration-set=marketing). Each set is checked as an instance of its own,
        named by its value (several values joined with C(~)), as Centreon names it.
      - Every dimension of a set is matched together, as CloudWatch requires.
      - When not set, the account-level metrics (no dimensions) are checked as instance C(SES).
      - An empty set, an empty name or a blank value is an error.
    type: list
    elements: dict
  warning:
    description:
      - Warning thresholds, a dictionary of metric label to Nagios range, for example
        C(emails-rejected=0.05). Centreon's C(--warning-<label>).
      - Ranges are C([@][start:][end]), for example V(10) (alert outside 0..10), V(10:) (below 10),
        V(~:10) (above 10), V(10:20), V(@10:20) (inside); a comma is accepted as decimal separator.
      - A label that is not in O(metrics) or a bad range is an error, and so is a range that can never alert
        for its label (rates are 0 to 1, counts and V(quota-usage) 0 or more), such as V(10) on a rate,
        meant as 10 %; the message says why, for example C(rates are fractions (0.1 is 10 %)).
    type: dict
  critical:
    description:
      - Critical thresholds, like O(warning). Critical is evaluated first.
    type: dict
  reputation_lookback:
    description:
      - The window, in seconds back from now, of the metrics read with V(latest), independent of
        O(timeframe). The newest datapoint in it is read; an older one is not.
      - At least 60, at most 455 days (CloudWatch's retention); it is widened to whole minutes.
    type: int
    default: 86400
  missing_data:
    description:
      - What a metric without any datapoint in its window is, in the words of CloudWatch alarms.
      - V(unknown), as Centreon, when not set. The metric is left out of the output, and when every
        CloudWatch metric is left out the status is V(UNKNOWN) (C(No metrics)).
      - V(zero) reports V(0) (Centreon's C(--zeroed)).
      - V(ok) reports the metric as V(OK) with C(no data) in the text, and no perfdata.
      - A failed or partial query is V(UNKNOWN) whatever this says.
    type: str
    choices: [unknown, zero, ok]
  zeroed:
    description:
      - The old name of O(missing_data=zero) (Centreon's C(--zeroed)). V(true) with another
        O(missing_data) is an error.
    type: bool
    default: false
  thresholds:
    description:
      - A threshold preset. V(aws) applies AWS's documented reputation levels, as fractions;
        warning at the review level, bounce rate C(@0.05:) and complaint rate C(@0.001:);
        critical where AWS may pause sending, C(@0.1:) and C(@0.005:) (alert at the level or
        above). See the SES developer guide links below.
      - An explicit O(warning) or O(critical) entry replaces the preset's range of that level for
        its label.
      - The account labels' states need no preset; V(quota-usage) has no preset level (AWS
        documents none).
      - V(bulk_senders) applies Gmail's and Yahoo's published spam rate levels for bulk senders to VDM's complaint rate
        (V(vdm-complaint-rate)), warning C(@0.001:) (0.1 %) and critical C(@0.003:) (0.3 %). Gmail sends SES no
        complaint, so a rate for C(isp:Gmail) is not Gmail's own spam rate (Google Postmaster Tools shows that).
    type: str
    choices: [none, aws, bulk_senders]
    default: none
  max_age:
    description:
      - When set, a metric whose newest datapoint is older than this many seconds is
        V(UNKNOWN), with the age in the output. A datapoint is stamped with the start of its
        period, so this must be at least O(period).
      - With V(latest) it marks a newest datapoint that is too old, even inside
        O(reputation_lookback).
      - Metrics without any datapoint are governed by O(missing_data), not by this option.
    type: int
  regions:
    description:
      - Check these regions, concurrently, in one task. When not set, the O(region) option is
        used.
      - With more than one region, each instance is named C(<region>/<instance>), for example
        C(eu-west-1/SES), so that perfdata labels stay unique.
      - V(all) (alone) is every region where botocore's data offers SES v2 in the partition of O(region)
        (C(aws), C(aws-us-gov)...), O(region) first, then the others in name order. It is refused with
        O(endpoint_url) (or E(AWS_ENDPOINT_URL)), as a custom endpoint has no region list.
      - It includes opt-in regions; one not enabled for the account answers that the security token is invalid,
        and is V(UNKNOWN). List the regions instead when the account does not use them all.
      - A listed region where botocore's data has no SES fails before any request, with the SES regions of its partition.
    type: list
    elements: str
  min_volume:
    description:
      - The volume floor of the rates (V(emails-rejected), V(emails-spam)), in sends. Below it, a rate is V(OK) whatever
        its thresholds, with C(below the volume floor (12 of 200 sends)) in its item text; its value and perfdata are
        kept and RV(metrics[].volume) says why. A rate's own failed query is still V(UNKNOWN).
      - The sends are CloudWatch C(Send), V(sum), over the rate's own window, O(reputation_lookback) for V(latest),
        O(timeframe) for the other statistics, asked in the same C(GetMetricData) request (one query more per
        dimension set). No C(Send) datapoint there is 0 sends; exactly O(min_volume) sends is judged.
      - AWS computes the reputation rates over a "representative volume" of mail, not a time window, and publishes no
        floor; V(200) or V(1000) are examples, not AWS levels. When not set, or V(0), no floor (Centreon's behaviour).
    type: int
  fail_on:
    description:
      - V(never) returns the status as data and never fails the task.
      - V(critical) fails the task when the status is V(CRITICAL) or V(UNKNOWN).
      - V(warning) fails the task when the status is V(WARNING) or worse.
      - "The failure message C(msg) is one line: which labels in which regions crossed which level, for
        O(thresholds=aws) AWS's meaning of the level (C(AWS: account review), C(AWS: risk of pause)), and where to
        read more, for example C(fail_on warning: CRITICAL emails-rejected (AWS: risk of pause) in us-east-1 - see
        output, metrics, docs/troubleshooting.md). RV(output) keeps Centreon's line, and the result every value."
    type: str
    choices: [never, critical, warning]
    default: never
  recommendation_types:
    description:
      - The recommendation types that V(account-recommendations) counts; recommendations of other types are ignored.
      - When not set, every type counts, also one AWS adds later (shown, and V(UNKNOWN) unless a known one is worse).
      - With one type, C(ListRecommendations) is asked for open recommendations of that type only.
    type: list
    elements: str
    choices: [DKIM, DMARC, SPF, BIMI, COMPLAINT, BOUNCE, FEEDBACK_3P, IP_LISTING]
  vdm_dimensions:
    description:
      - "The instances of the V(vdm-*) labels, a dictionary of V(isp), V(email_identity), V(configuration_set) to a list of
        values, for example C({isp: [Gmail, Yahoo]}). Each value is an instance of its own, named C(<key>:<value>)
        (C(isp:Gmail)), read with that one VDM dimension; spell the values as the VDM dashboard does."
      - When not set, the account as a whole, instance C(VDM).
      - At most 40 values. An unknown key, an empty list, a blank or repeated value, or this option without a V(vdm-*)
        label in O(metrics) is an error.
    type: dict
  vdm_window:
    description:
      - The window of the V(vdm-*) labels in seconds, a whole number of days from 1 to 60 (V(86400) to V(5184000)), since
        VDM counts per UTC day. It is the current UTC day so far and the whole days before it, from a UTC midnight.
      - Not O(reputation_lookback), which is how far back CloudWatch's newest reputation datapoint is looked for; this is
        the days whose VDM counts are summed.
    type: int
    default: 604800
extends_documentation_fragment:
  - sesmon.ses.connection
  - sesmon.ses.connection.attributes
notes:
  - When AWS cannot be reached or denies access in a region, the status is V(UNKNOWN) with the
    reason (never V(OK) on missing data); the error is also returned in RV(errors).
  - State precedence is V(CRITICAL) > V(WARNING) > V(UNKNOWN) > V(OK), so a real alert is never
    hidden by a stale or missing metric.
  - "IAM permissions needed: C(cloudwatch:GetMetricData); for the account labels C(ses:GetAccount)
    (and for the SES v1 fallback C(ses:GetSendQuota), C(ses:GetAccountSendingEnabled))."
  - "IAM for the V(vdm-*) labels: C(ses:BatchGetMetricData), and C(ses:GetAccount) to tell why VDM has no data."
seealso:
  - name: Amazon SES metrics in CloudWatch
    description: The AWS/SES metrics and their dimensions.
    link: https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity.html
  - name: Amazon SES sending review process FAQs
    description: The review (bounce 5 %, complaint 0.1 %) and pause (10 %, 0.5 %) levels, and the enforcement statuses.
    link: https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html
  - name: Creating reputation monitoring alarms using CloudWatch
    description: AWS's recommended alarms on Reputation.BounceRate and Reputation.ComplaintRate.
    link: https://docs.aws.amazon.com/ses/latest/dg/reputationdashboard-cloudwatch-alarm.html
  - name: Virtual Deliverability Manager dashboard
    description: How VDM computes its rates (complaints over deliveries to ISPs with an SES feedback loop, permanent bounces over sends).
    link: https://docs.aws.amazon.com/ses/latest/dg/vdm-dashboard.html
"""

EXAMPLES = r"""
- name: Centreon-equivalent check (Average for every metric, thresholds as in Centreon)
  sesmon.ses.ses_metric_check:
    region: eu-west-1
    statistics: [average]
    timeframe: 600
    period: 60
    warning:
      emails-sent: "5"
    critical:
      emails-sent: "50"
  register: ses

- name: AWS's documented reputation levels and the account's health, newest reputation value of the last day
  sesmon.ses.ses_metric_check:
    region: eu-west-1
    metrics: [emails-rejected, emails-spam, account-sending, account-enforcement, quota-usage]
    thresholds: aws
    warning:
      quota-usage: "80"
    critical:
      quota-usage: "95"

- name: AWS's levels with a stricter bounce warning (a fraction, 3 %), a 12-hour look-back, stale after 6 hours
  sesmon.ses.ses_metric_check:
    region: eu-west-1
    metrics: [emails-rejected, emails-spam]
    thresholds: aws
    warning:
      emails-rejected: "0.03"
    reputation_lookback: 43200
    max_age: 21600

- name: Catch a paused or sandboxed account (sandbox is opt-in)
  sesmon.ses.ses_metric_check:
    region: eu-west-1
    metrics: [account-sending, account-enforcement, account-sandbox]
    fail_on: warning

- name: CI gate, fail the play when the bounce rate is critical or the data is missing
  sesmon.ses.ses_metric_check:
    region: eu-west-1
    metrics: [emails-rejected]
    critical:
      emails-rejected: "0.1"
    fail_on: critical

- name: Per configuration set, several sets in one call
  sesmon.ses.ses_metric_check:
    region: eu-west-1
    metrics: [emails-sent, emails-bounced, emails-complained]
    dimensions:
      - ses:configuration-set: marketing
      - ses:configuration-set: transactional
    missing_data: zero
    critical:
      emails-bounced: "~:100"

- name: Several regions at once
  sesmon.ses.ses_metric_check:
    regions: [eu-west-1, us-east-1]
    warning:
      emails-rejected: "0.05"

- name: Connection options once for every sesmon.ses task
  module_defaults:
    group/sesmon.ses.aws:
      region: eu-west-1
      profile: monitoring
  block:
    - name: Check
      sesmon.ses.ses_metric_check:
        fail_on: warning
"""

RETURN = r"""
status:
  description: The overall state, V(OK), V(WARNING), V(CRITICAL) or V(UNKNOWN).
  returned: success
  type: str
  sample: WARNING
exit_code:
  description: The Nagios exit code of the state, 0 to 3.
  returned: success
  type: int
  sample: 1
output:
  description: The Centreon-format output line, with the performance data after C(|).
  returned: success
  type: str
  sample: "WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 10.00 | 'SES~average#ses.emails.sent.count'=10;0:5;0:50;;"
perfdata:
  description: The performance data alone, space-separated C('label'=value;warn;crit;;) items.
  returned: success
  type: str
  sample: "'SES~average#ses.emails.sent.count'=10;0:5;0:50;;"
metrics:
  description:
    - One entry per region x instance x metric x statistic, in that order (regions and dimension
      sets as given, metrics in O(metrics) order, then statistics).
  returned: success
  type: list
  elements: dict
  contains:
    region:
      description: The AWS region.
      type: str
      sample: eu-west-1
    instance:
      description: The instance name used in the output and perfdata.
      type: str
      sample: SES
    dimensions:
      description: The dimension set queried, empty for the account-level metrics.
      type: dict
      sample: {"ses:configuration-set": "marketing"}
    label:
      description: The metric label.
      type: str
      sample: emails-sent
    metric_name:
      description: >-
        The CloudWatch metric name, or for an account label the GetAccount field (C(EnforcementStatus), C(SendQuota)...);
        C(Recommendations) for V(account-recommendations); for a V(vdm-*) label its VDM metric (C(SEND)) or ratio
        (C(COMPLAINT/DELIVERY_COMPLAINT)); C(SendingStatus) for V(tenant-sending), C(SendingStatusAggregate) for
        V(reputation-entity).
      type: str
      sample: Send
    statistic:
      description:
        - The statistic, V(average), V(sum), V(minimum), V(maximum), V(sample_count) or V(latest).
        - The account labels are V(latest), GetAccount's answer being the account's state now.
        - The V(vdm-*) labels are V(sum), counts summed over O(vdm_window) and rates the ratio of those sums.
      type: str
      sample: sum
    value:
      description:
        - The value over the window (the newest datapoint's for V(latest)); null when there is no
          datapoint and O(missing_data) is not V(zero).
        - For V(quota-usage) the percentage used; null for the other account labels and an unlimited quota.
      type: float
      sample: 10.0
    unit:
      description: >-
        V(count), V(fraction) for the rates (0.05 = 5 %), V(percent) for V(quota-usage), V(state) for the other account labels
        and the tenant labels.
      type: str
      sample: count
    account_value:
      description:
        - For an account label, what AWS answered as text (V(enabled), V(PROBATION), V(not granted (sandbox)), V(12.50%), V(unlimited)).
        - For V(account-recommendations), the open ones, the worst impact's named (V(1 open HIGH (DKIM example.com\), 2 open LOW)),
          or V(none open).
        - For V(tenant-sending), the tenant's C(SendingStatus) (V(ENABLED)); for V(reputation-entity), its aggregate sending
          status and impact (V(sending ENABLED, impact HIGH)); V(no tenants) or V(no reputation entities) when there is none.
        - Null otherwise.
      type: str
      sample: PROBATION
    state:
      description: The metric's state name, or null when it has no value (left out of the output).
      type: str
      sample: OK
    warning:
      description: The warning range, normalised (V(5) is shown as V(0:5)), or null.
      type: str
      sample: "0:5"
    critical:
      description: The critical range, normalised, or null.
      type: str
      sample: "0:50"
    datapoint_count:
      description: How many period datapoints CloudWatch returned in the metric's window (O(timeframe), or O(reputation_lookback) for V(latest)).
      type: int
      sample: 10
    newest_datapoint:
      description: Timestamp (ISO 8601, UTC) of the newest datapoint, the start of its period, or null.
      type: str
      sample: "2024-05-01T12:09:00Z"
    newest_datapoint_age_seconds:
      description: How old the newest datapoint is, in seconds, or null.
      type: int
      sample: 2400
    unknown_reason:
      description: Why the state is V(UNKNOWN) (AWS error, stale data, partial answer), or null.
      type: str
      sample: "newest datapoint is 4000 s old (2024-05-01T11:00:00Z), older than max_age 3600 s"
    volume:
      description:
        - For a rate label when O(min_volume) is set, the sends over the rate's window and the floor.
        - C(sends) is null when the C(Send) query failed or is partial (the rate is then judged).
      returned: for V(emails-rejected) and V(emails-spam), when O(min_volume) is set
      type: dict
      sample: {sends: 12, floor: 200, below_floor: true}
      contains:
        sends:
          description: C(Send), sum over the rate's window; 0 without datapoints.
          type: int
        floor:
          description: O(min_volume).
          type: int
        below_floor:
          description: True when C(sends) is below C(floor), so that the rate is V(OK) with its value kept.
          type: bool
window:
  description: The window of the counts, [now - O(timeframe), now] in whole seconds, as Centreon asks it (CloudWatch rounds the start down to the minute).
  returned: success
  type: dict
  contains:
    start:
      description: Start of the window (ISO 8601, UTC).
      type: str
      sample: "2024-05-01T12:00:00Z"
    end:
      description: End of the window (ISO 8601, UTC).
      type: str
      sample: "2024-05-01T12:11:00Z"
    period:
      description: The period in seconds.
      type: int
      sample: 60
    timeframe:
      description: The timeframe in seconds, as given.
      type: int
      sample: 600
    reputation_lookback:
      description: The look-back of the V(latest) metrics in seconds, as given.
      type: int
      sample: 86400
    lookback_start:
      description: Start of the look-back window (ISO 8601, UTC), widened to a whole bucket; null when no metric is read with V(latest).
      type: str
      sample: "2024-04-30T12:11:00Z"
requests:
  description:
    - How many GetMetricData requests were made, all regions and pages together, not counting
      botocore's retries.
  returned: success
  type: int
  sample: 1
account_requests:
  description:
    - How many SES account requests were made for the account labels (C(GetAccount), and the SES
      v1 fallbacks), all regions together; 0 when no account label is asked for.
  returned: success
  type: int
  sample: 1
recommendation_requests:
  description:
    - How many C(ListRecommendations) requests were made for V(account-recommendations), all regions and pages
      together; 0 when it is not asked for.
  returned: success
  type: int
  sample: 1
tenant_requests:
  description:
    - How many C(ListTenants) and C(ListReputationEntities) requests were made for V(tenant-sending) and V(reputation-entity),
      all regions and pages together; 0 when neither is asked for.
  returned: success
  type: int
  sample: 2
recommendations:
  description:
    - The open recommendations that V(account-recommendations) considered (of the O(recommendation_types)), region by
      region, as C(ListRecommendations) answered them, also those with a value the check does not know.
  returned: when V(account-recommendations) is in O(metrics) (empty when no region answered)
  type: list
  elements: dict
  contains:
    region:
      description: The AWS region.
      type: str
      sample: us-east-1
    type:
      description: C(Type), for example V(DKIM), V(DMARC), V(SPF), V(BIMI), V(COMPLAINT), V(BOUNCE), V(FEEDBACK_3P), V(IP_LISTING).
      type: str
      sample: DKIM
    impact:
      description: C(Impact), V(HIGH) or V(LOW).
      type: str
      sample: HIGH
    status:
      description: C(Status), V(OPEN) (the fixed ones are left out).
      type: str
      sample: OPEN
    resource_arn:
      description: C(ResourceArn), the resource the recommendation is about.
      type: str
      sample: "arn:aws:ses:us-east-1:123456789012:identity/example.com"
    description:
      description: C(Description), AWS's text.
      type: str
      sample: "DKIM signing is not enabled for this identity"
    created_timestamp:
      description: C(CreatedTimestamp) (ISO 8601, UTC), when AWS first found the issue; null when not answered.
      type: str
      sample: "2024-05-01T12:00:00Z"
    last_updated_timestamp:
      description: C(LastUpdatedTimestamp) (ISO 8601, UTC); null when not answered.
      type: str
      sample: "2024-05-02T08:30:00Z"
vdm_requests:
  description:
    - How many SES v2 requests the V(vdm-*) labels made (C(BatchGetMetricData), 10 queries each, and C(GetAccount) when a
      region's answers held no datapoint), all regions together; 0 when no V(vdm-*) label is asked for.
  returned: success
  type: int
  sample: 1
vdm_window:
  description: The window of the V(vdm-*) labels.
  returned: when a V(vdm-*) label is in O(metrics)
  type: dict
  contains:
    start:
      description: C(StartDate), a UTC midnight (ISO 8601).
      type: str
      sample: "2024-04-25T00:00:00Z"
    end:
      description: C(EndDate), the time of the check (ISO 8601, UTC).
      type: str
      sample: "2024-05-01T12:30:00Z"
    days:
      description: O(vdm_window) in days, the current UTC day counted as one.
      type: int
      sample: 7
retry_attempts:
  description:
    - How many times botocore retried a request (throttling, HTTP 5xx), all regions together.
    - Retries of connection errors, which get no answer, are not counted.
  returned: success
  type: int
  sample: 0
errors:
  description: The AWS errors, one per region and part (CloudWatch, or the account for the account labels) that could not be read; empty when none.
  returned: success
  type: list
  elements: dict
  contains:
    code:
      description: AWS's error code, or the botocore error name for errors that never reached AWS.
      type: str
      sample: AccessDenied
    http_status:
      description: The HTTP status, when there was an answer.
      type: int
      sample: 403
    operation:
      description: The AWS operation.
      type: str
      sample: GetMetricData
    region:
      description: The region.
      type: str
      sample: eu-west-1
    request_id:
      description: AWS's request id, when AWS answered; null otherwise.
      type: str
      sample: 0355fd3c-2e6e-4ec0-9d27-3fd6c7ae8e11
    message:
      description: The one-line error message.
      type: str
      sample: "GetMetricData in eu-west-1 failed: AccessDenied (HTTP 403): not authorized"
error:
  description:
    - The AWS error that failed the task before any check could be made (C(AssumeRole), for
      example), with C(code), C(http_status), C(operation), C(region), C(request_id), C(message). An
      option that is refused has only C(msg); a failed check (O(fail_on)) has RV(status) and RV(errors).
  returned: failure, when no check could be made
  type: dict
  sample: {code: AccessDenied, http_status: 403, operation: AssumeRole, region: us-east-1, request_id: null,
           message: "AssumeRole in us-east-1 failed: AccessDenied (HTTP 403): not authorized"}
response_metadata:
  description: AWS's request id and HTTP status of the request that failed the task, as amazon.aws returns them.
  returned: failure, when AWS answered with a request id
  type: dict
  contains:
    request_id:
      description: AWS's request id, for AWS support.
      type: str
      sample: 0355fd3c-2e6e-4ec0-9d27-3fd6c7ae8e11
    http_status_code:
      description: The HTTP status of that answer.
      type: int
      sample: 403
"""

from ansible_collections.sesmon.ses.plugins.module_utils.check_options import DEFAULT_LOOKBACK, DEFAULT_PERIOD, DEFAULT_TIMEFRAME, FAIL_ON
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import STATISTICS
from ansible_collections.sesmon.ses.plugins.module_utils.module import run_module
from ansible_collections.sesmon.ses.plugins.module_utils.presets import PRESET_NAMES
from ansible_collections.sesmon.ses.plugins.module_utils.series_reading import MISSING_DATA
from ansible_collections.sesmon.ses.plugins.module_utils.sources.recommendations import TYPES as RECOMMENDATION_TYPES
from ansible_collections.sesmon.ses.plugins.module_utils.sources.registry import all_labels
from ansible_collections.sesmon.ses.plugins.module_utils.sources.vdm import DEFAULT_WINDOW as DEFAULT_VDM_WINDOW

ARGUMENT_SPEC = dict(
    metrics=dict(type="list", elements="str", choices=all_labels()),
    statistics=dict(type="list", elements="str", choices=list(STATISTICS)),
    timeframe=dict(type="int", default=DEFAULT_TIMEFRAME),
    period=dict(type="int", default=DEFAULT_PERIOD),
    dimensions=dict(type="list", elements="dict"),
    warning=dict(type="dict"),
    critical=dict(type="dict"),
    reputation_lookback=dict(type="int", default=DEFAULT_LOOKBACK),
    missing_data=dict(type="str", choices=list(MISSING_DATA)),
    zeroed=dict(type="bool", default=False),
    thresholds=dict(type="str", choices=list(PRESET_NAMES), default="none"),
    max_age=dict(type="int"),
    regions=dict(type="list", elements="str"),
    min_volume=dict(type="int"),
    fail_on=dict(type="str", choices=list(FAIL_ON), default="never"),
    vdm_dimensions=dict(type="dict"),
    vdm_window=dict(type="int", default=DEFAULT_VDM_WINDOW),
    recommendation_types=dict(type="list", elements="str", choices=list(RECOMMENDATION_TYPES)),
)


def main():
    run_module(ARGUMENT_SPEC, run_check)


if __name__ == "__main__":
    main()
