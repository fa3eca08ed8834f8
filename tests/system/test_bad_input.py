# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bad input: every case must fail with its own clear message, no traceback, and change nothing.

The modules run in-process (their main(), as Ansible would run them) against a recording
endpoint that answers every request with HTTP 500: a bad option must be refused before any
request is sent. The role runs with ansible-playbook on localhost in check mode (-C, local
connection), one inventory host per case so that one run covers them all; each failure must come
from the role's argument specification or from tasks/validate.yml (the task name is checked).
"""
from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

import pytest

from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check, ses_send_stats
from ansible_collections.sesmon.ses.tests.system.conftest import playbook_env, run_playbook
from ansible_collections.sesmon.ses.tests.system.evidence_support import clapi_stub, playbook_output
from ansible_collections.sesmon.ses.tests.unit.utils import aws_env
from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import REMOVE, changed, run_module

SECRET_KEY = "bad-input-Secret-9c2e"
SEND = ses_send_stats
CHECK = ses_metric_check


@pytest.fixture(autouse=True)
def _no_ambient_aws(monkeypatch, tmp_path):
    aws_env.isolate(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def endpoint():
    """Answers 500 to anything and records it: no case may send a request."""
    with LoopbackProxy(fault=lambda request: (500, {}, b"")) as proxy:
        yield proxy


# (id, module, options changed from the good base, distinctive part of the message)
MODULE_CASES = [
    # Nagios ranges
    ("range-abc", CHECK, {"warning": {"emails-sent": "abc"}}, "warning.emails-sent: 'abc' is not a valid Nagios range: 'abc' is not a number"),
    ("range-start-above-end", CHECK, {"critical": {"emails-sent": "5:2"}},
     "critical.emails-sent: '5:2' is not a valid Nagios range: start 5 is greater than end 2"),
    ("range-bare-at", CHECK, {"warning": {"emails-sent": "@"}}, "'@' is not a valid Nagios range: '@' must be followed by a range"),
    ("range-two-colons", CHECK, {"warning": {"emails-sent": "1:2:3"}}, "'1:2:3' is not a valid Nagios range: more than one ':'"),
    ("range-not-text", CHECK, {"warning": {"emails-sent": [1]}}, "a range must be text such as '10:20', not list"),
    # metric labels and thresholds
    ("unknown-metric-label", CHECK, {"metrics": ["emails-bogus"]},
     "value of metrics must be one or more of: emails-sent, emails-delivered"),
    ("empty-metric-list", CHECK, {"metrics": []}, "metrics must name at least one metric"),
    ("threshold-unknown-label", CHECK, {"critical": {"emails-bogus": "5"}}, "critical: unknown metric label 'emails-bogus'"),
    ("threshold-unchecked-label", CHECK, {"metrics": ["emails-sent"], "warning": {"emails-spam": "0.001"}},
     "warning.emails-spam: this metric is not checked (metrics: emails-sent); add it to metrics or remove the threshold"),
    ("threshold-not-dict", CHECK, {"warning": ["emails-sent=5"]}, "argument 'warning' is of type"),
    # window
    ("period-not-multiple-of-60", CHECK, {"period": 90}, "period must be a multiple of 60 seconds (60, 120, 300, ...), got 90"),
    ("period-below-60", CHECK, {"period": 30}, "period must be a multiple of 60 seconds (60, 120, 300, ...), got 30"),
    ("timeframe-below-period", CHECK, {"timeframe": 120, "period": 300}, "timeframe (120) must be at least period (300)"),
    ("timeframe-negative", CHECK, {"timeframe": -600}, "timeframe (-600) must be at least period (60)"),
    ("retention-5-minute", CHECK, {"timeframe": 20 * 86400, "period": 60},
     "period must be a multiple of 300 seconds when timeframe reaches back more than 15 days"),
    ("retention-1-hour", CHECK, {"timeframe": 90 * 86400, "period": 600},
     "period must be a multiple of 3600 seconds when timeframe reaches back more than 63 days"),
    ("timeframe-beyond-retention", CHECK, {"timeframe": 500 * 86400, "period": 3600},
     "reaches back beyond CloudWatch's retention of 455 days"),
    ("timeframe-not-a-number", CHECK, {"timeframe": "ten minutes"}, "argument 'timeframe' is of type str and we were unable to convert to int"),
    ("max-age-below-period", CHECK, {"max_age": 30}, "max_age (30) must be at least period (60)"),
    ("max-age-zero", CHECK, {"max_age": 0}, "max_age must be greater than 0, got 0"),
    # dimensions and statistics
    ("dimension-empty-name", CHECK, {"dimensions": [{"": "marketing"}]}, "dimensions[0] has an empty dimension name"),
    ("dimension-blank-value", CHECK, {"dimensions": [{"ses:configuration-set": " "}]},
     "dimensions[0]: dimension 'ses:configuration-set' has a blank value"),
    ("dimension-empty-set", CHECK, {"dimensions": [{}]}, "dimensions[0] is empty: give at least one dimension name: value pair"),
    ("dimension-value-list", CHECK, {"dimensions": [{"ses:configuration-set": ["a", "b"]}]},
     "dimensions[0]: the value of dimension 'ses:configuration-set' must be text"),
    ("dimension-set-repeated", CHECK, {"dimensions": [{"ses:configuration-set": "a"}, {"ses:configuration-set": "a"}]},
     "dimensions[1] repeats dimensions[0]"),
    ("unknown-statistic", CHECK, {"statistics": ["median"]}, "value of statistics must be one or more of: average, sum, minimum, maximum, sample_count"),
    ("statistic-wrong-case", CHECK, {"statistics": ["Average"]}, "Got no match for: Average"),
    ("fail-on-unknown", CHECK, {"fail_on": "sometimes"}, "value of fail_on must be one of: never, critical, warning, got: sometimes"),
    ("regions-bad-entry-check", CHECK, {"regions": ["eu-west-1", "Europe"]},
     "regions entry 'Europe' is not a valid AWS region name (expected a name such as eu-west-1)"),
    # ses_send_stats options
    ("since-unparseable", SEND, {"since": "yesterday"}, "since 'yesterday' is neither a duration (such as 90m, 24h, 7d, 2w, 3600s) nor an ISO 8601"),
    ("since-bare-number", SEND, {"since": "3600"}, "since '3600' is neither a duration"),
    ("since-impossible-date", SEND, {"since": "2024-02-30T00:00:00Z"}, "since '2024-02-30T00:00:00Z' is neither a duration"),
    ("since-in-the-future", SEND, {"since": "2999-01-01T00:00:00Z"}, "since '2999-01-01T00:00:00Z' is in the future"),
    ("since-too-far-back", SEND, {"since": "99999999999999w"}, "since '99999999999999w' reaches too far back"),
    ("regions-bad-entry-send", SEND, {"regions": ["us-east-1", "EU (Ireland)"]}, "regions entry 'EU (Ireland)' is not a valid AWS region name"),
    ("publish-facts-not-bool", SEND, {"publish_facts": "perhaps"},
     "argument 'publish_facts' is of type str and we were unable to convert to bool: The value 'perhaps' is not a valid boolean"),
    # connection options (shared by both modules)
    ("bad-region", SEND, {"region": "Ireland"}, "region 'Ireland' is not a valid AWS region name (expected a name such as eu-west-1)"),
    ("bad-region-check", CHECK, {"region": "eu-west"}, "region 'eu-west' is not a valid AWS region name"),
    ("no-region", SEND, {"region": REMOVE},
     "No region given: set the region option (alias aws_region), AWS_REGION or AWS_DEFAULT_REGION, or a region in the AWS profile; "
     "with module_defaults, use group/sesmon.ses.aws (core's group/aws does not hold these modules)"),
    ("profile-with-keys", CHECK, {"profile": "monitoring"}, "Passing both a profile and access keys is not supported"),
    ("access-key-without-secret", SEND, {"secret_key": REMOVE}, "access_key and secret_key must be given together"),
    ("secret-without-access-key", CHECK, {"access_key": REMOVE}, "access_key and secret_key must be given together"),
    ("endpoint-not-a-url", SEND, {"endpoint_url": "localhost:5000"},
     "endpoint_url 'localhost:5000' is not a valid URL: it must look like https://host[:port]"),
    ("endpoint-ftp", CHECK, {"endpoint_url": "ftp://127.0.0.1/"}, "endpoint_url 'ftp://127.0.0.1/' is not a valid URL"),
    ("endpoint-bad-port", SEND, {"endpoint_url": "http://127.0.0.1:99999"}, "endpoint_url 'http://127.0.0.1:99999' is not a valid URL"),
    ("proxy-no-scheme", SEND, {"proxy_url": "proxy.example.com:3128"}, "proxy_url '********' is not a valid URL: it must look like https://host[:port]"),
    # Was a traceback (ValueError from urlsplit().port in redact_url), with the password in it.
    ("proxy-bad-port-with-password", CHECK, {"proxy_url": "http://ops:pr0xy-pw@proxy.example.com:31x8"},
     "proxy_url '********' is not a valid URL"),
    ("connect-timeout-negative", SEND, {"connect_timeout": -1}, "connect_timeout must be greater than 0, got -1.0"),
    ("read-timeout-zero", CHECK, {"read_timeout": 0}, "read_timeout must be greater than 0, got 0.0"),
    ("timeout-not-a-number", SEND, {"read_timeout": "fast"}, "argument 'read_timeout' is of type str and we were unable to convert to float"),
    ("max-attempts-zero", SEND, {"retries": {"max_attempts": 0}}, "retries.max_attempts must be at least 1, got 0"),
    ("retry-mode-unknown", CHECK, {"retries": {"mode": "aggressive"}},
     "value of mode must be one of: standard, adaptive, legacy, got: aggressive found in retries"),
    ("aws-config-unknown-key", SEND, {"aws_config": {"max_pool_conections": 5}}, "aws_config holds an option botocore's Config does not know"),
    # Was a traceback (InvalidRetryModeError from botocore's Config).
    ("aws-config-bad-retry-mode", CHECK, {"retries": REMOVE, "aws_config": {"retries": {"mode": "fast"}}},
     "aws_config.retries.mode must be one of standard, adaptive, legacy, got 'fast'"),
    # Was a traceback (ValueError from urllib3 when the client is created).
    ("aws-config-bad-timeout", SEND, {"aws_config": {"connect_timeout": "soon"}},
     "aws_config.connect_timeout is a str, not a number"),
    ("assume-role-duration", SEND, {"assume_role": {"role_arn": "arn:aws:iam::123456789012:role/ses-read", "duration_seconds": 60}},
     "assume_role.duration_seconds must be between 900 and 43200, got 60"),
    ("assume-role-without-arn", CHECK, {"assume_role": {"external_id": "x"}}, "missing required arguments: role_arn found in assume_role"),
    ("validate-certs-not-bool", CHECK, {"validate_certs": "maybe"},
     "argument 'validate_certs' is of type str and we were unable to convert to bool: The value 'maybe' is not a valid boolean"),
    ("unknown-option-send", SEND, {"regoin": "eu-west-1"}, "Unsupported parameters for"),
    ("unknown-option-check", CHECK, {"treshold": "5"}, "Unsupported parameters for"),
]


def _args(endpoint_url, changes):
    return changed({"region": "us-east-1", "endpoint_url": endpoint_url, "access_key": "AKIAIOSFODNN7EXAMPLE",
                    "secret_key": SECRET_KEY, "retries": {"max_attempts": 1}}, changes)


@pytest.mark.parametrize("module, changes, message", [case[1:] for case in MODULE_CASES], ids=[case[0] for case in MODULE_CASES])
def test_bad_module_input_is_refused_clearly(endpoint, module, changes, message):
    endpoint.requests.clear()
    result = run_module(module.main, _args(endpoint.url, changes))
    assert result.get("failed") is True, result
    assert message in result["msg"], result["msg"]
    text = json.dumps(result)
    assert "Traceback" not in text and "exception" not in result
    assert SECRET_KEY not in text and "pr0xy-pw" not in text
    assert "status" not in result  # no check result: the options were refused, nothing was measured
    assert endpoint.requests == [], [r.operation for r in endpoint.requests]


def test_there_are_at_least_40_module_cases_with_distinct_ids():
    ids = [case[0] for case in MODULE_CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 40
    assert {case[1] for case in MODULE_CASES} == {SEND, CHECK}


# -- the role ---------------------------------------------------------------------------------------

ARG_SPEC_TASK = "Validating arguments against arg spec 'main'"
PWNED = "/tmp/pwned-%s" % uuid.uuid4().hex[:12]
NASTY = "$(touch %s-1)`touch %s-2`'\"; touch %s-3 #" % (PWNED, PWNED, PWNED)
NASTY_NO_SEMICOLON = "$(touch %s-4)`touch %s-5`'\" && touch %s-6 #" % (PWNED, PWNED, PWNED)
CENTRAL = {"centreon_ses_pack_central": True, "centreon_ses_pack_configure_central": True,
           "centreon_ses_pack_clapi_password": "clapi-pw"}
GOOD_HOST = {"name": "aws-ses", "region": "eu-west-1", "access_key": "AKIAEXAMPLE", "secret_key": "plain-secret"}

# (inventory host, its variables, the task that must fail, distinctive part of the message)
ROLE_CASES = [
    ("central-without-hosts", dict(CENTRAL), "Check that hosts are given for the central configuration",
     "centreon_ses_pack_configure_central is true but centreon_ses_pack_hosts is empty or missing"),
    ("host-without-region", dict(CENTRAL, centreon_ses_pack_hosts=[{"name": "aws-ses"}]), "Check every host entry",
     "centreon_ses_pack_hosts[0] (aws-ses): region is required"),
    ("host-empty-region", dict(CENTRAL, centreon_ses_pack_hosts=[dict(GOOD_HOST, region="")]), "Check every host entry",
     "Invalid host entries: aws-ses. "),
    ("semicolon-in-macro", dict(CENTRAL, centreon_ses_pack_hosts=[dict(GOOD_HOST, extra_options="--verbose;--debug")]),
     "Check every host entry", "Invalid host entries: aws-ses."),
    ("semicolon-in-secret", dict(CENTRAL, centreon_ses_pack_hosts=[dict(GOOD_HOST, secret_key=NASTY)]),
     "Check every host entry", "no value may contain ';' (CLAPI's field separator) or a line break"),
    ("line-break-in-threshold", dict(CENTRAL, centreon_ses_pack_hosts=[dict(GOOD_HOST, warning_emails_sent="5\n6")]),
     "Check every host entry", "Invalid host entries: aws-ses."),
    ("access-key-without-secret", dict(CENTRAL, centreon_ses_pack_hosts=[{"name": "aws-ses", "region": "eu-west-1", "access_key": "AKIA"}]),
     "Check every host entry", "access_key and secret_key go together"),
    ("duplicate-host-names", dict(CENTRAL, centreon_ses_pack_hosts=[GOOD_HOST, GOOD_HOST]), "Check that host names are unique",
     "Host names in centreon_ses_pack_hosts must be unique"),
    ("missing-clapi-password", dict(CENTRAL, centreon_ses_pack_clapi_password="", centreon_ses_pack_hosts=[GOOD_HOST]),
     "Check that the CLAPI password is given and usable", "centreon_ses_pack_clapi_password is required for the central configuration"),
    ("semicolon-in-clapi-user", dict(CENTRAL, centreon_ses_pack_clapi_user="admin;x", centreon_ses_pack_hosts=[GOOD_HOST]),
     "Check the CLAPI credentials and global values", "must not contain ';' or a line break"),
    ("bad-custom-mode", {"centreon_ses_pack_custom_mode": "awscli2"}, ARG_SPEC_TASK,
     "value of centreon_ses_pack_custom_mode must be one of: awscli, paws, got: awscli2"),
    # Host entries are checked by the role (one line naming the entry), not by ansible-core's per-element spec.
    ("bad-host-custom-mode", dict(CENTRAL, centreon_ses_pack_hosts=[dict(GOOD_HOST, custom_mode="perl")]), "Check every host entry",
     "centreon_ses_pack_hosts[0] (aws-ses): custom_mode must be awscli or paws, got 'perl'"),
    ("unsupported-release", {"centreon_ses_pack_release": "23.10"}, ARG_SPEC_TASK,
     "value of centreon_ses_pack_release must be one of: 24.04, 24.10, 25.10, got: 23.10"),
    # YAML reads an unquoted 24.10 as the float 24.1.
    ("release-as-float", {"centreon_ses_pack_release": 24.10}, ARG_SPEC_TASK,
     "value of centreon_ses_pack_release must be one of: 24.04, 24.10, 25.10, got: 24.1"),
    ("unknown-host-option", dict(CENTRAL, centreon_ses_pack_hosts=[dict(GOOD_HOST, secret="x")]), "Check every host entry",
     "centreon_ses_pack_hosts[0] (aws-ses): unknown key 'secret' (did you mean 'secret_key'?)"),
    ("hosts-not-a-list-of-dicts", dict(CENTRAL, centreon_ses_pack_hosts="aws-ses"), "Check that hosts are given for the central configuration",
     "centreon_ses_pack_hosts is empty or missing, or not a list"),
]

PLAYBOOK = """---
- name: Bad input for sesmon.ses.centreon_ses_pack (check mode)
  hosts: all
  gather_facts: false  # the role gathers what it needs itself
  roles:
    - role: sesmon.ses.centreon_ses_pack
