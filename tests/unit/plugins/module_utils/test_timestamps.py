# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, iso_timestamp, parse_iso_timestamp, utc_now


def test_iso_timestamp_is_utc_whole_seconds_with_z():
    paris = timezone(timedelta(hours=2))
    assert iso_timestamp(datetime(2024, 5, 1, 12, 15, 30, 123456, tzinfo=paris)) == "2024-05-01T10:15:30Z"
    assert iso_timestamp(datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=-5)))) == "2024-05-01T17:00:00Z"
    assert iso_timestamp(datetime(2024, 5, 1, 10, 15)) == "2024-05-01T10:15:00Z"  # naive = UTC
    assert iso_timestamp(None) is None


@pytest.mark.parametrize("text", ["2024-05-01T10:15:00Z", "2024-05-01T10:15:00z", "2024-05-01T12:15:00+02:00", " 2024-05-01T10:15:00 "])
def test_as_utc_reads_iso_text(text):
    assert as_utc(text) == datetime(2024, 5, 1, 10, 15, tzinfo=timezone.utc)


def test_parse_iso_timestamp_refuses_other_text():
    with pytest.raises(ValueError):
        parse_iso_timestamp("last tuesday")


def test_utc_now_is_aware_utc():
    assert utc_now().tzinfo == timezone.utc
