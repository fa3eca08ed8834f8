# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: ses_send_stats
short_description: Read Amazon SES send quota, send statistics and account status
version_added: 0.1.0
description:
  - Reads, for one or several AWS regions, the account status and sending quota (SES v2
    C(GetAccount)) and the send statistics of the last two weeks (C(GetSendStatistics)), and
    folds them into totals and observed bounce, complaint and reject rates.
  - Read-only. It never changes anything, so it always reports RV(ignore:changed=false) and
    runs the same in check mode.
  - Each region costs two requests, made one after the other, C(GetAccount) (which also answers
    the quota) and C(GetSendStatistics). When C(GetAccount) is denied or not available, SES v1
    C(GetSendQuota) and C(GetAccountSendingEnabled) read the quota and
    RV(account.sending_enabled) instead (four requests). Several regions are queried
    concurrently. M(sesmon.ses.ses_metric_check) reads the account through the same reader.
  - SES allows about one call per second for these operations. Throttled calls are retried by
    botocore with exponential backoff (see O(retries)); the module never loops on its own.
  - The rates are B(observed) rates, computed from the datapoints of the window. They are not
    the reputation metrics AWS uses for enforcement (CloudWatch C(Reputation.BounceRate) and
    C(Reputation.ComplaintRate)), which count only some bounces and complaints over a
    representative volume. Use M(sesmon.ses.ses_metric_check) for those.
author:
  - sesmon.ses contributors (@sesmon)
options:
  regions:
    description:
      - The regions to read, queried concurrently, in this order in the result.
      - When not set, the single region of O(region) (or E(AWS_REGION), or the profile) is read.
      - Repeated names are read once.
      - V(all) (alone) is every region where botocore's data offers SES v2 in the partition of O(region)
        (C(aws), C(aws-us-gov)...), O(region) first (its keys are the top-level ones), then the others in name order.
        It is refused with O(endpoint_url) (or E(AWS_ENDPOINT_URL)), as a custom endpoint has no region list.
      - It includes opt-in regions; one not enabled for the account answers that the security token is invalid
        and is a failed region (a warning). List the regions instead when the account does not use them all.
      - A listed region where botocore's data has no SES fails before any request, with the SES regions of its partition.
    type: list
    elements: str
  since:
    description:
      - Keep only the datapoints at or after this moment (a datapoint exactly at it is kept).
        RV(totals) and RV(rates) are computed over the same window.
      - Either a duration back from now, a number followed by V(s), V(m), V(h), V(d) or V(w)
        (V(90m), V(24h), V(7d), V(2w), V(3600s), or combined such as V(1h30m)), or an ISO 8601
        timestamp (V(2024-05-01T10:00:00Z), V(2024-05-01T12:00:00+02:00); without an offset it
        is UTC).
      - A moment in the future, or a value that is neither form, is an error, and nothing is sent
        to AWS.
      - When not set, every datapoint AWS returns (the last two weeks) is kept.
    type: str
  include_contact_details:
    description:
      - Also return the account's contact details from C(GetAccount) (C(Details) in AWS's
        answer) under RV(account.details). They hold personal data (contact email addresses, the
        use case description), so they are left out unless asked for.
    type: bool
    default: false
  publish_facts:
    description:
      - Also publish the result as the fact C(ses_send_stats) (RV(ansible_facts.ses_send_stats)),
        for later tasks and templates.
    type: bool
    default: false
  include_extra:
    description:
      - Also read these facts in every region, after C(GetSendStatistics), each under its own return key
        (in the manner of the C(include_attributes) list of C(amazon.aws.ec2_instance_info)). None by default,
        and then the requests and the result are exactly as without this option.
      - V(recommendations) is RV(recommendations), AWS's whole list from sesv2 C(ListRecommendations), open and fixed,
        paged (100 per page, at most 10 pages, as M(sesmon.ses.ses_metric_check) reads it).
      - V(vdm) is RV(vdm), the Virtual Deliverability Manager counts and rates of the account over the last 7 UTC days
        (sesv2 C(BatchGetMetricData)), and per ISP for the ISPs of O(vdm_isps).
      - V(tenants) is RV(tenants) and RV(reputation_entities) (sesv2 C(ListTenants) and C(ListReputationEntities)).
      - A fact that cannot be read (denied, throttled beyond the retries) is null, with one warning naming the IAM
        action; it never fails the task, and the other facts still come.
    type: list
    elements: str
    choices: [recommendations, vdm, tenants]
  vdm_isps:
    description:
      - With V(vdm) in O(include_extra), also the VDM counts of these ISPs, spelled as the VDM dashboard does
        (V(Gmail), V(Yahoo), V(Hotmail)...), in RV(vdm.isps). The VDM API cannot list the ISPs, so name them.
      - At most 20. Refused without V(vdm) in O(include_extra).
    type: list
    elements: str
