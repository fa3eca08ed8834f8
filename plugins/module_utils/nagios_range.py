# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Nagios / monitoring-plugins threshold ranges: ``[@][start:][end]``.

* ``10`` means ``0:10``; an empty end is +infinity (``10:``); ``~`` as start is -infinity (``~:10``).
* Without ``@`` a value alerts when it is outside ``start..end``; with ``@`` when it is inside.
  Both ends are inclusive.
* Numbers are plain decimals with an optional sign; a comma is accepted as decimal separator
  (``1,5`` == ``1.5``, as Centreon does). Exponents, ``nan`` and ``inf`` are rejected.
* ``:`` with nothing before it is rejected (write ``~:`` for no lower bound, or leave out the
  ``:`` for a lower bound of 0), so that no range silently means something other than intended.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

__all__ = ["NagiosRange", "RangeError", "format_number", "parse_range"]

# Digits are ASCII only (re.ASCII) so that e.g. Arabic-Indic digits are not taken for numbers.
_NUMBER_RE = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?\Z", re.ASCII)

# Only to give exponents a clearer message: they are rejected, as Centreon does.
_EXPONENT_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]{1,3}\Z", re.ASCII)

_SYNTAX_HINT = "expected [@][start:][end], e.g. 10, 10:, ~:10, 10:20 or @10:20"


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


class NagiosRange:
    """One parsed range: ``start`` (may be -inf), ``end`` (may be +inf), ``inside`` (``@``)."""

    __slots__ = ("start", "end", "inside")

    def __init__(self, start=0.0, end=math.inf, inside=False):
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

    def alerts(self, value):
        """True when ``value`` raises this threshold (outside the range, or inside with ``@``)."""
        value = float(value)
        if math.isnan(value):
            # NaN is neither inside nor outside; the caller must decide what a NaN means.
            raise ValueError("cannot compare NaN with a threshold range")
        within = self.start <= value <= self.end
        return within if self.inside else not within

    def normalized(self):
        """Centreon's perfdata form: ``5`` -> ``0:5``, ``1,5:`` -> ``1.5:``, ``~:5``, ``@8:12``."""
        return _bound_text(self.start, self.end, self.inside)

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


def _bound_text(start, end, inside):
    """Render bounds as ``[@]start:end`` (``~`` for -inf, empty for +inf)."""
    if start == -math.inf:
        start_text = "~"
    elif math.isfinite(start):
        start_text = format_number(start)
    else:
        start_text = repr(start)
    if end == math.inf:
        end_text = ""
    elif math.isfinite(end):
        end_text = format_number(end)
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
    value = float(text.replace(",", "."))
    if math.isinf(value):
        raise RangeError(original, "%s is too large" % what)
    return value


def parse_range(text):
    """Parse a threshold; ``None`` or blank text means "no threshold" and returns ``None``.

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
    body = text.strip()
    if not body:
        return None

    inside = body.startswith("@")
    if inside:
        body = body[1:]
        if not body:
            raise RangeError(original, "'@' must be followed by a range (%s)" % _SYNTAX_HINT)

    parts = body.split(":")
    if len(parts) > 2:
        raise RangeError(original, "more than one ':' (%s)" % _SYNTAX_HINT)

    if len(parts) == 1:
        if body == "~":
            raise RangeError(original, "'~' (minus infinity) is only allowed as start, followed by ':', as in '~:10'")
        start = 0.0
        end = _parse_number(body, None, original)
    else:
        start_text, end_text = parts
        if start_text == "":
            raise RangeError(
                original,
                "nothing before ':'; write '~:' for no lower bound, or leave out ':' for a lower bound of 0",
            )
        start = -math.inf if start_text == "~" else _parse_number(start_text, "start", original)
        if end_text == "":
            end = math.inf
        elif end_text == "~":
            raise RangeError(original, "'~' is only allowed as start; leave the end empty for no upper bound, as in '10:'")
        else:
            end = _parse_number(end_text, "end", original)

    if start > end:
        reason = "start %s is greater than end %s" % (format_number(start), format_number(end))
        if len(parts) == 1:
            reason += " (a single number N means 0:N)"
        raise RangeError(original, reason)
    return NagiosRange(start, end, inside)
