# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The volume floor (``min_volume``): a reputation rate read over too few sends is OK, its value kept. Pure.

AWS does not compute the reputation rates over a time window but over a "representative volume" of
recent mail (SES Developer Guide, "Using reputation metrics to track bounce and complaint rates"; the
SES blog "Announcing the Reputation Dashboard" shows why: 1 bounce in 5 sends is a 20 % rate). A
rate over a handful of sends says little, so a check may wait for enough sends before it judges
one. The floor is the user's number: AWS publishes none.

The sends are CloudWatch ``Send``, Sum, over the rate's own window (``reputation_lookback`` for
``latest``, ``timeframe`` for the other statistics), asked in the same GetMetricData request as the
rate. No ``Send`` datapoint in that window is 0 sends.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import OK, UNKNOWN, Measurement, format_value

__all__ = ["VOLUME_METRIC", "parse_min_volume", "sends_in", "below_floor", "volume_entry", "FloorMeasurement"]

VOLUME_METRIC = "Send"  # CloudWatch AWS/SES Send: the emails SES accepted to send (SES Developer Guide, "Monitor ... using CloudWatch")


def parse_min_volume(value):
    """The min_volume option: None or 0 (off) -> None, else a whole number of sends; OptionError naming it."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise OptionError("min_volume must be a whole number of sends (0 or more; 0 turns the floor off), got %r" % (value,))
    if value < 0:
        raise OptionError("min_volume must be 0 or more (0 turns the floor off), got %d" % value)
    return value or None


def sends_in(series):
    """The sends a ``Send`` Sum series (already cut to the rate's window) holds: 0 without datapoints, None when
    the query failed or is partial (then the floor is not applied: the rate is judged)."""
    if series is None or series.problem is not None:
        return None
    total = sum(series.points.values())
    return int(total) if float(total).is_integer() else total


def below_floor(sends, floor):
    """True when the floor applies: a known number of sends under ``floor`` (``sends == floor`` is judged)."""
    return floor is not None and sends is not None and sends < floor


def volume_entry(sends, floor):
    """The result entry's ``volume`` of a rate label when min_volume is set."""
    return {"sends": sends, "floor": floor, "below_floor": below_floor(sends, floor)}


def _count(number):
    return "%d" % number if float(number).is_integer() else "%g" % number


class FloorMeasurement(Measurement):
    """A rate under the volume floor: OK whatever its value (kept, with its perfdata), unless its query failed."""

    __slots__ = ("sends", "floor")

    def __init__(self, instance, statistic, label, text, perfdata_label, sends=0, floor=1, **kwargs):
        super().__init__(instance, statistic, label, text, perfdata_label, **kwargs)
        self.sends = sends
        self.floor = floor

    @property
    def state(self):
        return UNKNOWN if self.problem else OK

    def item_text(self):
        if self.problem:
            return Measurement.item_text(self)
        value = "no data" if self.value is None else format_value(self.value, self.unit)
        return "%s: %s, below the volume floor (%s of %s sends)" % (self.text, value, _count(self.sends), _count(self.floor))
