# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role's filters over module_utils, and the host-entry checks of ses_pack_errors (keys, names)."""

from __future__ import annotations

import os

import pytest
import yaml
from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.filter import centreon_clapi_problem, centreon_macro_changes, centreon_macros
from ansible_collections.sesmon.ses.plugins.filter.ses_pack_errors import HOST_KEYS, ses_pack_errors

ROLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "roles", "centreon_ses_pack")
GOOD = {"name": "aws-ses", "region": "eu-west-1"}


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


def test_host_keys_are_the_documented_ones():
    with open(os.path.join(ROLE, "meta", "argument_specs.yml"), encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)["argument_specs"]["main"]["options"]["centreon_ses_pack_hosts"]
    assert sorted(spec["options"]) == sorted(HOST_KEYS)


def test_mistyped_key_names_entry_and_closest_key_in_one_line():
    problems = ses_pack_errors([GOOD, dict(GOOD, name="aws-ses-2", critcal_emails_rejected="0.1")])
    assert problems == ["centreon_ses_pack_hosts[1] (aws-ses-2): unknown key 'critcal_emails_rejected' (did you mean 'critical_emails_rejected'?)"]


def test_name_clapi_would_strip_is_refused_naming_the_characters():
    problems = ses_pack_errors([dict(GOOD, name="aws-ses(eu)")])
    assert len(problems) == 1 and "centreon_ses_pack_hosts[0] (aws-ses(eu)): name 'aws-ses(eu)' has '(', ')'" in problems[0], problems
