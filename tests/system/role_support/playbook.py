# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the role with ansible-playbook over the community.general.chroot connection."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

from ansible_collections.sesmon.ses.tests.system.evidence_support import playbook_output

COLLECTION_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
COLLECTIONS_PATH = os.environ.get("SESMON_COLLECTIONS_PATH", os.path.join(COLLECTION_ROOT, ".build", "collections"))

PLAYBOOK = """---
- name: Apply sesmon.ses.centreon_ses_pack
  hosts: all
  gather_facts: true
  roles:
    - role: sesmon.ses.centreon_ses_pack
"""


def ansible_playbook_command():
    """ansible-playbook next to the running interpreter (the venv), else on PATH."""
    candidate = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")
    return candidate if os.path.exists(candidate) else shutil.which("ansible-playbook")


@dataclass
class Run:
    """One ansible-playbook run."""

    rc: int
    output: str

    def recap(self):
        """{host: {ok, changed, unreachable, failed, skipped, rescued, ignored}} from PLAY RECAP."""
        return playbook_output.recap(self.output)

    def totals(self, key):
        """Sum of KEY over every host of the recap."""
        return sum(host.get(key, 0) for host in self.recap().values())


TASKS_FROM = """---
- name: Apply sesmon.ses.centreon_ses_pack ({tasks_from})
  hosts: all
  gather_facts: true
  tasks:
    - name: Run part of the role
      ansible.builtin.include_role:
        name: sesmon.ses.centreon_ses_pack
        tasks_from: {tasks_from}
"""


def run_role(workdir, hosts, verbosity=1, check=False, extra_args=(), tasks_from=None):  # pylint: disable=too-many-arguments
    """Apply the role to HOSTS {rootfs path (or an alias whose vars set ansible_host): host vars}; returns a Run."""
    os.makedirs(workdir, exist_ok=True)
    inventory = {"all": {"hosts": {}}}
    for root, host_vars in hosts.items():
        inventory["all"]["hosts"][root] = dict(
            {"ansible_connection": "community.general.chroot", "ansible_host": root,
             "ansible_python_interpreter": "/usr/bin/python3"}, **host_vars)
    inventory_path = os.path.join(workdir, "inventory.json")
    with open(inventory_path, "w", encoding="utf-8") as handle:
        json.dump(inventory, handle)
    playbook_path = os.path.join(workdir, "site.yml")
    with open(playbook_path, "w", encoding="utf-8") as handle:
        handle.write(TASKS_FROM.format(tasks_from=tasks_from) if tasks_from else PLAYBOOK)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_PATH, ANSIBLE_NOCOLOR="1", ANSIBLE_FORCE_COLOR="0",
               ANSIBLE_RETRY_FILES_ENABLED="0", ANSIBLE_STDOUT_CALLBACK="default", ANSIBLE_LOCAL_TEMP=os.path.join(workdir, "tmp"),
               ANSIBLE_HOME=os.path.join(workdir, "ansible-home"), ANSIBLE_DEPRECATION_WARNINGS="0",
               ANSIBLE_CONFIG=os.path.join(workdir, "none.cfg"), ANSIBLE_PYTHON_INTERPRETER="/usr/bin/python3")
    argv = [ansible_playbook_command(), "-i", inventory_path, playbook_path]
    if verbosity:
        argv.append("-" + "v" * verbosity)
    if check:
        argv.append("--check")
    argv.extend(extra_args)
    proc = subprocess.run(argv, env=env, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False,
                          timeout=900)
    with open(os.path.join(workdir, f"run-{len(os.listdir(workdir))}.log"), "w", encoding="utf-8") as handle:
        handle.write(proc.stdout)
    return Run(proc.returncode, proc.stdout)
