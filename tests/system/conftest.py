# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures for playbook-level tests: a moto_server, and ansible-playbook runs against it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The same moto_server fixtures as the unit tests (imported, so pytest registers them here too).
from ansible_collections.sesmon.ses.tests.unit.conftest import moto, moto_server  # pylint: disable=unused-import

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def playbook_env(collections_path=None, **extra):
    """Environment for ansible-playbook: no ambient AWS settings, this venv's Python."""
    # No PYTHONPATH: Ansible must find the collection through ANSIBLE_COLLECTIONS_PATH only.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "PYTHONPATH"}
    env.update(
        PATH="%s:%s" % (VENV_BIN, env.get("PATH", "")),
        ANSIBLE_COLLECTIONS_PATH=str(collections_path or ROOT / ".build" / "collections"),
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_RETRY_FILES_ENABLED="0",
        ANSIBLE_LOCALHOST_WARNING="0",
        ANSIBLE_INVENTORY_UNPARSED_WARNING="0",
        AWS_CONFIG_FILE="/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent/aws-credentials",
        AWS_EC2_METADATA_DISABLED="true",
    )
    env.update(extra)
    return env


def run_playbook(playbook, *args, env=None, timeout=300):
    """ansible-playbook on localhost; returns the CompletedProcess (stdout and stderr as text)."""
    command = [str(VENV_BIN / "ansible-playbook"), "-i", "localhost,", "-c", "local", str(playbook)] + list(args)
    return subprocess.run(command, env=env or playbook_env(), capture_output=True, text=True, timeout=timeout, check=False)