extends_documentation_fragment:
  - sesmon.ses.connection
  - sesmon.ses.connection.attributes
notes:
  - "IAM permissions: C(ses:GetSendQuota), C(ses:GetSendStatistics), C(ses:GetAccount), and
    C(ses:GetAccountSendingEnabled) (used only when C(ses:GetAccount) is denied)."
  - "With O(include_extra): C(ses:ListRecommendations) (V(recommendations)), C(ses:BatchGetMetricData) and C(ses:GetAccount)
    (V(vdm)), C(ses:ListTenants) and C(ses:ListReputationEntities) (V(tenants))."
  - When C(GetAccount) is denied or not available in some regions, the task still succeeds with
    one warning naming them; there RV(account.source) is V(ses-v1) and the sesv2-only keys are
    null. The sandbox state is never guessed from the quota.
  - When some regions fail, the task succeeds with one warning naming them, and their entries in
    RV(regions) have C(failed=true) and C(error). When every region fails, the task fails with
    the first region's error message.
seealso:
  - name: GetSendStatistics
    description: The SES API operation that returns the datapoints.
    link: https://docs.aws.amazon.com/ses/latest/APIReference/API_GetSendStatistics.html
  - name: GetAccount
    description: The SES v2 API operation that returns the account status.
    link: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_GetAccount.html
  - module: sesmon.ses.ses_metric_check
"""

EXAMPLES = r"""
- name: Read the send statistics of the last 24 hours
  sesmon.ses.ses_send_stats:
    region: eu-west-1
    since: 24h
  register: ses

- name: Fail the pipeline when the observed bounce or complaint rate is too high
  ansible.builtin.assert:
    that:
      # The rates are null when nothing was sent in the window: count that as 0.
      - (ses.rates.bounce_rate | default(0, true)) < 0.05
      - (ses.rates.complaint_rate | default(0, true)) < 0.001
    fail_msg: >-
      SES observed bounce rate {{ ses.rates.bounce_percent }} %,
      complaint rate {{ ses.rates.complaint_percent }} % over {{ ses.totals.delivery_attempts }} attempts

- name: Check the quota headroom before a bulk send of 5000 messages
  sesmon.ses.ses_send_stats:
    region: us-east-1
  register: ses_quota

- name: Stop unless the account can take the whole batch today
  ansible.builtin.assert:
    that:
      - ses_quota.account.sending_enabled is not false
      - ses_quota.quota.unlimited or ses_quota.quota.remaining_24_hour_send >= 5000
    fail_msg: "Only {{ ses_quota.quota.remaining_24_hour_send }} messages left in the 24 h quota"

- name: Read several regions at once, with credentials and endpoint set once for the group
  module_defaults:
    group/sesmon.ses.aws:
      access_key: "{{ ses_access_key }}"
      secret_key: "{{ ses_secret_key }}"
      retries:
        max_attempts: 5
  block:
    - name: Read every sending region
      sesmon.ses.ses_send_stats:
        regions:
          - eu-west-1
          - us-east-1
        since: 7d
        publish_facts: true
      register: ses_all

    - name: Show the bounce rate per region
      ansible.builtin.debug:
        # A healthy 0.0 is falsy: test for none (no delivery attempt) rather than default('n/a', true).
        msg: "{{ item.key }}: {{ 'n/a' if item.value.rates.bounce_rate is none else item.value.rates.bounce_rate }}"
      loop: "{{ ses_all.regions | dict2items }}"
      loop_control:
        label: "{{ item.key }}"

    - name: Use the published facts later
      ansible.builtin.debug:
        msg: "eu-west-1 sandbox: {{ ansible_facts.ses_send_stats.regions['eu-west-1'].account.sandbox }}"
"""

RETURN = r"""
region:
  description: The region of the top-level keys RV(quota) to RV(account), the first one of O(regions).
  returned: always
  type: str
  sample: us-east-1
