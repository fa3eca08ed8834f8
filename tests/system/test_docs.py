# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The docs stay true: ansible-doc works, EXAMPLES are valid playbooks, antsibull-docs lint passes."""

from __future__ import annotations

import ast
import re
import subprocess

import pytest
import yaml

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, VENV_BIN, playbook_env

MODULES = sorted(path.stem for path in (ROOT / "plugins" / "modules").glob("*.py"))


def _doc_string(module, name):
    tree = ast.parse((ROOT / "plugins" / "modules" / ("%s.py" % module)).read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return node.value.value
    raise AssertionError("%s has no %s" % (module, name))


@pytest.mark.parametrize("module", MODULES)
def test_ansible_doc_renders(module):
    result = subprocess.run([str(VENV_BIN / "ansible-doc"), "sesmon.ses.%s" % module], env=playbook_env(),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "RETURN VALUES" in result.stdout and "EXAMPLES" in result.stdout


def test_role_doc_renders():
    result = subprocess.run([str(VENV_BIN / "ansible-doc"), "-t", "role", "sesmon.ses.centreon_ses_pack"], env=playbook_env(),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "centreon_ses_pack_" in result.stdout


@pytest.mark.parametrize("module", MODULES)
def test_examples_are_valid_playbook_tasks(module, tmp_path):
    tasks = yaml.safe_load(_doc_string(module, "EXAMPLES"))
    assert tasks, "no examples"
    used = [task for task in tasks if "sesmon.ses.%s" % module in task or "block" in task]
    assert used, "the examples never call the module by its FQCN"
    playbook = tmp_path / "examples.yml"
    playbook.write_text(yaml.safe_dump([{"hosts": "localhost", "gather_facts": False, "tasks": tasks}]))
    result = subprocess.run([str(VENV_BIN / "ansible-playbook"), "-i", "localhost,", "--syntax-check", str(playbook)],
                            env=playbook_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("module", MODULES)
def test_examples_use_fqcn_only(module):
    text = _doc_string(module, "EXAMPLES")
    bare = re.findall(r"^\s*-?\s*(ses_[a-z_]+|assert|debug|set_fact):", text, re.M)
    assert bare == []


def test_antsibull_docs_lint():
    result = subprocess.run([str(VENV_BIN / "antsibull-docs"), "lint-collection-docs", "--plugin-docs", "."], cwd=ROOT,
                            env=playbook_env(), capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_links_exist():
    text = (ROOT / "README.md").read_text()
    links = re.findall(r"\]\((docs/[^)#]+)\)", text)
    assert links
    missing = [link for link in links if not (ROOT / link).is_file()]
    assert missing == []


def test_readme_gives_the_two_commands_and_ci_uses_make_test():
    assert "make demo" in (ROOT / "README.md").read_text() and "make test" in (ROOT / "README.md").read_text()
    assert "make test" in (ROOT / ".ci" / "run").read_text()
