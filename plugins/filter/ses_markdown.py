# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter ses_markdown: a CI job summary in Markdown from ses_send_stats and/or ses_metric_check results (plugin_utils)."""

from __future__ import annotations

DOCUMENTATION = r"""
name: ses_markdown
author: sesmon.ses contributors
version_added: 0.1.0
short_description: A job summary in Markdown from the results of ses_send_stats and ses_metric_check
description:
  - Renders the registered results of M(sesmon.ses.ses_send_stats), M(sesmon.ses.ses_metric_check), or both, as one
    Markdown text for a CI job page (GitHub Actions' C($GITHUB_STEP_SUMMARY), a GitLab job's Markdown report, a merge
    request comment); it also reads well as plain text.
  - An overview table of the regions, then per region a table of the quota used and left, the observed bounce and
    complaint rates against AWS's review and pause levels, the account status, a table of each checked label with its
    state and levels, and a Unicode sparkline of the sends and bounces over the statistics' window.
  - States are words with an icon, never a colour alone. A region that could not be read is shown as failed, never as zero;
    rates without a delivery attempt are n/a; an unlimited quota is shown as such.
  - Every text that comes from AWS or the user (region, instance and dimension names, error messages) is escaped, so it
    cannot add markup, HTML, links or table cells.
  - Pure Python from the standard library, on the controller; see also P(sesmon.ses.ses_html_report#filter).
extends_documentation_fragment:
  - sesmon.ses.report_input
seealso:
  - plugin: sesmon.ses.ses_html_report
    plugin_type: filter
"""

EXAMPLES = r"""
- name: Read the fortnight's statistics of both regions
  sesmon.ses.ses_send_stats:
    regions: [eu-west-1, us-east-1]
  register: ses

- name: Check the reputation and the account against AWS's levels
  sesmon.ses.ses_metric_check:
    regions: [eu-west-1, us-east-1]
    metrics: [emails-rejected, emails-spam, account-enforcement, quota-usage]
    thresholds: aws
  register: check

- name: Add the summary to the GitHub Actions job page (each step has its own summary file)
  ansible.builtin.copy:
    content: "{{ [ses, check] | sesmon.ses.ses_markdown(title='SES before the deployment') }}"
    dest: "{{ lookup('ansible.builtin.env', 'GITHUB_STEP_SUMMARY') }}"
    mode: "0644"
  when: lookup('ansible.builtin.env', 'GITHUB_STEP_SUMMARY') | length > 0

- name: The statistics alone, printed in the log
  ansible.builtin.debug:
    msg: "{{ ses | sesmon.ses.ses_markdown }}"
"""

RETURN = r"""
_value:
  description: The summary as Markdown (CommonMark with GitHub's tables), ending with a line break.
  type: str
"""

from ansible_collections.sesmon.ses.plugins.plugin_utils.report_data import report_filter
from ansible_collections.sesmon.ses.plugins.plugin_utils.report_markdown import render_markdown

ses_markdown = report_filter("ses_markdown", render_markdown)


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"ses_markdown": ses_markdown}
