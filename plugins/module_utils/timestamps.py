# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's one time format: aware UTC datetimes in, ISO 8601 UTC with ``Z`` out."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now():
    return datetime.now(timezone.utc)


def parse_iso_timestamp(text):
    """A datetime from ISO 8601 text, ``Z`` or an offset allowed; ValueError if it is not one."""
    text = text.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"  # fromisoformat learnt "Z" only in Python 3.11
    return datetime.fromisoformat(text)


def as_utc(value):
    """An aware UTC datetime from a datetime (naive = UTC) or an ISO 8601 string."""
    if isinstance(value, str):
        value = parse_iso_timestamp(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def iso_timestamp(value):
    """``2024-05-01T10:15:00Z``: ISO 8601, UTC, whole seconds; None stays None."""
    if value is None:
        return None
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")
