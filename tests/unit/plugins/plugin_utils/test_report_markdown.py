# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Tests for report_markdown, checked with a CommonMark parser with GFM tables (markdown-it-py): tables parse, nothing is
left unescaped, edge data (no sends, null rates, one datapoint, unlimited quota, a failed region, huge numbers)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ansible_collections.sesmon.ses.plugins.plugin_utils.report_markdown import escape, render_markdown, sparkline
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_text import one_line
from ansible_collections.sesmon.ses.tests.unit.plugins.plugin_utils.report_samples import (
    HOSTILE, datapoints, demo_like, failed_entry, metric, metric_check, region_entry, send_stats)

# CommonMark plus GFM's tables and strikethrough: what GitHub and GitLab render in a job summary.
PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


class Tree(HTMLParser):
    """The tags and the text of the rendered HTML."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.rows, self.cells = [], [], [], []
        self._cell = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append(0)
        if tag in ("td", "th"):
            self.rows[-1] += 1
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def rendered(markdown):
    return Tree(PARSER.render(markdown))


def test_the_demo_like_summary_has_an_overview_and_a_table_per_region():
    text = render_markdown(demo_like(), title="SES health")
    tree = rendered(text)
    assert tree.tags.count("table") == 5  # overview, then facts and checks for each region
    assert tree.tags.count("h3") == 2 and "h2" in tree.tags
    assert set(tree.rows[:3]) == {6}  # every overview row has its 6 cells
    words = " ".join(tree.text)
    assert "❌ CRITICAL" in words and "✅ OK" in words and "⚠️ WARNING" in words and "PROBATION" in words
    assert "us-east-1: ❌ CRITICAL" in words
    assert "@0.05:" in words and "11.8 % (0.1181)" in words
    # The sparklines are a code block: their characters stay as they are.
    assert tree.tags.count("pre") == 2 and "sends    |" in words and "█" in words


def test_the_levels_in_the_text_are_the_presets():
    assert "bounce rate of 5 % and may pause it at 10 % (complaints: 0.1 % and 0.5 %)" in render_markdown(demo_like())


def hostile_results():
    entry = region_entry(HOSTILE, datapoints(3))
    entry["account"]["enforcement_status"] = HOSTILE
    check = metric_check(metric(HOSTILE, "emails-sent", 3.0, "OK", unit="count", statistic="sum", instance=HOSTILE, warning=HOSTILE),
                         errors=[{"region": "eu-west-1", "message": HOSTILE}])
    return [send_stats(entry, failed_entry("us-east-1", message=HOSTILE)), check, {"failed": True, "msg": HOSTILE}]


def replaced(value, text):
    """``value`` with ``text`` wherever it holds HOSTILE (keys included)."""
    if isinstance(value, dict):
        return dict((replaced(key, text), replaced(item, text)) for key, item in value.items())
    if isinstance(value, list):
        return [replaced(item, text) for item in value]
    return text if value == HOSTILE else value


def hostile_results_as(text):
    return replaced(hostile_results(), text)


def test_text_from_aws_or_the_user_is_never_markup():
    text = render_markdown(hostile_results(), title=HOSTILE)
    tree = rendered(text)
    # The same page with a harmless word in place of the hostile text has the very same elements.
    assert tree.tags == rendered(render_markdown(hostile_results_as("harmless"), title="harmless")).tags
    for tag in ("script", "img", "a", "em", "s", "del", "ol"):
        assert tag not in tree.tags, (tag, text)
    assert all(cells in (3, 5, 6) for cells in tree.rows)
    words = "".join(tree.text)
    assert words.count(HOSTILE) >= 8  # title, region names, status, instance, levels, errors, the failed task


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x2030), max_size=40))
def test_any_text_in_a_table_cell_renders_literally(value):
    html = PARSER.render("| a | b |\n|---|---|\n| %s | x |\n" % escape(value))
    tree = Tree(html)
    assert tree.tags == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert tree.cells == ["a", "b", one_line(value).strip(), "x"]


@pytest.mark.parametrize("value", ["- item", "# title", "1. one", "2) two", "> quote", "+ plus", "=== ", "    code"])
def test_text_at_a_line_start_opens_no_block(value):
    tree = rendered("- %s\n" % escape(value, line_start=True))
    assert tree.tags == ["ul", "li"], value


def test_no_sends_null_rates_and_unlimited_quota():
    idle = region_entry("eu-west-1", [], unlimited=True, sent=0)
    text = render_markdown(send_stats(idle))
    words = " ".join(rendered(text).text)
    assert "no 24-hour limit (unlimited quota)" in words and "unlimited" in words
    assert "n/a: no delivery attempt in the window" in words
    assert "No send statistics datapoint in the window: nothing was sent." in words
    assert not re.search(r"\s-1\b|None|nan", text)


def test_a_failed_region_is_shown_failed_never_as_zero():
    text = render_markdown(send_stats(region_entry("eu-west-1", datapoints(4)), failed_entry("us-east-1")))
    words = " ".join(rendered(text).text)
    assert "us-east-1: ⛔ FAILED" in words and "Nothing could be read in this region" in words
    assert "could not be read: GetSendQuota in us-east-1 failed: AccessDenied (HTTP 403): not authorized" in words
    section = text.split("### us-east-1")[1]
    assert " 0 " not in section and "0 %" not in section and "```" not in section


def test_one_datapoint_and_huge_numbers():
    entry = region_entry("eu-west-1", datapoints(1, attempts=123456789012, bounces=98765432), max_send=5e12, sent=123456789012)
    text = render_markdown(send_stats(entry))
    assert "123,456,789,012 of 5,000,000,000,000 in 24 h (2.47 %)" in text
    assert "max 123,456,789,012 per 15 min" in text and "|█|" in text.replace(" ", "")


def test_sparkline():
    assert sparkline([0, None, 1, 8, 4]) == "  ▁█▄"
    assert sparkline([0, 0]) == "  " and sparkline([]) == ""


def test_without_a_check_the_heading_comes_from_the_send_statistics():
    healthy = region_entry("eu-west-1", datapoints(4, attempts=100, bounces=1))
    on_probation = region_entry("us-east-1", datapoints(4, attempts=100, bounces=1), enforcement="PROBATION")
    paused_level = region_entry("ap-south-1", datapoints(4, attempts=100, bounces=10))  # exactly AWS's pause level, 10 %
    text = render_markdown(send_stats(healthy, on_probation, paused_level))
    assert "### eu-west-1: ✅ OK (from the send statistics)" in text
    assert "### us-east-1: ⚠️ WARNING (from the send statistics)" in text
    assert "### ap-south-1: ❌ CRITICAL (from the send statistics)" in text
    assert "10 %, at or above AWS's pause level (10 %)" in text
