# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""galaxy-importer accepts the built tarball cleanly; ansible-builder turns execution-environment.yml into a build context.

Both tools come from .build/tools-venv (make setup). No container is built: there is no engine here.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
import yaml

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, VENV_BIN, playbook_env

TOOLS_BIN = ROOT / ".build" / "tools-venv" / "bin"
GALAXY = yaml.safe_load((ROOT / "galaxy.yml").read_text())
EE = yaml.safe_load((ROOT / "execution-environment.yml").read_text())


def _tools_env(**extra):
    """The tools venv first on PATH (galaxy-importer calls ansible-doc and ansible-lint from there), no ambient config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "ANSIBLE_", "GALAXY_IMPORTER_")) and k != "PYTHONPATH"}
    env["PATH"] = "%s:/usr/local/bin:/usr/bin:/bin" % TOOLS_BIN
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def tarball(tmp_path_factory):
    if not (TOOLS_BIN / "python").exists():
        pytest.fail("the tools venv is missing: make setup creates .build/tools-venv")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([str(VENV_BIN / "ansible-galaxy"), "collection", "build", str(ROOT), "--output-path", str(out)],
                   check=True, capture_output=True, text=True, env=playbook_env(), timeout=120)
    return out / ("sesmon-ses-%s.tar.gz" % GALAXY["version"])


@pytest.fixture(scope="module")
def imported(tarball):
    # galaxy-importer's default settings (Galaxy's): ansible-doc and ansible-lint on, changelog checked, no ansible-test.
    result = subprocess.run([str(TOOLS_BIN / "python"), "-m", "galaxy_importer.main", str(tarball)], cwd=tarball.parent,
                            env=_tools_env(), capture_output=True, text=True, timeout=600, check=False)
    return result, tarball.parent / "importer_result.json"


def test_galaxy_importer_reports_no_error_and_no_warning(imported):
    result = imported[0]
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Importer processing completed successfully" in output
    # The importer prints INFO lines bare and every other level as "LEVEL: message".
    problems = [line for line in output.splitlines() if line.startswith(("WARNING:", "ERROR:", "CRITICAL:"))]
    assert problems == []
    assert "Linting collection via ansible-lint" in output


def test_galaxy_importer_result_has_the_content_and_the_licence(imported):
    path = imported[1]
    data = json.loads(path.read_text())
    assert data["metadata"]["license_file"] == "COPYING"
    assert data["requires_ansible"] == yaml.safe_load((ROOT / "meta" / "runtime.yml").read_text())["requires_ansible"]
    contents = {(item["content_type"], item["name"]) for item in data["contents"]}
    assert {("module", "ses_send_stats"), ("module", "ses_metric_check"), ("role", "centreon_ses_pack")} <= contents
    assert data["docs_blob"]["collection_readme"]["html"]


def test_ansible_builder_creates_a_build_context(tmp_path, tarball):
    assert EE["version"] == 3
    context = tmp_path / "context"
    result = subprocess.run([str(TOOLS_BIN / "ansible-builder"), "create", "-f", str(ROOT / "execution-environment.yml"),
                             "-c", str(context), "--output-filename", "Containerfile"],
                            env=_tools_env(), capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    containerfile = (context / "Containerfile").read_text()
    assert 'ARG EE_BASE_IMAGE="%s"' % EE["images"]["base_image"]["name"] in containerfile
    assert EE["dependencies"]["ansible_core"]["package_pip"] in containerfile
    assert "introspect.py introspect" in containerfile and "ansible-galaxy collection install" in containerfile
    build = context / "_build"
    assert yaml.safe_load((build / "requirements.yml").read_text())["collections"][0]["name"] == "sesmon.ses"
    assert (build / "requirements.txt").read_text() == (ROOT / "requirements.txt").read_text()
    assert (build / "bindep.txt").read_text() == (ROOT / "bindep.txt").read_text()

    # The build's introspection step, run on the collection installed from the tarball: it finds the
    # collection's meta/execution-environment.yml and so its requirements.txt and bindep.txt.
    installed = tmp_path / "collections"
    subprocess.run([str(VENV_BIN / "ansible-galaxy"), "collection", "install", str(tarball), "-p", str(installed)],
                   check=True, capture_output=True, text=True, env=playbook_env(collections_path=installed), timeout=120)
    pip_out, bindep_out = tmp_path / "pip.txt", tmp_path / "bindep.txt"
    subprocess.run([str(TOOLS_BIN / "python"), str(build / "scripts" / "introspect.py"), "introspect", str(installed),
                    "--write-pip", str(pip_out), "--write-bindep", str(bindep_out)],
                   check=True, capture_output=True, text=True, env=_tools_env(), timeout=120)
    pip_lines = [line for line in pip_out.read_text().splitlines() if line and not line.startswith("#")]
    assert pip_lines == ["botocore>=1.34.0  # from collection sesmon.ses"]
    assert "python3 [platform:rpm]  # from collection sesmon.ses" in bindep_out.read_text()
