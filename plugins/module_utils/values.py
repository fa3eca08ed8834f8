# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Single values checked before they are used: numbers, timestamps, one-line texts. Pure.

Each check returns the value (a number as float) or raises ValueError with a short reason
("is NaN", "is a str, not a number"); callers add the option or answer field it came from.
"""

from __future__ import annotations

import html
import math
import re
from datetime import datetime

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

__all__ = [
    "number", "count", "rate", "quota", "timestamp", "one_line_text", "plain_text", "option_text", "dimension_text",
    "positive_seconds", "type_name", "foreign_text", "status_word", "HTML_PAGE",
]

# The Nagios output line and perfdata break on these; Centreon's output never contains them.
_LINE_BREAKERS = ("|", "\n", "\r")


HTML_PAGE = "got an HTML page (a proxy or captive portal?)"
_HTML = re.compile(r"<\s*(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|title[\s>])", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]{0,300}>")


def foreign_text(text):
    """Text from AWS, a proxy or an exception, made safe for a message and the Nagios output line.

    An HTML page becomes one line (``got an HTML page ...`` and its title); other markup is dropped;
    ``|`` (where Nagios cuts the perfdata off) becomes ``/``; control characters and runs of spaces
    become one space. Secrets must be masked before (redaction.redact), since this changes the text.
    """
    text = str(text)
    if _HTML.search(text):
        title = _TITLE.search(text)
        title = " ".join(html.unescape(_TAG.sub(" ", title.group(1))).split())[:80] if title else ""
        text = 'got an HTML page titled "%s" (a proxy or captive portal?)' % title if title else HTML_PAGE
    else:
        text = html.unescape(_TAG.sub(" ", text))
    text = text.replace("|", "/").replace("<", "(").replace(">", ")")
    return " ".join("".join(" " if ord(char) < 0x20 or 0x7f <= ord(char) < 0xa0 else char for char in text).split())


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


def count(value, integral=True):
    """A number of things: at least 0 and, when ``integral``, whole."""
    found = number(value, 0)
    if integral and found != int(found):
        raise ValueError("is %r, not a whole number" % (value,))
    return found


def rate(value):
    """A fraction from 0 to 1 (a bounce or complaint rate)."""
    found = number(value, 0)
    if found > 1:
        raise ValueError("is %r, above 1 (a rate is a fraction from 0 to 1)" % (value,))
    return found


def quota(value):
    """A quota: -1 (AWS's "unlimited") or at least 0; -5 is no quota."""
    found = number(value)
    if found != -1 and found < 0:
        raise ValueError("is %r: a quota is -1 (unlimited) or at least 0" % (value,))
    return found


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


_WORD = re.compile(r"[A-Za-z0-9_.-]{1,64}", re.ASCII)


def status_word(value):
    """An enumeration value of AWS's (``PROBATION``, ``Complete``): a word, never markup or a '|'."""
    one_line_text(value)
    if not _WORD.fullmatch(value):
        raise ValueError("is %r, not a status word (letters, digits, '_', '.', '-')" % foreign_text(value)[:64])
    return value


def positive_seconds(value, maximum):
    """A finite number of seconds, greater than 0 and at most ``maximum``."""
    seconds = number(value)
    if seconds <= 0:
        raise ValueError("must be greater than 0, got %s" % value)
    if seconds > maximum:
        raise ValueError("must be at most %d seconds, got %s" % (maximum, value))
    return seconds


def dimension_text(value, what, longest, name=False):
    """A CloudWatch dimension name or value: ``option_text``, ASCII, not blank, at most ``longest`` characters.

    CloudWatch stores dimensions in ASCII only: any other text can never match, and with
    ``missing_data: zero`` such a check would read 0, OK, for ever. OptionError naming ``what``.
    """
    text = option_text(value, what)
    if not text.isascii():
        raise OptionError("%s %r holds non-ASCII characters: CloudWatch dimensions are ASCII, so it could never match" % (what, text))
    if not text.strip():
        raise OptionError("%s is blank: CloudWatch dimensions hold at least one non-space character" % what)
    if len(text) > longest:
        raise OptionError("%s is %d characters long: CloudWatch allows at most %d" % (what, len(text), longest))
    if name and text.startswith(":"):
        raise OptionError("%s %r starts with ':', which CloudWatch dimension names cannot" % (what, text))
    return text


def option_text(value, what):
    """``plain_text`` for an option: OptionError naming ``what`` (``dimensions[0]: the value of dimension 'x'``)."""
    try:
        return plain_text(value)
    except ValueError as exc:
        raise OptionError("%s %s" % (what, exc)) from None
