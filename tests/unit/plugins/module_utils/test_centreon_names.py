# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""centreon_names: the characters checkIllegalChar strips, and the closest valid key."""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_names import ILLEGAL_OBJECT_NAME_CHARS, illegal_chars, unknown_key_problem


def test_centreons_default_illegal_object_name_chars():
    assert ILLEGAL_OBJECT_NAME_CHARS == "~!$%^&*\"|'<>?,()="
    assert illegal_chars("aws-ses(eu)") == ["(", ")"]
    assert illegal_chars("aws-ses_eu.1 prod:x/y") == []
    assert illegal_chars("a=b,c=d") == ["=", ","]


def test_unknown_key_names_the_closest():
    assert unknown_key_problem("region", ("region", "name")) is None
    assert unknown_key_problem("regoin", ("region", "name")) == "unknown key 'regoin' (did you mean 'region'?)"
    assert unknown_key_problem("zzz", ("region", "name")) == "unknown key 'zzz' (valid keys: name, region)"
