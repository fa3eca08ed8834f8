# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ansible-lint (production profile) and yamllint on the whole collection, with the committed configs."""

from __future__ import annotations

import subprocess

import yaml

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, VENV_BIN, playbook_env


def test_lint_configs_are_committed_and_strict():
    config = yaml.safe_load((ROOT / ".ansible-lint").read_text())
    assert config["profile"] == "production"
    assert not config.get("skip_list") and not config.get("warn_list"), "no rule is switched off"
    assert yaml.safe_load((ROOT / ".yamllint").read_text())["extends"] == "default"


def test_ansible_lint_production_profile_on_the_whole_collection():
    # No path argument: ansible-lint lints every file of the checkout, as .ansible-lint says.
    result = subprocess.run(
        [str(VENV_BIN / "ansible-lint"), "--nocolor"],
        cwd=ROOT, env=playbook_env(), capture_output=True, text=True, check=False, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output and "'production'" in output, output


def test_yamllint_on_the_whole_collection():
    result = subprocess.run([str(VENV_BIN / "yamllint"), "--strict", "."], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
