# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter ses_html_report: a self-contained HTML report with SVG charts from ses_send_stats and/or ses_metric_check results."""

from __future__ import annotations

DOCUMENTATION = r"""
name: ses_html_report
author: sesmon.ses contributors
version_added: 0.1.0
short_description: A self-contained HTML report with SVG charts from the results of ses_send_stats and ses_metric_check
description:
  - Renders the registered results of M(sesmon.ses.ses_send_stats), M(sesmon.ses.ses_metric_check), or both, as one HTML
    page with inline CSS and SVG, and no script, no network request and no web font, so it opens anywhere and can be kept
    as a CI artifact.
  - An overview table of the regions, then per region its state, the quota used and left (with a bar), the observed
    bounce and complaint rates, the account status, each checked label's state and levels, and four charts of the
    statistics' window (sends and deliveries, bounces and complaints, the bounce rate and the complaint rate, the rates
    against AWS's review and pause levels drawn as lines).
  - Readable without colour (states are words with an icon of their own shape; chart series differ by dash pattern;
    charts have titles, legends and axis labels), and prints on A4, a region a page.
  - A region that could not be read is shown as failed, never as zero. Every text that comes from AWS or the user is
    HTML-escaped.
  - Deliveries are sends (delivery attempts) minus bounces, as GetSendStatistics has no delivery count.
  - Pure Python from the standard library, on the controller; see also P(sesmon.ses.ses_markdown#filter).
seealso:
  - plugin: sesmon.ses.ses_markdown
    plugin_type: filter
extends_documentation_fragment:
  - sesmon.ses.report_input
"""

EXAMPLES = r"""
- name: Check the reputation and the account against AWS's levels, one task per region
  sesmon.ses.ses_metric_check:
    regions: ["{{ item }}"]
    thresholds: aws
  loop: [eu-west-1, us-east-1]
  register: checks

- name: Read the fortnight's statistics of the same regions
  sesmon.ses.ses_send_stats:
    regions: [eu-west-1, us-east-1]
  register: ses

- name: Write the report (a loop's registered result is read as its results), to keep as a CI artifact
  ansible.builtin.copy:
    content: "{{ [ses, checks] | sesmon.ses.ses_html_report(title='SES health') }}"
    dest: "{{ playbook_dir }}/ses-report.html"
    mode: "0644"
"""

RETURN = r"""
_value:
  description: The HTML document (UTF-8 text, starting with C(<!DOCTYPE html>)).
  type: str
"""

from ansible_collections.sesmon.ses.plugins.plugin_utils.report_data import report_filter
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_html import render_html

ses_html_report = report_filter("ses_html_report", render_html)


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"ses_html_report": ses_html_report}
