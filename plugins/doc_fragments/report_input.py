# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """The options shared by the report filters, ses_markdown and ses_html_report (plugin_utils/report_data.py reads the input)."""

    DOCUMENTATION = r"""
options:
  _input:
    description:
      - One registered result of either module, a list of them (in any order), or the registered result of a loop
        (with C(results)). Skipped results are left out; a task that failed before it returned data adds its C(msg) as a note.
    type: raw
    required: true
  title:
    description: The title of the report (the Markdown summary's heading, the HTML page's title).
    type: str
    default: Amazon SES report
"""
