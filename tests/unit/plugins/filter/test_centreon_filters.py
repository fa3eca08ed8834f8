# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role's filters over module_utils, the host-entry checks of ses_pack_errors (keys, names), and the rules the role
states once: its meta/argument_specs.yml owns the choices and defaults (defaults/main.yml agrees), the filters read them
from it, and the role's YAML restates none of them nor CLAPI's forbidden characters."""

from __future__ import annotations

import glob
import os
import re

import pytest
import yaml
from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.filter import centreon_clapi_problem, centreon_macro_changes, centreon_macros
from ansible_collections.sesmon.ses.plugins.filter.ses_pack_errors import ses_pack_errors
from ansible_collections.sesmon.ses.plugins.module_utils.centreon_clapi import FORBIDDEN_CHARS, MANGLED_PASSWORD_CHARS
from ansible_collections.sesmon.ses.plugins.module_utils.centreon_names import ILLEGAL_OBJECT_NAME_CHARS

ROLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "roles", "centreon_ses_pack")
GOOD = {"name": "aws-ses", "region": "eu-west-1"}


def _yaml(*path):
    with open(os.path.join(ROLE, *path), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


SPEC = _yaml("meta", "argument_specs.yml")["argument_specs"]["main"]["options"]
HOST_OPTIONS = SPEC["centreon_ses_pack_hosts"]["options"]


def test_filters_are_registered():
    assert set(centreon_macros.FilterModule().filters()) == {"centreon_macros"}
    assert set(centreon_macro_changes.FilterModule().filters()) == {"centreon_macro_changes"}
    assert set(centreon_clapi_problem.FilterModule().filters()) == {"centreon_clapi_problem"}


def test_filters_call_module_utils():
    lines = ["macro name;macro value;is_password;description;source", 'AWSREGION;"a;b";;;direct']
    assert centreon_macros.centreon_macros([lines]) == {"AWSREGION": "a;b"}
    assert centreon_macros.centreon_macros(None) == {}
    with pytest.raises(AnsibleFilterError):
        centreon_macros.centreon_macros("text")
    assert centreon_macro_changes.centreon_macro_changes({"A": "1"}, {"A": "1"}) == []
    with pytest.raises(AnsibleFilterError):
        centreon_macro_changes.centreon_macro_changes([], {})
    assert centreon_clapi_problem.centreon_clapi_problem({"rc": 0, "stdout": ""}, "POLLERLIST") == ""


def test_mistyped_key_names_entry_and_closest_key_in_one_line():
    problems = ses_pack_errors([GOOD, dict(GOOD, name="aws-ses-2", critcal_emails_rejected="0.1")], HOST_OPTIONS)
    assert problems == ["centreon_ses_pack_hosts[1] (aws-ses-2): unknown key 'critcal_emails_rejected' (did you mean 'critical_emails_rejected'?)"]


def test_name_clapi_would_strip_is_refused_naming_the_characters():
    problems = ses_pack_errors([dict(GOOD, name="aws-ses(eu)")], HOST_OPTIONS)
    assert len(problems) == 1 and "centreon_ses_pack_hosts[0] (aws-ses(eu)): name 'aws-ses(eu)' has '(', ')'" in problems[0], problems


# --- each rule stated once -------------------------------------------------------------------------------------------

def test_the_spec_states_the_host_keys_and_their_rules():
    assert list(HOST_OPTIONS) == [
        "name", "alias", "address", "poller", "region", "access_key", "secret_key", "assume_role", "custom_mode", "proxy_url",
        "extra_options", "timeframe", "period", "dimension", "warning_emails_sent", "critical_emails_sent", "warning_emails_delivered",
        "critical_emails_delivered", "warning_emails_rejected", "critical_emails_rejected", "warning_emails_spam", "critical_emails_spam"]
    assert [key for key, spec in HOST_OPTIONS.items() if spec.get("no_log")] == ["access_key", "secret_key"]
    assert (HOST_OPTIONS["timeframe"]["default"], HOST_OPTIONS["period"]["default"]) == (3600, 60)  # the pack's service template
    # One list of custom modes (a YAML anchor) for the role's default and the host entries'.
    assert SPEC["centreon_ses_pack_custom_mode"]["choices"] == HOST_OPTIONS["custom_mode"]["choices"] == ["awscli", "paws"]


def test_defaults_agree_with_the_spec():
    """defaults/main.yml sets every option the spec gives a default, to that default; templated values (the spec shows
    <release>, <major> placeholders) and options without a spec default are the only others."""
    defaults = _yaml("defaults", "main.yml")
    assert set(defaults) <= set(SPEC)
    for option, spec in SPEC.items():
        if "default" not in spec:
            assert option not in defaults or "{{" in str(defaults[option]), option
            continue
        assert option in defaults, option
        if "{{" in str(defaults[option]):
            assert "<" in spec["default"], (option, spec["default"])
        else:
            assert defaults[option] == spec["default"], (option, defaults[option], spec["default"])


def test_the_filter_reads_its_rules_from_the_spec_it_is_given():
    narrow = dict(HOST_OPTIONS, custom_mode=dict(HOST_OPTIONS["custom_mode"], choices=["awscli"]),
                  timeframe=dict(HOST_OPTIONS["timeframe"], default=600), period=dict(HOST_OPTIONS["period"], default=300))
    narrow.pop("alias")
    narrow["warning_emails_bounced"] = {}
    assert ses_pack_errors([dict(GOOD, custom_mode="paws")], HOST_OPTIONS) == []
    assert ses_pack_errors([dict(GOOD, custom_mode="paws")], narrow) == ["centreon_ses_pack_hosts[0] (aws-ses): custom_mode must be awscli, got 'paws'"]
    assert ses_pack_errors([dict(GOOD, timeframe=120)], HOST_OPTIONS) == []  # the default PERIOD 60
    assert ses_pack_errors([dict(GOOD, timeframe=120)], narrow) == ["centreon_ses_pack_hosts[0] (aws-ses): timeframe (120) must be at least period (300)"]
    assert ses_pack_errors([dict(GOOD, alias="x")], narrow)[0].startswith("centreon_ses_pack_hosts[0] (aws-ses): unknown key 'alias'")
    assert ses_pack_errors([dict(GOOD, warning_emails_bounced="abc")], narrow)[0].startswith(
        "centreon_ses_pack_hosts[0] (aws-ses): warning_emails_bounced 'abc'")
    secret_proxy = dict(HOST_OPTIONS, proxy_url=dict(HOST_OPTIONS["proxy_url"], no_log=True))
    assert ses_pack_errors([dict(GOOD, proxy_url="http://u:p;w@proxy")], secret_proxy) == [
        "centreon_ses_pack_hosts[0] (aws-ses): proxy_url: no value may contain ';' (CLAPI's field separator) or a line break"]
    with pytest.raises(AnsibleFilterError):
        ses_pack_errors([GOOD], None)


def test_an_entry_without_custom_mode_takes_the_default_given():
    assert ses_pack_errors([GOOD], HOST_OPTIONS) == []
    assert ses_pack_errors([GOOD], HOST_OPTIONS, default_custom_mode="perl") == [
        "centreon_ses_pack_hosts[0] (aws-ses): custom_mode must be awscli or paws, got 'perl'"]


def _role_yaml_texts():
    for path in sorted(glob.glob(os.path.join(ROLE, "tasks", "*.yml")) + [os.path.join(ROLE, "vars", "main.yml")]):
        with open(path, encoding="utf-8") as handle:
            yield os.path.relpath(path, ROLE), handle.read()


def test_the_role_yaml_restates_none_of_the_rules():
    """Custom modes, TIMEFRAME/PERIOD defaults, threshold keys and CLAPI's characters live in the spec or in Python."""
    stated = [re.compile(pattern) for pattern in (
        r"\[\s*'awscli',\s*'paws'\s*\]", r"\bawscli or paws\b", r"\b3600\b", r"\b(warning|critical)_emails_", r"TIMEFRAME: timeframe",
        r"\[TIMEFRAME, PERIOD\]", r"\[;\\r\\n\]", r"'\\?\"<>", r"' \" < or >", r"';' or a line break", re.escape(ILLEGAL_OBJECT_NAME_CHARS))]
    found = [(path, pattern.pattern) for path, text in _role_yaml_texts() for pattern in stated if pattern.search(text)]
    assert found == []


def test_the_spec_documents_the_characters_python_refuses():
    hosts = " ".join(SPEC["centreon_ses_pack_hosts"]["description"])
    password = " ".join(SPEC["centreon_ses_pack_clapi_password"]["description"])
    assert "C(%s)" % ILLEGAL_OBJECT_NAME_CHARS in hosts
    assert "No value may contain C(;) (CLAPI's field separator) or a line break" in hosts and FORBIDDEN_CHARS == ";\r\n"
    assert "must not contain %s" % " ".join("C(%s)" % char for char in MANGLED_PASSWORD_CHARS[:-1]) in password
    assert "or C(%s)" % MANGLED_PASSWORD_CHARS[-1] in password
