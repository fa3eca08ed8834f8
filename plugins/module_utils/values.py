# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Single values checked before they are used: numbers, timestamps, one-line texts. Pure.

Each check returns the value (a number as float) or raises ValueError with a short reason
("is NaN", "is a str, not a number"); callers add the option or answer field it came from.
"""

from __future__ import annotations

import math
from datetime import datetime

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

__all__ = ["number", "timestamp", "one_line_text", "plain_text", "option_text", "positive_seconds", "type_name"]

# The Nagios output line and perfdata break on these; Centreon's output never contains them.
_LINE_BREAKERS = ("|", "\n", "\r")


def type_name(value):
    return "null" if value is None else type(value).__name__


def number(value, minimum=None):
    """A finite int or float (never a bool, never text such as "555") as float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("is a %s, not a number" % type_name(value))
    if isinstance(value, float) and math.isnan(value):
        raise ValueError("is NaN, not a number")
    if isinstance(value, float) and math.isinf(value):
        raise ValueError("is infinite")
    if minimum is not None and value < minimum:
        raise ValueError("is %r, below %r" % (value, minimum))
    return float(value)


def timestamp(value):
    """A datetime as botocore parses timestamps (garbage is refused, not guessed)."""
    if not isinstance(value, datetime):
        raise ValueError("is a %s, not a timestamp" % type_name(value))
    return value


def one_line_text(value):
    """Text without control characters (a header value, a user agent)."""
    if not isinstance(value, str):
        raise ValueError("is a %s, not text" % type_name(value))
    for char in value:
        if ord(char) < 0x20 or ord(char) == 0x7f:
            raise ValueError("contains the control character %r" % char)
    return value


def plain_text(value):
    """One-line text that may go into a Nagios output line or a perfdata label: no '|' and no line break."""
    if isinstance(value, str):
        for char in _LINE_BREAKERS:
            if char in value:
                raise ValueError("contains %r, which would break the Nagios output line and its perfdata" % char)
    return one_line_text(value)


def positive_seconds(value, maximum):
    """A finite number of seconds, greater than 0 and at most ``maximum``."""
    seconds = number(value)
    if seconds <= 0:
        raise ValueError("must be greater than 0, got %s" % value)
    if seconds > maximum:
        raise ValueError("must be at most %d seconds, got %s" % (maximum, value))
    return seconds


def option_text(value, what):
    """``plain_text`` for an option: OptionError naming ``what`` (``dimensions[0]: the value of dimension 'x'``)."""
    try:
        return plain_text(value)
    except ValueError as exc:
        raise OptionError("%s %s" % (what, exc)) from None