quota:
  description:
    - The sending quota of the first region (C(GetAccount)'s C(SendQuota), or C(GetSendQuota) when C(GetAccount) cannot be used).
    - Null when that region failed (other regions answered).
  returned: always
  type: dict
  contains:
    max_24_hour_send:
      description: Messages allowed per 24 hours, as AWS returns it; V(-1) means unlimited.
      type: float
      returned: success
      sample: 200.0
    max_send_rate:
      description: Messages allowed per second.
      type: float
      returned: success
      sample: 1.0
    sent_last_24_hours:
      description: Messages sent in the last 24 hours.
      type: float
      returned: success
      sample: 3.0
    unlimited:
      description: True when AWS reports an unlimited 24 hour quota (V(-1)).
      type: bool
      returned: success
      sample: false
    remaining_24_hour_send:
      description: Messages still allowed in the 24 hour quota, never below 0; null when unlimited.
      type: float
      returned: success
      sample: 197.0
    utilization_percent:
      description:
        - RV(quota.sent_last_24_hours) as a percentage of RV(quota.max_24_hour_send).
        - Null when the quota is unlimited or is 0. It may exceed 100 when AWS let more through.
      type: float
      returned: success
      sample: 1.5
datapoints:
  description:
    - The send statistics datapoints of the first region in the window, oldest first (AWS
      returns them in no documented order). AWS keeps one datapoint per 15 minute interval that
      had activity, over the last two weeks; an idle account has none.
    - Null when that region failed.
  returned: always
  type: list
  elements: dict
  contains:
    timestamp:
      description: Start of the interval, ISO 8601 UTC.
      type: str
      returned: success
      sample: "2024-05-01T10:15:00Z"
    delivery_attempts:
      description: Messages SES tried to deliver.
      type: int
      returned: success
      sample: 120
    bounces:
      description: Messages that bounced.
      type: int
      returned: success
      sample: 2
    complaints:
      description: Messages recipients marked as spam.
      type: int
      returned: success
      sample: 0
    rejects:
      description: Messages SES rejected before sending (for example a virus, or an unverified sender).
      type: int
      returned: success
      sample: 1
totals:
  description: The sums of the counts of RV(datapoints) over the window, first region. Null when that region failed.
  returned: always
  type: dict
  contains:
    delivery_attempts:
      description: Sum of the delivery attempts.
      type: int
      returned: success
      sample: 3
    bounces:
      description: Sum of the bounces.
      type: int
      returned: success
      sample: 0
    complaints:
      description: Sum of the complaints.
      type: int
      returned: success
      sample: 0
    rejects:
      description: Sum of the rejects.
      type: int
      returned: success
      sample: 1
window:
  description: The time window of RV(datapoints), RV(totals) and RV(rates), first region. Null when that region failed.
  returned: always
  type: dict
  contains:
    start:
      description:
        - The window start, ISO 8601 UTC, from O(since); without O(since), the oldest datapoint.
        - Null without O(since) when there is no datapoint.
      type: str
      returned: success
      sample: "2024-05-01T09:00:00Z"
    end:
      description: The window end, the time the region was read, ISO 8601 UTC.
      type: str
      returned: success
      sample: "2024-05-02T09:00:00Z"
    datapoint_count:
      description: Number of datapoints in the window.
      type: int
      returned: success
      sample: 1
    newest_datapoint:
      description: Timestamp of the newest datapoint AWS returned, in the window or not; null when there is none.
      type: str
      returned: success
      sample: "2024-05-02T08:45:00Z"
    newest_datapoint_age_seconds:
      description:
        - Seconds from the newest datapoint to RV(window.end); null when there is none.
        - Use it to tell stale statistics from current ones. It is negative when the local clock is behind AWS's.
      type: int
      returned: success
      sample: 900
rates:
  description:
    - Observed rates over the window, first region, as fractions of the delivery attempts and
      as percents (0.05 and 5.0 are the same rate).
    - Every rate is null, not 0, when there was no delivery attempt in the window.
    - These are not AWS's reputation metrics (CloudWatch C(Reputation.BounceRate),
      C(Reputation.ComplaintRate)), which AWS computes differently.
    - Null when that region failed.
  returned: always
  type: dict
  contains:
    bounce_rate:
      description: Bounces / delivery attempts, a fraction.
      type: float
      returned: success
      sample: 0.0
    bounce_percent:
      description: The bounce rate in percent.
      type: float
      returned: success
      sample: 0.0
    complaint_rate:
      description: Complaints / delivery attempts, a fraction.
      type: float
      returned: success
      sample: 0.0
    complaint_percent:
      description: The complaint rate in percent.
      type: float
      returned: success
      sample: 0.0
    reject_rate:
      description: Rejects / delivery attempts, a fraction.
      type: float
      returned: success
      sample: 0.3333333333333333
    reject_percent:
      description: The reject rate in percent.
      type: float
      returned: success
      sample: 33.33333333333333
