# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role refuses bad input before any change, with the modules' own rules (filter sesmon.ses.ses_pack_errors).

The first tests call the filter and module_utils directly (no root needed): they prove that the role's rules are
the modules' rules, not a copy. The others apply the role to a Debian 12 central (chroot) whose CLAPI is the
stand-in of role_support/standins.py, and check that nothing changed.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from ansible_collections.sesmon.ses.plugins.filter.ses_pack_errors import FilterModule, ses_pack_errors as _ses_pack_errors
from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import validate_region
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import validate_window
from ansible_collections.sesmon.ses.plugins.module_utils.thresholds import parse_label_range

from role_support import central, playbook, rootfs, standins
from role_support.central import ACCESS_KEY, CLAPI_PASSWORD, SECRET_KEY, assert_no_secret, writes

GOOD = {"name": "aws-ses", "region": "eu-west-1", "access_key": ACCESS_KEY, "secret_key": SECRET_KEY}
ROLE = os.path.join(os.path.dirname(__file__), "..", "..", "roles", "centreon_ses_pack")
with open(os.path.join(ROLE, "meta", "argument_specs.yml"), encoding="utf-8") as _handle:
    # What the role gives the filter: the host-entry keys' specification (tasks/validate.yml).
    HOST_OPTIONS = yaml.safe_load(_handle)["argument_specs"]["main"]["options"]["centreon_ses_pack_hosts"]["options"]


def ses_pack_errors(hosts, **kwargs):
    return _ses_pack_errors(hosts, HOST_OPTIONS, **kwargs)


def _raises(function, *args, **kwargs):
    try:
        function(*args, **kwargs)
    except OptionError:
        return True
    return False


def test_filter_is_registered():
    assert FilterModule().filters() == {"ses_pack_errors": _ses_pack_errors}


@pytest.mark.parametrize("region", ["eu-west-1", "us-gov-west-1", "eu-west", "EU-WEST-1", "eu-west-1 ", "", "eusc-de-east-1", "x" * 80])
def test_region_rule_is_the_modules_rule(region):
    """The filter flags a region exactly when the modules' validate_region refuses it."""
    problems = ses_pack_errors([dict(GOOD, region=region)])
    assert any("region" in problem and "AWS region" in problem for problem in problems) == _raises(validate_region, region, option="region")


@pytest.mark.parametrize("key, label, text", [("warning_emails_spam", "emails-spam", text) for text in (
    "10", "10:", "~:10", "10:20", "@10:20", "1,5:", ":10", "20:10", "abc", "1e3", "~", "@", "5:6:7", "0.001", "@0.005:", "~:", "@2:")]
    + [("critical_emails_sent", "emails-sent", text) for text in ("10", ":", "0:", "@~:-1", "~:-1", "1:")]
    + [("warning_emails_delivered", "emails-delivered", "~:-1"), ("critical_emails_rejected", "emails-rejected", "2:")])
def test_threshold_rule_is_the_modules_rule(key, label, text):
    """The filter flags a threshold exactly when the modules' parse_label_range refuses it (unfireable ranges included), with its message."""
    problems = ses_pack_errors([dict(GOOD, **{key: text})])
    try:
        parse_label_range(label, text)
    except OptionError as exc:
        assert problems == ["centreon_ses_pack_hosts[0] (aws-ses): %s %s" % (key, exc)]
    else:
        assert problems == []


def test_a_rate_threshold_in_percent_is_refused_as_the_module_refuses_it():
    """critical_emails_rejected: 10 meant 10 %: the range 0:10 can never alert on a fraction."""
    problems = ses_pack_errors([dict(GOOD, critical_emails_rejected=10)])
    assert problems == ["centreon_ses_pack_hosts[0] (aws-ses): critical_emails_rejected '10': can never alert: rates are fractions (0.1 is 10 %)"]


@pytest.mark.parametrize("timeframe, period", [(3600, 60), (600, 300), (60, 60), (3600, 90), (30, 60), (86400 * 500, 3600),
                                               (86400 * 20, 60), (3600, 0)])
