# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The HTML report: one self-contained page (inline CSS and SVG; no script, no network, no web font). Pure.

An overview table, then per region its state, its facts and quota usage, the checked labels, and
four charts of the window: sends and deliveries, bounces and complaints, and the bounce and
complaint rates against AWS's review and pause levels (with the check's reputation rates marked). A region that could not be read says so and
has no chart. Prints on A4, a region a page.
"""

from __future__ import annotations

import datetime
from html import escape

from ansible_collections.sesmon.ses.plugins.plugin_utils.report_data import aws_levels, bins, collect, number, parse_time
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_svg import line_chart, state_icon
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_text import (
    NOT_AVAILABLE, check_rows, count, duration_text, fraction_percent, headline, one_line, region_facts, when_text)

__all__ = ["render_html", "CSS"]

CSS = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 14px; color: #111; background: #fff; }
body { max-width: 1000px; margin: 0 auto; padding: 16px; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 0.4rem; }
h2 { font-size: 1.3rem; margin: 0 0 0.6rem; display: flex; align-items: center; gap: 0.4rem; flex-wrap: wrap; }
p, li { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.4rem 0 0.8rem; }
th, td { border: 1px solid #888; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
.state { font-weight: bold; }
.state .icon, h2 .icon { vertical-align: -3px; margin-right: 3px; }
h2 .icon { width: 22px; height: 22px; }
section.region { border-left: 8px solid #888; padding: 4px 0 4px 12px; margin: 28px 0; }
section.state-OK { border-left-color: #2e7d32; }
section.state-WARNING { border-left-color: #b26a00; border-left-style: double; }
section.state-CRITICAL, section.state-FAILED { border-left-color: #b71c1c; border-left-style: double; border-left-width: 12px; }
.failed-box { border: 3px double #b71c1c; padding: 8px; font-weight: bold; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 12px; }
figure { margin: 0; break-inside: avoid; }
svg.chart { width: 100%; height: auto; display: block; border: 1px solid #ccc; font-size: 12px; }
svg.chart .chart-title { font-size: 14px; font-weight: bold; }
svg.chart .grid { stroke: #ddd; stroke-width: 1; }
svg.chart .axis-line, svg.chart .tick { stroke: #333; stroke-width: 1; }
svg.chart .axis-label { font-style: italic; }
svg.chart .empty { font-size: 14px; fill: #333; }
.quota svg { width: 100%; max-width: 420px; height: auto; }
.muted { color: #444; }
@media (max-width: 640px) {
  table { font-size: 12px; }
  th, td { padding: 2px 3px; }
}
@media print {
  html { font-size: 11px; }
  body { max-width: none; padding: 0; }
  section.region { break-before: page; margin: 0; }
  .charts { grid-template-columns: 1fr 1fr; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _state(state):
    if not state:
        return '<span class="state">–</span>'
    return '<span class="state state-%s">%s%s</span>' % (escape(state), state_icon(state), escape(state))


def _table(header, rows, widths=None):
    cols = "".join('<col style="width:%s">' % width for width in widths) if widths else ""
    head = "".join("<th>%s</th>" % escape(cell) for cell in header)
    body = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % cell for cell in row) for row in rows)
    return "<table><colgroup>%s</colgroup><thead><tr>%s</tr></thead><tbody>%s</tbody></table>" % (cols, head, body)


def _quota_bar(stats):
    quota = (stats or {}).get("quota") or {}
    used = number(quota.get("utilization_percent"))
    if quota.get("unlimited") or used is None:
        return ""
    width = 400.0 * min(max(used, 0.0), 100.0) / 100.0
    label = "24-hour quota used: %s" % fraction_percent(used / 100.0)
    return ('<div class="quota"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 34" role="img" aria-label="%s">'
            '<rect x="1" y="1" width="400" height="16" fill="#fff" stroke="#333"/>'
            '<rect x="1" y="1" width="%.1f" height="16" fill="#1f4e79" stroke="#1f4e79"/>'
            '<text x="1" y="31" font-size="11">%s</text></svg></div>' % (escape(label), width, escape(label)))


def _charts(region, index, levels):
    stats = region.get("stats")
    if not stats:
        return '<p class="muted">No send statistics for this region: run ses_send_stats to chart it.</p>' if not region.get("stats_error") else ""
    table = bins(stats)
    if table is None:
        return '<p><strong>No send statistics datapoint in the window: nothing was sent.</strong></p>'
    rows, start, end = table["rows"], table["start"], table["end"]
    step = duration_text(table["seconds"])

    half = datetime.timedelta(seconds=table["seconds"] / 2.0)

    def points(key):
        return [(row["start"] + half, row[key]) for row in rows]

    def reputation(label):
        """The check's AWS reputation rate (ses_metric_check, latest) as a mark at its datapoint's time, if in the window."""
        for metric in region.get("checks") or []:
            when = parse_time(metric.get("newest_datapoint"))
            if metric.get("label") == label and number(metric.get("value")) is not None and when and start <= when <= end:
                return [("reputation", "AWS reputation rate (%s)" % one_line(metric.get("statistic"), 20), when, metric["value"])]
        return []

    def review_pause(key):
        return [("review", "review %s" % fraction_percent(levels[key][0]), levels[key][0]),
                ("pause", "pause %s" % fraction_percent(levels[key][1]), levels[key][1])]

    name = one_line(region["name"], 24)  # a chart title stays on its line
    prefix = "r%d" % index
    charts = [
        line_chart(prefix + "-volume", "%s: sends and deliveries per %s" % (name, step), start, end,
                   [("sends", "sends (delivery attempts)", points("attempts")), ("delivered", "delivered (sends - bounces)", points("delivered"))],
                   "emails per %s" % step, count, empty_text="nothing sent"),
        line_chart(prefix + "-problems", "%s: bounces and complaints per %s" % (name, step), start, end,
                   [("bounces", "bounces", points("bounces")), ("complaints", "complaints", points("complaints"))],
                   "emails per %s" % step, count, empty_text="no bounce, no complaint"),
        line_chart(prefix + "-bounce-rate", "%s: bounce rate (observed) and AWS's levels" % name, start, end,
                   [("bounce_rate", "bounce rate per %s" % step, points("bounce_rate"))], "bounces / sends", fraction_percent,
                   integer=False, levels=review_pause("bounce"), empty_text="no delivery attempt", marks=reputation("emails-rejected")),
        line_chart(prefix + "-complaint-rate", "%s: complaint rate (observed) and AWS's levels" % name, start, end,
                   [("complaint_rate", "complaint rate per %s" % step, points("complaint_rate"))], "complaints / sends", fraction_percent,
                   integer=False, levels=review_pause("complaint"), empty_text="no delivery attempt", marks=reputation("emails-spam")),
    ]
    return '<div class="charts">%s</div>' % "".join('<figure>%s</figure>' % chart for chart in charts)


def _region(region, index, levels):
    state, note = headline(region, levels)
    heading = escape(one_line(region["name"])) + (" %s" % _state(state) if state else "")
    heading += ' <small class="muted">(%s)</small>' % escape(note) if note else ""
    parts = ['<section class="region state-%s" id="region-%d"><h2>%s</h2>' % (escape(state or "none"), index, heading)]
    if state == "FAILED":
        messages = [region["stats_error"]] if region.get("stats_error") else []
        parts.append('<p class="failed-box">%sNothing could be read in this region (failed, not zero): %s</p>'
                     % (state_icon("FAILED"), escape("; ".join(one_line(m) for m in messages + region["check_errors"]))))
    facts = region_facts(region, levels)
    if facts and state != "FAILED":
        parts.append(_table(["what", "state", "value"], [(escape(f["what"]), _state(f["state"]) if f["state"] else "", escape(f["text"]))
                                                         for f in facts], ["24%", "18%", "58%"]))
        parts.append(_quota_bar(region.get("stats")))
    rows = check_rows(region)
    if rows:
        parts.append(_table(["checked label", "state", "value", "warning", "critical"],
                            [(escape(label), _state(row_state), escape(value + ("; " + note if note else "")), escape(warn), escape(crit))
                             for label, row_state, value, warn, crit, note in rows], ["34%", "18%", "24%", "12%", "12%"]))
    if region["check_errors"] and state != "FAILED":
        items = ["<li>%s check failed: %s</li>" % (_state("FAILED"), escape(one_line(message))) for message in region["check_errors"]]
        parts.append("<ul>%s</ul>" % "".join(items))
    parts.append(_charts(region, index, levels))
    parts.append("</section>")
    return "".join(parts)


def _overview(regions, levels):
    rows = []
    for index, region in enumerate(regions):
        facts = dict((fact["key"], fact) for fact in region_facts(region, levels))
        state, note = headline(region, levels)
        cells = ['<a href="#region-%d">%s</a>' % (index, escape(one_line(region["name"]))), _state(state) + (" (%s)" % escape(note) if note else "")]
        if "failed" in facts:
            cells += [_state("FAILED") + " send statistics could not be read", "–", "–", "–"]
        else:
            for key in ("quota_used", "bounce", "complaint", "account"):
                fact = facts.get(key)
                cells.append(NOT_AVAILABLE if fact is None else
                             (_state(fact["state"]) + " " if fact["state"] not in (None, "OK") else "") + escape(fact["short"]))
        rows.append(cells)
    return _table(["region", "state", "quota used (24 h)", "bounce rate", "complaint rate", "account"], rows,
                  ["13%", "17%", "22%", "14%", "14%", "20%"])


def render_html(results, title="Amazon SES report"):
    """The report of ``results`` (see report_data.collect) as one HTML document."""
    regions, notes = collect(results)
    levels = aws_levels()
    body = ["<h1>%s</h1>" % escape(one_line(title))]
    ends = [when_text(((r["stats"] or {}).get("window") or {}).get("end")) for r in regions if r["stats"]]
    body.append('<p>%d region%s%s. Observed rates are computed from the send statistics. AWS reviews an account at a bounce rate of %s '
                'and may pause its sending at %s; for complaints at %s and %s. States read as words and icons.</p>'
                % ((len(regions), "" if len(regions) == 1 else "s", (", send statistics read at %s" % escape(max(ends))) if ends else "")
                   + tuple(fraction_percent(value) for value in levels["bounce"] + levels["complaint"])))
    if regions:
        body.append(_overview(regions, levels))
    body.extend(_region(region, index, levels) for index, region in enumerate(regions))
    if notes:
        body.append("<ul>%s</ul>" % "".join("<li>%s</li>" % escape(note) for note in notes))
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<title>%s</title><style>%s</style></head><body>%s</body></html>\n'
            % (escape(one_line(title)), CSS, "\n".join(body).replace(" %", "\u00a0%")))  # "10 %" never broken before its %
