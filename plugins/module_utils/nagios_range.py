# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Nagios / monitoring-plugins threshold ranges: ``[@][start:][end]``.

* ``10`` means ``0:10``; an empty end is +infinity (``10:``); ``~`` as start is -infinity (``~:10``).
* Without ``@`` a value alerts when it is outside ``start..end``; with ``@`` when it is inside.
  Both ends are inclusive.
* Nothing before the ``:`` means 0 (``:10`` == ``0:10``), as in Centreon and in monitoring-plugins'
  C reference (lib/utils_base.c).
* Numbers are plain decimals with an optional sign; a comma is accepted as decimal separator
  (``1,5`` == ``1.5``, as Centreon does). Exponents, ``nan`` and ``inf`` are rejected.
* Comparisons follow Centreon (centreon/plugins/perfdata.pm, threshold_validate/threshold_check):
  a bound typed with decimals, and a value whose Perl text has a decimal point, are rounded to 8
  decimals (``--float-precision``) first, so 0.15000000000000002 does not exceed 0.15.
* The perfdata form keeps the numbers as typed (``0.050`` stays ``0:0.050``; a comma becomes a dot,
  a ``+`` goes), as Centreon's get_perfdata_for_output prints them.
* Refused where Centreon accepts and then alerts always or never (the C reference refuses start >
  end too): start > end (``10:5``, ``-5``), a bare ``@``, blank text other than the empty string,
  byte units (``10KB``), numbers too large for a float, and whitespace other than spaces and tabs.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

__all__ = ["FLOAT_PRECISION", "NagiosRange", "RangeError", "format_number", "parse_range", "threshold_value"]

# Centreon's --float-precision default (centreon/plugins/output.pm).
FLOAT_PRECISION = 8

# Digits are ASCII only (re.ASCII) so that e.g. Arabic-Indic digits are not taken for numbers.
_NUMBER_RE = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?\Z", re.ASCII)

# Only to give exponents a clearer message: they are rejected, as Centreon does.
_EXPONENT_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]{1,3}\Z", re.ASCII)

_SYNTAX_HINT = "expected [@][start:][end], e.g. 10, 10:, ~:10, 10:20 or @10:20"

# Centreon's trim (centreon/plugins/misc.pm) removes spaces and tabs only.
_TRIMMED = " \t"


class RangeError(OptionError):
    """A threshold range could not be parsed.

    ``text`` is the string as given, ``reason`` says what is wrong with it; ``str(error)`` is
    ``"'<text>': <reason>"`` so that callers can prefix it with the option and label names.
    """

    def __init__(self, text, reason):
        super().__init__("'%s': %s" % (text, reason))
        self.text = text
        self.reason = reason


