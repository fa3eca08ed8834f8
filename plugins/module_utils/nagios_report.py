# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Measured values + thresholds -> states, the Centreon-style output line and perfdata.

This reproduces the output of Centreon's ``cloud::aws::ses`` plugin, ``emails`` mode, laid out as
its counter template does (centreon/plugins/templates/counter.pm, run_multiple and
run_multiple_instances; output.pm output_add and output_txt):

* a group is one instance x statistic, ``'SES' Statistic 'Average' Metrics <item>, <item>``;
* every non-OK item of a group is listed under the group's worst state, so a critical rate and a
  warning count read ``CRITICAL: 'SES' Statistic 'Average' Metrics rate of ...: 0.03, number of ...: 19.00``;
* the sections are ``CRITICAL: ... WARNING: ... UNKNOWN: ...``, each present when some group has that
  worst state; within a section an instance's name is written once, before its first group, and
  groups are separated by `` - ``;
* all OK: ``OK: 'SES' Statistic 'Average' Metrics <every item>`` for one instance with one statistic,
  ``OK: 'SES' All metrics are ok`` for one instance with several, ``OK: All emails metrics are ok``
  for several instances;
* perfdata ``'<instance>~<statistic>#<label>'=<value><unit>;<warn>;<crit>;<min>;<max>`` (no unit, min or
  max for CloudWatch metrics, as Centreon), the value as Perl prints a number (15 significant digits,
  but never an exponent), the thresholds as typed.

