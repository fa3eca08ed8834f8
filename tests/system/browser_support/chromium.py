# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Debian's chromium, headless, one bounded run at a time: every process it starts is stopped before the call returns."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium")
# No sandbox: the tests run as root (Chromium refuses to sandbox as root). No name resolution: the report must need no network.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
         "--disable-background-networking", "--disable-sync", "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND"]


def _pids_using(marker):
    """Ids of the processes whose command line holds ``marker`` (this run's own profile directory)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def run_chromium(args, timeout=60):
    """Run chromium with ``args`` and a fresh profile; returns (stdout, stderr). Fails after ``timeout`` seconds.

    Chromium runs in a session of its own: its whole process group is killed afterwards, and no process
    that uses this run's profile may be left.
    """
    assert CHROMIUM, "chromium is not installed: make setup installs it (tests/system/role_support/apt-packages.txt)"
    with tempfile.TemporaryDirectory(prefix="sesmon-chromium-") as profile:
        command = [CHROMIUM] + FLAGS + ["--user-data-dir=%s" % profile] + list(args)
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise AssertionError("chromium did not finish within %d s: %s" % (timeout, " ".join(args))) from None
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        left = _pids_using(profile)
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        assert not left, "chromium processes outlived the run: %s" % left
    return out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
