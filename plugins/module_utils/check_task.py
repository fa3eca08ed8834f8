# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ``ses_metric_check`` module's run: options -> each label source's requests -> one report -> the result.

Pure except that ``run_check`` is handed the session the sources call AWS with. The sources
(sources/registry.py) do the reading and measuring; this file only loops over them, builds the one
report and the result, and decides the gate.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_report import build_report
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import build_plan, should_fail
from ansible_collections.sesmon.ses.plugins.module_utils.gate_message import gate_message
from ansible_collections.sesmon.ses.plugins.module_utils.regions import attempt, for_each_region, resolve_regions
from ansible_collections.sesmon.ses.plugins.module_utils.sources.registry import SOURCES
from ansible_collections.sesmon.ses.plugins.module_utils.timestamps import as_utc, utc_now

__all__ = ["run_check"]


def run_check(params, session, now=None):
    """The module's whole job; returns the result dict (``failed``/``msg`` set when fail_on says so)."""
    plan = build_plan(params)
    regions = resolve_regions(params.get("regions"), lambda: session.default_region, params.get("endpoint_url"))
    now = as_utc(now or utc_now())
    runs = [(source, source.prepare(plan, regions, now)) for source in SOURCES]
    runs = [(source, run) for source, run in runs if run is not None]

    def work(region):
        # Each source's calls in one region, one after the other; one source's failure never hides another's answer.
        return [attempt(region, lambda run=run: run.work(session, region)) for _source, run in runs]

    by_region = dict((outcome.region, outcome.value) for outcome in for_each_region(regions, work))
    parts = [(source, run, run.finish(dict((region, by_region[region][index]) for region in regions)))
             for index, (source, run) in enumerate(runs)]

    reported, problems, entries, gate_errors = [], [], [], {}
    for source, run, part in parts:
        reported.extend(part.reported)
        problems.extend(part.problems)
        entries.extend(part.entries)
        gate_errors.update(part.gate_errors)
        # A source whose labels all lack data must not be read as OK because another source's labels have a state.
        no_data = getattr(run, "no_data_problem", lambda _part: None)(part)
        if no_data and len(parts) > 1:
            problems.append(no_data)
    # Errors region by region, in the sources' order within a region.
    order = dict((region, index) for index, region in enumerate(regions))
    keyed = [((order[region], position, rank), fields) for position, (_source, _run, part) in enumerate(parts)
             for rank, (region, fields) in enumerate(part.errors)]
    errors = [fields for _key, fields in sorted(keyed, key=lambda item: item[0])]
    advice = [part.advice for _source, _run, part in parts if part.advice]

    report = build_report(reported, problems=problems)
    result = {"changed": False, "status": report.status, "exit_code": report.exit_code, "output": report.output,
              "perfdata": report.perfdata, "metrics": entries}
    for _source, _run, part in parts:
        result.update(part.extra)
    for source in SOURCES:
        result[source.REQUESTS_KEY] = sum(part.requests for _s, _r, part in parts if _s is source)
    result.update(retry_attempts=session.retry_attempts, errors=errors,
                  warnings=[error["message"] for error in errors] + advice)
    if should_fail(report.status, plan.fail_on):
        result["failed"] = True
        result["msg"] = gate_message(plan.fail_on, entries, plan.preset, gate_errors, advice[0] if advice else None)
    return result
