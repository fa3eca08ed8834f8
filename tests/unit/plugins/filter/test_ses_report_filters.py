# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ses_markdown and ses_html_report filters: thin wrappers, a clear error for input that is not a module result."""

from __future__ import annotations

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.filter.ses_html_report import FilterModule as HtmlFilters
from ansible_collections.sesmon.ses.plugins.filter.ses_markdown import FilterModule as MarkdownFilters
from ansible_collections.sesmon.ses.tests.unit.plugins.plugin_utils.report_samples import demo_like


def test_the_filters_are_registered_and_render():
    markdown = MarkdownFilters().filters()["ses_markdown"](demo_like(), title="SES")
    html = HtmlFilters().filters()["ses_html_report"](demo_like(), title="SES")
    assert markdown.startswith("## SES\n") and markdown.endswith("\n")
    assert html.startswith("<!DOCTYPE html>") and "<title>SES</title>" in html


@pytest.mark.parametrize("name, filters", [("ses_markdown", MarkdownFilters), ("ses_html_report", HtmlFilters)])
def test_not_a_module_result_is_a_filter_error_naming_the_filter(name, filters):
    with pytest.raises(AnsibleFilterError, match=r"^%s: expected the result of sesmon.ses.ses_send_stats or ses_metric_check" % name):
        filters().filters()[name](42)
    with pytest.raises(AnsibleFilterError, match=r"^%s: a result is neither ses_send_stats' .* its keys: changed, msg" % name):
        filters().filters()[name]({"changed": False, "msg": "hello"})
