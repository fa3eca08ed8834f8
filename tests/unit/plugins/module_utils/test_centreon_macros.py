# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""centreon_macros: CLAPI getmacro read as CSV with Centreon's quoting, the resolved view, and the macros to write."""

from __future__ import annotations

import hashlib

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_macros import macro_changes, macro_name, macro_view, parse_getmacro

HEADER = "macro name;macro value;is_password;description;source"


@pytest.mark.parametrize("line, value", [
    ('V;"""starts with a quote";;;direct', '"starts with a quote'),  # current csvEscape
    ('V;"a;b";;;direct', "a;b"),  # current csvEscape: a ';' is quoted
    ('V;"say ""hi"" ;x";;;direct', 'say "hi" ;x'),
    ('V;"starts with a quote;;;direct', '"starts with a quote'),  # 22.10 prints it as stored
    ("V;a;b;;;direct", "a;b"),  # 22.10: a stored ';' takes the extra field
    ('V;in"side;;;direct', 'in"side'),
    ("V;;;;direct", ""),
])
def test_values_as_centreon_prints_them(line, value):
    assert parse_getmacro([HEADER, line]) == [{"name": "V", "value": value, "is_password": False, "description": "", "source": "direct"}]


def test_header_names_the_columns_and_trailer_and_noise_are_skipped():
    text = "macro name;macro value;description\nTIMEFRAME;3600;window\n\nReturn code end : 0\n"
    assert parse_getmacro(text) == [{"name": "TIMEFRAME", "value": "3600", "is_password": False, "description": "window", "source": "direct"}]
    assert parse_getmacro("Object not found:x\n") == []
    assert parse_getmacro(None) == []


@pytest.mark.parametrize("text, name", [("$_HOSTAWSREGION$", "AWSREGION"), ("$_SERVICETIMEFRAME$", "TIMEFRAME"), ("awsregion", "AWSREGION")])
def test_macro_names_of_older_versions(text, name):
    assert macro_name(text) == name


def test_own_macro_wins_over_inherited_and_nearer_output_wins():
    service = [HEADER, "AWSCUSTOMMODE;awscli;;;Cloud-Aws-Ses-custom", "AWSCUSTOMMODE;paws;;;direct", "DIMENSION;a=b;;;direct"]
    template = ["macro name;macro value;description", "TIMEFRAME;3600;", "PERIOD;60;", "DIMENSION;;"]
    assert macro_view([service, template]) == {"AWSCUSTOMMODE": "paws", "DIMENSION": "a=b", "TIMEFRAME": "3600", "PERIOD": "60"}
    assert macro_view([[], template])["TIMEFRAME"] == "3600"


def _sum(key, name, value):
    return hashlib.sha256(("%s;%s;%s" % (key, name, value)).encode()).hexdigest()


def test_changes_never_write_an_unmanaged_default_and_treat_absent_empty_as_in_sync():
    wanted = {"TIMEFRAME": None, "PERIOD": "120", "DIMENSION": "", "WARN": "0.05"}
    changes = macro_changes(wanted, {"TIMEFRAME": "3600", "PERIOD": "60", "WARN": "0.05"})
    assert changes == [{"name": "PERIOD", "value": "120", "password": "0", "diff": "'60' -> '120'"}]


def test_password_macros_masked_in_diff_and_in_sync_by_checksums():
    key = "aws-ses"
    saved = {"AWSSECRETKEY": {"wanted": _sum(key, "AWSSECRETKEY", "s3cret"), "seen": _sum(key, "AWSSECRETKEY", "********")}}
    assert macro_changes({"AWSSECRETKEY": "s3cret"}, {"AWSSECRETKEY": "********"}, saved, key, ("AWSSECRETKEY",)) == []
    changed = macro_changes({"AWSSECRETKEY": "new"}, {"AWSSECRETKEY": "********"}, saved, key, ("AWSSECRETKEY",))
    assert changed == [{"name": "AWSSECRETKEY", "value": "new", "password": "1", "diff": "******** -> ********"}]
    proxy = macro_changes({"PROXYURL": "http://u:p@proxy:3128"}, {}, masked_names=("PROXYURL",))
    assert proxy[0]["diff"] == "(none) -> ********" and "u:p" not in repr(proxy[0]["diff"])
