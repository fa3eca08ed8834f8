# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Tests for report_html and report_svg: a self-contained page, escaping, charts with axes and AWS's levels, edge data."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest

from ansible_collections.sesmon.ses.plugins.plugin_utils.report_html import render_html
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_svg import line_chart, x_ticks, y_ticks
from ansible_collections.sesmon.ses.tests.unit.plugins.plugin_utils.report_samples import (
    END, HOSTILE, datapoints, demo_like, failed_entry, metric, metric_check, region_entry, send_stats)


class Page(HTMLParser):
    """Elements (tag, attributes) and text of a page."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements, self.text = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data.replace("\u00a0", " "))  # the report keeps "5 %" on one line with a no-break space

    def tags(self, name, **attrs):
        return [a for tag, a in self.elements if tag == name and all(re.search(v, a.get(k) or "") for k, v in attrs.items())]


def test_the_page_is_self_contained():
    html = render_html(demo_like())
    page = Page(html)
    assert html.startswith("<!DOCTYPE html>") and not page.tags("script") and not page.tags("link") and not page.tags("img")
    assert "@import" not in html and "url(" not in html and "@font-face" not in html
    # The only URL is SVG's namespace name, which is never fetched.
    assert set(re.findall(r"https?://[^\"' )]+", html)) == {"http://www.w3.org/2000/svg"}
    assert not [a for _tag, a in page.elements if any(k.startswith("on") or k in ("src", "srcset") for k in a)]
    assert "@page { size: A4;" in html


def test_each_region_has_four_titled_charts_with_axes_and_the_levels():
    page = Page(render_html(demo_like()))
    for index, name in enumerate(("eu-west-1", "us-east-1")):
        charts = page.tags("svg", id="^r%d-" % index)
        assert [c["id"] for c in charts] == ["r%d-volume" % index, "r%d-problems" % index, "r%d-bounce-rate" % index, "r%d-complaint-rate" % index]
    texts = " ".join(page.text)
    assert "eu-west-1: sends and deliveries per 1 h" in texts and "us-east-1: bounce rate (observed) and AWS's levels" in texts
    assert "review 5 %" in texts and "pause 10 %" in texts and "review 0.1 %" in texts and "pause 0.5 %" in texts
    assert len(page.tags("g", **{"class": "^axis x-axis$"})) == 8 and len(page.tags("g", **{"class": "^axis y-axis$"})) == 8
    assert len(page.tags("g", **{"class": "^level level-review$"})) == 4 and len(page.tags("g", **{"class": "^level level-pause$"})) == 4
    assert "emails per 1 h" in texts and "bounces / sends" in texts and "time (UTC), 2026-11-23" in texts
    assert len(page.tags("polyline")) >= 8


def test_states_are_words_with_icons_of_their_own_shape():
    page = Page(render_html(demo_like()))
    states = page.tags("span", **{"class": "^state state-"})
    assert {a["class"] for a in states} >= {"state state-OK", "state state-CRITICAL", "state state-WARNING"}
    assert page.tags("section", **{"class": "state-CRITICAL"}) and page.tags("section", **{"class": "state-OK"})
    texts = " ".join(page.text)
    assert "CRITICAL" in texts and "PROBATION" in texts


def test_text_from_aws_or_the_user_is_escaped():
    entry = region_entry(HOSTILE, datapoints(3))
    entry["account"]["enforcement_status"] = HOSTILE
    check = metric_check(metric(HOSTILE, "emails-sent", 3.0, "OK", unit="count", instance=HOSTILE, warning=HOSTILE),
                         errors=[{"region": "eu-west-1", "message": HOSTILE}])
    html = render_html([send_stats(entry, failed_entry("us-east-1", message=HOSTILE)), check, {"failed": True, "msg": HOSTILE}],
                       title=HOSTILE)
    page = Page(html)
    assert not page.tags("script") and not page.tags("img") and not page.tags("a", href="^http")
    assert "".join(page.text).count(HOSTILE) >= 6
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_failed_region_says_so_and_draws_no_chart():
    page = Page(render_html(send_stats(region_entry("eu-west-1", datapoints(8)), failed_entry("us-east-1"))))
    assert page.tags("section", **{"class": "state-FAILED"}) and not page.tags("svg", id="^r1-")
    texts = " ".join(page.text)
    assert "Nothing could be read in this region (failed, not zero): GetSendQuota in us-east-1 failed: AccessDenied" in texts
    assert len(page.tags("svg", **{"class": "^chart$"})) == 4


def test_no_sends_unlimited_quota_and_one_datapoint():
    idle = region_entry("eu-west-1", [], unlimited=True, sent=0)
    single = region_entry("us-east-1", datapoints(1, attempts=7, bounces=1))
    html = render_html(send_stats(idle, single))
    page = Page(html)
    texts = " ".join(page.text)
    assert "No send statistics datapoint in the window: nothing was sent." in texts and "unlimited" in texts
    assert "24-hour quota used" not in html.split('id="region-1"')[0]  # no usage bar for an unlimited quota
    # One datapoint: a dot per series, not an invisible one-point line.
    assert len(page.tags("circle")) >= 4 and not page.tags("polyline")
    assert "None" not in texts and "nan" not in texts


def test_huge_numbers_have_separators_and_the_axis_makes_room():
    start = END - datetime.timedelta(hours=2)
    points = [(start + datetime.timedelta(minutes=15 * i), 987654321012.0 * i) for i in range(8)]
    svg = line_chart("c", "big", start, END, [("sends", "sends", points)], "emails", lambda v: "{:,}".format(int(v)))
    assert "8,000,000,000,000" in svg
    page = Page(svg)
    first_tick = page.tags("text", **{"text-anchor": "end"})[0]
    assert float(first_tick["x"]) > 16 * 7  # the longest label fits left of the axis
    assert page.tags("svg")[0]["viewbox"] == "0 0 540 270"


def test_gaps_break_the_line():
    start = END - datetime.timedelta(hours=2)
    points = [(start + datetime.timedelta(minutes=15 * i), None if i in (3, 4) else 0.01) for i in range(8)]
    page = Page(line_chart("c", "rate", start, END, [("bounce_rate", "rate", points)], "rate", str, integer=False))
    assert len(page.tags("polyline")) == 2


@pytest.mark.parametrize("top, integer, expected", [(0, True, [0, 1]), (7, True, [0, 2, 4, 6, 8]), (0.12, False, [0, 0.05, 0.1, 0.15]),
                                                    (1e12, True, [0, 2.5e11, 5e11, 7.5e11, 1e12])])
def test_y_ticks(top, integer, expected):
    assert y_ticks(top, integer) == expected


def test_x_ticks_are_at_most_eight_whole_quarters_hours_or_days():
    for hours in (0.5, 1, 5, 24, 14 * 24, 400 * 24):
        step, ticks = x_ticks(END - datetime.timedelta(hours=hours), END)
        assert 2 <= len(ticks) <= 8 and step % 900 == 0 and all(t.minute % 15 == 0 and t.second == 0 for t in ticks), hours
        assert step % 3600 == 0 or hours < 2


def test_without_a_check_the_region_state_comes_from_the_send_statistics():
    page = Page(render_html(send_stats(region_entry("us-east-1", datapoints(4, attempts=100, bounces=5)))))  # 5 %: review level
    assert page.tags("section", **{"class": "^region state-WARNING$"})
    assert "(from the send statistics)" in " ".join(page.text)


def test_the_checks_reputation_rates_are_marked_on_the_rate_charts():
    html = render_html(demo_like())
    page = Page(html)
    assert len(page.tags("g", **{"class": "^mark mark-reputation$"})) == 4  # bounce and complaint, both regions
    incident = html.split('id="r1-bounce-rate"')[1].split("</svg>")[0]
    assert "AWS reputation rate (latest)" in incident and ">11.8 %</text>" in incident.replace("\u00a0", " ")
    # Without a check there is nothing to mark.
    assert "mark-reputation" not in render_html(demo_like()[0])
