# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The changelog: antsibull-changelog lints it, CHANGELOG.rst is its output, and a release works (in a copy)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, VENV_BIN, playbook_env

CHANGELOG = VENV_BIN / "antsibull-changelog"
MODULES = sorted(path.stem for path in (ROOT / "plugins" / "modules").glob("*.py"))
ROLES = sorted(path.name for path in (ROOT / "roles").iterdir() if (path / "meta" / "argument_specs.yml").is_file())
# Ansible's documentation markup means nothing in a changelog (RST): it would be printed as it is.
MARKUP = re.compile(r"\b[CIMOVBLRUEP]\(")


def _run(args, cwd, env=None):
    result = subprocess.run([str(CHANGELOG)] + args, cwd=cwd, env=env or playbook_env(), capture_output=True, text=True,
                            check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def copy(tmp_path):
    """The collection's changelog inputs at tmp/ansible_collections/sesmon/ses, where antsibull-changelog finds its plugins."""
    target = tmp_path / "ansible_collections" / "sesmon" / "ses"
    for name in ("galaxy.yml", "CHANGELOG.rst"):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    for name in ("changelogs", "plugins", "roles", "meta"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".plugin-cache.yaml"))
    return target


def test_lint_and_lint_changelog_yaml_are_clean():
    assert _run(["lint"], ROOT).stdout.strip() == ""
    assert _run(["lint-changelog-yaml", "changelogs/changelog.yaml"], ROOT).stdout.strip() == ""


def test_fragments_use_rst_and_do_not_announce_new_content():
    for path in sorted((ROOT / "changelogs" / "fragments").glob("*.y*ml")):
        text = path.read_text()
        assert not MARKUP.search(text), "%s: Ansible markup such as C(...) is printed literally; use ``...``" % path.name
        for name in MODULES + ROLES:
            # antsibull-changelog lists new modules and roles itself (from version_added): a fragment would list them twice.
            assert not re.search(r"^\s*-\s*%s - new (module|role)" % name, text, re.M | re.I), path.name


def test_changelog_rst_is_what_antsibull_changelog_generates(copy):
    (copy / "CHANGELOG.rst").unlink()
    _run(["generate"], copy, playbook_env(collections_path=copy.parents[2]))
    assert (copy / "CHANGELOG.rst").read_text() == (ROOT / "CHANGELOG.rst").read_text(), "run antsibull-changelog generate"


def test_released_notes_list_each_module_and_role_once_and_no_markup():
    text = (ROOT / "CHANGELOG.rst").read_text()
    version = yaml.safe_load((ROOT / "galaxy.yml").read_text())["version"]
    assert "\nv%s\n" % version in text
    assert not MARKUP.search(text)
    modules = re.search(r"\nNew Modules\n-+\n\n(.*?)(\n\n|$)", text, re.S).group(1).splitlines()
    assert sorted(line.split(" - ")[0] for line in modules) == ["- sesmon.ses.%s" % name for name in MODULES]
    roles = re.search(r"\nNew Roles\n-+\n\n(.*?)(\n\n|$)", text, re.S).group(1).splitlines()
    assert sorted(line.split(" - ")[0] for line in roles) == ["- sesmon.ses.%s" % name for name in ROLES]
    for name in MODULES + ROLES:
        assert text.count("sesmon.ses.%s " % name) == 1, name


def test_a_release_consumes_the_fragments_into_changelog_yaml_and_rst(copy):
    fragments = copy / "changelogs" / "fragments"
    fragments.mkdir(exist_ok=True)
    pending = sorted(path.name for path in fragments.glob("*.yml"))
    (fragments / "zz-release-test.yml").write_text(
        "---\nbugfixes:\n  - ses_send_stats - a fix that only this test's release announces.\n")
    env = playbook_env(collections_path=copy.parents[2])
    _run(["release", "--version", "99.0.0", "--date", "2030-01-02"], copy, env)
    text = (copy / "CHANGELOG.rst").read_text()
    assert "\nv99.0.0\n" in text and "- ses_send_stats - a fix that only this test's release announces." in text
    assert text.index("v99.0.0") < text.index("v%s" % yaml.safe_load((copy / "galaxy.yml").read_text())["version"])
    release = yaml.safe_load((copy / "changelogs" / "changelog.yaml").read_text())["releases"]["99.0.0"]
    assert release["release_date"] == "2030-01-02"
    assert sorted(release["fragments"]) == sorted(pending + ["zz-release-test.yml"])
    assert list(fragments.glob("*.yml")) == []  # keep_fragments: false
    # Nothing new since the first release: no module or role is announced again.
    assert "modules" not in release and "objects" not in release
    _run(["lint-changelog-yaml", "changelogs/changelog.yaml"], copy, env)
