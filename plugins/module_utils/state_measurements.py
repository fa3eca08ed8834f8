# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Measurements whose state is not a number against thresholds: "no data" read as OK, account states, a percentage.

They plug into ``nagios_report.build_report`` like any ``nagios_report.Measurement``: the report reads ``state``,
``item_text()``, ``has_perfdata`` and ``perfdata()``.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import UNKNOWN, Measurement

__all__ = ["FixedStateMeasurement", "PercentMeasurement"]


class FixedStateMeasurement(Measurement):
    """A measurement with a state decided by a rule (``fixed_state``) and a text instead of a value.

    ``fixed_state`` None leaves the state to the thresholds (a numeric value), as in Measurement.
    """

    __slots__ = ("fixed_state", "shown")

    def __init__(self, instance, statistic, label, text, perfdata_label, fixed_state=None, shown=None, **kwargs):
        super().__init__(instance, statistic, label, text, perfdata_label, **kwargs)
        self.fixed_state = fixed_state
        self.shown = shown

    @property
    def state(self):
        if self.problem:
            return UNKNOWN
        if self.fixed_state is not None:
            return self.fixed_state
        return Measurement.state.fget(self)

    @property
    def has_perfdata(self):
        return self.fixed_state is None and Measurement.has_perfdata.fget(self)

    def item_text(self):
        if self.problem or self.shown is None:
            return Measurement.item_text(self)
        return "%s: %s" % (self.text, self.shown)


class PercentMeasurement(FixedStateMeasurement):
    """A percentage 0..100: text ``12.50%``, perfdata ``'label'=12.5%;warn;crit;0;100``."""

    __slots__ = ()

    perfdata_unit = "%"
    perfdata_min = 0
    perfdata_max = 100

    def item_text(self):
        if self.problem or self.shown is not None or self.value is None:
            return FixedStateMeasurement.item_text(self)
        return "%s: %.2f%%" % (self.text, self.value)
