# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The HTML report (filter sesmon.ses.ses_html_report) in a real headless Chromium (Debian's chromium package).

The page is laid out by the browser, and checked from its DOM (a copy of the report with a measuring script: the report
itself has none), from a screenshot (decoded with zlib) and from a PDF print: not blank, every region's charts there
with their lines, level lines and axes, nothing wider than the viewport (desktop and phone widths), A4 pages.
The screenshots, the PDF and the report are kept under tests/output/report for a reader.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

import pytest

from ansible_collections.sesmon.ses.plugins.filter.ses_html_report import ses_html_report
from ansible_collections.sesmon.ses.tests.system.browser_support.chromium import run_chromium
from ansible_collections.sesmon.ses.tests.system.browser_support.png import pixels, read_png
from ansible_collections.sesmon.ses.tests.system.conftest import ROOT
from ansible_collections.sesmon.ses.tests.unit.plugins.plugin_utils.report_samples import (
    HOSTILE, datapoints, demo_like, failed_entry, metric, metric_check, region_entry, send_stats)

OUTPUT = ROOT / "tests" / "output" / "report"
LONG_WORD = "dimension-value-" * 20  # 320 characters without a space: must wrap, not widen the page
MEASURE = """<script>(function () {
  var out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
             scrollHeight: document.documentElement.scrollHeight, overflowing: [], regions: []};
  document.querySelectorAll('body *').forEach(function (el) {
    var box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < -0.5)) {
      out.overflowing.push(el.tagName + ' ' + (el.id || '') + ' ' + (el.getAttribute('class') || '') + ' ' + Math.round(box.right));
    }
  });
  document.querySelectorAll('td, th').forEach(function (cell) {
    if (cell.scrollWidth > cell.clientWidth + 1) { out.overflowing.push('text wider than its cell: ' + cell.textContent.slice(0, 60)); }
  });
  document.querySelectorAll('section.region').forEach(function (section) {
    var charts = [];
    section.querySelectorAll('svg.chart').forEach(function (svg) {
      var box = svg.getBoundingClientRect();
      charts.push({id: svg.id, title: svg.querySelector('.chart-title').textContent, width: box.width, height: box.height,
                   lines: svg.querySelectorAll('.series polyline, .series circle').length,
                   levels: svg.querySelectorAll('.level line').length,
                   axes: svg.querySelectorAll('.x-axis .axis-line, .y-axis .axis-line').length,
                   ticks: svg.querySelectorAll('.x-axis text').length + svg.querySelectorAll('.y-axis text').length,
                   axisLabels: Array.prototype.map.call(svg.querySelectorAll('.axis-label'), function (t) { return t.textContent; })});
    });
    out.regions.push({id: section.id, state: section.className, heading: section.querySelector('h2').textContent, charts: charts});
  });
  var pre = document.createElement('pre');
  pre.id = 'measure';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();</script>"""


def _results():
    """The demo's two regions, plus a failed one, an idle one with an unlimited quota, one with a single huge datapoint, hostile text."""
    healthy_and_incident = demo_like()
    huge = region_entry("ca-central-1", datapoints(1, attempts=987654321012, bounces=12345678901), max_send=5e12, sent=987654321012)
    others = send_stats(failed_entry("ap-south-1"), region_entry("sa-east-1", [], unlimited=True, sent=0), huge)
    check = metric_check(metric("eu-west-1", "emails-sent", 1234567.0, "OK", unit="count", statistic="sum", instance=LONG_WORD),
                         metric("ca-central-1", "emails-sent", 3.0, "OK", unit="count", statistic="sum", instance=HOSTILE))
    return healthy_and_incident + [others, check]


@pytest.fixture(scope="module")
def report():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = OUTPUT / "ses-report.html"
    page.write_text(ses_html_report(_results(), title="SES report: browser test"))
    return page


