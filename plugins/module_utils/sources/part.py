# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a label source hands back to the check: its share of the report and of the result. Pure.

A source (one file of this package, listed in ``registry.SOURCES``) declares its labels and, for a
check, gives a run with ``work(session, region)`` (its AWS calls in one region) and
``finish(outcomes)`` -> SourcePart. ``result_entry`` builds one item of the result's ``metrics``.
"""

from __future__ import annotations

from collections import namedtuple

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import STATE_NAMES, UNKNOWN
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import iso_timestamp

__all__ = ["RATE_DOMAIN", "COUNT_DOMAIN", "SourcePart", "result_entry"]

# (lowest value, highest value, what to say) of the values a label can take.
RATE_DOMAIN = (0.0, 1.0, "rates are fractions (0.1 is 10 %)")
COUNT_DOMAIN = (0.0, float("inf"), "counts are 0 or more")

SourcePart = namedtuple("SourcePart", ["entries", "reported", "problems", "errors", "requests", "gate_errors", "advice", "extra"])
SourcePart.__doc__ = """One source's share of a check.

``entries``: result ``metrics`` items, in result order; ``reported``: Measurements, in output order;
``problems``: texts for the output's UNKNOWN part; ``errors``: [(region, error dict)]; ``requests``:
how many requests it made; ``gate_errors``: {region: error dict} named once in a failed gate's msg;
``advice``: a warning for labels without data, or None; ``extra``: more result keys (dict).
"""


def result_entry(region, instance, dimensions, label, metric_name, unit, measurement, reading=None, region_error=None,
                 account_value=None):
    """One item of the result's ``metrics`` (documented in the module's RETURN)."""
    state = measurement.state
    return {
        "region": region,
        "instance": instance,
        "dimensions": dict(dimensions),
        "label": label,
        "metric_name": metric_name,
        "statistic": measurement.statistic,
        "value": measurement.value,
        "unit": unit,
        "state": STATE_NAMES[UNKNOWN] if region_error else (None if state is None else STATE_NAMES[state]),
        "warning": None if measurement.warning is None else measurement.warning.normalized(),
        "critical": None if measurement.critical is None else measurement.critical.normalized(),
        "datapoint_count": 0 if reading is None else reading.count,
        "newest_datapoint": None if reading is None else iso_timestamp(reading.newest),
        "newest_datapoint_age_seconds": None if reading is None else reading.age,
        "account_value": account_value,
        "unknown_reason": region_error or measurement.problem,
    }
