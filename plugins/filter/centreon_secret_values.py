# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_secret_values: the values the centreon_ses_pack role never shows."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_secret_values
author: sesmon.ses contributors
version_added: 0.1.0
short_description: The secret values of the centreon_ses_pack role's host entries, to mask
description:
  - Returns O(others) (such as the CLAPI password) and, for each host entry, the values of its secret keys, those
    O(host_options) marks C(no_log); empty and non-text values are left out.
options:
  _input:
    description: The host entries.
    type: list
    elements: raw
    required: true
  host_options:
    description: The C(options) of C(centreon_ses_pack_hosts) in the role's C(meta/argument_specs.yml).
    type: dict
    required: true
  others:
    description: More values never to show.
    type: list
    elements: raw
    default: []
"""

EXAMPLES = r"""
- name: Values to mask in CLAPI's diagnoses
  ansible.builtin.set_fact:
    secrets: >-
      {{ [{'name': 'aws-ses', 'access_key': 'AKIA1', 'secret_key': 's3cr3t'}]
         | sesmon.ses.centreon_secret_values({'access_key': {'no_log': true}, 'secret_key': {'no_log': true}}, others=['clapi-pw']) }}
  # -> ["clapi-pw", "AKIA1", "s3cr3t"]
"""

RETURN = r"""
_value:
  description: The values, O(others) first.
  type: list
  elements: str
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_role import secret_values


def centreon_secret_values(hosts, host_options, others=()):
    """The values."""
    if not isinstance(host_options, dict):
        raise AnsibleFilterError("centreon_secret_values: host_options must be a dictionary")
    return secret_values(hosts if isinstance(hosts, (list, tuple)) else [], host_options, others or ())


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_secret_values": centreon_secret_values}