account:
  description: The account status of the first region. Null when that region failed.
  returned: always
  type: dict
  contains:
    source:
      description:
        - Where the account keys come from. V(sesv2) (C(GetAccount)); V(ses-v1) when
          C(GetAccount) was denied or not available and C(GetAccountSendingEnabled) answered
          (a warning says so); V(unavailable) when neither answered.
      type: str
      returned: success
      sample: sesv2
    sending_enabled:
      description: Whether the account may send email in this region; null when unavailable.
      type: bool
      returned: success
      sample: true
    enforcement_status:
      description:
        - AWS's enforcement status, V(HEALTHY), V(PROBATION) or V(SHUTDOWN); other values are
          passed through as AWS sends them. Null unless RV(account.source=sesv2).
      type: str
      returned: success
      sample: HEALTHY
    production_access_enabled:
      description: True when the account is out of the sandbox. Null unless RV(account.source=sesv2).
      type: bool
      returned: success
      sample: false
    sandbox:
      description:
        - The opposite of RV(account.production_access_enabled). Null unless
          RV(account.source=sesv2); it is never guessed from the quota.
      type: bool
      returned: success
      sample: true
    dedicated_ip_auto_warmup_enabled:
      description: Whether dedicated IP auto warm-up is on. Null unless AWS says.
      type: bool
      returned: success
      sample: false
    details:
      description:
        - The contact details AWS holds (personal data). Null unless O(include_contact_details=true)
          and RV(account.source=sesv2).
      type: dict
      returned: success
      sample:
        mail_type: MARKETING
        website_url: https://example.com
        contact_language: EN
        use_case_description: Newsletters to subscribers
        additional_contact_email_addresses: [ops@example.com]
        review_details: {status: GRANTED, case_id: "123456"}
      contains:
        mail_type:
          description: V(MARKETING) or V(TRANSACTIONAL).
          type: str
        website_url:
          description: The website given to AWS.
          type: str
        contact_language:
          description: V(EN) or V(JA).
          type: str
        use_case_description:
          description: The use case given to AWS.
          type: str
        additional_contact_email_addresses:
          description: Addresses AWS sends account notifications to.
          type: list
          elements: str
        review_details:
          description: The latest production access review, C(status) and C(case_id).
          type: dict
recommendations:
  description:
    - With V(recommendations) in O(include_extra), the first region's recommendations from sesv2 C(ListRecommendations),
      open and fixed, in AWS's order; per region in RV(regions).
    - Null when they could not be read (a warning names the IAM action) or that region failed.
  returned: when O(include_extra) holds V(recommendations)
  type: list
  elements: dict
  sample:
    - type: DKIM
      impact: HIGH
      status: OPEN
      resource_arn: arn:aws:ses:us-east-1:123456789012:identity/example.com
      description: DKIM signing is not enabled for this identity
      created_timestamp: "2025-01-01T00:00:00Z"
      last_updated_timestamp: "2025-01-01T01:00:00Z"
  contains:
    type:
      description: AWS's Type (V(DKIM), V(DMARC), V(SPF), V(BIMI), V(COMPLAINT), V(BOUNCE), V(FEEDBACK_3P), V(IP_LISTING)), as sent.
      type: str
    impact:
      description: V(LOW) or V(HIGH), as AWS sends it.
      type: str
    status:
      description: V(OPEN) or V(FIXED), as AWS sends it.
      type: str
    resource_arn:
      description: The resource the recommendation is about.
      type: str
    description:
      description: AWS's text.
      type: str
    created_timestamp:
      description: ISO 8601 UTC.
      type: str
    last_updated_timestamp:
      description: ISO 8601 UTC.
      type: str
