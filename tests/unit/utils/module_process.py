# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Run a module as Ansible runs it on a host: ``python <module>.py args.json``, its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


class ModuleRun:
    """One module process: parsed JSON result (None if it printed none), exit code, output, duration."""

    def __init__(self, result, returncode, stdout, stderr, elapsed):
        self.result = result
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.elapsed = elapsed


def collections_root(module):
    """The directory holding ``ansible_collections`` (a symlinked checkout or ansible-test's copy)."""
    module_file = Path(module.__file__)
    assert module_file.parents[4].name == "ansible_collections", module_file
    return module_file.parents[5]


def run_module_process(module, args, directory, timeout=60, env=None):
    """The module's run; PYTHONPATH is extended (ansible-test's own entries are kept)."""
    path = Path(module.__file__)
    args_file = Path(directory) / ("args-%s-%d.json" % (path.stem, time.monotonic_ns()))
    args_file.write_text(json.dumps({"ANSIBLE_MODULE_ARGS": args}), encoding="utf-8")
    environment = dict(os.environ if env is None else env)
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(collections_root(module)), environment.get("PYTHONPATH")) if p)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(path), str(args_file)], env=environment, capture_output=True, text=True,
                          timeout=timeout, check=False)
    elapsed = time.monotonic() - started
    try:
        result = json.loads(proc.stdout)
    except ValueError:
        result = None
    return ModuleRun(result, proc.returncode, proc.stdout, proc.stderr, elapsed)
