# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_macros: the macros CLAPI getmacro outputs show, as Centreon resolves them."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_macros
author: sesmon.ses contributors
version_added: 0.1.0
short_description: Read Centreon CLAPI getmacro outputs into one name-to-value mapping
description:
  - Reads the outputs of CLAPI C(getmacro) (C(HOST), C(SERVICE), C(HTPL), C(STPL)) as CSV with C(;) as separator and
    Centreon's quoting (a value that starts with C(") or holds C(;) is quoted in current versions, printed as stored in
    22.10), whatever columns the header names; C($_HOSTNAME$)-style names are normalised to C(NAME).
  - Within one output an object's own (C(direct)) macro wins over an inherited one; an earlier output wins over a later one.
options:
  _input:
    description: getmacro outputs (each a text or a list of lines), the nearest first.
    type: list
    elements: raw
    required: true
"""

EXAMPLES = r"""
- name: The Emails service's macros, with those of its template that SERVICE getmacro leaves out
  ansible.builtin.set_fact:
    service_macros: "{{ [service_getmacro.stdout_lines, template_getmacro.stdout_lines] | sesmon.ses.centreon_macros }}"
"""

RETURN = r"""
_value:
  description: Macro name (upper case, without C($_HOST)/C($)) to value.
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_macros import macro_view


def centreon_macros(layers):
    """{NAME: value} from getmacro outputs, the nearest first."""
    if layers is None:
        return {}
    if not isinstance(layers, (list, tuple)):
        raise AnsibleFilterError("centreon_macros: expects a list of getmacro outputs, got %s" % type(layers).__name__)
    return macro_view([layer or [] for layer in layers])


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_macros": centreon_macros}
