# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The filters that replaced the Jinja programs of the centreon_ses_pack role (vars/main.yml, central_host.yml, validate.yml):
platform choices, service macros, secrets, the awscli need, password checksums, host parameters, the check-mode report,
CLAPI's diagnoses over several runs, and the settings CLAPI cannot take. Expected values are written out."""

from __future__ import annotations

import hashlib
import importlib
import os

import pytest
import yaml
from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.filter.centreon_awscli_needed import centreon_awscli_needed
from ansible_collections.sesmon.ses.plugins.filter.centreon_change_report import centreon_change_report
from ansible_collections.sesmon.ses.plugins.filter.centreon_clapi_password_problem import centreon_clapi_password_problem
from ansible_collections.sesmon.ses.plugins.filter.centreon_clapi_problem import centreon_clapi_problem
from ansible_collections.sesmon.ses.plugins.filter.centreon_clapi_value_problems import centreon_clapi_value_problems
from ansible_collections.sesmon.ses.plugins.filter.centreon_host_param_changes import centreon_host_param_changes
from ansible_collections.sesmon.ses.plugins.filter.centreon_password_checksums import centreon_password_checksums
from ansible_collections.sesmon.ses.plugins.filter.centreon_platform_choices import centreon_platform_choices
from ansible_collections.sesmon.ses.plugins.filter.centreon_secret_values import centreon_secret_values
from ansible_collections.sesmon.ses.plugins.filter.centreon_service_macros import centreon_service_macros

ROLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "roles", "centreon_ses_pack")
NEW_FILTERS = ("centreon_awscli_needed", "centreon_change_report", "centreon_clapi_password_problem", "centreon_clapi_value_problems",
               "centreon_host_param_changes", "centreon_password_checksums", "centreon_platform_choices", "centreon_secret_values",
               "centreon_service_macros")