One difference on purpose: fractions are shown with enough digits to mean something
(``0.001 (0.10%)``) where Centreon prints ``0.00``.
"""

from __future__ import annotations

import copy
import math
from decimal import Decimal

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import format_number
from ansible_collections.sesmon.ses.plugins.module_utils.metric_statistics import CLOUDWATCH_STATISTICS

__all__ = [
    "OK", "WARNING", "CRITICAL", "UNKNOWN", "STATE_NAMES", "STATE_CODES", "UNITS",
    "NO_METRICS_OUTPUT", "ALL_OK_OUTPUT",
    "state_name", "state_code", "worst_state", "evaluate", "statistic_title", "format_value",
    "perfdata_item", "Measurement", "Report", "build_report",
]

OK = 0
WARNING = 1
CRITICAL = 2
UNKNOWN = 3

STATE_NAMES = {OK: "OK", WARNING: "WARNING", CRITICAL: "CRITICAL", UNKNOWN: "UNKNOWN"}
STATE_CODES = dict((name, code) for code, name in STATE_NAMES.items())

# Worst first: a real alert is never masked by a stale or missing metric.
_PRECEDENCE = (CRITICAL, WARNING, UNKNOWN, OK)

UNITS = ("count", "fraction")

NO_METRICS_OUTPUT = "UNKNOWN: No metrics. Check your options or use the zeroed option to set 0 on undefined values"
ALL_OK_OUTPUT = "OK: All emails metrics are ok"
# emails.pm's message_multiple of the 'statistics' group: one instance, several statistics, all OK.
_ALL_STATISTICS_OK = "All metrics are ok"

# Beyond this many decimals a fraction is shown as zero rather than as a wall of digits.
_MAX_DECIMALS = 12


def state_name(code):
    """``2`` -> ``'CRITICAL'``."""
    try:
        return STATE_NAMES[code]
    except (KeyError, TypeError):
        raise ValueError("unknown state code %r" % (code,)) from None


def state_code(name):
    """``'critical'`` or ``'CRITICAL'`` -> ``2``."""
    try:
        return STATE_CODES[str(name).upper()]
    except KeyError:
        raise ValueError("unknown state name %r" % (name,)) from None


def worst_state(states):
    """The overall state: CRITICAL > WARNING > UNKNOWN > OK; ``None`` (no data) is ignored; empty -> OK."""
    present = set(state for state in states if state is not None)
    for state in _PRECEDENCE:
        if state in present:
            return state
    unknown = present - set(_PRECEDENCE)
    if unknown:
        raise ValueError("unknown state code %r" % (sorted(unknown)[0],))
    return OK


def evaluate(value, warning=None, critical=None):
    """State of one value; ``critical`` is checked first. A NaN or infinite value is UNKNOWN."""
    value = float(value)
    if not math.isfinite(value):
        return UNKNOWN
    if critical is not None and critical.alerts(value):
        return CRITICAL
    if warning is not None and warning.alerts(value):
        return WARNING
    return OK


def statistic_title(statistic):
    """``'sample_count'`` -> ``'SampleCount'``, ``'average'`` -> ``'Average'`` (CloudWatch spelling)."""
    if statistic in CLOUDWATCH_STATISTICS:
        return CLOUDWATCH_STATISTICS[statistic]
    return "".join(part[:1].upper() + part[1:] for part in str(statistic).split("_"))


def _decimals_for(value):
    """At least 2 decimals, and enough to show 2 significant digits."""
    if value == 0:
        return 2
    exponent = Decimal(repr(abs(value))).adjusted()
    return min(_MAX_DECIMALS, max(2, 1 - exponent))


def _short_text(value):
    """``0.05`` -> ``0.05``, ``0.001`` -> ``0.001``, ``0.00012`` -> ``0.00012``, ``0`` -> ``0.00``."""
    text = "%.*f" % (_decimals_for(value), value)
    # Zeros added only to reach 2 significant digits are noise: keep at least 2 decimals.
    integer, _dot, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    decimals += "0" * (2 - len(decimals))
    text = "%s.%s" % (integer, decimals)
    return "0.00" if text == "-0.00" else text


def format_value(value, unit):
    """Human text of a value: counts as ``10.00``; fractions as ``0.001 (0.10%)``."""
    if unit not in UNITS:
        raise ValueError("unit must be one of %s, not %r" % (", ".join(UNITS), unit))
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if unit == "count":
        text = "%.2f" % value
        return "0.00" if text == "-0.00" else text
    return "%s (%s%%)" % (_short_text(value), _short_text(value * 100))


def _quote_label(label):
    """Perfdata label in single quotes; a quote inside is doubled (monitoring-plugins rule)."""
    return "'%s'" % label.replace("'", "''")


def perfdata_item(instance, statistic, perfdata_label, value, warning=None, critical=None, unit="", minimum=None, maximum=None):
    """``'SES~average#ses.emails.sent.count'=10;0:5;0:50;;`` (value unrounded), the one place perfdata text is made.

    An item carries its unit, min and max, as nagiosplugin's Performance does: ``unit="%", minimum=0,
    maximum=100`` gives ``'SES~latest#ses.quota.usage.percentage'=12.5%;;;0;100``; without them the
    unit is absent and min and max empty, as Centreon prints its AWS/SES metrics.

    Values keep 15 significant digits, as Perl prints a number (Centreon prints its value as is):
    an average of averages such as 0.0075358333333333345 reads 0.00753583333333333. Unlike Perl,
    never an exponent (1e-05 is written 0.00001), which the perfdata format does not allow.
    """
    label = _quote_label("%s~%s#%s" % (instance, statistic, perfdata_label))
    warn = warning.normalized() if warning is not None else ""
    crit = critical.normalized() if critical is not None else ""
    low = format_number(minimum) if minimum is not None else ""
    high = format_number(maximum) if maximum is not None else ""
    return "%s=%s%s;%s;%s;%s;%s" % (label, format_number(float("%.15g" % value)), unit, warn, crit, low, high)


class Measurement:
    """One instance x metric x statistic, with its value (``None`` = no datapoints) and thresholds.

    ``perfdata_unit``, ``perfdata_min`` and ``perfdata_max`` are what its perfdata item carries
    besides the value and thresholds: none for a CloudWatch metric, as Centreon prints them.
    """

    __slots__ = ("instance", "statistic", "label", "text", "perfdata_label", "unit", "value",
                 "warning", "critical", "unknown_reason")

    perfdata_unit = ""
    perfdata_min = None
    perfdata_max = None

    def __init__(self, instance, statistic, label, text, perfdata_label, unit="count", value=None,
                 warning=None, critical=None, unknown_reason=None):
        if unit not in UNITS:
            raise ValueError("unit must be one of %s, not %r" % (", ".join(UNITS), unit))
        if isinstance(value, bool):
            raise TypeError("value must be a number or None, not a boolean")
        self.instance = instance
        self.statistic = statistic
        self.label = label
        self.text = text
        self.perfdata_label = perfdata_label
        self.unit = unit
        self.value = None if value is None else float(value)
        self.warning = warning
        self.critical = critical
        self.unknown_reason = unknown_reason

    def replace(self, **changes):
        """A copy with some fields changed (the original is left alone)."""
        other = copy.copy(self)
        for name, new in changes.items():
            setattr(other, name, new)
        return other

    @property
    def problem(self):
        """Why the state is UNKNOWN regardless of thresholds, or ``None``."""
        if self.unknown_reason:
            return self.unknown_reason
        if self.value is not None and not math.isfinite(self.value):
            return "value %s is not a finite number" % self.value
        return None

    @property
    def has_perfdata(self):
        return self.value is not None and math.isfinite(self.value)

    @property
    def state(self):
        """UNKNOWN with a problem; ``None`` without data (left out of the output); else by thresholds."""
        if self.problem:
            return UNKNOWN
        if self.value is None:
            return None
        return evaluate(self.value, self.warning, self.critical)

    def item_text(self):
        """``number of sent emails: 10.00`` or, when UNKNOWN, ``<text>: <why>``."""
        problem = self.problem
        if problem:
            return "%s: %s" % (self.text, problem)
        return "%s: %s" % (self.text, format_value(self.value, self.unit))

    def perfdata(self):
        return perfdata_item(self.instance, self.statistic, self.perfdata_label, self.value, self.warning, self.critical,
                             unit=self.perfdata_unit, minimum=self.perfdata_min, maximum=self.perfdata_max)

    def as_dict(self):
        state = self.state
        return {
            "instance": self.instance,
            "statistic": self.statistic,
            "label": self.label,
            "perfdata_label": self.perfdata_label,
            "unit": self.unit,
            "value": self.value,
            "warning": None if self.warning is None else self.warning.normalized(),
            "critical": None if self.critical is None else self.critical.normalized(),
            "state": state,
            "status": None if state is None else STATE_NAMES[state],
            "unknown_reason": self.problem,
        }

    def __repr__(self):
        return "Measurement(%r, %r, %r, value=%r, state=%r)" % (self.instance, self.statistic, self.label, self.value, self.state)


class Report:
    """Result of build_report: ``status`` (name), ``exit_code``, ``output``, ``perfdata``, ``states``, ``measurements``."""

    __slots__ = ("exit_code", "output", "perfdata", "states", "measurements")

    def __init__(self, exit_code, output, perfdata, states, measurements):
        self.exit_code = exit_code
        self.output = output
        self.perfdata = perfdata
        self.states = states
        self.measurements = measurements

    @property
    def status(self):
        return STATE_NAMES[self.exit_code]

    def as_dict(self):
        return {
            "status": self.status,
            "exit_code": self.exit_code,
            "output": self.output,
            "perfdata": self.perfdata,
            "measurements": [measurement.as_dict() for measurement in self.measurements],
        }

    def __repr__(self):
        return "Report(%s, %r)" % (self.status, self.output)


def _groups(measurements):
    """One group per (instance, statistic), in order of first appearance, of the measurements with data."""
    groups = []
    index = {}
    for measurement in measurements:
        if measurement.state is None:
            continue
        key = (measurement.instance, measurement.statistic)
        if key not in index:
            index[key] = len(groups)
            groups.append((key, []))
        groups[index[key]][1].append(measurement)
    return groups


class _Sections:
    """output.pm's short outputs: one text per state, messages joined by ' - ' (output_add)."""

    def __init__(self):
        self.texts = {}

    def add(self, state, message, separator=" - "):
        if state in self.texts:
            self.texts[state] += separator + message
        else:
            self.texts[state] = message