vdm:
  description:
    - With V(vdm) in O(include_extra), the first region's Virtual Deliverability Manager counts, summed over the last
      7 UTC days (today counted as one), and the rates as VDM defines them; per region in RV(regions).
    - Null when C(BatchGetMetricData) could not be read (a warning names the IAM action) or that region failed.
      A count whose query answered an error is null (a warning says why); a rate is null without its denominator.
  returned: when O(include_extra) holds V(vdm)
  type: dict
  sample:
    window: {start: "2025-01-01T00:00:00Z", end: "2025-01-07T09:00:00Z", days: 7}
    account: {sends: 20000, deliveries: 19800, feedback_loop_deliveries: 9000, complaints: 9, permanent_bounces: 120,
              complaint_rate: 0.001, permanent_bounce_rate: 0.006}
    isps:
      Yahoo: {sends: 2000, deliveries: 1990, feedback_loop_deliveries: 1990, complaints: 9, permanent_bounces: 10,
              complaint_rate: 0.004522613065326633, permanent_bounce_rate: 0.005}
  contains:
    window:
      description: C(start) and C(end) (ISO 8601 UTC) and C(days) of the counts.
      type: dict
    account:
      description:
        - The account as a whole. C(sends) (VDM C(SEND)), C(deliveries) (C(DELIVERY)), C(feedback_loop_deliveries)
          (C(DELIVERY_COMPLAINT), deliveries to ISPs that send SES their complaints), C(complaints) (C(COMPLAINT)),
          C(permanent_bounces) (C(PERMANENT_BOUNCE)), all ints or null.
        - C(complaint_rate) = C(complaints) / C(feedback_loop_deliveries) and C(permanent_bounce_rate) =
          C(permanent_bounces) / C(sends), fractions, null when the denominator is 0, the same rule as the
          C(vdm-complaint-rate) and C(vdm-permanent-bounce-rate) labels of M(sesmon.ses.ses_metric_check).
      type: dict
    isps:
      description: The same keys as RV(vdm.account) per ISP of O(vdm_isps); empty without it.
      type: dict
tenants:
  description:
    - With V(tenants) in O(include_extra), the first region's tenants from sesv2 C(ListTenants); per region in RV(regions).
    - Null when they could not be read (a warning names the IAM action) or that region failed.
  returned: when O(include_extra) holds V(tenants)
  type: list
  elements: dict
  sample:
    - {tenant_name: shop, tenant_id: tn-0123456789abcdef, sending_status: ENABLED, created_timestamp: "2025-01-01T00:00:00Z"}
  contains:
    tenant_name:
      description: The tenant's name.
      type: str
    tenant_id:
      description: The tenant's id.
      type: str
    sending_status:
      description: V(ENABLED), V(REINSTATED) or V(DISABLED), as AWS sends it; null with a botocore that does not read it.
      type: str
    created_timestamp:
      description: ISO 8601 UTC.
      type: str
reputation_entities:
  description:
    - With V(tenants) in O(include_extra), the first region's reputation entities from sesv2 C(ListReputationEntities);
      per region in RV(regions).
    - Null when they could not be read (a warning names the IAM action) or that region failed.
  returned: when O(include_extra) holds V(tenants)
  type: list
  elements: dict
  sample:
    - {reference: "arn:aws:ses:us-east-1:123456789012:configuration-set/marketing", type: RESOURCE,
       sending_status_aggregate: ENABLED, reputation_impact: LOW}
  contains:
    reference:
      description: The entity's C(ReputationEntityReference), an ARN.
      type: str
    type:
      description: C(ReputationEntityType) as AWS sends it (V(RESOURCE)).
      type: str
    sending_status_aggregate:
      description: V(ENABLED), V(REINSTATED) or V(DISABLED), as AWS sends it.
      type: str
    reputation_impact:
      description: V(LOW) or V(HIGH), null when the entity has no active finding.
      type: str
