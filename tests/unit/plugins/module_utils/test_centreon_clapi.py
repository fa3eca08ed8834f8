# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""centreon_clapi: one-line diagnoses of CLAPI runs (missing command, refused logins, failed import lines)."""

from __future__ import annotations

import pytest

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_clapi import clapi_problem, import_failures

SECRET = "pa55-w0rd"


def test_a_failed_import_line_fails_whatever_the_exit_code():
    result = {"rc": 0, "stdout": "Line 1 : Object not found:nosuchhost\n\n"}
    assert import_failures(result["stdout"]) == ["Line 1 : Object not found:nosuchhost"]
    assert clapi_problem(result, "import") == "CLAPI import reported 1 failed line(s) (exit 0): Line 1 : Object not found:nosuchhost"
    assert clapi_problem({"rc": 0, "stdout": "\n"}, "import") == ""


@pytest.mark.parametrize("result", [{"rc": 127, "stderr": "sh: centreon: not found"},
                                    {"rc": 2, "failed": False, "msg": "[Errno 2] No such file or directory: b'centreon'"},
                                    {"rc": 2, "failed": False, "msg": "Error executing command.", "stdout": ""}])
def test_missing_command_names_command_and_variable(result):
    problem = clapi_problem(result, "POLLERLIST", command="centreon")
    assert problem.startswith("CLAPI command 'centreon' not found on this host (centreon_ses_pack_clapi_command)"), problem


@pytest.mark.parametrize("stdout, fragment", [
    ("Authentication failed.\n", "Wrong centreon_ses_pack_clapi_password, or admin is locked out"),
    ("Invalid credentials. 4 attempt(s) remaining\n", "Centreon blocks a user after 5 failed logins"),
    ("Unable to login, your password has expired.\n", "Change the password of admin in Centreon"),
    ("You don't have permissions for CLAPI.\n", "Only an admin user may use CLAPI"),
    # 22.10's CentreonAPI::exitOnInvalidCredentials at the 5th attempt, then checkUser for a blocked user.
    ("Invalid credentials. Max attempts has been reached, you can't login for 900 seconds. \n", "admin is locked out by Centreon's security policy"),
    ("Unable to login, max login attempts has been reached. 00d 00h 14m 59s left\n", "admin is locked out by Centreon's security policy"),
])
def test_refused_logins(stdout, fragment):
    problem = clapi_problem({"rc": 1, "stdout": stdout + SECRET}, "POLLERLIST", secrets=[SECRET])
    assert fragment in problem and SECRET not in problem and "\n" not in problem, problem


def test_a_command_that_cannot_start_for_another_reason():
    problem = clapi_problem({"rc": 13, "msg": "Error executing command.", "exception": "PermissionError: [Errno 13] Permission denied"},
                            "POLLERLIST", command="/opt/centreon")
    assert problem.startswith("CLAPI command '/opt/centreon' could not be run on this host (centreon_ses_pack_clapi_command, error 13)")


def test_a_sixteen_character_piece_of_a_secret_is_masked_too():
    secret = "Zq8-long-centreon-secret-value-42"
    problem = clapi_problem({"rc": 1, "stdout": "Object not found:" + secret[:20]}, "HOST show", secrets=[secret])
    assert secret[:16] not in problem and "Object not found:********" in problem, problem


def test_other_failures_are_short_and_masked():
    problem = clapi_problem({"rc": 1, "stdout": ("x" * 400) + SECRET}, "HOST show", secrets=[SECRET])
    assert problem.startswith("CLAPI HOST show failed (exit 1): ") and len(problem) < 400 and SECRET not in problem
    assert clapi_problem({"rc": 0, "stdout": "poller_id;name\n1;Central\nReturn code end : 0\n"}, "POLLERLIST") == ""
