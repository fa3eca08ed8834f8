# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Tests for nagios_range: parsing, alerting, normalisation, errors, and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import (
    NagiosRange,
    RangeError,
    format_number,
    parse_range,
    threshold_value,
)

INF = math.inf


# The monitoring-plugins guideline examples: (range, values that alert, values that do not).
@pytest.mark.parametrize(
    "text, alerting, quiet",
    [
        ("10", [-1, -0.001, 10.001, 11, 1e9], [0, 0.5, 5, 10]),
        ("10:", [9.999, 0, -5], [10, 10.5, 1e12]),
        ("~:10", [10.001, 11, 1e12], [10, 0, -1e12]),
        ("10:20", [9.999, 20.001, 0, -15], [10, 15, 20]),
        ("@10:20", [10, 15, 20], [9.999, 20.001, 0, -15]),
    ],
)
def test_guideline_examples(text, alerting, quiet):
    rng = parse_range(text)
    for value in alerting:
        assert rng.alerts(value) is True, (text, value)
    for value in quiet:
        assert rng.alerts(value) is False, (text, value)


@pytest.mark.parametrize(
    "text, start, end, inside",
    [
        ("10", 0.0, 10.0, False),
        ("10:", 10.0, INF, False),
        ("~:10", -INF, 10.0, False),
        ("10:20", 10.0, 20.0, False),
        ("@10:20", 10.0, 20.0, True),
        ("~:", -INF, INF, False),
        ("@~:", -INF, INF, True),
        ("0", 0.0, 0.0, False),
        ("-5:5", -5.0, 5.0, False),
        ("-10:-5", -10.0, -5.0, False),
        ("~:-5", -INF, -5.0, False),
        ("+3", 0.0, 3.0, False),
        ("1,5:", 1.5, INF, False),
        ("1,5:2.25", 1.5, 2.25, False),
        ("@-1,5:0,5", -1.5, 0.5, True),
        ("  10:20\t", 10.0, 20.0, False),
        (":10", 0.0, 10.0, False),
        (":", 0.0, INF, False),
        ("@:5", 0.0, 5.0, True),
        ("0.0001", 0.0, 0.0001, False),
        ("5:5", 5.0, 5.0, False),
    ],
)
def test_parse_fields(text, start, end, inside):
    rng = parse_range(text)
    assert (rng.start, rng.end, rng.inside) == (start, end, inside)


@pytest.mark.parametrize("text", [None, ""])
def test_no_threshold(text):
    assert parse_range(text) is None


def test_inclusive_boundaries():
    assert not parse_range("10").alerts(0)
    assert not parse_range("10").alerts(10)
    assert parse_range("@10:20").alerts(10)
    assert parse_range("@10:20").alerts(20)
    assert not parse_range("5:5").alerts(5)
    assert parse_range("5:5").alerts(5.0000001)


def test_open_ranges():
    assert not parse_range("~:").alerts(-1e300)
    assert not parse_range("~:").alerts(1e300)
    assert parse_range("@~:").alerts(0)
    assert parse_range("@10:").alerts(1e300)
    assert not parse_range("@10:").alerts(9)


def test_negative_ranges():
    rng = parse_range("-5:5")
    assert rng.alerts(-5.5)
    assert not rng.alerts(-5)
    assert not rng.alerts(5)
    assert rng.alerts(5.5)


def test_comma_is_a_decimal_separator():
    assert parse_range("1,5:") == parse_range("1.5:")
    assert parse_range("1,5:").alerts(1.4)
    assert not parse_range("1,5:").alerts(1.5)


def test_alerts_rejects_nan():
    with pytest.raises(ValueError):
        parse_range("10").alerts(float("nan"))


@pytest.mark.parametrize(
    "text, normalized",
    [
        ("5", "0:5"),
        ("10:", "10:"),
        ("~:5", "~:5"),
        ("@8:12", "@8:12"),
        ("1,5:", "1.5:"),
        # Numbers as typed, as Centreon's get_perfdata_for_output prints them (comma -> dot, no '+').
        ("5.0", "0:5.0"),
        ("5.50:7.000", "5.50:7.000"),
        ("0.050", "0:0.050"),
        ("0,050", "0:0.050"),
        ("007", "0:007"),
        ("0.0001", "0:0.0001"),
        ("0.0000001:", "0.0000001:"),
        ("-0:0", "-0:0"),
        ("+7:+8", "7:8"),
        (":10", "0:10"),
        (":", "0:"),
        ("~:", "~:"),
        ("@~:", "@~:"),
        (" @-2,5:-1 ", "@-2.5:-1"),
        ("123456789012", "0:123456789012"),
    ],
)
def test_normalized(text, normalized):
    rng = parse_range(text)
    assert rng.normalized() == normalized
    assert str(rng) == normalized