"""


def _inventory(tmp_path, stub):
    """One host per case, all local; repository and state paths inside tmp_path, CLAPI is the stand-in."""
    common = {
        "ansible_connection": "local",
        "ansible_python_interpreter": sys.executable,
        "centreon_ses_pack_clapi_command": stub,
        "centreon_ses_pack_apt_keyring": str(tmp_path / "no-keyrings" / "centreon.asc"),
        "centreon_ses_pack_state_dir": str(tmp_path / "state"),
        "centreon_ses_pack_smoke_check": False,
    }
    hosts = {name: variables for name, variables, dummy_task, dummy_message in ROLE_CASES}
    # Valid input whose CLAPI password and host name carry shell metacharacters: in check mode the
    # role still runs CLAPI's read-only calls (show, getmacro) with them.
    hosts["shell-metacharacters"] = dict(CENTRAL, centreon_ses_pack_clapi_password=NASTY_NO_SEMICOLON,
                                         centreon_ses_pack_hosts=[dict(GOOD_HOST, name="ses$(touch %s-7)" % PWNED,
                                                                       secret_key=NASTY_NO_SEMICOLON)])
    path = tmp_path / "inventory.json"
    path.write_text(json.dumps({"all": {"vars": common, "hosts": hosts}}), encoding="utf-8")
    return path


def _pwned_files():
    return sorted(str(p) for p in Path("/tmp").glob(Path(PWNED).name + "*"))


@pytest.fixture(scope="module")
def role_run(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("role-bad-input")
    stub, log = clapi_stub.write_stub(str(tmp_path))
    playbook = tmp_path / "playbook.yml"
    playbook.write_text(PLAYBOOK, encoding="utf-8")
    proc = run_playbook(playbook, "-i", str(_inventory(tmp_path, stub)), "-C", "-f", "20", env=playbook_env())
    failed = playbook_output.failures(proc.stdout)
    if any(f.task.endswith("Check that the operating system is supported") for f in failed.values()):
        pytest.skip("the role runs on localhost here, which must be EL 8/9 or Debian 11/12")
    return proc, failed, clapi_stub.calls(log), tmp_path


@pytest.mark.parametrize("host, task, message", [(c[0], c[2], c[3]) for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES])
def test_bad_role_input_is_refused_by_validation(role_run, host, task, message):
    proc, failed, dummy_calls, dummy_tmp = role_run
    assert host in failed, proc.stdout[-3000:]
    failure = failed[host]
    expected_task = "sesmon.ses.centreon_ses_pack : " + task
    # The argument validation task's name goes on with the role's short description.
    assert failure.task == expected_task or failure.task.startswith(expected_task + " - "), failure
    if message:
        assert message in failure.messages, failure.messages
    else:  # the task has no_log: only the fact that it failed may show
        assert "censored" in json.dumps(failure.result), failure.result
    assert "Traceback" not in json.dumps(failure.result)


def test_role_validation_changes_nothing_and_secrets_do_not_show(role_run):
    proc, failed, calls, tmp_path = role_run
    assert proc.returncode == 2, proc.stdout[-3000:]
    recap = playbook_output.recap(proc.stdout)
    for host, dummy_vars, dummy_task, dummy_message in ROLE_CASES:
        assert recap[host]["failed"] == 1 and recap[host]["changed"] == 0, (host, recap[host])
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "clapi-pw" not in proc.stdout and "plain-secret" not in proc.stdout and NASTY not in proc.stdout
    # No CLAPI call came from a host whose input was refused.
    assert all(NASTY_NO_SEMICOLON in call for call in calls), calls
    assert not (tmp_path / "state").exists() and not (tmp_path / "no-keyrings").exists()