regions:
  description:
    - One entry per region of O(regions) (or the single region), keyed by region name, in the
      order asked, for example C(result.regions['eu-west-1'].rates.bounce_rate).
    - Each entry has C(region), C(failed), C(error), and the keys RV(quota), RV(datapoints),
      RV(totals), RV(window), RV(rates) and RV(account) for that region.
    - With O(include_extra), each entry also has the keys it asks for (RV(recommendations), RV(vdm), RV(tenants),
      RV(reputation_entities)).
    - In a region that failed, C(failed) is true, C(error) holds C(code), C(http_status),
      C(operation), C(region), C(request_id) (AWS's request id, when AWS answered) and C(message), and the data keys are null. Otherwise C(failed)
      is false and C(error) is null.
  returned: always
  type: dict
  sample:
    us-east-1:
      region: us-east-1
      failed: false
      error: null
      quota: {max_24_hour_send: 200.0, max_send_rate: 1.0, sent_last_24_hours: 0.0, unlimited: false,
              remaining_24_hour_send: 200.0, utilization_percent: 0.0}
      datapoints: []
      totals: {delivery_attempts: 0, bounces: 0, complaints: 0, rejects: 0}
      window: {start: null, end: "2024-05-02T09:00:00Z", datapoint_count: 0, newest_datapoint: null,
               newest_datapoint_age_seconds: null}
      rates: {bounce_rate: null, bounce_percent: null, complaint_rate: null, complaint_percent: null,
              reject_rate: null, reject_percent: null}
      account: {source: sesv2, sending_enabled: true, enforcement_status: HEALTHY, production_access_enabled: true,
                sandbox: false, dedicated_ip_auto_warmup_enabled: false, details: null}
    eu-west-1:
      region: eu-west-1
      failed: true
      error: {code: AccessDenied, http_status: 403, operation: GetSendQuota, region: eu-west-1,
              request_id: 0355fd3c-2e6e-4ec0-9d27-3fd6c7ae8e11,
              message: "GetSendQuota in eu-west-1 failed: AccessDenied (HTTP 403): User is not authorized"}
      quota: null
      datapoints: null
      totals: null
      window: null
      rates: null
      account: null
summary:
  description:
    - One line per region, in the order asked, then an overall line for the regions that answered
      together, with the quota used and left, the observed bounce and complaint rates (in percent; V(n/a)
      without a delivery attempt, V(0 %) for a healthy zero) and the account status.
    - "A region that failed reads C(<region>: not read (<error code>))."
  returned: always
  type: list
  elements: str
  sample:
    - "eu-west-1: sent 6404 of 50000 in 24 h (12.8 % used, 43596 left); bounces 0.59 %, complaints 0 % of 6404 attempts; account HEALTHY, production"
    - "us-east-1: sent 16999 of 100000 in 24 h (17.0 % used, 83001 left); bounces 6.17 %, complaints 0.071 % of 16999 attempts; account PROBATION, production"
    - "overall (2 regions): sent 23403 of 150000 in 24 h (15.6 % used, 126597 left); bounces 4.64 %, complaints 0.051 % of 23403 attempts;
      account HEALTHY, production in eu-west-1; PROBATION, production in us-east-1"
retry_attempts:
  description:
    - How many times botocore retried a request (throttling, HTTP 5xx), all regions together, including
      the retries of a request that finally failed.
    - Retries of connection errors, which get no answer, are not counted.
  returned: always
  type: int
  sample: 0
ansible_facts:
  description: The published facts, with O(publish_facts=true).
  returned: when O(publish_facts=true) and the task succeeded
  type: dict
  contains:
    ses_send_stats:
      description: The keys RV(region), RV(quota), RV(datapoints), RV(totals), RV(window), RV(rates), RV(account) and RV(regions);
        and the keys of O(include_extra).
      type: dict
      returned: when O(publish_facts=true)
      sample: {region: us-east-1, regions: {}}
error:
  description:
    - When every region failed, the first region's error (C(code), C(http_status), C(operation),
      C(region), C(request_id), C(message)), or the AWS error that stopped the task before any
      region was read (C(AssumeRole), for example). An option that is refused has only C(msg).
  returned: failure
  type: dict
  sample: {code: AccessDenied, http_status: 403, operation: GetSendQuota, region: eu-west-1,
           request_id: 0355fd3c-2e6e-4ec0-9d27-3fd6c7ae8e11, message: "GetSendQuota in eu-west-1 failed: AccessDenied"}
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

from ansible_collections.sesmon.ses.plugins.module_utils.module import run_module
from ansible_collections.sesmon.ses.plugins.module_utils.send_stats_task import execute_send_stats

ARGUMENT_SPEC = dict(
    regions=dict(type="list", elements="str"),
    since=dict(type="str"),
    include_contact_details=dict(type="bool", default=False),
    publish_facts=dict(type="bool", default=False),
    include_extra=dict(type="list", elements="str", choices=["recommendations", "vdm", "tenants"]),
    vdm_isps=dict(type="list", elements="str"),
)


def main():
    run_module(ARGUMENT_SPEC, execute_send_stats)


if __name__ == "__main__":
    main()
