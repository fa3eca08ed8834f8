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
  - "The metrics, by label (CloudWatch metric, perfdata label, unit, default statistic):
    V(emails-sent) (C(Send), C(ses.emails.sent.count), count, sum);
    V(emails-delivered) (C(Delivery), C(ses.emails.delivered.count), count, sum);
    V(emails-rejected) (C(Reputation.BounceRate), C(ses.emails.rejected.rate), fraction, average);
    V(emails-spam) (C(Reputation.ComplaintRate), C(ses.emails.spam.rate), fraction, average);
    V(emails-bounced) (C(Bounce), C(ses.emails.bounced.count), count, sum);
    V(emails-complained) (C(Complaint), C(ses.emails.complained.count), count, sum);
    V(emails-rejected-by-ses) (C(Reject), C(ses.emails.rejected-by-ses.count), count, sum);
    V(emails-rendering-failed) (C(RenderingFailure), C(ses.emails.rendering-failed.count), count, sum);
    V(emails-opened) (C(Open), C(ses.emails.opened.count), count, sum);
    V(emails-clicked) (C(Click), C(ses.emails.clicked.count), count, sum);
    V(emails-delayed) (C(DeliveryDelay), C(ses.emails.delayed.count), count, sum);
    V(emails-subscription-changed) (C(Subscription), C(ses.emails.subscription-changed.count), count, sum)."
  - Centreon's V(emails-rejected) is the bounce B(rate), not SES's C(Reject) count
    (V(emails-rejected-by-ses)). The rates are fractions, V(0.05) is 5 %.
  - One CloudWatch C(GetMetricData) request per region fetches up to 500 series
    (metrics x statistics x dimension sets); more are sent in batches of 500. The module never
    changes anything.
author:
  - sesmon.ses contributors (@sesmon)
