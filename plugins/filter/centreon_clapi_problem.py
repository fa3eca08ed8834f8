# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_clapi_problem: why a run of Centreon's CLAPI failed, in one line."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_clapi_problem
author: sesmon.ses contributors
version_added: 0.1.0
short_description: Diagnose a run of Centreon's CLAPI command in one line
description:
  - Takes the registered result of an C(ansible.builtin.command) that ran CLAPI and returns an empty string when it worked,
    else one line naming the cause.
  - Also takes the registered result of a loop (its C(results)) or a list of registered results; skipped runs are left
    out, and the distinct diagnoses of the others are joined by a space, in order.
  - A missing command (exit 127, C(No such file or directory)) names the command and O(command_option); a refused login
    says whether the user is not an admin, its password expired, or the password is wrong or the user locked out (Centreon
    blocks a user after 5 failed logins by default); an import (C(-i)) fails when any C(Line N :) line reports a failure,
    whatever the exit code (C(bin/centreon) ignores the import's result).
  - The values of O(secrets) are masked; nothing of the command line is shown.
options:
  _input:
    description: The registered result (C(rc), C(stdout), C(stderr), C(msg)), a loop's registered result, or a list of them.
    type: raw
    required: true
  action:
    description: What was run, for the message.
    type: str
    required: true
  command:
    description: The CLAPI command that was run.
    type: str
    default: centreon
  user:
    description: The CLAPI user.
    type: str
    default: admin
  secrets:
    description: Values never to show.
    type: list
    elements: str
    default: []
  command_option:
    description: The variable that names the command.
    type: str
    default: centreon_ses_pack_clapi_command
"""

EXAMPLES = r"""
- name: Fail with CLAPI's diagnosis
  ansible.builtin.fail:
    msg: "{{ pollerlist | sesmon.ses.centreon_clapi_problem('POLLERLIST', user='admin', secrets=[clapi_password]) }}"
  when: pollerlist | sesmon.ses.centreon_clapi_problem('POLLERLIST') | length > 0

- name: Fail when a CLAPI write of a loop, or of two tasks, failed
  ansible.builtin.fail:
    msg: "{{ __problem }}"
  when: __problem | length > 0
  vars:
    __problem: "{{ [host_add, host_applytpl] | sesmon.ses.centreon_clapi_problem('HOST ADD / applytpl of aws-ses') }}"
"""

RETURN = r"""
_value:
  description: One line, or an empty string when the runs worked.
  type: str
"""

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_clapi import clapi_problems


def centreon_clapi_problem(result, action, command="centreon", user="admin", secrets=(),
                           command_option="centreon_ses_pack_clapi_command"):  # pylint: disable=too-many-arguments
    """'' or one line."""
    return " ".join(clapi_problems(result if isinstance(result, (dict, list, tuple)) else {}, action, command, user,
                                   [s for s in (secrets or ()) if isinstance(s, str)], command_option))


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_clapi_problem": centreon_clapi_problem}
