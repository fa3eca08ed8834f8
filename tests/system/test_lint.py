# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ansible-lint (production profile) on the role, the demo playbook and galaxy.yml; yamllint on galaxy.yml."""

from __future__ import annotations

import subprocess

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, VENV_BIN, playbook_env


def test_ansible_lint_production_profile():
    result = subprocess.run(
        [str(VENV_BIN / "ansible-lint"), "--offline", "--profile", "production", "--nocolor",
         "roles/centreon_ses_pack", "playbooks/demo.yml", "galaxy.yml"],
        cwd=ROOT, env=playbook_env(), capture_output=True, text=True, check=False, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout + result.stderr


def test_yamllint_galaxy_and_runtime():
    result = subprocess.run([str(VENV_BIN / "yamllint"), "-s", "galaxy.yml", "meta/runtime.yml", "meta/execution-environment.yml"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
