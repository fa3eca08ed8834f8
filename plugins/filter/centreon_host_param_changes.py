# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_host_param_changes: the host parameters (alias, address) that differ from what CLAPI shows."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_host_param_changes
author: sesmon.ses contributors
version_added: 0.1.0
short_description: The host parameters that differ from CLAPI's HOST show
description:
  - Compares the wanted C(alias) and C(address) with the fields of the host's C(HOST show) row
    (C(id;name;alias;address;...)) and returns those to set.
  - A row with fewer fields (the host does not exist) gives nothing to set.
options:
  _input:
    description: The host's C(HOST show) row, split on C(;).
    type: list
    elements: str
    required: true
  wanted:
    description: The wanted parameters, C(alias) and C(address).
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: Parameters to set
  ansible.builtin.set_fact:
    params: "{{ ['14', 'aws-ses', 'old alias', '127.0.0.1'] | sesmon.ses.centreon_host_param_changes({'alias': 'aws-ses', 'address': '127.0.0.1'}) }}"
  # -> [["alias", "aws-ses", "old alias"]]
"""

RETURN = r"""
_value:
  description: One C([name, wanted value, shown value]) per parameter to set.
  type: list
  elements: list
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_changes import host_param_changes


def centreon_host_param_changes(row, wanted):
    """[[name, wanted, shown]]."""
    if not isinstance(wanted, dict):
        raise AnsibleFilterError("centreon_host_param_changes: wanted must be a dictionary (alias, address)")
    return host_param_changes(row or [], wanted)


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_host_param_changes": centreon_host_param_changes}
