# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_password_checksums: what the centreon_ses_pack role records after writing password macros."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_password_checksums
author: sesmon.ses contributors
version_added: 0.1.0
short_description: Checksums of the password macros written and of what CLAPI shows right after
description:
  - For each of O(password_names) that CLAPI shows (O(shown)), the SHA-256 checksums of C(key;NAME;value) for the
    value written (from O(_input)) and for the value CLAPI showed. C(sesmon.ses.centreon_macro_changes) reads them back
    (its C(saved)) to tell whether a masked password macro is in sync.
options:
  _input:
    description: The macros written, name to value.
    type: dict
    required: true
  shown:
    description: What CLAPI shows right after, name to value (C(sesmon.ses.centreon_macros)).
    type: dict
    required: true
  key:
    description: Salt of the checksums (the host name).
    type: str
    required: true
  password_names:
    description: Names of the password macros.
    type: list
    elements: str
    required: true
"""

EXAMPLES = r"""
- name: Record the checksums
  ansible.builtin.copy:
    dest: /var/lib/sesmon-centreon-ses-pack/aws-ses.json
    content: "{{ wanted | sesmon.ses.centreon_password_checksums(shown, 'aws-ses', ['AWSACCESSKEY', 'AWSSECRETKEY']) | to_nice_json }}\n"
    mode: "0600"
"""

RETURN = r"""
_value:
  description: Name to C({wanted, seen}), hexadecimal SHA-256 checksums.
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_macros import password_checksums


def centreon_password_checksums(wanted, shown, key, password_names):
    """{NAME: {wanted, seen}}."""
    if not isinstance(wanted, dict) or not isinstance(shown, dict):
        raise AnsibleFilterError("centreon_password_checksums: the macros written and shown must be dictionaries")
    return password_checksums(wanted, shown, "%s" % (key,), list(password_names or ()))


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_password_checksums": centreon_password_checksums}
