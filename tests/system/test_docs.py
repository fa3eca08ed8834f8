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


# -- the docsite (antsibull-docs + Sphinx), with docs/*.md as its extra docs --------------------------

EXTRA_DOCS = yaml.safe_load((ROOT / "docs" / "docsite" / "extra-docs.yml").read_text())
# Offline, Sphinx cannot fetch the intersphinx inventories, so the labels that live in Ansible's own docs stay undefined.
ANSIBLE_DOCS_LABELS = {"ansible_configuration_settings", "common_return_values"}


def test_every_markdown_doc_is_an_extra_doc_and_its_rst_is_fresh():
    refs = [entry["ref"] for section in EXTRA_DOCS["sections"] for entry in section["toctree"]]
    stems = sorted(path.stem.replace("-", "_") for path in (ROOT / "docs").glob("*.md"))
    assert sorted(refs) == stems
    result = subprocess.run([str(VENV_BIN / "python"), "docs/docsite/md_to_rst.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, "run python docs/docsite/md_to_rst.py: " + result.stderr
    links = yaml.safe_load((ROOT / "docs" / "docsite" / "links.yml").read_text())
    assert links["edit_on_github"]["repository"] in yaml.safe_load((ROOT / "galaxy.yml").read_text())["repository"]


@pytest.fixture(scope="module")
def docsite(tmp_path_factory):
    site = tmp_path_factory.mktemp("docsite")
    env = playbook_env()
    init = subprocess.run([str(VENV_BIN / "antsibull-docs"), "sphinx-init", "--use-current", "--squash-hierarchy", "--lenient",
                           "--dest-dir", str(site), "sesmon.ses"], env=env, capture_output=True, text=True, check=False, timeout=120)
    assert init.returncode == 0, init.stdout + init.stderr
    build = subprocess.run(["bash", str(site / "build.sh")], cwd=site, env=env, capture_output=True, text=True, check=False, timeout=600)
    return build, site / "build" / "html"


def test_the_docsite_builds_with_intersphinx_warnings_only(docsite):
    build = docsite[0]
    output = build.stdout + build.stderr
    assert build.returncode == 0, output
    unexpected = []
    for line in output.splitlines():
        if "WARNING" not in line and "ERROR" not in line:
            continue
        if "failed to reach any of the inventories" in line:
            continue
        label = re.search(r"WARNING: undefined label: '([^']+)'", line)
        if label and label.group(1) in ANSIBLE_DOCS_LABELS:
            continue
        unexpected.append(line)
    assert unexpected == []


def test_the_docsite_has_the_plugins_the_role_and_every_guide(docsite):
    html = docsite[1]
    for page in ["ses_send_stats_module.html", "ses_metric_check_module.html", "centreon_ses_pack_role.html"]:
        assert (html / page).is_file(), page
    index = (html / "index.html").read_text()
    for section in EXTRA_DOCS["sections"]:
        assert section["title"] in index
        for entry in section["toctree"]:
            assert (html / "docsite" / ("%s.html" % entry["ref"])).is_file(), entry["ref"]
            assert 'href="docsite/%s.html"' % entry["ref"] in index, entry["ref"]
    # A link between two Markdown docs is a working link between two pages of the site.
    page = (html / "docsite" / "ses_metric_check.html").read_text()
    assert 'href="migrating_from_centreon.html' in page
