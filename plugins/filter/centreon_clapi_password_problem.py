# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_clapi_password_problem: why a CLAPI password cannot be used."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_clapi_password_problem
author: sesmon.ses contributors
version_added: 0.1.0
short_description: Say why a password cannot log in to Centreon's CLAPI
description:
  - Returns an empty string for a usable password, else one message. A password is required (non-empty text) and
    must not hold the characters that CLAPI's C(-p) goes through C(HtmlAnalyzer::sanitizeAndRemoveTags) with (quotes
    become HTML entities, tags are removed), so that such a password can never log in.
  - The characters are those of the collection's C(module_utils/centreon_clapi.py). The password is never shown.
options:
  _input:
    description: The password (anything; a missing one is C(None)).
    type: raw
    required: true
  user:
    description: The CLAPI user, named in the message.
    type: str
    default: admin
"""

EXAMPLES = r"""
- name: Check that the CLAPI password is given and usable
  ansible.builtin.assert:
    that: __problem | length == 0
    fail_msg: "{{ __problem }}"
  vars:
    __problem: "{{ centreon_ses_pack_clapi_password | default(none) | sesmon.ses.centreon_clapi_password_problem(user='admin') }}"
"""

RETURN = r"""
_value:
  description: One message, or an empty string.
  type: str
"""

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_clapi import password_problem


def centreon_clapi_password_problem(password, user="admin"):
    """'' or one message."""
    return password_problem(password, "%s" % (user,))


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_clapi_password_problem": centreon_clapi_password_problem}
