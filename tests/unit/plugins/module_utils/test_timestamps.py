# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils import timestamps
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp, parse_iso_timestamp, utc_now

MAY_1 = datetime(2024, 5, 1, 10, 15, tzinfo=timezone.utc)


def test_iso_timestamp_is_utc_whole_seconds_with_z():
    paris = timezone(timedelta(hours=2))
    assert iso_timestamp(datetime(2024, 5, 1, 12, 15, 30, 123456, tzinfo=paris)) == "2024-05-01T10:15:30Z"
    assert iso_timestamp(datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=-5)))) == "2024-05-01T17:00:00Z"
    assert iso_timestamp(datetime(2024, 5, 1, 10, 15)) == "2024-05-01T10:15:00Z"  # naive = UTC
    assert iso_timestamp(None) is None


@pytest.mark.parametrize("text", ["2024-05-01T10:15:00Z", "2024-05-01T10:15:00z", "2024-05-01T12:15:00+02:00", " 2024-05-01T10:15:00 "])
def test_as_utc_reads_iso_text(text):
    assert as_utc(text) == MAY_1


@pytest.mark.parametrize("text, expected", [
    # Forms that datetime.fromisoformat refuses before Python 3.11: dateutil reads them on every node alike.
    ("20240501T101500Z", MAY_1),
    ("2024-05-01T12:15:00+0200", MAY_1),
    ("2024-05-01T10:15:00.5Z", MAY_1.replace(microsecond=500000)),
    ("2024-05-01T10:15:00.123456789Z", MAY_1.replace(microsecond=123456)),
    ("2024-05-01", MAY_1.replace(hour=0, minute=0)),
    ("2024-05-01T10:15", MAY_1),
])
def test_the_same_iso_forms_on_every_python(text, expected):
    assert as_utc(text) == expected


def test_it_is_dateutil_that_parses(monkeypatch):
    seen = []
    monkeypatch.setattr(timestamps, "isoparse", lambda text: seen.append(text) or MAY_1)
    assert parse_iso_timestamp(" 2024-05-01T10:15:00Z ") == MAY_1
    assert seen == ["2024-05-01T10:15:00Z"]


# Reduced ISO 8601 forms ("3600" would be the year 3600, "2024-05" a month) are refused: a full date comes first.
@pytest.mark.parametrize("text", ["last tuesday", "2024-05-01T25:00:00Z", "2024-13-01", "", "2024-05-01T10:15:00+25:00",
                                  "3600", "2024", "2024-05", "2024-W18-3", "12024-05-01"])
def test_parse_iso_timestamp_refuses_other_text(text):
    with pytest.raises(ValueError):
        parse_iso_timestamp(text)


def test_without_dateutil_parsing_is_a_clear_value_error(monkeypatch):
    monkeypatch.setattr(timestamps, "isoparse", None)
    monkeypatch.setattr(timestamps, "DATEUTIL_IMPORT_ERROR", "Traceback...\nModuleNotFoundError: No module named 'dateutil'\n")
    with pytest.raises(ValueError, match="python-dateutil .*No module named 'dateutil'"):
        parse_iso_timestamp("2024-05-01T10:15:00Z")


def test_utc_now_is_aware_utc():
    assert utc_now().tzinfo == timezone.utc