def test_typed_text_is_kept_and_numbers_compare():
    rng = parse_range("0.050:1,50")
    assert (rng.start_text, rng.end_text) == ("0.050", "1.50")
    assert rng == parse_range("0.05:1.5")
    assert NagiosRange(0, 0.05).normalized() == "0:0.05"
    assert NagiosRange(-INF, INF).start_text is None


# Centreon rounds the value and the bounds typed with decimals to 8 decimals before comparing
# (perfdata.pm threshold_validate / threshold_check, --float-precision 8).
@pytest.mark.parametrize(
    "text, value, alerts",
    [
        ("0.15", (0.1 + 0.2) / 2, False),          # 0.15000000000000002 rounds to 0.15
        ("0.15", 0.150000006, True),               # rounds up to 0.15000001
        ("0.15", 0.150000004, False),
        ("0.1234567891", 0.12345679, False),      # the bound rounds to 0.12345679
        ("0.1234567891:", 0.123456786, False),
        ("0.1234567891:", 0.123456784, True),
        ("~:-100001", -100000.99999999988, True),  # Perl prints -100001: no '.', compared unrounded
        ("100000.99999999988:", 100000.99999999988, True),  # the typed bound rounds to 100001, the value not
        ("0:0", 1.5e-09, False),                   # Perl prints 1.5e-09: has a '.', rounded to 0
        ("0:0", 1e-09, True),                      # Perl prints 1e-09: no '.', compared as is
        ("10", 10.000000001, False),
        ("10", 10.00000001, True),
        ("@0.3:0.3", 0.1 + 0.2, True),
        ("1", sum([0.1] * 10), False),
    ],
)
def test_rounded_to_8_decimals(text, value, alerts):
    assert parse_range(text).alerts(value) is alerts


@pytest.mark.parametrize(
    "value, compared",
    [(0.15000000000000002, 0.15), (1e-09, 1e-09), (1.5e-09, 0.0), (12.0, 12.0), (1e20, 1e20), (2.000000006, 2.00000001)],
)
def test_threshold_value(value, compared):
    assert threshold_value(value) == compared


def test_equality_hash_repr():
    assert parse_range("10") == NagiosRange(0, 10)
    assert parse_range("10") != parse_range("@10")
    assert parse_range("10") != parse_range("0:11")
    assert hash(parse_range("1,5:")) == hash(parse_range("1.5:"))
    assert repr(parse_range("@1,5:2")) == "NagiosRange('@1.5:2')"
    assert parse_range("10") != "0:10"


def test_constructor_defaults_and_validation():
    rng = NagiosRange()
    assert (rng.start, rng.end, rng.inside) == (0.0, INF, False)
    with pytest.raises(RangeError, match="start 3 is greater than end 2"):
        NagiosRange(3, 2)
    with pytest.raises(RangeError):
        NagiosRange(float("nan"), 1)
    with pytest.raises(RangeError):
        NagiosRange(INF, INF)
    with pytest.raises(RangeError):
        NagiosRange(-INF, -INF)


HINT = "(expected [@][start:][end], e.g. 10, 10:, ~:10, 10:20 or @10:20)"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("abc", "'abc' is not a number " + HINT),
        ("5:2", "start 5 is greater than end 2"),
        ("-5", "start 0 is greater than end -5 (a single number N means 0:N)"),
        ("@20:10", "start 20 is greater than end 10"),
        ("@", "'@' must be followed by a range " + HINT),
        ("1:2:3", "more than one ':' " + HINT),
        ("~", "'~' (minus infinity) is only allowed as start, followed by ':', as in '~:10'"),
        ("10:~", "'~' is only allowed as start; leave the end empty for no upper bound, as in '10:'"),
        ("nan", "'nan' is not a number " + HINT),
        ("inf", "'inf' is not a number " + HINT),
        ("-inf:", "start '-inf' is not a number " + HINT),
        ("5:x", "end 'x' is not a number " + HINT),
        ("1e3", "'1e3' uses an exponent; write the number out in full, e.g. 1000"),
        ("2:1E-2", "end '1E-2' uses an exponent; write the number out in full, e.g. 0.01"),
        ("1e999", "'1e999' is not a number " + HINT),
        (".5", "'.5' is not a number " + HINT),
        ("5.", "'5.' is not a number " + HINT),
        ("1.5.2", "'1.5.2' is not a number " + HINT),
        ("10 :20", "whitespace inside the range, or other than spaces and tabs around it " + HINT),
        ("@ 10", "whitespace inside the range, or other than spaces and tabs around it " + HINT),
        ("10\n", "whitespace inside the range, or other than spaces and tabs around it " + HINT),
        ("\n10", "whitespace inside the range, or other than spaces and tabs around it " + HINT),
        ("   ", "a blank range; leave the threshold out (or empty) for none"),
        ("\t", "a blank range; leave the threshold out (or empty) for none"),
        ("10KB", "'10KB' is not a number " + HINT),
        ("@@10", "'@10' is not a number " + HINT),
        ("1" + "0" * 400, "'1" + "0" * 400 + "' is too large"),
        ("\u0661\u0660", "'\u0661\u0660' is not a number " + HINT),
    ],
)
def test_rejected(text, reason):
    with pytest.raises(RangeError) as info:
        parse_range(text)
    assert info.value.text == text
    assert info.value.reason == reason
    assert str(info.value) == "'%s': %s" % (text, reason)


