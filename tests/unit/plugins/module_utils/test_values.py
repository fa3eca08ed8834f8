# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Single values: domains of numbers, foreign text, dimension text (issue 21)."""

from __future__ import annotations

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils import values
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError


@pytest.mark.parametrize("check, value, fragment", [
    (values.count, -1, "below 0"), (values.count, 1.5, "not a whole number"), (values.rate, 1.01, "above 1"),
    (values.rate, -0.1, "below 0"), (values.quota, -5, "a quota is -1 (unlimited) or at least 0"), (values.quota, -0.5, "a quota"),
])
def test_numbers_outside_their_domain(check, value, fragment):
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        check(value)


def test_numbers_inside_their_domain():
    assert values.count(3) == 3.0 and values.count(0.5, integral=False) == 0.5
    assert values.rate(0) == 0.0 and values.rate(1) == 1.0 and values.quota(-1) == -1.0 and values.quota(0) == 0.0


@pytest.mark.parametrize("text, expected", [
    ("a | b", "a / b"),
    ("User <b>x</b>\n is denied", "User x is denied"),
    ("<!DOCTYPE html><html><head><title>Sign | in</title></head><body>x</body></html>",
     'got an HTML page titled "Sign / in" (a proxy or captive portal?)'),
    ("b'<html><body>login</body></html>'", "got an HTML page (a proxy or captive portal?)"),
    ("tab\there\x00nul", "tab here nul"),
    ("&lt;script&gt;", "(script)"),
])
def test_foreign_text(text, expected):
    assert values.foreign_text(text) == expected


@pytest.mark.parametrize("value, longest, name, fragment", [
    ("caf\u00e9", 1024, False, "holds non-ASCII characters"),
    ("   ", 1024, False, "is blank"),
    ("a" * 256, 255, True, "CloudWatch allows at most 255"),
    (":x", 255, True, "starts with ':'"),
    ("a|b", 1024, False, "contains '|'"),
])
def test_dimension_text_that_can_never_match_is_refused(value, longest, name, fragment):
    with pytest.raises(OptionError, match="^dimensions\\[0\\]: x .*" + fragment.replace("|", "\\|").replace("(", "\\(")):
        values.dimension_text(value, "dimensions[0]: x", longest, name=name)
