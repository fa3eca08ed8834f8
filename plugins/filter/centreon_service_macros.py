# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_service_macros: the service macros a host entry of the centreon_ses_pack role asks for."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_service_macros
author: sesmon.ses contributors
version_added: 0.1.0
short_description: The service macros of one host entry of the centreon_ses_pack role
description:
  - Returns the macros of the C(Emails) service for one host entry, in the order of O(host_options). The service's
    keys are C(timeframe), C(period), C(dimension) and the thresholds C(warning_<label>)/C(critical_<label>); the macro
    is the key in capitals without C(_) (C(warning_emails_sent) is C(WARNINGEMAILSSENT)).
  - A given value is its text, trimmed. A key not given (or null) is C(None) when O(host_options) gives it a
    C(default), the service template's value (no direct macro is written, see C(sesmon.ses.centreon_macro_changes)),
    else an empty text.
options:
  _input:
    description: The host entry.
    type: dict
    required: true
  host_options:
    description: The C(options) of C(centreon_ses_pack_hosts) in the role's C(meta/argument_specs.yml).
    type: dict
    required: true
"""

EXAMPLES = r"""
- name: The service macros of an entry
  ansible.builtin.debug:
    msg: "{{ {'name': 'aws-ses', 'period': 300} | sesmon.ses.centreon_service_macros({'timeframe': {'default': 3600},
             'period': {'default': 60}, 'dimension': {}, 'warning_emails_sent': {}}) }}"
  # -> {"TIMEFRAME": null, "PERIOD": "300", "DIMENSION": "", "WARNINGEMAILSSENT": ""}
"""

RETURN = r"""
_value:
  description: Macro name to value, C(None) for a macro left to the service template.
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_role import service_macros


def centreon_service_macros(entry, host_options):
    """{MACRO: value or None}."""
    if not isinstance(entry, dict) or not isinstance(host_options, dict):
        raise AnsibleFilterError("centreon_service_macros: the host entry and host_options must be dictionaries")
    return service_macros(entry, host_options)


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_service_macros": centreon_service_macros}