def test_range_error_is_an_option_error():
    assert issubclass(RangeError, OptionError)


def test_non_string_input():
    assert parse_range(10) == parse_range("10")
    assert parse_range(2.5) == parse_range("2.5")
    for bad in (True, [1], float("nan"), INF):
        with pytest.raises(RangeError):
            parse_range(bad)


@pytest.mark.parametrize(
    "value, text",
    [
        (10.0, "10"),
        (10, "10"),
        (0.001, "0.001"),
        (1e-07, "0.0000001"),
        (123456789.0, "123456789"),
        (1e22, "10000000000000000000000"),
        (-2.5, "-2.5"),
        (0.0, "0"),
        (-0.0, "0"),
        (0.1 + 0.2, "0.30000000000000004"),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_format_number_rejects():
    for bad in (INF, -INF, float("nan")):
        with pytest.raises(ValueError):
            format_number(bad)
    for bad in (True, "1", None):
        with pytest.raises(TypeError):
            format_number(bad)


# ---- properties --------------------------------------------------------------------------

finite = st.floats(allow_nan=False, allow_infinity=False)
bounded = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def _rounded(number, typed):
    """Centreon's rounding, written out again: 8 decimals when the text has a decimal point."""
    return float("%.8f" % number) if "." in typed else number


def reference_alerts(inside, low, high, value):
    """Written independently of NagiosRange: None means an open end."""
    value = _rounded(value, "%.15g" % value)  # Perl's text of a number
    low = None if low is None else _rounded(low, format_number(low))
    high = None if high is None else _rounded(high, format_number(high))
    above_low = True if low is None else value >= low
    below_high = True if high is None else value <= high
    in_range = above_low and below_high
    if inside:
        return in_range
    return not in_range


@st.composite
def range_spec(draw):
    """A random (inside, low, high) and its text, in every accepted spelling."""
    inside = draw(st.booleans())
    low = draw(st.one_of(st.none(), bounded))
    high = draw(st.one_of(st.none(), bounded))
    if low is not None and high is not None and low > high:
        low, high = high, low
    comma = draw(st.booleans())

    def number(value):
        text = format_number(value)
        return text.replace(".", ",") if comma else text

    if low is None:
        body = "~:" + ("" if high is None else number(high))
    elif low == 0 and high is not None and draw(st.booleans()):
        body = number(high)
    else:
        body = number(low) + ":" + ("" if high is None else number(high))
    text = ("@" if inside else "") + body
    return inside, low, high, text


@settings(max_examples=400)
@given(range_spec(), bounded)
def test_alerts_matches_reference(spec, value):
    inside, low, high, text = spec
    assert parse_range(text).alerts(value) == reference_alerts(inside, low, high, value)


@settings(max_examples=200)
@given(range_spec())
def test_alerts_at_the_bounds(spec):
    inside, low, high, text = spec
    rng = parse_range(text)
    for value in (low, high):
        # A bound with more than 8 decimals is rounded, and the same number as a value may not be.
        if value is not None and float("%.8f" % value) == value:
            assert rng.alerts(value) == inside


@given(range_spec())
def test_round_trip(spec):
    rng = parse_range(spec[3])
    assert parse_range(rng.normalized()) == rng
    assert parse_range(rng.normalized()).normalized() == rng.normalized()


@given(finite, finite, st.booleans())
def test_round_trip_any_floats(first, second, inside):
    rng = NagiosRange(min(first, second), max(first, second), inside)
    assert parse_range(rng.normalized()) == rng


@given(finite)
def test_format_number_round_trips(value):
    text = format_number(value)
    assert "e" not in text.lower()
    assert float(text) == value
    if "." in text:
        assert not text.endswith("0")


@pytest.mark.parametrize("text, low, high, expected", [
    ("10", 0.0, 1.0, False), ("10", 0.0, 100.0, True), ("0.05", 0.0, 1.0, True), ("@0.1:", 0.0, 1.0, True), ("@2:", 0.0, 1.0, False),
    ("~:", -math.inf, math.inf, False), ("0:", 0.0, math.inf, False), ("1:", 0.0, math.inf, True), ("@~:-1", 0.0, math.inf, False),
    ("~:100", 0.0, 100.0, False), ("@100:", 0.0, 100.0, True), ("@1.000000001:", 0.0, 1.0, True),  # the bound rounds to 1 (8 decimals): 1.0 alerts
])
def test_can_alert_within_a_domain(text, low, high, expected):
    assert parse_range(text).can_alert_within(low, high) is expected