def _yaml(*path):
    with open(os.path.join(ROLE, *path), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


HOST_OPTIONS = _yaml("meta", "argument_specs.yml")["argument_specs"]["main"]["options"]["centreon_ses_pack_hosts"]["options"]
ROLE_VARS = _yaml("vars", "main.yml")


@pytest.mark.parametrize("name", NEW_FILTERS)
def test_each_filter_is_registered_and_documented(name):
    plugin = importlib.import_module("ansible_collections.sesmon.ses.plugins.filter.%s" % name)
    assert set(plugin.FilterModule().filters()) == {name}
    documentation = yaml.safe_load(plugin.DOCUMENTATION)
    assert documentation["name"] == name and documentation["version_added"] == "0.1.0"
    assert yaml.safe_load(plugin.EXAMPLES) and yaml.safe_load(plugin.RETURN)["_value"]


# --- platform choices (vars/main.yml, with the role's own tables) -------------------------------------------------------

def _facts(os_family, distribution, version, architecture="x86_64"):
    return {"os_family": os_family, "distribution": distribution, "distribution_major_version": version.split(".")[0],
            "distribution_version": version, "architecture": architecture}


def _choices(facts, **overrides):
    choices = centreon_platform_choices(facts, ROLE_VARS["__centreon_ses_pack_platforms"], ROLE_VARS["__centreon_ses_pack_el_variants"],
                                        **overrides)
    return {key: value for key, value in choices.items() if key != "el_variant"}


@pytest.mark.parametrize("facts, expected", [
    (_facts("RedHat", "AlmaLinux", "8.10"), {"platform": "RedHat-8", "crb_repo": "powertools", "epel_package": "epel-release",
                                             "epel_key": "", "awscli_package": "", "use_dnf_cli": True}),
    (_facts("RedHat", "Rocky", "9.3"), {"platform": "RedHat-9", "crb_repo": "crb", "epel_package": "epel-release", "epel_key": "",
                                        "awscli_package": "", "use_dnf_cli": False}),
    (_facts("RedHat", "RedHat", "9.5", "aarch64"), {
        "platform": "RedHat-9", "crb_repo": "codeready-builder-for-rhel-9-aarch64-rpms",
        "epel_package": "https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm",
        "epel_key": "https://dl.fedoraproject.org/pub/epel/RPM-GPG-KEY-EPEL-9", "awscli_package": "awscli2", "use_dnf_cli": False}),
    (_facts("RedHat", "OracleLinux", "8.9"), {"platform": "RedHat-8", "crb_repo": "ol8_codeready_builder",
                                              "epel_package": "oracle-epel-release-el8", "epel_key": "", "awscli_package": "",
                                              "use_dnf_cli": True}),
    (_facts("Debian", "Debian", "12.7"), {"platform": "Debian-12", "crb_repo": "", "epel_package": "", "epel_key": "",
                                          "awscli_package": "awscli", "use_dnf_cli": False}),
    ({"os_family": "Debian", "distribution": "Debian", "distribution_major_version": "11", "distribution_version": "11"},
     {"platform": "Debian-11", "crb_repo": "", "epel_package": "", "epel_key": "", "awscli_package": "awscli", "use_dnf_cli": False}),
    ({"os_family": "Suse", "distribution": "SLES"}, {"platform": "Suse-", "crb_repo": "", "epel_package": "", "epel_key": "",
                                                     "awscli_package": "", "use_dnf_cli": False}),
])
def test_platform_choices(facts, expected):
    assert _choices(facts) == expected


def test_platform_choices_overrides_win_and_are_taken_as_given():
    choices = _choices(_facts("RedHat", "RedHat", "9.2"), crb_repo="my-ARCH-crb", epel_package="my-epel-N", epel_key="k",
                       awscli_package="aws-cli")
    assert choices == {"platform": "RedHat-9", "crb_repo": "my-ARCH-crb", "epel_package": "my-epel-N", "epel_key": "k",
                       "awscli_package": "aws-cli", "use_dnf_cli": False}
    assert centreon_platform_choices(_facts("RedHat", "Rocky", "9.4"), {}, ROLE_VARS["__centreon_ses_pack_el_variants"])["el_variant"] == {
        "epel": "epel-release", "crb": {"8": "powertools", "9": "crb"}, "crb_method": "dnf-config-manager"}
    with pytest.raises(AnsibleFilterError):
        centreon_platform_choices(None, {}, {})


def test_el_9_before_9_5_has_no_awscli_package():
    assert _choices(_facts("RedHat", "AlmaLinux", "9.4"))["awscli_package"] == ""
    assert _choices(_facts("RedHat", "AlmaLinux", "9.5"))["awscli_package"] == "awscli2"
    assert _choices(_facts("RedHat", "AlmaLinux", "9.x"))["awscli_package"] == ""  # an unreadable minor counts as 0


# --- host entries --------------------------------------------------------------------------------------------------------

def test_service_macros_of_an_entry_without_service_keys():
    assert centreon_service_macros({"name": "aws-ses", "region": "eu-west-1"}, HOST_OPTIONS) == {
        "TIMEFRAME": None, "PERIOD": None, "DIMENSION": "", "WARNINGEMAILSSENT": "", "CRITICALEMAILSSENT": "",
        "WARNINGEMAILSDELIVERED": "", "CRITICALEMAILSDELIVERED": "", "WARNINGEMAILSREJECTED": "", "CRITICALEMAILSREJECTED": "",
        "WARNINGEMAILSSPAM": "", "CRITICALEMAILSSPAM": ""}


def test_service_macros_given_values_are_trimmed_text_and_null_is_not_given():
    macros = centreon_service_macros({"name": "aws-ses", "timeframe": 7200, "period": None, "dimension": " ses:configuration-set=x ",
                                      "critical_emails_rejected": 0.05, "warning_emails_spam": "@0.001:"}, HOST_OPTIONS)
    assert list(macros.items())[:3] == [("TIMEFRAME", "7200"), ("PERIOD", None), ("DIMENSION", "ses:configuration-set=x")]
    assert (macros["CRITICALEMAILSREJECTED"], macros["WARNINGEMAILSSPAM"], macros["WARNINGEMAILSSENT"]) == ("0.05", "@0.001:", "")
    with pytest.raises(AnsibleFilterError):
        centreon_service_macros("aws-ses", HOST_OPTIONS)


def test_service_macros_example():
    options = {"timeframe": {"default": 3600}, "period": {"default": 60}, "dimension": {}, "warning_emails_sent": {}}
    assert centreon_service_macros({"name": "aws-ses", "period": 300}, options) == {
        "TIMEFRAME": None, "PERIOD": "300", "DIMENSION": "", "WARNINGEMAILSSENT": ""}


def test_secret_values_are_the_password_and_the_no_log_keys():
    hosts = [{"name": "a", "access_key": "AKIA1", "secret_key": "s1"}, {"name": "b", "secret_key": ""}, "not-an-entry",
             {"name": "c", "access_key": "AKIA3", "secret_key": "s3", "proxy_url": "http://u:p@proxy"}]
    assert centreon_secret_values(hosts, HOST_OPTIONS, others=["clapi-pw", ""]) == ["clapi-pw", "AKIA1", "AKIA3", "s1", "s3"]
    assert centreon_secret_values("aws-ses", HOST_OPTIONS) == []
    assert centreon_secret_values([{"name": "aws-ses", "access_key": "AKIA1", "secret_key": "s3cr3t"}],
                                  {"access_key": {"no_log": True}, "secret_key": {"no_log": True}}, others=["clapi-pw"]) == [
        "clapi-pw", "AKIA1", "s3cr3t"]


@pytest.mark.parametrize("hosts, default, configure, expected", [
    ([], "awscli", False, True),
    ([], "paws", True, False),
    ([{"name": "a", "custom_mode": "awscli"}], "paws", True, True),
    ([{"name": "a", "custom_mode": "awscli"}], "paws", False, False),
    ([{"name": "a"}, {"name": "b", "custom_mode": ""}, {"name": "c", "custom_mode": None}], "paws", True, False),
    ("aws-ses", "paws", True, False),
])
def test_awscli_needed(hosts, default, configure, expected):
    assert centreon_awscli_needed(hosts, default, configure_central=configure) is expected


def test_password_checksums_are_sha256_of_key_name_value():
    wanted = {"AWSREGION": "eu-west-1", "AWSACCESSKEY": "AKIA1", "AWSSECRETKEY": "s3cr3t"}
    shown = {"AWSREGION": "eu-west-1", "AWSACCESSKEY": "AKIA1"}
    assert centreon_password_checksums(wanted, shown, "aws-ses", ["AWSACCESSKEY", "AWSSECRETKEY"]) == {
        "AWSACCESSKEY": {"wanted": hashlib.sha256(b"aws-ses;AWSACCESSKEY;AKIA1").hexdigest(),
                         "seen": hashlib.sha256(b"aws-ses;AWSACCESSKEY;AKIA1").hexdigest()}}
    masked = centreon_password_checksums(wanted, {"AWSSECRETKEY": "********"}, "aws-ses", ["AWSACCESSKEY", "AWSSECRETKEY"])
    assert masked == {"AWSSECRETKEY": {"wanted": hashlib.sha256(b"aws-ses;AWSSECRETKEY;s3cr3t").hexdigest(),
                                       "seen": hashlib.sha256(b"aws-ses;AWSSECRETKEY;********").hexdigest()}}
    with pytest.raises(AnsibleFilterError):
        centreon_password_checksums([], {}, "aws-ses", [])


# --- central_host.yml: host parameters and the check-mode report ----------------------------------------------------------

def test_host_param_changes():
    wanted = {"alias": "aws-ses", "address": "127.0.0.1"}
    assert centreon_host_param_changes(["14", "aws-ses", "old alias", "127.0.0.1"], wanted) == [["alias", "aws-ses", "old alias"]]
    assert centreon_host_param_changes(["14", "aws-ses", "aws-ses", "10.0.0.1", "1"], wanted) == [["address", "127.0.0.1", "10.0.0.1"]]
    assert centreon_host_param_changes(["14", "aws-ses", "aws-ses", "127.0.0.1"], wanted) == []
    assert centreon_host_param_changes([], wanted) == []
    assert centreon_host_param_changes(["14", "aws-ses", "x"], wanted) == []
    with pytest.raises(AnsibleFilterError):
        centreon_host_param_changes([], None)


HMACRO = {"name": "AWSREGION", "value": "eu-west-1", "password": "0", "diff": "'' -> 'eu-west-1'"}
SECRET = {"name": "AWSSECRETKEY", "value": "s3cr3t", "password": "1", "diff": "'' -> ********"}
SMACRO = {"name": "PERIOD", "value": "300", "password": "0", "diff": "'60' -> '300'"}


def test_change_report_of_a_new_host():
    kwargs = {"new": True, "template": "Cloud-Aws-Ses-custom", "poller": "Central", "host_macros": [HMACRO, SECRET],
              "service_macros": [SMACRO]}
    assert centreon_change_report("aws-ses", **kwargs) == [
        "HOST ADD aws-ses (template Cloud-Aws-Ses-custom, poller Central)", "HOST APPLYTPL aws-ses", "HOST SETMACRO aws-ses AWSREGION",
        "HOST SETMACRO aws-ses AWSSECRETKEY", "SERVICE SETMACRO aws-ses;Emails PERIOD", "APPLYCFG Central"]
    assert centreon_change_report("aws-ses", diff=True, **kwargs) == [
        "HOST ADD aws-ses (template Cloud-Aws-Ses-custom, poller Central)", "HOST APPLYTPL aws-ses",
        "HOST SETMACRO aws-ses AWSREGION: '' -> 'eu-west-1'", "HOST SETMACRO aws-ses AWSSECRETKEY: '' -> ********",
        "SERVICE SETMACRO aws-ses;Emails PERIOD: '60' -> '300'", "APPLYCFG Central"]


def test_change_report_of_an_existing_host():
    params = [["alias", "SES prod", "aws-ses"], ["address", "127.0.0.1", "10.0.0.1"]]
    assert centreon_change_report("aws-ses", poller="Poller-2", params=params, service_missing=True, service="Mails",
                                  service_macros=[SMACRO], diff=True) == [
        "HOST SETPARAM aws-ses alias: aws-ses -> SES prod", "HOST SETPARAM aws-ses address: 10.0.0.1 -> 127.0.0.1",
        "HOST APPLYTPL aws-ses", "SERVICE SETMACRO aws-ses;Mails PERIOD: '60' -> '300'", "APPLYCFG Poller-2"]
    assert centreon_change_report("aws-ses", poller="Central", params=params[:1], apply_config=False) == ["HOST SETPARAM aws-ses alias"]
    assert centreon_change_report("aws-ses", poller="Central", diff=True) == []


def test_change_report_example():
    assert centreon_change_report("aws-ses", new=True, template="Cloud-Aws-Ses-custom", poller="Central", host_macros=[HMACRO],
                                  diff=True) == [
        "HOST ADD aws-ses (template Cloud-Aws-Ses-custom, poller Central)", "HOST APPLYTPL aws-ses",
        "HOST SETMACRO aws-ses AWSREGION: '' -> 'eu-west-1'", "APPLYCFG Central"]


# --- CLAPI's diagnoses over several runs (central_host.yml's four checks) -------------------------------------------------

FAILED = {"rc": 1, "stdout": "Object already exists", "changed": True}
IMPORT_LINE = {"rc": 0, "stdout": "Line 1 : Object not found:aws-ses\n", "changed": True}
SKIPPED = {"skipped": True, "changed": False}
OK = {"rc": 0, "stdout": "Return code end : 0", "changed": True}


def test_clapi_problem_of_one_run_is_unchanged():
    assert centreon_clapi_problem(FAILED, "HOST ADD of aws-ses") == "CLAPI HOST ADD of aws-ses failed (exit 1): Object already exists"
    assert centreon_clapi_problem(OK, "HOST ADD of aws-ses") == ""
    assert centreon_clapi_problem(SKIPPED, "HOST ADD of aws-ses") == ""
    assert centreon_clapi_problem(None, "POLLERLIST") == ""


def test_clapi_problem_of_two_tasks_skips_the_skipped_and_joins_the_others():
    assert centreon_clapi_problem([OK, SKIPPED], "HOST ADD / applytpl of aws-ses") == ""
    assert centreon_clapi_problem([FAILED, dict(FAILED, stdout="Object not found")], "HOST ADD / applytpl of aws-ses") == (
        "CLAPI HOST ADD / applytpl of aws-ses failed (exit 1): Object already exists "
        "CLAPI HOST ADD / applytpl of aws-ses failed (exit 1): Object not found")


def test_clapi_problem_of_loops_reads_their_results_and_says_each_problem_once():
    setparam = {"results": [FAILED, OK, FAILED], "changed": True}
    empty_loop = {"results": [], "skipped": True, "skipped_reason": "No items in the list", "changed": False}
    assert centreon_clapi_problem([setparam, empty_loop], "HOST setparam / setmacro of aws-ses") == (
        "CLAPI HOST setparam / setmacro of aws-ses failed (exit 1): Object already exists")
    assert centreon_clapi_problem(empty_loop, "SERVICE setmacro of aws-ses;Emails") == ""
    assert centreon_clapi_problem({"results": [dict(SKIPPED, item="x")]}, "SERVICE setmacro of aws-ses;Emails") == ""
    assert centreon_clapi_problem(IMPORT_LINE, "import (-i)", secrets=["aws-ses"]) == (
        "CLAPI import (-i) reported 1 failed line(s) (exit 0): Line 1 : Object not found:********")


# --- validate.yml: settings CLAPI cannot take ----------------------------------------------------------------------------

def test_clapi_value_problems_name_the_settings():
    assert centreon_clapi_value_problems({"centreon_ses_pack_clapi_user": "admin", "centreon_ses_pack_default_poller": "Central"}) == []
    assert centreon_clapi_value_problems({"centreon_ses_pack_clapi_user": "admin;x", "centreon_ses_pack_service_name": "Emails",
                                          "centreon_ses_pack_default_poller": "Cen\ntral", "centreon_ses_pack_host_template": None}) == [
        "centreon_ses_pack_clapi_user, centreon_ses_pack_default_poller must not contain ';' or a line break. Nothing was changed."]
    assert centreon_clapi_value_problems({"centreon_ses_pack_clapi_user": "admin;x"}) == [
        "centreon_ses_pack_clapi_user must not contain ';' or a line break. Nothing was changed."]
    with pytest.raises(AnsibleFilterError):
        centreon_clapi_value_problems(["admin"])


@pytest.mark.parametrize("password", [None, "", 12345, "pa'ss", 'pa"ss', "pa<b>ss</b>", "a>b"])
def test_clapi_password_problem(password):
    assert centreon_clapi_password_problem(password, user="operator") == (
        "centreon_ses_pack_clapi_password is required for the central configuration, and must not contain ' \" < or >: "
        "CLAPI passes -p through HtmlAnalyzer::sanitizeAndRemoveTags (quotes become HTML entities, tags are removed), "
        "so such a password can never log in. Change the password of operator or use another admin user. Nothing was changed.")


def test_clapi_password_without_those_characters_is_usable():
    assert centreon_clapi_password_problem("p@ss;w0rd&x") == ""