options:
  metrics:
    description:
      - The metric labels to check, in the order they are reported (see the table above).
      - Defaults to Centreon's four, V(emails-sent), V(emails-delivered), V(emails-rejected)
        and V(emails-spam). An unknown label is an error.
    type: list
    elements: str
  statistics:
    description:
      - The statistics to compute for every metric in O(metrics).
      - When not set, each metric uses its meaningful statistic, V(sum) for counts and
        V(average) for the C(Reputation.*) rates. V([average]) reproduces Centreon, which
        always uses Average.
      - Over the window, V(average) is the unweighted mean of the per-period averages,
        V(sum) and V(sample_count) the sum of the per-period values, V(minimum) and V(maximum)
        the extremes.
    type: list
    elements: str
    choices: [average, sum, minimum, maximum, sample_count]
  timeframe:
    description:
      - Length of the window in seconds, ending now (Centreon's C(--timeframe)). The window is
        widened to whole periods.
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
      - A label that is not in O(metrics) or a bad range is an error.
    type: dict
  critical:
    description:
      - Critical thresholds, like O(warning). Critical is evaluated first.
    type: dict
  zeroed:
    description:
      - Report V(0) for metrics without datapoints in the window (Centreon's C(--zeroed)).
        Otherwise they are left out, and when every metric is left out the status is V(UNKNOWN).
    type: bool
    default: false
  max_age:
    description:
      - When set, a metric whose newest datapoint is older than this many seconds is
        V(UNKNOWN), with the age in the output. A datapoint is stamped with the start of its
        period, so this must be at least O(period).
      - Metrics without any datapoint are governed by O(zeroed), not by this option.
    type: int
  regions:
    description:
      - Check these regions, concurrently, in one task. When not set, the O(region) option is
        used.
      - With more than one region, each instance is named C(<region>/<instance>), for example
        C(eu-west-1/SES), so that perfdata labels stay unique.
    type: list
    elements: str
  fail_on:
    description:
      - V(never) returns the status as data and never fails the task.
      - V(critical) fails the task when the status is V(CRITICAL) or V(UNKNOWN).
      - V(warning) fails the task when the status is V(WARNING) or worse.
      - The failure message is the output line; the result still holds every value.
    type: str
    choices: [never, critical, warning]
    default: never
extends_documentation_fragment:
  - sesmon.ses.connection
attributes:
  check_mode:
    description: The module only reads metrics, so check mode runs the same check.
    support: full
  diff_mode:
    description: Nothing is changed, so there is no diff.
    support: none
notes:
  - When AWS cannot be reached or denies access in a region, the status is V(UNKNOWN) with the
    reason (never V(OK) on missing data); the error is also returned in RV(errors).
  - State precedence is V(CRITICAL) > V(WARNING) > V(UNKNOWN) > V(OK), so a real alert is never
    hidden by a stale or missing metric.
  - "IAM permission needed: C(cloudwatch:GetMetricData)."
seealso:
  - name: Amazon SES metrics in CloudWatch
    description: The AWS/SES metrics and their dimensions.
    link: https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity.html
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

- name: AWS's recommended reputation thresholds (fractions, not percents)
  sesmon.ses.ses_metric_check:
    region: eu-west-1
    metrics: [emails-rejected, emails-spam]
    warning:
      emails-rejected: "0.05"
      emails-spam: "0.001"
    critical:
      emails-rejected: "0.1"
      emails-spam: "0.005"
    max_age: 3600
    timeframe: 3600

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
    zeroed: true
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
      description: The CloudWatch metric name.
      type: str
      sample: Send
    statistic:
      description: The statistic, V(average), V(sum), V(minimum), V(maximum) or V(sample_count).
      type: str
      sample: sum
    value:
      description: The value over the window; null when there is no datapoint and O(zeroed) is not set.
      type: float
      sample: 10.0
    unit:
      description: V(count), or V(fraction) for the rates (0.05 = 5 %).
      type: str
      sample: count
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
      description: How many period datapoints CloudWatch returned in the window.
      type: int
      sample: 10
    newest_datapoint:
      description: Timestamp (ISO 8601, UTC) of the newest datapoint, the start of its period, or null.
      type: str
      sample: "2024-05-01T12:09:00Z"
    unknown_reason:
      description: Why the state is V(UNKNOWN) (AWS error, stale data, partial answer), or null.
      type: str
      sample: "newest datapoint is 4000 s old (2024-05-01T11:00:00Z), older than max_age 3600 s"
window:
  description: The window actually queried, aligned to whole periods.
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
requests:
  description:
    - How many GetMetricData requests were made, all regions and pages together, not counting
      botocore's retries.
  returned: success
  type: int
  sample: 1
retry_attempts:
  description:
    - How many times botocore retried a request (throttling, HTTP 5xx), all regions together.
    - Retries of connection errors, which get no answer, are not counted.
  returned: success
  type: int
  sample: 0
errors:
  description: The AWS errors, one per region that could not be checked; empty when none.
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
    message:
      description: The one-line error message.
      type: str
      sample: "GetMetricData in eu-west-1 failed: AccessDenied (HTTP 403): not authorized"
"""

from ansible_collections.sesmon.ses.plugins.module_utils.metric_check import DEFAULT_PERIOD, DEFAULT_TIMEFRAME, FAIL_ON, run_check
from ansible_collections.sesmon.ses.plugins.module_utils.module import run_module
from ansible_collections.sesmon.ses.plugins.module_utils.ses_metrics import STATISTICS

ARGUMENT_SPEC = dict(
    metrics=dict(type="list", elements="str"),
    statistics=dict(type="list", elements="str", choices=list(STATISTICS)),
    timeframe=dict(type="int", default=DEFAULT_TIMEFRAME),
    period=dict(type="int", default=DEFAULT_PERIOD),
    dimensions=dict(type="list", elements="dict"),
    warning=dict(type="dict"),
    critical=dict(type="dict"),
    zeroed=dict(type="bool", default=False),
    max_age=dict(type="int"),
    regions=dict(type="list", elements="str"),
    fail_on=dict(type="str", choices=list(FAIL_ON), default="never"),
)


def execute_metric_check(params, session):
    return run_check(params, session)


def main():
    run_module(ARGUMENT_SPEC, execute_metric_check)


if __name__ == "__main__":
    main()
