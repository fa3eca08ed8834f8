# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Packaging: the Galaxy tarball, an install from it, and the execution-environment files."""

from __future__ import annotations

import re
import subprocess
import tarfile

import pytest
import yaml

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, VENV_BIN, playbook_env, run_playbook

GALAXY = yaml.safe_load((ROOT / "galaxy.yml").read_text())


@pytest.fixture(scope="module")
def tarball(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [str(VENV_BIN / "ansible-galaxy"), "collection", "build", str(ROOT), "--output-path", str(out)],
        check=True, capture_output=True, text=True, env=playbook_env(),
    )
    return out / ("sesmon-ses-%s.tar.gz" % GALAXY["version"])


def test_tarball_holds_the_collection_and_no_junk(tarball):
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
    for wanted in ("MANIFEST.json", "meta/runtime.yml", "plugins/module_utils/connection.py",
                   "plugins/modules/ses_send_stats.py", "plugins/modules/ses_metric_check.py",
                   "roles/centreon_ses_pack/tasks/main.yml", "README.md", "requirements.txt", "COPYING",
                   "CHANGELOG.rst", "changelogs/changelog.yaml", "meta/execution-environment.yml", "bindep.txt"):
        assert wanted in names, wanted
    junk = [n for n in names if re.search(r"(^|/)(\.venv|\.build|\.git|\.ci|__pycache__|\.pytest_cache|\.hypothesis|tests/output)(/|$)|\.pyc$", n)]
    assert junk == []


def test_installed_copy_runs_a_playbook(tarball, tmp_path, moto):
    install_dir = tmp_path / "collections"
    subprocess.run(
        [str(VENV_BIN / "ansible-galaxy"), "collection", "install", str(tarball), "-p", str(install_dir)],
        check=True, capture_output=True, text=True, env=playbook_env(collections_path=install_dir),
    )
    installed = install_dir / "ansible_collections" / "sesmon" / "ses"
    assert (installed / "plugins" / "modules" / "ses_send_stats.py").is_file()
    playbook = tmp_path / "play.yml"
    playbook.write_text(
        """
- hosts: localhost
  gather_facts: false
  module_defaults:
    group/sesmon.ses.aws:
      endpoint_url: %s
      access_key: AKIAIOSFODNN7EXAMPLE
      secret_key: packaging-secret
      region: eu-west-1
  tasks:
    - sesmon.ses.ses_send_stats:
      register: stats
    - ansible.builtin.assert:
        that:
          - stats.quota.max_24_hour_send == 200
          - stats is not changed
""" % moto
    )
    result = run_playbook(playbook, env=playbook_env(collections_path=install_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok=2" in result.stdout
    doc = subprocess.run(
        [str(VENV_BIN / "ansible-doc"), "sesmon.ses.ses_metric_check"],
        env=playbook_env(collections_path=install_dir), capture_output=True, text=True, check=True,
    )
    assert "fail_on" in doc.stdout


def test_version_is_the_same_in_galaxy_and_user_agent():
    text = (ROOT / "plugins" / "module_utils" / "version.py").read_text()
    assert 'COLLECTION_VERSION = "%s"' % GALAXY["version"] in text


def test_collection_execution_environment_metadata_parses():
    """meta/execution-environment.yml: what ansible-builder reads from the installed collection."""
    ee = yaml.safe_load((ROOT / "meta" / "execution-environment.yml").read_text())
    assert ee["version"] == 1
    assert (ROOT / ee["dependencies"]["python"]).is_file()
    assert (ROOT / ee["dependencies"]["system"]).is_file()
    for line in (ROOT / "bindep.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            assert re.match(r"^[a-z0-9.+-]+( \[[a-z0-9:! -]+\])?$", line), line


def test_botocore_is_the_one_runtime_requirement():
    requirements = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert [line for line in requirements if line] == ["botocore>=1.34.0"]
    # The modules and module_utils never import boto3 (it stays optional, for amazon.aws beside this collection).
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        assert not re.search(r"^\s*(import|from)\s+boto3\b", path.read_text(), re.M), path


def test_minimum_botocore_matches_requirements():
    text = (ROOT / "plugins" / "module_utils" / "connection.py").read_text()
    minimum = re.search(r'MINIMUM_BOTOCORE_VERSION = "([\d.]+)"', text).group(1)
    assert "botocore>=%s" % minimum in (ROOT / "requirements.txt").read_text()
