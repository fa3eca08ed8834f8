# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_macro_changes: the macros the role must write for a Centreon host or service."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_macro_changes
author: sesmon.ses contributors
version_added: 0.1.0
short_description: The Centreon macros that differ from the wanted values
description:
  - Compares the wanted macros with what Centreon shows (own or inherited, see C(sesmon.ses.centreon_macros)) and returns
    those to write.
  - A wanted value of C(None) is not managed (a default the host entry does not set is never written as a direct macro);
    an absent macro is in sync when the wanted value is empty; a password macro that CLAPI shows otherwise (masked) is
    in sync when O(saved) says the role wrote exactly this value and CLAPI showed exactly this right after.
options:
  _input:
    description: Wanted macros, name to value (or C(None)).
    type: dict
    required: true
  shown:
    description: What Centreon shows, name to value.
    type: dict
    required: true
  saved:
    description: The role's checksums for password macros, name to C({wanted, seen}) (SHA-256 of C(key;name;value)).
    type: dict
    default: {}
  key:
    description: Salt of the checksums (the host name, or C(host;service)).
    type: str
    default: ""
  password_names:
    description: Names of the password macros (written with the password flag, always masked).
    type: list
    elements: str
    default: []
  masked_names:
    description: Other names whose values are masked in C(diff) (values that may hold credentials).
    type: list
    elements: str
    default: []
"""

EXAMPLES = r"""
- name: Macros to write
  ansible.builtin.set_fact:
    to_set: "{{ {'AWSREGION': 'eu-west-1'} | sesmon.ses.centreon_macro_changes({'AWSREGION': 'us-east-1'}) }}"
  # -> [{"name": "AWSREGION", "value": "eu-west-1", "password": "0", "diff": "'us-east-1' -> 'eu-west-1'"}]
"""

RETURN = r"""
_value:
  description: One C({name, value, password, diff}) per macro to write; C(diff) shows masked values only.
  type: list
  elements: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_macros import macro_changes


def centreon_macro_changes(wanted, shown, saved=None, key="", password_names=(), masked_names=()):  # pylint: disable=too-many-arguments
    """The macros to write."""
    if not isinstance(wanted, dict) or not isinstance(shown, dict):
        raise AnsibleFilterError("centreon_macro_changes: wanted and shown must be dictionaries")
    return macro_changes(wanted, shown, saved or {}, key, tuple(password_names or ()), tuple(masked_names or ()))


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_macro_changes": centreon_macro_changes}
