# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's one time format: aware UTC datetimes in, ISO 8601 UTC with ``Z`` out.

ISO 8601 text is read by python-dateutil's ``isoparse`` (botocore requires dateutil), not by
``datetime.fromisoformat``, whose accepted forms change with the managed node's Python version.
"""

from __future__ import annotations

import re
import traceback
from datetime import datetime, timezone

try:
    from dateutil.parser import isoparse
except ImportError:
    isoparse = None
    DATEUTIL_IMPORT_ERROR = traceback.format_exc()
else:
    DATEUTIL_IMPORT_ERROR = None

# A full calendar date first: ISO 8601's reduced forms would read "3600" (meant as seconds) as the year 3600.
_FULL_DATE = re.compile(r"^\d{4}-?\d{2}-?\d{2}(?:[T ]|$)")


def utc_now():
    return datetime.now(timezone.utc)


def parse_iso_timestamp(text):
    """A datetime from ISO 8601 text, ``Z`` or an offset allowed; ValueError if it is not one."""
    if isoparse is None:
        raise ValueError("reading ISO 8601 timestamps needs python-dateutil (botocore brings it): %s" % DATEUTIL_IMPORT_ERROR.strip().splitlines()[-1])
    text = text.strip()
    if not _FULL_DATE.match(text):
        raise ValueError("%r is not an ISO 8601 timestamp: it must start with a full date (YYYY-MM-DD)" % text)
    try:
        return isoparse(text)
    except (ValueError, OverflowError) as exc:
        # isoparse's own messages ("invalid literal for int()...") would not tell the user what is wrong.
        raise ValueError("%r is not an ISO 8601 timestamp (%s)" % (text, exc)) from None


def as_utc(value):
    """An aware UTC datetime from a datetime (naive = UTC) or an ISO 8601 string."""
    if isinstance(value, str):
        value = parse_iso_timestamp(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    try:
        return value.astimezone(timezone.utc)
    except OverflowError:
        # 9999-12-31T23:00:00-05:00 is past the last datetime in UTC: the far future (or, for year 1, the far past).
        return (datetime.max if value.year > 1 else datetime.min).replace(tzinfo=timezone.utc)


def iso_timestamp(value):
    """``2024-05-01T10:15:00Z``: ISO 8601, UTC, whole seconds; None stays None."""
    if value is None:
        return None
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")