def _layout(groups, problems):
    """The short outputs per state, built as counter.pm's run_multiple / run_multiple_instances do."""
    sections = _Sections()
    instances = []
    for (instance, _statistic), _members in groups:
        if instance not in instances:
            instances.append(instance)
    several_instances = len(instances) > 1
    if several_instances:
        sections.add(OK, ALL_OK_OUTPUT[len("OK: "):])
    for instance in instances:
        mine = [(key, members) for key, members in groups if key[0] == instance]
        several_statistics = len(mine) > 1
        started = set()  # states whose section already holds this instance's name (run_multiple_prefix_output)

        def emit(state, message):
            if state in started:
                sections.add(state, message)
            else:
                started.add(state)
                sections.add(state, "'%s' " % instance)
                sections.add(state, message, separator="")

        for (_instance, statistic), members in mine:
            prefix = "Statistic '%s' Metrics " % statistic_title(statistic)
            state = worst_state(member.state for member in members)
            if state != OK:
                emit(state, prefix + ", ".join(member.item_text() for member in members if member.state != OK))
            if not several_statistics and not several_instances:
                emit(OK, prefix + ", ".join(member.item_text() for member in members))
        if several_statistics and not several_instances:
            emit(OK, _ALL_STATISTICS_OK)
    for problem in problems:
        sections.add(UNKNOWN, problem)
    return sections.texts


def build_report(measurements, zeroed=False, problems=()):
    """Build the check result; ``zeroed`` turns "no datapoints" into 0, as Centreon's ``--zeroed``.

    ``problems`` are texts of failures not tied to one measurement (e.g. a region AWS could not
    answer for): each is listed in the UNKNOWN section and makes the status at least UNKNOWN.
    """
    resolved = []
    for measurement in measurements:
        if zeroed and measurement.value is None:
            measurement = measurement.replace(value=0.0)
        resolved.append(measurement)
    states = [measurement.state for measurement in resolved]
    problems = [problem for problem in problems if problem]

    if all(state is None for state in states) and not problems:
        return Report(UNKNOWN, NO_METRICS_OUTPUT, "", states, resolved)

    perfdata = " ".join(measurement.perfdata() for measurement in resolved if measurement.has_perfdata)
    status = worst_state(states + ([UNKNOWN] if problems else []))
    texts = _layout(_groups(resolved), problems)
    # output.pm output_txt_short_display: CRITICAL, WARNING, UNKNOWN, and OK only when all is OK.
    shown = (CRITICAL, WARNING, UNKNOWN) if status != OK else (OK,)
    line = " ".join("%s: %s" % (STATE_NAMES[state], texts[state]) for state in shown if state in texts)

    output = "%s | %s" % (line, perfdata) if perfdata else line
    return Report(status, output, perfdata, states, resolved)
