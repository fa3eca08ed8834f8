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
    type: str
    aliases: [aws_region]
  endpoint_url:
    description:
      - Send every request to this URL instead of AWS's default endpoints, for example a VPC
        endpoint, a proxy or a local test endpoint.
      - If not set, the E(AWS_URL) or E(AWS_ENDPOINT_URL) environment variable is used.
    type: str
    aliases: [aws_endpoint_url]
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
    type: dict
  assume_role:
    description:
      - Assume this IAM role through STS before calling SES or CloudWatch. The source
        credentials come from the other options or botocore's chain. botocore refreshes the
        temporary credentials before they expire.
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
      - When not set, C(retries) from O(aws_config) applies, else V(3) attempts in V(standard)
        mode.
    type: dict
    suboptions:
      max_attempts:
        description: Total attempts per request, the first one included (botocore's C(total_max_attempts)).
        type: int
      mode:
        description:
          - V(standard), or V(adaptive) that also rate-limits on the client side after throttling.
        type: str
        choices: [standard, adaptive]
  connect_timeout:
    description:
      - Seconds to wait for a TCP/TLS connection. Defaults to V(10).
    type: float
  read_timeout:
    description:
      - Seconds to wait for an answer on an open connection. Defaults to V(60).
    type: float
  user_agent:
    description:
      - Text appended to botocore's user agent. Defaults to C(sesmon.ses/<version>).
    type: str
notes:
  - Errors name the AWS operation, the region, AWS's error code and message; the failed result
    also holds them under C(error) (C(code), C(http_status), C(operation), C(region),
    C(message)), so a playbook can branch on them.
  - All modules of this collection belong to the action group C(sesmon.ses.aws), so
    C(module_defaults) with C(group/sesmon.ses.aws) sets these options once for every task.
requirements:
  - python >= 3.8
  - botocore >= 1.34.0
"""
