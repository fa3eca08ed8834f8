# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_clapi_value_problems: settings whose values CLAPI cannot take."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_clapi_value_problems
author: sesmon.ses contributors
version_added: 0.1.0
short_description: Name the settings whose values hold a character CLAPI cannot take
description:
  - Returns one message naming every setting whose value holds C(;) (CLAPI's field separator in C(-v)) or a line break
    (which ends a line of a CLAPI import file); empty when every value is usable.
  - The characters are those of the collection's C(module_utils/centreon_clapi.py), which C(sesmon.ses.ses_pack_errors)
    also uses for host entries.
options:
  _input:
    description: Setting name to value.
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Name the settings CLAPI cannot take
  ansible.builtin.debug:
    msg: "{{ {'centreon_ses_pack_clapi_user': 'admin;x', 'centreon_ses_pack_default_poller': 'Central'} | sesmon.ses.centreon_clapi_value_problems }}"
  # -> ["centreon_ses_pack_clapi_user must not contain ';' or a line break. Nothing was changed."]
"""

RETURN = r"""
_value:
  description: One message, or none.
  type: list
  elements: str
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_clapi import forbidden_value_problems


def centreon_clapi_value_problems(values):
    """[message] or []."""
    if not isinstance(values, dict):
        raise AnsibleFilterError("centreon_clapi_value_problems: expects a dictionary of settings, got %s" % type(values).__name__)
    return forbidden_value_problems(values)


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_clapi_value_problems": centreon_clapi_value_problems}
