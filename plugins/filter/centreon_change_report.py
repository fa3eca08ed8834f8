# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_change_report: the CLAPI writes the centreon_ses_pack role makes for one host, one line each."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_change_report
author: sesmon.ses contributors
version_added: 0.1.0
short_description: The CLAPI writes for one Centreon host, one line each, for check mode and --diff
description:
  - Lists, in the order the role makes them, the CLAPI writes for the host named by O(_input) (C(HOST ADD) and
    C(HOST APPLYTPL) for a new host, C(HOST SETPARAM), C(HOST APPLYTPL) for a missing service, C(HOST SETMACRO),
    C(SERVICE SETMACRO)), then C(APPLYCFG) of its poller when there is any write and O(apply_config) is true.
  - With O(diff), each parameter and macro line adds C(before -> after); macro values come already masked from
    C(sesmon.ses.centreon_macro_changes).
options:
  _input:
    description: The host name.
    type: str
    required: true
  new:
    description: The host does not exist yet.
    type: bool
    default: false
  template:
    description: The host template a new host is created from.
    type: str
    default: ""
  poller:
    description: The host's poller.
    type: str
    default: ""
  params:
    description: The parameters to set, as C(sesmon.ses.centreon_host_param_changes) gives them (C([name, wanted, shown])).
    type: list
    elements: list
    default: []
  service_missing:
    description: The service is missing on an existing host (the template is applied again).
    type: bool
    default: false
  host_macros:
    description: The host macros to set, as C(sesmon.ses.centreon_macro_changes) gives them.
    type: list
    elements: dict
    default: []
  service_macros:
    description: The service macros to set, as C(sesmon.ses.centreon_macro_changes) gives them.
    type: list
    elements: dict
    default: []
  service:
    description: The service whose macros are set.
    type: str
    default: Emails
  apply_config:
    description: APPLYCFG runs after the writes.
    type: bool
    default: true
  diff:
    description: Show the values (C(ansible_diff_mode)).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Report the Centreon changes
  ansible.builtin.debug:
    msg: >-
      {{ 'aws-ses' | sesmon.ses.centreon_change_report(new=true, template='Cloud-Aws-Ses-custom', poller='Central',
         host_macros=[{'name': 'AWSREGION', 'value': 'eu-west-1', 'password': '0', 'diff': "'' -> 'eu-west-1'"}], diff=true) }}
  # -> ["HOST ADD aws-ses (template Cloud-Aws-Ses-custom, poller Central)", "HOST APPLYTPL aws-ses",
  #     "HOST SETMACRO aws-ses AWSREGION: '' -> 'eu-west-1'", "APPLYCFG Central"]
"""

RETURN = r"""
_value:
  description: One line per write; empty when nothing is to write.
  type: list
  elements: str
"""

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_changes import change_report


def centreon_change_report(host, new=False, template="", poller="", params=(), service_missing=False, host_macros=(),
                           service_macros=(), service="Emails", apply_config=True, diff=False):  # pylint: disable=too-many-arguments
    """The lines."""
    return change_report("%s" % (host,), bool(new), template, poller, params or (), bool(service_missing), host_macros or (),
                         service_macros or (), service, bool(apply_config), bool(diff))


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_change_report": centreon_change_report}
