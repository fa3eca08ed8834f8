# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""SVG line charts for the HTML report: a title, a legend, axes with labelled ticks, level lines. Pure.

Readable without colour: each series has its own dash pattern and width, shown in the legend, and
each level line carries its name and value as text. Gaps (None) break a line; a point with no
neighbour is drawn as a dot. The chart scales to its container (``viewBox``): it never overflows.
"""

from __future__ import annotations

import datetime
import math
from html import escape

from ansible_collections.sesmon.ses.plugins.plugin_utils.report_data import number

__all__ = ["STYLES", "line_chart", "y_ticks", "x_ticks", "state_icon"]

WIDTH = 540
HEIGHT = 270
CHAR = 7.0  # average width of a 12 px sans-serif character (the report's chart font), for layout
# Series and level styles: colour, dash pattern, width. Dashes tell them apart in black and white.
STYLES = {
    "sends": ("#1f4e79", "", 2.0),
    "delivered": ("#2e7d32", "7 4", 2.0),
    "bounces": ("#b71c1c", "", 2.0),
    "complaints": ("#6a1b9a", "2 3", 2.2),
    "bounce_rate": ("#b71c1c", "", 1.8),
    "complaint_rate": ("#6a1b9a", "", 1.8),
    "review": ("#8a6d00", "9 4", 1.4),
    "pause": ("#b71c1c", "3 3", 1.6),
    "reputation": ("#000", "", 1.4),
}
_X_STEPS = [900, 1800] + [3600 * hours for hours in (1, 2, 3, 6, 12)] + [86400 * days for days in (1, 2, 7, 14, 28)]


def _fmt(value):
    return ("%.1f" % value).rstrip("0").rstrip(".")


def y_ticks(top, integer):
    """Tick values from 0 to at least ``top``: 4 to 6 steps of 1, 2, 2.5 or 5 times a power of ten."""
    top = top if top and top > 0 else 1
    raw = top / 4.0
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(1, int(math.ceil(step)))
    steps = int(math.ceil(top / float(step) - 1e-9))
    return [round(step * index, 12) for index in range(steps + 1)]


def x_ticks(start, end):
    """``(step seconds, [datetimes])``: ticks on whole quarter hours, hours or days (UTC), at most 8, within [start, end]."""
    span = (end - start).total_seconds()
    step = next((s for s in _X_STEPS if span / s <= 8), int(math.ceil(span / 8.0 / 86400)) * 86400)
    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    first = int(math.ceil((start - epoch).total_seconds() / step)) * step
    ticks = []
    value = first
    while value <= (end - epoch).total_seconds():
        ticks.append(epoch + datetime.timedelta(seconds=value))
        value += step
    return step, ticks


def _tick_label(when, step):
    if step >= 86400 or (when.hour == 0 and when.minute == 0):
        return when.strftime("%b %d")
    return when.strftime("%H:%M")


def _line_style(key):
    colour, dash, width = STYLES[key]
    return 'stroke="%s" stroke-width="%s"%s' % (colour, width, ' stroke-dasharray="%s"' % dash if dash else "")


def _diamond(x, y, key):
    return '<path d="M%s %sl5 5-5 5-5-5z" fill="%s" stroke="#fff" stroke-width="1"/>' % (_fmt(x), _fmt(y - 5), STYLES[key][0])


def _legend(items, left, top, width):
    """SVG of the legend (a line sample, or a diamond for a mark, and the name per item), wrapped into rows; returns (svg, rows)."""
    parts, x, row = [], left, 0
    for key, name, kind in items:
        size = 30 + len(name) * CHAR + 16
        if x + size > width and x > left:
            x, row = left, row + 1
        y = top + row * 16
        sample = _diamond(x + 12, y - 4, key) if kind == "mark" else '<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>' % (
            _fmt(x), _fmt(y - 4), _fmt(x + 24), _fmt(y - 4), _line_style(key))
        parts.append('<g class="legend-item">%s<text x="%s" y="%s">%s</text></g>' % (sample, _fmt(x + 30), _fmt(y), escape(name)))
        x += size
    return "".join(parts), row + 1


def _segments(points):
    run = []
    for point in points:
        if point is None:
            if run:
                yield run
            run = []
        else:
            run.append(point)
    if run:
        yield run


def line_chart(chart_id, title, start, end, series, y_label, y_format, integer=True, levels=(), empty_text="no data", marks=()):
    """One chart as an ``<svg>`` element.

    ``series``: ``[(style key, legend name, [(datetime, value or None)])]``; ``levels``: ``[(style key, label,
    value)]`` drawn as horizontal lines across the plot; ``marks``: ``[(style key, legend name, datetime, value)]``
    drawn as labelled diamonds; ``y_format``: value -> tick text. ``empty_text`` is
    written across the plot when no series has a value (or, for counts, when every value is 0).
    """
    values = [number(v) for _key, _name, points in series for _when, v in points]
    present = [v for v in values if v is not None]
    top = max(present + [value for _key, _label, value in levels] + [value for _key, _name, _when, value in marks] + [0])
    if levels:
        top = max(top, max(value for _key, _label, value in levels) * 1.2)
    ticks = y_ticks(top, integer)
    labels = [y_format(tick) for tick in ticks]
    legend_items = ([(key, name, "line") for key, name, _points in series] + [(key, label, "line") for key, label, _value in levels]
                    + [(key, name, "mark") for key, name, _when, _value in marks])
    legend_svg, rows = _legend(legend_items, 12, 40, WIDTH - 12)
    left = 22 + 8 + max(len(text) for text in labels) * CHAR
    top_edge, right, bottom = 40 + rows * 16, WIDTH - 14, HEIGHT - 42
    plot_h, plot_w = bottom - top_edge, right - left
    span = max((end - start).total_seconds(), 1.0)

    def x_of(when):
        return left + plot_w * min(max((when - start).total_seconds() / span, 0.0), 1.0)

    def y_of(value):
        return bottom - plot_h * min(value / float(ticks[-1]), 1.0)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="%s" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title">'
           % (chart_id, WIDTH, HEIGHT, chart_id),
           '<title id="%s-title">%s</title>' % (chart_id, escape(title)),
           '<rect x="0" y="0" width="%d" height="%d" fill="#fff"/>' % (WIDTH, HEIGHT),
           '<text class="chart-title" x="12" y="20">%s</text>' % escape(title), legend_svg,
           '<g class="axis y-axis">']
    for tick, text in zip(ticks, labels):
        y = _fmt(y_of(tick))
        out.append('<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/><text x="%s" y="%s" text-anchor="end">%s</text>'
                   % (_fmt(left), y, _fmt(right), y, _fmt(left - 6), _fmt(y_of(tick) + 4), escape(text)))
    out.append('<line class="axis-line" x1="%s" y1="%s" x2="%s" y2="%s"/>' % (_fmt(left), _fmt(top_edge), _fmt(left), _fmt(bottom)))
    middle = (top_edge + bottom) / 2.0
    out.append('<text class="axis-label" transform="translate(14 %s) rotate(-90)" text-anchor="middle">%s</text></g>'
               % (_fmt(middle), escape(y_label)))
    step, when_ticks = x_ticks(start, end)
    out.append('<g class="axis x-axis"><line class="axis-line" x1="%s" y1="%s" x2="%s" y2="%s"/>' % (_fmt(left), _fmt(bottom), _fmt(right), _fmt(bottom)))
    for when in when_ticks:
        x = _fmt(x_of(when))
        text = _tick_label(when, step)
        anchor = "end" if x_of(when) + len(text) * CHAR / 2 > WIDTH - 2 else "middle"
        out.append('<line class="tick" x1="%s" y1="%s" x2="%s" y2="%s"/><text x="%s" y="%s" text-anchor="%s">%s</text>'
                   % (x, _fmt(bottom), x, _fmt(bottom + 5), x, _fmt(bottom + 17), anchor, text))
    out.append('<text class="axis-label" x="%s" y="%s" text-anchor="middle">time (UTC), %s to %s</text></g>'
               % (_fmt((left + right) / 2.0), _fmt(HEIGHT - 8), start.strftime("%Y-%m-%d %H:%M"), end.strftime("%Y-%m-%d %H:%M")))
    for key, label, value in levels:
        y = _fmt(y_of(value))
        out.append('<g class="level level-%s"><line x1="%s" y1="%s" x2="%s" y2="%s" %s/><text x="%s" y="%s" text-anchor="end">%s</text></g>'
                   % (key, _fmt(left), y, _fmt(right), y, _line_style(key), _fmt(right - 4), _fmt(y_of(value) - 4), escape(label)))
    for key, name, points in series:
        out.append('<g class="series series-%s" fill="none" %s><title>%s</title>' % (key, _line_style(key), escape(name)))
        coords = [None if number(v) is None else (x_of(when), y_of(number(v))) for when, v in points]
        for run in _segments(coords):
            if len(run) == 1:
                out.append('<circle cx="%s" cy="%s" r="2.6" fill="%s"/>' % (_fmt(run[0][0]), _fmt(run[0][1]), STYLES[key][0]))
            else:
                out.append('<polyline points="%s"/>' % " ".join("%s,%s" % (_fmt(x), _fmt(y)) for x, y in run))
        out.append("</g>")
    for key, name, when, value in marks:
        x, y = x_of(when), y_of(value)
        out.append('<g class="mark mark-%s"><title>%s</title>%s<text x="%s" y="%s" text-anchor="end">%s</text></g>'
                   % (key, escape(name), _diamond(x, y, key), _fmt(x - 8), _fmt(max(y - 6, top_edge + 10)), escape(y_format(value))))
    if not present or (integer and not any(present)):
        out.append('<text class="empty" x="%s" y="%s" text-anchor="middle">%s</text>' % (_fmt((left + right) / 2.0), _fmt(middle), escape(empty_text)))
    out.append("</svg>")
    return "".join(out)


# Shapes of the state icons: each state has its own shape, so the icon reads without colour.
_ICONS = {
    "OK": ("#2e7d32", '<circle cx="8" cy="8" r="7"/><path d="M4.5 8.2l2.4 2.4 4.6-5" stroke="#fff" stroke-width="2" fill="none"/>'),
    "WARNING": ("#b26a00", '<path d="M8 1l7.5 13.5h-15z"/><path d="M8 5.5v4.5M8 11.6v1.4" stroke="#fff" stroke-width="1.8"/>'),
    "CRITICAL": ("#b71c1c", '<path d="M5 1h6l4 4v6l-4 4h-6l-4-4v-6z"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="#fff" stroke-width="2"/>'),
    "UNKNOWN": ("#555", '<path d="M8 0.5l7.5 7.5-7.5 7.5-7.5-7.5z"/><path d="M6 6.2a2 2 0 1 1 2.6 1.9v1.6M8 11.2v1.4" '
                'stroke="#fff" stroke-width="1.6" fill="none"/>'),
    "FAILED": ("#000", '<rect x="1" y="1" width="14" height="14" rx="2"/><path d="M4 8h8" stroke="#fff" stroke-width="2.4"/>'),
}


def state_icon(state):
    """A 16 px inline SVG icon of a state (a shape of its own), or '' for no state."""
    if state not in _ICONS:
        return ""
    colour, body = _ICONS[state]
    return ('<svg class="icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="%s">%s</svg>'
            % (colour, body))
