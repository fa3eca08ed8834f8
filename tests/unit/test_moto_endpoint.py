# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The test endpoint never outlives the process that started it (ansible-test forks per test)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

SCRIPT = """
import os, sys
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import MotoServer
server = MotoServer().start()
sys.stdout.write("%d\\n" % server.process.pid)
sys.stdout.flush()
os._exit(0)  # like a forked test process: no finalizer, no stop()
"""


def _alive(pid):
    try:
        with open("/proc/%d/stat" % pid, encoding="ascii") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_moto_server_dies_with_the_process_that_started_it():
    started = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=True,
                             env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    pid = int(started.stdout.strip())
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid)
