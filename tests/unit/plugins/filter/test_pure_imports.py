# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Only the AWS call layer imports botocore: the filter plugins (the role's validation on a controller
without botocore), the report code and the pure module_utils (option parsing, ranges, checks) do not.

This file is under filter/, not module_utils/: ansible-test gives module_utils tests an ``ansible``
that holds module_utils only, and the filter plugins import ``ansible.errors``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ansible_collections.sesmon.ses.plugins.module_utils import connection
from ansible_collections.sesmon.ses.tests.unit.utils.module_process import collections_root

PLUGINS = Path(connection.__file__).resolve().parents[1]
# The AWS call layer: the session and its clients, the credentials, the error translation, the HTTP
# transport, and the modules' entry point that builds the session.
AWS_LAYER = frozenset(("connection", "aws_credentials", "aws_error_translation", "transport", "module"))

# Imports each module in turn in a fresh interpreter; prints the first one after which botocore is loaded.
PROBE = """
import importlib, json, sys
assert "botocore" not in sys.modules
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
    if "botocore" in sys.modules:
        print(json.dumps(name))
        break
else:
    print(json.dumps(None))
"""


def _modules(folder, skip=()):
    """Every module under plugins/<folder>, sub-packages included."""
    names = []
    for path in sorted((PLUGINS / folder).rglob("*.py")):
        relative = path.relative_to(PLUGINS / folder).with_suffix("")
        if path.stem != "__init__" and ".".join(relative.parts) not in skip:
            names.append("ansible_collections.sesmon.ses.plugins.%s.%s" % (folder, ".".join(relative.parts)))
    return names


def _first_to_import_botocore(names):
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(collections_root(connection)), environment.get("PYTHONPATH")) if p)
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(names)], env=environment, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_filter_plugins_do_not_import_botocore():
    names = _modules("filter")
    assert "ansible_collections.sesmon.ses.plugins.filter.ses_pack_errors" in names  # the role's validation
    assert _first_to_import_botocore(names) is None


def test_report_code_does_not_import_botocore():
    assert _first_to_import_botocore(_modules("plugin_utils")) is None


def test_pure_module_utils_do_not_import_botocore():
    names = _modules("module_utils", skip=AWS_LAYER)
    for pure in ("connection_options", "check_options", "sources.registry", "thresholds", "nagios_range"):  # the option parsing
        assert "ansible_collections.sesmon.ses.plugins.module_utils.%s" % pure in names
    assert _first_to_import_botocore(names) is None


def test_the_probe_sees_botocore_when_it_is_imported():
    assert _first_to_import_botocore(["ansible_collections.sesmon.ses.plugins.module_utils.connection"]).endswith(".connection")
