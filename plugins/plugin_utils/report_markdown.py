# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The job summary in Markdown (GitHub/GitLab flavoured, readable as plain text). Pure.

An overview table, then per region a facts table, a table of the checked labels with their state
and levels, and a Unicode sparkline of the sends and bounces over the window. Every text that comes
from AWS or the user goes through ``escape()``: it cannot open a tag, a link, emphasis, a code span
or a table cell.
"""

from __future__ import annotations

import re

from ansible_collections.sesmon.ses.plugins.plugin_utils.report_data import aws_levels, bins, collect, number
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_text import (
    NOT_AVAILABLE, check_rows, count, duration_text, fraction_percent, headline, one_line, region_facts, state_text, when_text)

__all__ = ["escape", "sparkline", "render_markdown", "SPARK_WIDTH"]

# Characters of the sparkline: a bin with no send is a space, the others grow with the value.
SPARKS = "▁▂▃▄▅▆▇█"
SPARK_WIDTH = 60
# ASCII characters that mean something anywhere in a line to CommonMark, GFM (tables, strikethrough) or GitHub ($ math).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# What opens a block at the start of a line: headings, list markers, block quotes, setext underlines, ordered lists.
_LEADING = re.compile(r"[-+=>#]|[0-9]+[.)]")


def escape(value, line_start=False):
    """``value`` as literal Markdown text on one line: no markup, no HTML, no link, no cell break.

    ``line_start``: the text begins a line (or a list item), where a leading ``-``, ``#``, ``1.``... would open a block.
    """
    text = _SPECIAL.sub(r"\\\1", one_line(value))
    match = _LEADING.match(text) if line_start else None
    if match:
        text = match.group()[:-1] + "\\" + text[match.end() - 1:]
    return text


def sparkline(values):
    """One character per value: a space for 0 or none, else ▁ to █ in proportion to the largest."""
    top = max([number(value) or 0 for value in values] + [0])
    if top <= 0:
        return " " * len(values)
    chars = []
    for value in values:
        value = number(value) or 0
        chars.append(" " if value <= 0 else SPARKS[min(len(SPARKS) - 1, int(value * len(SPARKS) / float(top) - 1e-9))])
    return "".join(chars)


def _table(header, rows):
    lines = ["| %s |" % " | ".join(header), "|" + "---|" * len(header)]
    lines.extend("| %s |" % " | ".join(cell or " " for cell in row) for row in rows)
    return lines


def _overview_row(region, levels):
    facts = dict((fact["key"], fact) for fact in region_facts(region, levels))
    state, note = headline(region, levels)
    cells = [escape(region["name"]), (state_text(state) + (" (%s)" % note if note else "")) if state else "–"]
    if "failed" in facts:
        return cells + ["%s send statistics could not be read" % state_text("FAILED"), "–", "–", "–"]
    for key in ("quota_used", "bounce", "complaint", "account"):
        fact = facts.get(key)
        if fact is None:
            cells.append(NOT_AVAILABLE)
        else:
            icon = "%s " % state_text(fact["state"]).split(" ")[0] if fact["state"] not in (None, "OK") else ""
            cells.append(icon + escape(fact["short"]))
    return cells


def _sparklines(region):
    table = bins(region.get("stats"), max_bins=SPARK_WIDTH)
    if table is None:
        return ["_No send statistics datapoint in the window: nothing was sent._"] if region.get("stats") else []
    rows = table["rows"]
    sends = [row["attempts"] for row in rows]
    bounces = [row["bounces"] for row in rows]
    step = duration_text(table["seconds"])
    return [
        "```text",
        "sends    |%s| max %s per %s" % (sparkline(sends), count(max(sends)), step),
        "bounces  |%s| max %s per %s" % (sparkline(bounces), count(max(bounces)), step),
        "          %s → %s, one character = %s" % (when_text(table["start"]), when_text(table["end"]), step),
        "```",
    ]


def _region_lines(region, levels):
    state, note = headline(region, levels)
    title = "### %s: %s%s" % (escape(region["name"]), state_text(state) if state else "no state", " (%s)" % note if note else "")
    lines = ["", title, ""]
    if region["status"] == "FAILED":
        lines.append("**Nothing could be read in this region** (shown as failed, not as zero).")
        lines.append("")
    facts = region_facts(region, levels)
    if facts:
        lines.extend(_table(["what", "state", "value"],
                            [(escape(fact["what"]), state_text(fact["state"]) if fact["state"] else "", escape(fact["text"])) for fact in facts]))
        lines.append("")
    rows = check_rows(region)
    if rows:
        lines.extend(_table(["checked label", "state", "value", "warning", "critical"],
                            [(escape(label), state_text(row_state), escape(value + ("; " + note if note else "")), escape(warn), escape(crit))
                             for label, row_state, value, warn, crit, note in rows]))
        lines.append("")
    for message in region["check_errors"]:
        lines.append("- %s check failed: %s" % (state_text("FAILED"), escape(message)))
    if region["check_errors"]:
        lines.append("")
    lines.extend(_sparklines(region))
    return lines


def render_markdown(results, title="Amazon SES report"):
    """The job summary of ``results`` (see report_data.collect), as one Markdown text ending with a newline."""
    regions, notes = collect(results)
    levels = aws_levels()
    lines = ["## %s" % escape(title), ""]
    if not regions:
        lines.append("No region in the results.")
    else:
        ends = [when_text(((r["stats"] or {}).get("window") or {}).get("end")) for r in regions if r["stats"]]
        lines.append("%d region%s. Observed rates are computed from the send statistics; AWS reviews an account at a bounce "
                     "rate of %s and may pause it at %s (complaints: %s and %s)."
                     % ((len(regions), "" if len(regions) == 1 else "s")
                        + tuple(fraction_percent(value) for value in levels["bounce"] + levels["complaint"])))
        if ends:
            lines.append("Send statistics read at %s." % escape(max(ends)))
        lines.append("")
        lines.extend(_table(["region", "state", "quota used (24 h)", "bounce rate", "complaint rate", "account"],
                            [_overview_row(region, levels) for region in regions]))
        for region in regions:
            lines.extend(_region_lines(region, levels))
    if notes:
        lines.append("")
        lines.extend("- %s" % escape(note) for note in notes)
    return "\n".join(lines).rstrip("\n") + "\n"