def format_number(value):
    """Plain decimal text of a finite number: no exponent, no trailing zeros (``10.0`` -> ``10``).

    ``1e-07`` -> ``0.0000001``; the text parses back to exactly the same float.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("format_number() needs an int or a float, not %s" % type(value).__name__)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("format_number() needs a finite number, not %r" % value)
    # repr() is the shortest text that round-trips; Decimal re-renders it without an exponent.
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text


def threshold_value(value, precision=FLOAT_PRECISION):
    """The number Centreon compares: ``value`` rounded to ``precision`` decimals when its Perl text has a '.'.

    perfdata.pm threshold_check tests ``$value =~ /[.,]/`` on Perl's text of the number (``%.15g``),
    so 1e-05 stays as it is while 1.5e-05 and 0.15000000000000002 are rounded.
    """
    value = float(value)
    if "." in "%.15g" % value:
        return float("%.*f" % (precision, value))
    return value


def _bound_value(text, value):
    """A bound as threshold_validate compares it: rounded only when it was typed with decimals."""
    if "." in text:
        return float("%.*f" % (FLOAT_PRECISION, value))
    return value


class NagiosRange:
    """One parsed range: ``start`` (may be -inf), ``end`` (may be +inf), ``inside`` (``@``).

    ``start_text`` / ``end_text`` are the finite bounds as typed (for the perfdata form); when not
    given they are the plain text of the numbers.
    """

    __slots__ = ("start", "end", "inside", "start_text", "end_text", "_low", "_high")

    def __init__(self, start=0.0, end=math.inf, inside=False, start_text=None, end_text=None):
        start = float(start)
        end = float(end)
        if math.isnan(start) or math.isnan(end):
            raise RangeError(_bound_text(start, end, inside), "start and end must be numbers")
        if start == math.inf:
            raise RangeError(_bound_text(start, end, inside), "start cannot be +infinity")
        if end == -math.inf:
            raise RangeError(_bound_text(start, end, inside), "end cannot be -infinity")
        if start > end:
            raise RangeError(
                _bound_text(start, end, inside),
                "start %s is greater than end %s" % (format_number(start), format_number(end)),
            )
        self.start = start
        self.end = end
        self.inside = bool(inside)
        self.start_text = _typed(start, start_text)
        self.end_text = _typed(end, end_text)
        self._low = start if self.start_text is None else _bound_value(self.start_text, start)
        self._high = end if self.end_text is None else _bound_value(self.end_text, end)

    def alerts(self, value):
        """True when ``value`` raises this threshold (outside the range, or inside with ``@``).

        Value and decimal bounds are rounded to 8 decimals first, as Centreon does (threshold_value).
        """
        value = float(value)
        if math.isnan(value):
            # NaN is neither inside nor outside; the caller must decide what a NaN means.
            raise ValueError("cannot compare NaN with a threshold range")
        value = threshold_value(value)
        within = self._low <= value <= self._high
        return within if self.inside else not within

    def can_alert_within(self, low, high):
        """True when some value in [low, high] (a label's domain, ends included) raises this threshold.

        Compared as ``alerts`` compares: decimal bounds rounded to 8 decimals; the domain's ends are exact.
        """
        if self.inside:
            return self._low <= high and self._high >= low
        return low < self._low or high > self._high

    def normalized(self):
        """Centreon's perfdata form, numbers as typed: ``5`` -> ``0:5``, ``1,50:`` -> ``1.50:``, ``~:5``, ``@8:12``."""
        return _bound_text(self.start, self.end, self.inside, self.start_text, self.end_text)

    def __str__(self):
        return self.normalized()

    def __repr__(self):
        return "NagiosRange(%r)" % self.normalized()

    def __eq__(self, other):
        if not isinstance(other, NagiosRange):
            return NotImplemented
        return (self.start, self.end, self.inside) == (other.start, other.end, other.inside)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash((self.start, self.end, self.inside))


def _typed(value, text):
    """The text of a finite bound: as typed when given, else the plain number; None for an infinite one."""
    if not math.isfinite(value):
        return None
    return format_number(value) if text is None else text


def _bound_text(start, end, inside, start_text=None, end_text=None):
    """Render bounds as ``[@]start:end`` (``~`` for -inf, empty for +inf)."""
    if start == -math.inf:
        start_text = "~"
    elif math.isfinite(start):
        start_text = _typed(start, start_text)
    else:
        start_text = repr(start)
    if end == math.inf:
        end_text = ""
    elif math.isfinite(end):
        end_text = _typed(end, end_text)
    else:
        end_text = repr(end)
    return "%s%s:%s" % ("@" if inside else "", start_text, end_text)


def _parse_number(text, part, original):
    """Parse one bound; ``part`` ('start', 'end' or None for a lone number) names it in the message."""
    what = "%s '%s'" % (part, text) if part else "'%s'" % text
    if _EXPONENT_RE.match(text) and math.isfinite(float(text)):
        raise RangeError(original, "%s uses an exponent; write the number out in full, e.g. %s" % (what, format_number(float(text))))
    if not _NUMBER_RE.match(text):
        raise RangeError(original, "%s is not a number (%s)" % (what, _SYNTAX_HINT))
    typed = text.replace(",", ".").lstrip("+")  # as Centreon's parse_threshold keeps it
    value = float(typed)
    if math.isinf(value):
        raise RangeError(original, "%s is too large" % what)
    return value, typed


def parse_range(text):
    """Parse a threshold; ``None`` or empty text means "no threshold" and returns ``None``.

    Raises RangeError for anything else that is not a valid range.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise RangeError(text, "a range must be text such as '10:20', not a boolean")
    if isinstance(text, (int, float)):
        if not math.isfinite(text):
            raise RangeError(text, "a range must be a finite number or text such as '10:20'")
        text = format_number(text)
    if not isinstance(text, str):
        raise RangeError(text, "a range must be text such as '10:20', not %s" % type(text).__name__)
    original = text
    if not text:
        return None
    body = text.strip(_TRIMMED)
    if not body:
        raise RangeError(original, "a blank range; leave the threshold out (or empty) for none")
    if any(char.isspace() or not char.isprintable() for char in body):
        raise RangeError(original, "whitespace inside the range, or other than spaces and tabs around it (%s)" % _SYNTAX_HINT)

    inside = body.startswith("@")
    if inside:
        body = body[1:]
        if not body:
            raise RangeError(original, "'@' must be followed by a range (%s)" % _SYNTAX_HINT)

    parts = body.split(":")
    if len(parts) > 2:
        raise RangeError(original, "more than one ':' (%s)" % _SYNTAX_HINT)

    start_text = end_text = None
    if len(parts) == 1:
        if body == "~":
            raise RangeError(original, "'~' (minus infinity) is only allowed as start, followed by ':', as in '~:10'")
        start, start_text = 0.0, "0"
        end, end_text = _parse_number(body, None, original)
    else:
        start_part, end_part = parts
        if start_part == "":
            start, start_text = 0.0, "0"  # ':10' is '0:10', as in Centreon and the C reference
        elif start_part == "~":
            start = -math.inf
        else:
            start, start_text = _parse_number(start_part, "start", original)
        if end_part == "":
            end = math.inf
        elif end_part == "~":
            raise RangeError(original, "'~' is only allowed as start; leave the end empty for no upper bound, as in '10:'")
        else:
            end, end_text = _parse_number(end_part, "end", original)

    if start > end:
        reason = "start %s is greater than end %s" % (format_number(start), format_number(end))
        if len(parts) == 1:
            reason += " (a single number N means 0:N)"
        raise RangeError(original, reason)
    return NagiosRange(start, end, inside, start_text, end_text)
