# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """The connection options shared by every sesmon.ses module."""

    DOCUMENTATION = r"""
options:
  access_key:
    description:
      - AWS access key ID.
      - If not set, the E(AWS_ACCESS_KEY_ID) or E(AWS_ACCESS_KEY) environment variable is used,
        then the rest of botocore's credential chain (profile, container or instance role).
      - Cannot be combined with O(profile).
    type: str
    aliases: [aws_access_key_id, aws_access_key]
  secret_key:
    description:
      - AWS secret access key. It is never shown in results, warnings or logs.
      - If not set, the E(AWS_SECRET_ACCESS_KEY) or E(AWS_SECRET_KEY) environment variable is used.
      - Must be given together with O(access_key).
    type: str
    aliases: [aws_secret_access_key, aws_secret_key]
  session_token:
    description:
      - AWS STS session token, for temporary credentials. It is never shown.
      - If not set, the E(AWS_SESSION_TOKEN) environment variable is used.
    type: str
    aliases: [aws_session_token]
  profile:
    description:
      - A named profile from the AWS shared config and credentials files.
      - If not set, the E(AWS_PROFILE) or E(AWS_DEFAULT_PROFILE) environment variable is used.
      - Cannot be combined with O(access_key), O(secret_key) or O(session_token).
    type: str
    aliases: [aws_profile]
  region:
    description:
      - The AWS region to use, for example V(eu-west-1).
      - If not set, the E(AWS_REGION) or E(AWS_DEFAULT_REGION) environment variable is used,
        then the region of the profile. A missing region is an error.
      - Without O(endpoint_url), the region must be one where the installed botocore's data lists
        SES; a typo or a region without SES fails before any request ("did you mean eu-west-1?").
        For a region newer than the installed botocore, upgrade botocore or set O(endpoint_url).
    type: str
    aliases: [aws_region]
  endpoint_url:
    description:
      - Send every SES and CloudWatch request to this URL instead of AWS's default endpoints,
        for example a VPC endpoint, a proxy or a local test endpoint. STS (O(assume_role)) has
        its own, O(sts_endpoint_url).
      - If not set, the E(AWS_URL) environment variable is used; then botocore's own
        E(AWS_ENDPOINT_URL_SES), E(AWS_ENDPOINT_URL_SESV2), E(AWS_ENDPOINT_URL_CLOUDWATCH) (one
        per service), E(AWS_ENDPOINT_URL) and the profile's C(endpoint_url) settings.
      - A user and password in the URL are never shown.
    type: str
    aliases: [aws_endpoint_url]
  sts_endpoint_url:
    description:
      - The URL that STS AssumeRole requests (O(assume_role)) are sent to, for example an STS
        VPC endpoint. A VPC endpoint for SES or CloudWatch does not answer STS, so
        O(endpoint_url) is never used for STS.
      - If not set, botocore decides (E(AWS_ENDPOINT_URL_STS), E(AWS_ENDPOINT_URL), the
        profile, then AWS's regional STS endpoint).
    type: str
  validate_certs:
    description:
      - When V(false), TLS certificates are not validated. Use only with endpoints you trust.
    type: bool
    default: true
  aws_ca_bundle:
    description:
      - A CA bundle file used to validate TLS certificates.
      - If not set, the E(AWS_CA_BUNDLE) environment variable is used.
    type: path
  aws_config:
    description:
      - A dictionary of botocore C(Config) parameters, for example C(max_pool_connections).
      - The options O(retries), O(connect_timeout), O(read_timeout), O(proxy_url) and
        O(user_agent), when set, take precedence over the same settings here.
      - Values of the wrong type (C(retries) or C(proxies) that are not dictionaries,
        timeouts that are not positive numbers) are refused before any request. Passwords in
        C(proxies) URLs are never shown.
    type: dict
  assume_role:
    description:
      - Assume this IAM role through STS before calling SES or CloudWatch. The source
        credentials come from the other options or botocore's chain. botocore refreshes the
        temporary credentials, but only in their last two minutes, so a task that ends before
        then makes one STS AssumeRole call per role at any O(assume_role.duration_seconds).
    type: dict
    suboptions:
      role_arn:
        description: ARN of the role to assume.
        type: str
        required: true
      session_name:
        description: The role session name, shown in CloudTrail.
        type: str
        default: sesmon-ses
      external_id:
        description: The external ID the role's trust policy requires, if any. It is never shown.
        type: str
      duration_seconds:
        description: Lifetime of the temporary credentials, 900 to 43200 seconds.
        type: int
        default: 3600
  proxy_url:
    description:
      - An HTTP(S) proxy for every AWS request, for example V(http://user:password@proxy:3128).
      - The whole URL, and its password in particular, is never shown.
    type: str
  retries:
    description:
      - botocore's retry settings. Throttling, HTTP 5xx and connection errors are retried with
        exponential backoff by botocore itself.
      - What is not set here comes from C(retries) in O(aws_config), else from botocore's own
        configuration, as for any AWS tool (E(AWS_MAX_ATTEMPTS), E(AWS_RETRY_MODE), the
        profile's C(max_attempts) and C(retry_mode), then botocore's defaults).
      - This is the module's option, a dictionary. Ansible's task keyword C(retries) (used with
        C(until)) belongs at the task level; a number given as this option is refused.
    type: dict
    suboptions:
      max_attempts:
        description: Total attempts per request, the first one included (botocore's C(total_max_attempts)), 1 to 100.
        type: int
      mode:
        description:
          - V(standard), V(adaptive) that also rate-limits on the client side after throttling,
            or botocore's older V(legacy).
        type: str
        choices: [standard, adaptive, legacy]
  connect_timeout:
    description:
      - Seconds to wait for a TCP/TLS connection, more than 0 and at most 3600.
      - If not set, botocore decides (its default is 60 seconds, or the profile's
        C(connect_timeout)).
    type: float
  read_timeout:
    description:
      - Seconds to wait for each read on an open connection, more than 0 and at most 3600. A
        server that trickles its answer never trips it; O(total_timeout) bounds the whole task.
      - If not set, botocore decides (its default is 60 seconds).
    type: float
  total_timeout:
    description:
      - Seconds the whole task may spend on AWS requests, retries and backoff included, more
        than 0 and at most 86400. Defaults to V(120).
      - Checked before every request and retry and while an answer is read. A request still
        running 15 seconds after that deadline is stopped with a clean failure.
      - Answers larger than 4 MiB are refused (GetMetricData returns at most 100,800
        datapoints per call, about 3 MiB), and a GetMetricData C(NextToken) that never ends is
        followed only as far as the request can need.
    type: float
  user_agent:
    description:
      - Text appended to botocore's user agent. Defaults to C(sesmon.ses/<version>).
      - At most 256 printable ASCII characters (it is sent as an HTTP header).
    type: str
notes:
  - Errors name the AWS operation, the region, AWS's error code and message; the failed result
    also holds them under C(error) (C(code), C(http_status), C(operation), C(region),
    C(message)), so a playbook can branch on them, and AWS's request id, when AWS gave one,
    under C(response_metadata.request_id) as amazon.aws does.
  - An answer that cannot be used (an HTML login page with status 200, a gzip or binary body,
    text or NaN where AWS sends numbers, a garbage timestamp) is an error with code
    C(UnreadableAnswer) or C(InvalidAnswer) naming the field; it is never read as data.
  - Region names are checked against botocore's partition data, so every real region is
    accepted (C(eusc-de-east-1) included) and a name with a trailing newline is not; without
    O(endpoint_url), also against the regions where botocore lists SES.
  - Numbers in AWS's answers are checked against their domain (counts at least 0, rates from 0
    to 1, a quota of -1 or at least 0); a value outside it is C(InvalidAnswer), never read.
  - All modules of this collection belong to the action group C(sesmon.ses.aws), so
    C(module_defaults) with C(group/sesmon.ses.aws) sets these options once for every task.
requirements:
  - python >= 3.8
  - botocore >= 1.34.0
"""

    # Both modules only read: one place for their attributes (community.general's wording for read-only modules).
    ATTRIBUTES = r"""
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - This action does not modify state; check mode runs the same read and returns the same result.
  diff_mode:
    description: Returns details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details:
      - This action does not modify state.
  action_group:
    description: Use C(group/sesmon.ses.aws) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - sesmon.ses.aws
"""