def test_window_rule_is_the_modules_rule(timeframe, period):
    """The filter flags timeframe/period exactly when ses_metric_check's validate_window refuses them, with its message."""
    problems = ses_pack_errors([dict(GOOD, timeframe=str(timeframe), period=period)])
    try:
        validate_window(timeframe, period)
    except OptionError as exc:
        assert problems == ["centreon_ses_pack_hosts[0] (aws-ses): %s" % exc]
    else:
        assert problems == []


@pytest.mark.parametrize("entry, fragment", [
    (dict(GOOD, timeframe="-5"), "timeframe must be a whole number of seconds, got '-5'"),
    (dict(GOOD, timeframe="1h"), "timeframe must be a whole number of seconds, got '1h'"),
    (dict(GOOD, period=60.5), "period must be a whole number of seconds"),
    (dict(GOOD, period=True), "period must be a whole number of seconds"),
    (dict(GOOD, dimension="ses-config-set"), "dimension must be Name=Value"),
    (dict(GOOD, dimension="=monitoring"), "has an empty dimension name"),
    (dict(GOOD, dimension="ses:configuration-set= "), "has a blank value"),
    (dict(GOOD, name=None), "name is required"),
    (dict(GOOD, name=" "), "name is required"),
    (dict(GOOD, secret_key=None), "access_key and secret_key go together"),
    (dict(GOOD, custom_mode="perl"), "custom_mode must be awscli or paws"),
    (dict(GOOD, extra_options="--a;--b"), "extra_options ('--a;--b'): no value may contain ';'"),
    (dict(GOOD, alias=["a"]), "alias must be a single value"),
    ("aws-ses", "must be a dictionary"),
])
def test_other_rules(entry, fragment):
    problems = ses_pack_errors([entry])
    assert len(problems) == 1 and fragment in problems[0], problems


def test_secret_values_are_never_in_messages():
    problems = ses_pack_errors([dict(GOOD, secret_key="SeCrEt;Key\n", access_key="AKIA;X")])
    assert problems and not [p for p in problems if "SeCrEt" in p or "AKIA" in p], problems


def test_valid_entries_and_none():
    assert ses_pack_errors(None) == []
    assert ses_pack_errors([dict(GOOD, timeframe=7200, period="300", dimension="ses:configuration-set=x", critical_emails_sent=5,
                                 warning_emails_rejected=0.05, proxy_url=None)]) == []


# --- the role, on a Debian 12 central ------------------------------------------------------------------------------------

def _host(**changes):
    entry = dict(GOOD, poller="Central")
    entry.update(changes)
    return [{key: value for key, value in entry.items() if value is not None}]


