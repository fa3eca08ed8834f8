# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Collection metadata a Galaxy reviewer checks: the licence, the attributes, the tested matrix."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, VENV_BIN, playbook_env
from ansible_collections.sesmon.ses.tests.system.test_docs import MODULES

GALAXY = yaml.safe_load((ROOT / "galaxy.yml").read_text())
RUNTIME = yaml.safe_load((ROOT / "meta" / "runtime.yml").read_text())
DEBIAN_GPL3 = Path("/usr/share/common-licenses/GPL-3")


def _documentation(module):
    """The module's documentation as ansible-doc merges it (the attributes live in a doc fragment)."""
    result = subprocess.run([str(VENV_BIN / "ansible-doc"), "--json", "sesmon.ses.%s" % module], env=playbook_env(),
                            capture_output=True, text=True, check=True, timeout=120)
    return json.loads(result.stdout)["sesmon.ses.%s" % module]["doc"]


def test_copying_is_the_full_gpl3_text_and_galaxy_points_at_it():
    text = (ROOT / "COPYING").read_text()
    assert text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007")
    assert "END OF TERMS AND CONDITIONS" in text and len(text.splitlines()) > 600
    if DEBIAN_GPL3.is_file():
        assert text == DEBIAN_GPL3.read_text()
    # galaxy-importer refuses license and license_file together.
    assert GALAXY["license_file"] == "COPYING" and "license" not in GALAXY
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        if path.name == "__init__.py":
            assert path.read_text() == "", path  # ansible-test's empty-init: a package marker holds nothing, not even a header
            continue
        assert "GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)" in path.read_text(), path


@pytest.mark.parametrize("module", MODULES)
def test_attributes_say_read_only_and_name_the_action_group(module):
    attributes = _documentation(module)["attributes"]
    assert attributes["check_mode"]["support"] == "full"
    # As community.general's attributes.info_module fragment writes it for modules that change nothing.
    assert attributes["diff_mode"]["support"] == "N/A" and attributes["diff_mode"]["details"] == ["This action does not modify state."]
    groups = sorted("sesmon.ses.%s" % name for name, members in RUNTIME["action_groups"].items() if module in members)
    assert groups and attributes["action_group"]["membership"] == groups
    assert attributes["action_group"]["support"] == "full"
    for group in groups:
        assert "group/%s" % group in attributes["action_group"]["description"]


def test_readme_states_the_matrix_that_make_test_runs():
    makefile = (ROOT / "Makefile").read_text()
    pairs = re.search(r"^MATRIX := (.+)$", makefile, re.M).group(1).split()
    assert "test-matrix" in re.search(r"^test: .*\n\t(.+)$", makefile, re.M).group(1)
    readme = (ROOT / "README.md").read_text()
    for pair in ["2.19/3.11"] + pairs:
        core, python = pair.split("/")
        assert re.search(r"\| *ansible-core %s *\| *Python %s *\|" % (re.escape(core), re.escape(python)), readme), pair
    oldest = min((pair.split("/")[0] for pair in pairs), key=lambda core: tuple(int(part) for part in core.split(".")))
    assert RUNTIME["requires_ansible"] == ">=%s.0" % oldest, "the matrix tests the oldest ansible-core that meta/runtime.yml allows"