def _measure(report, width):
    probe = report.with_name("measured-%d.html" % width)
    probe.write_text(report.read_text().replace("</body>", MEASURE + "</body>"))
    out, err = run_chromium(["--window-size=%d,1200" % width, "--dump-dom", probe.as_uri()])
    found = re.search(r'<pre id="measure">(.*?)</pre>', out, re.S)
    assert found, "no measurement in the DOM dump: " + err[-2000:]
    return json.loads(html.unescape(found.group(1)))


def test_every_region_has_its_charts_with_lines_levels_and_axes(report):
    measured = _measure(report, 1000)
    regions = dict((region["heading"].split()[0], region) for region in measured["regions"])
    assert list(regions) == ["eu-west-1", "us-east-1", "ap-south-1", "sa-east-1", "ca-central-1"]
    for name in ("eu-west-1", "us-east-1", "ca-central-1"):
        charts = regions[name]["charts"]
        assert len(charts) == 4, name
        step = "1 h" if name != "ca-central-1" else "15 min"
        assert [chart["title"].split(": ", 1)[1] for chart in charts] == [
            "sends and deliveries per %s" % step, "bounces and complaints per %s" % step,
            "bounce rate (observed) and AWS's levels", "complaint rate (observed) and AWS's levels"]
        for chart in charts:
            assert chart["width"] > 300 and chart["height"] > 100, chart
            assert chart["axes"] == 2 and chart["ticks"] >= 4 and len(chart["axisLabels"]) == 2, chart
            assert chart["lines"] >= 1, chart
        assert [chart["levels"] for chart in charts] == [0, 0, 2, 2]
    assert "CRITICAL" in regions["us-east-1"]["heading"] and "state-CRITICAL" in regions["us-east-1"]["state"]
    assert "OK" in regions["eu-west-1"]["heading"] and "state-OK" in regions["eu-west-1"]["state"]
    # A failed region says so and draws nothing; an idle one has no chart to draw.
    assert "FAILED" in regions["ap-south-1"]["heading"] and regions["ap-south-1"]["charts"] == []
    assert regions["sa-east-1"]["charts"] == []


@pytest.mark.parametrize("width", [1000, 500])  # a desktop, and the narrowest window headless Chromium opens
def test_nothing_overflows_the_viewport_width_or_its_table_cell(report, width):
    measured = _measure(report, width)
    assert measured["innerWidth"] == width
    assert measured["scrollWidth"] <= measured["innerWidth"], measured["overflowing"][:10]
    assert measured["overflowing"] == []


def test_the_screenshot_is_not_blank_and_shows_the_states_and_levels(report):
    height = _measure(report, 1000)["scrollHeight"]
    shot = OUTPUT / "ses-report.png"
    shot.unlink(missing_ok=True)
    run_chromium(["--window-size=1000,%d" % min(height, 12000), "--screenshot=%s" % shot, report.as_uri()], timeout=90)
    width, shot_height, _channels, _rows = image = read_png(shot.read_bytes())
    assert (width, shot_height) == (1000, min(height, 12000))
    colours = Counter(pixels(image))
    total = width * shot_height
    assert len(colours) > 200, "almost no colours: blank page?"
    assert sum(n for colour, n in colours.items() if colour != (255, 255, 255)) > total * 0.05
    assert colours[(183, 28, 28)] > 1000  # the pause lines, the critical region's border and icons (#b71c1c)
    assert colours[(46, 125, 50)] > 500  # the healthy region's border and OK icons (#2e7d32)
    assert sum(n for colour, n in colours.items() if max(colour) < 60) > 5000  # dark text and axes


def test_it_prints_on_a4_a_region_a_page(report):
    pdf = OUTPUT / "ses-report.pdf"
    pdf.unlink(missing_ok=True)
    run_chromium(["--no-pdf-header-footer", "--print-to-pdf=%s" % pdf, report.as_uri()], timeout=90)
    data = pdf.read_bytes()
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", data))
    assert boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), boxes  # A4 in points
    assert len(re.findall(rb"/Type /Page\b", data)) >= 5  # one region a page at least
