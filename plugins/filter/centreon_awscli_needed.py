# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_awscli_needed: whether the centreon_ses_pack role's host needs the aws command."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_awscli_needed
author: sesmon.ses contributors
version_added: 0.1.0
short_description: Whether the awscli custom mode is used on this host
description:
  - True when O(default_custom_mode) (this host's own) is C(awscli), or when O(configure_central) is true and a host
    entry of O(_input) sets C(custom_mode) to C(awscli).
options:
  _input:
    description: The host entries.
    type: list
    elements: raw
    required: true
  default_custom_mode:
    description: This host's custom mode (C(centreon_ses_pack_custom_mode)).
    type: str
    required: true
  configure_central:
    description: The central configuration runs on this host (its host entries are used here).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Install the aws command when needed
  ansible.builtin.debug:
    msg: "{{ [{'name': 'aws-ses', 'custom_mode': 'awscli'}] | sesmon.ses.centreon_awscli_needed('paws', configure_central=true) }}"
  # -> true
"""

RETURN = r"""
_value:
  description: Whether the aws command is needed.
  type: bool
"""

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_role import awscli_needed


def centreon_awscli_needed(hosts, default_custom_mode, configure_central=False):
    """True or False."""
    return awscli_needed(hosts if isinstance(hosts, (list, tuple)) else [], default_custom_mode, bool(configure_central))


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_awscli_needed": centreon_awscli_needed}