# inventory alias -> (role variables over central.role_vars, the message the role must print for it)
ROLE_CASES = {
    "region-shape": ({"centreon_ses_pack_hosts": _host(region="eu-west")}, "region 'eu-west' is not a valid AWS region name"),
    "region-newline": ({"centreon_ses_pack_hosts": _host(region="eu-west-1\n")}, "no value may contain ';'"),
    "timeframe-negative": ({"centreon_ses_pack_hosts": _host(timeframe="-5")}, "timeframe must be a whole number of seconds"),
    "period-not-minutes": ({"centreon_ses_pack_hosts": _host(period=90)}, "period must be a multiple of 60 seconds"),
    "threshold-not-a-range": ({"centreon_ses_pack_hosts": _host(warning_emails_sent="abc")}, "warning_emails_sent 'abc'"),
    "threshold-reversed": ({"centreon_ses_pack_hosts": _host(critical_emails_spam="20:10")}, "start 20 is greater than end 10"),
    "threshold-never-alerts": ({"centreon_ses_pack_hosts": _host(critical_emails_rejected=10)},
                               "critical_emails_rejected '10': can never alert: rates are fractions (0.1 is 10 %)"),
    "dimension-without-equals": ({"centreon_ses_pack_hosts": _host(dimension="ses-config-set")}, "dimension must be Name=Value"),
    "null-name": ({"centreon_ses_pack_hosts": [dict(_host()[0], name=None)]}, "name is required"),
    "semicolon-in-secret": ({"centreon_ses_pack_hosts": _host(secret_key="SeCrEt;Key")}, "secret_key: no value may contain ';'"),
    "no-hosts": ({"centreon_ses_pack_hosts": []}, "centreon_ses_pack_hosts is empty or missing"),
    "unknown-release": ({"centreon_ses_pack_release": "23.10"}, "24.04, 24.10, 25.10, got: 23.10"),
    "clapi-password-quote": ({"centreon_ses_pack_clapi_password": "pa'ss-word"}, "so such a password can never log in"),
    "clapi-password-tag": ({"centreon_ses_pack_clapi_password": "pa<b>ss</b>"}, "HtmlAnalyzer::sanitizeAndRemoveTags"),
    "clapi-wrong-password": ({"centreon_ses_pack_clapi_password": "not-the-password"},
                             "CLAPI refused the login of admin for POLLERLIST: Authentication failed. Wrong centreon_ses_pack_clapi_password"),
    "clapi-missing-command": ({"centreon_ses_pack_clapi_command": "/usr/bin/centreon-missing"},
                              "CLAPI command '/usr/bin/centreon-missing' not found on this host (centreon_ses_pack_clapi_command)"),
    "name-clapi-would-strip": ({"centreon_ses_pack_hosts": _host(name="aws-ses(eu)")},
                               "name 'aws-ses(eu)' has '(', ')', which CLAPI's HOST ADD would strip"),
    "mistyped-key": ({"centreon_ses_pack_hosts": _host() + [dict(_host()[0], name="aws-ses-2", regoin="eu-west-1")]},
                     "centreon_ses_pack_hosts[1] (aws-ses-2): unknown key 'regoin' (did you mean 'region'?)"),
    "clapi-not-admin": ({"centreon_ses_pack_clapi_user": "operator", "centreon_ses_pack_clapi_password": "operator-pw"},
                        "You don't have permissions for CLAPI."),
    "unknown-poller": ({"centreon_ses_pack_hosts": _host(poller="Poller-3")},
                       "Unknown poller(s) Poller-3: CLAPI's HOST ADD would put the host on the default poller"),
    "connector-without-version": ({"centreon_ses_pack_connector_version": ""}, "needs centreon_ses_pack_connector_version"),
    "aws-not-installed": ({"centreon_ses_pack_custom_mode": "awscli", "centreon_ses_pack_awscli_source": "installed"},
                          "there is no aws command in PATH"),
}


