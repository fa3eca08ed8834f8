# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A real moto_server process on 127.0.0.1, for tests that talk HTTP to a local AWS endpoint."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent():
    """Runs in the child before exec: the kernel kills moto_server when the process that started it ends.

    ansible-test runs each unit test in a forked process that leaves with os._exit(): fixture
    finalizers never run there, and without this every server started in one would be orphaned.
    """
    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


class MotoServer:
    """``python -m moto.server`` bound to 127.0.0.1 on a free port; stopped by ``stop()``."""

    def __init__(self, enforce_auth=False):
        self.enforce_auth = enforce_auth
        self.port = None
        self.process = None

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port

    def start(self, timeout=30):
        env = dict(os.environ)
        for name in list(env):
            if name.startswith("AWS_"):
                del env[name]
        if self.enforce_auth:
            # moto enforces SigV4 and IAM policies from the first request on.
            env["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"
        self.port = free_port()
        self.process = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,  # pylint: disable=subprocess-popen-preexec-fn
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("moto_server exited with %s" % self.process.returncode)
            try:
                with urllib.request.urlopen(self.url + "/moto-api/data.json", timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("moto_server did not answer within %s s" % timeout)

    def reset(self):
        request = urllib.request.Request(self.url + "/moto-api/reset", data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=10):
            pass

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