@pytest.fixture(scope="module", name="pristine")
def fixture_pristine(tmp_path_factory):
    """A fresh Debian 12 central (engine user, CLAPI stand-in with an admin and a non-admin user, no connector)."""
    work = tmp_path_factory.mktemp("bad-input")
    root = rootfs.unpack("bookworm", str(work / "root"))
    central.prepare_central(root, other_users={"operator": ("operator-pw", False)})
    yield root, str(work / "ansible")
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("debootstrap"), reason="needs root and debootstrap")
def test_bad_input_fails_before_any_change(pristine):
    """Each bad input (one inventory alias each, one run) fails with its message; nothing changes, no secret shows."""
    root, work = pristine
    hosts = {alias: dict(central.role_vars("http://127.0.0.1:9"), ansible_host=root, **overrides)
             for alias, (overrides, dummy) in ROLE_CASES.items()}
    before = rootfs.snapshot(root)
    run = playbook.run_role(work, hosts, extra_args=("-f", "10"))
    assert run.rc != 0
    recap = run.recap()
    lines = run.output.splitlines()
    for alias, (dummy, message) in ROLE_CASES.items():
        assert recap[alias]["failed"] == 1 and recap[alias]["changed"] == 0, (alias, recap[alias])
        fatal = [line for line in lines if line.startswith("fatal: [%s]" % alias)]
        assert fatal and message in fatal[0], (alias, fatal)
    # A mistyped host key: one short line, not ansible-core's argument-spec error (which dumps the whole specification).
    mistyped = [line for line in lines if line.startswith("fatal: [mistyped-key]")][0]
    assert len(mistyped) < 1000 and "argument_spec_data" not in mistyped, mistyped[:3000]
    after = rootfs.snapshot(root)
    # CLAPI's read-only POLLERLIST calls are logged in calls.jsonl; logins.json is Centreon's count of failed logins.
    logged = {standins.CLAPI_DIR.lstrip("/") + "/" + name for name in ("calls.jsonl", "logins.json")}
    assert sorted(path for path in set(before) | set(after) if before.get(path) != after.get(path) and path not in logged) == []
    assert not writes(standins.clapi_calls(root))
    assert "Traceback" not in run.output
    assert_no_secret(run.output)
    assert "operator-pw" not in run.output and "not-the-password" not in run.output


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("debootstrap"), reason="needs root and debootstrap")
def test_missing_template_fails_and_says_how_to_install_the_connector(pristine):
    """Without the connector, HTPL show finds no template: the role stops before HOST ADD and says how to install it."""
    root, work = pristine
    variables = central.role_vars("http://127.0.0.1:9", hosts=_host(), centreon_ses_pack_install_connector=False)
    run = playbook.run_role(work, {root: variables}, tasks_from="central.yml")
    assert run.rc != 0
    assert "The host template Cloud-Aws-Ses-custom does not exist in Centreon: the Amazon SES connector is not installed" in run.output
    assert "centreon_ses_pack_install_connector: true" in run.output
    calls = standins.clapi_calls(root)
    assert ("HTPL", "SHOW") in [(c["object"], c["action"]) for c in calls]
    assert not writes(calls)
    assert_no_secret(run.output)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("debootstrap"), reason="needs root and debootstrap")
def test_clapi_standin_behaviours_the_role_guards_against(pristine):
    """The CLAPI stand-in as the role meets it: sanitised -p, default-poller fallback on HOST ADD, APPLYCFG on an unknown poller."""
    root, dummy = pristine
    standins.install_connector(root)

    def clapi(password, *args):
        return subprocess.run(["chroot", root, standins.CLAPI_PATH, "-u", "admin", "-p", password, *args],
                              capture_output=True, text=True, check=False, timeout=60)

    standins.configure_clapi(root, "admin", "pa'ss", pollers=("Central", "Poller-2"))
    assert clapi("pa'ss", "-a", "POLLERLIST").stdout == "Authentication failed.\n"  # the typed password never matches
    standins.configure_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"))
    assert clapi(CLAPI_PASSWORD, "-a", "POLLERLIST").stdout == "poller_id;name\n1;Central\n2;Poller-2\nReturn code end : 0\n"
    added = clapi(CLAPI_PASSWORD, "-o", "HOST", "-a", "ADD", "-v", "probe;probe;127.0.0.1;Cloud-Aws-Ses-custom;Poller-9;")
    assert added.returncode == 0 and standins.clapi_state(root)["hosts"]["probe"]["poller"] == "Central"
    applied = clapi(CLAPI_PASSWORD, "-a", "APPLYCFG", "-v", "Poller-9")
    # CentreonAPI::APPLYCFG prints the date and "- APPLYCFG" before anything else.
    assert applied.returncode == 1 and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} - APPLYCFG\nUnknown poller ID\n", applied.stdout), \
        applied.stdout
    macros = clapi(CLAPI_PASSWORD, "-o", "HOST", "-a", "getmacro", "-v", "probe").stdout.splitlines()
    assert macros[0] == "macro name;macro value;is_password;description;source"
    assert "AWSCUSTOMMODE;awscli;;;Cloud-Aws-Ses-custom" in macros and "AWSSECRETKEY;;1;;Cloud-Aws-Ses-custom" in macros
