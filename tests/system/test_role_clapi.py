# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role against CLAPI as it really behaves (issue 19), on a Debian 12 central without packages.

The central has no Centreon repository and the role runs with centreon_ses_pack_install_packages: false, so only the
central part runs (and it must). CLAPI is the stand-in of role_support/clapi_standin.py, which follows Centreon's
sources: a failed import line exits 0, SERVICE getmacro leaves out the macros of a parentless service template,
getmacro quotes values as CSV, HOST ADD strips illegal characters, five failed logins block the user.
"""
from __future__ import annotations

import os
import re
import shutil
from collections import Counter

import pytest

from role_support import central, clapi_standin, playbook, rootfs, standins
from role_support.central import ACCESS_KEY, CLAPI_PASSWORD, SECRET_KEY, assert_no_secret, writes

pytestmark = central.NEEDS_ROOT

PROXY_PASSWORD = "PrOxY-pAsS"
# EXTRAOPTIONS starting with '"': current CLAPI quotes it in getmacro output (csvEscape), 22.10 does not.
QUOTED = '"--verbose" --filter-metric=Sent'
PLAN = re.compile(r'^\s+"((?:HOST|SERVICE) [A-Z]+ \S+(?: [A-Z]+)?|APPLYCFG \S+)(?:[ :].*)?",?$', re.MULTILINE)


def _vars(hosts, **overrides):
    return central.role_vars("http://127.0.0.1:9", hosts=hosts, centreon_ses_pack_install_packages=False,
                             centreon_ses_pack_install_pack_package=False, centreon_ses_pack_install_connector=False,
                             centreon_ses_pack_smoke_check=False, centreon_ses_pack_custom_mode="awscli", **overrides)


def _entry(name="aws-ses", **changes):
    return central.host_entry(name=name, extra_options=QUOTED, proxy_url="http://ops:%s@127.0.0.1:3128" % PROXY_PASSWORD, **changes)


def _no_secret(output):
    assert_no_secret(output)
    assert PROXY_PASSWORD not in output


def _predicted(output):
    """(object, action, macro) of each change the role reported (check mode: would make)."""
    result = []
    for line in PLAN.findall(output):
        words = line.split()
        if words[0] == "APPLYCFG":
            result.append(("", "APPLYCFG", None))
        else:
            result.append((words[0], words[1], words[3] if words[1] == "SETMACRO" else None))
    return result


def _made(calls):
    return [(call["object"], call["action"], call.get("macro")) for call in writes(calls)]


@pytest.fixture(scope="module", name="central_root")
def fixture_central_root(tmp_path_factory):
    """A Debian 12 root with the engine user and CLAPI (connector installed), no Centreon repository, no package."""
    work = tmp_path_factory.mktemp("clapi")
    root = rootfs.unpack("bookworm", str(work / "root"))
    central.prepare_central(root, connector_installed=True)
    yield root, str(work / "ansible")
    shutil.rmtree(root, ignore_errors=True)


def test_check_mode_predicts_the_real_run_with_masked_diff(central_root):
    """-C --diff reports exactly the writes the real run then makes, values masked; nothing is written; no packages."""
    root, work = central_root
    variables = _vars([_entry()])
    before = rootfs.snapshot(root)
    check = playbook.run_role(work, {root: variables}, check=True, extra_args=("--diff",))
    assert check.rc == 0, check.output[-4000:]
    assert not writes(standins.clapi_calls(root)) and standins.clapi_state(root)["hosts"] == {}
    logged = standins.CLAPI_DIR.lstrip("/") + "/calls.jsonl"
    after = rootfs.snapshot(root)
    assert sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p) and p != logged) == []
    predicted = _predicted(check.output)
    assert ("HOST", "ADD", None) in predicted and check.totals("changed") > 0, check.output[-4000:]
    # --diff shows the values, the secrets masked.
    assert "HOST SETMACRO aws-ses AWSREGION: '' -> 'eu-west-1'" in check.output
    assert "HOST SETMACRO aws-ses AWSSECRETKEY: '' -> ********" in check.output
    assert "HOST SETMACRO aws-ses PROXYURL: '' -> ********" in check.output
    _no_secret(check.output)

    # The real run with --diff too: the import file and the checksum file (no_log) show no diff, the report masks.
    real = playbook.run_role(work, {root: variables}, extra_args=("--diff",))
    assert real.rc == 0, real.output[-4000:]
    made = _made(standins.clapi_calls(root))
    assert Counter(predicted) == Counter(made), (predicted, made)
    assert Counter(_predicted(real.output)) == Counter(made)
    # A parentless service template: TIMEFRAME and PERIOD stay the template's, never written as direct macros.
    service = standins.clapi_state(root)["hosts"]["aws-ses"]["services"]["Emails"]["macros"]
    assert "TIMEFRAME" not in service and "PERIOD" not in service, service
    assert standins.clapi_state(root)["hosts"]["aws-ses"]["macros"]["EXTRAOPTIONS"] == [QUOTED, ""]
    # No package, no Centreon repository.
    assert not [name for name in os.listdir(root + "/etc/apt/sources.list.d") if name.startswith("centreon")]
    assert not os.path.exists(root + "/usr/lib/centreon/plugins")
    _no_secret(real.output)

    # The quoted value is read back as written: nothing to do, in check mode and for real.
    again = playbook.run_role(work, {root: variables}, check=True, extra_args=("--diff",), verbosity=3)
    assert again.rc == 0 and again.totals("changed") == 0 and _predicted(again.output) == [], again.output[-4000:]
    _no_secret(again.output)


def test_failed_import_line_fails_and_records_no_checksum(central_root):
    """CLAPI exits 0 on a failed -i line: the role fails all the same, records no checksum, and a rerun writes the secret.

    The rerun runs with --tags centreon_ses_pack_central and packages switched on: only the central part (and the
    validation) runs.
    """
    root, work = central_root
    variables = _vars([_entry("aws-ses-import")])
    standins.configure_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"), fail_import_lines=True)
    run = playbook.run_role(work, {root: variables})
    assert run.rc != 0
    assert ("CLAPI import (-i) of the password macros of aws-ses-import reported 2 failed line(s) (exit 0): "
            "Line 1 : Object not found:aws-ses-import; Line 2 : Object not found:aws-ses-import") in run.output, run.output[-3000:]
    assert "no checksum was recorded" in run.output
    assert not os.path.exists(root + "/var/lib/sesmon-centreon-ses-pack/aws-ses-import.json")
    _no_secret(run.output)

    standins.configure_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"))
    # The rerun also shows the tags: with packages switched on, --tags centreon_ses_pack_central runs the (included)
    # central tasks, the validation (always) and no package task.
    rerun = playbook.run_role(work, {root: dict(variables, centreon_ses_pack_install_packages=True)},
                              extra_args=("--tags", "centreon_ses_pack_central"))
    assert rerun.rc == 0, rerun.output[-3000:]
    assert "Check every host entry" in rerun.output and "Import the password macros of aws-ses-import" in rerun.output
    assert "Install the plugin and the aws command" not in rerun.output and "Centreon repository signing key" not in rerun.output
    assert not [name for name in os.listdir(root + "/etc/apt/sources.list.d") if name.startswith("centreon")]
    macros = standins.clapi_state(root)["hosts"]["aws-ses-import"]["macros"]
    assert macros["AWSSECRETKEY"] == [SECRET_KEY, "1"] and macros["AWSACCESSKEY"] == [ACCESS_KEY, "1"]
    assert os.path.exists(root + "/var/lib/sesmon-centreon-ses-pack/aws-ses-import.json")


def test_a_write_clapi_refuses_is_diagnosed_in_one_line(central_root):
    """HOST ADD refused (a host differing only in case exists): the hidden (no_log) write fails with CLAPI's own words."""
    root, work = central_root
    run = playbook.run_role(work, {root: _vars([_entry("AWS-SES")])})
    assert run.rc != 0
    assert "CLAPI HOST ADD / applytpl of AWS-SES failed (exit 1): Object already exists (AWS-SES)" in run.output, run.output[-3000:]
    assert ("HOST", "APPLYTPL", None) not in _made(standins.clapi_calls(root)[-3:])
    _no_secret(run.output)


def test_locked_out_login_is_tried_once_and_diagnosed(central_root):
    """A user blocked after five failed logins: one login, no retry, the lockout named, nothing changed."""
    root, work = central_root
    clapi_standin.block_user(root, "admin")
    before = len(standins.clapi_calls(root))
    try:
        run = playbook.run_role(work, {root: _vars([_entry("aws-ses-locked")])})
    finally:
        clapi_standin.block_user(root, "admin", when=0)  # blocking expired
    assert run.rc != 0
    assert "CLAPI refused the login of admin for POLLERLIST: Authentication failed." in run.output
    assert "Centreon blocks a user after 5 failed logins by default" in run.output
    calls = standins.clapi_calls(root)[before:]
    assert [call["action"] for call in calls] == ["LOGIN"], calls
    assert "aws-ses-locked" not in standins.clapi_state(root)["hosts"]
    _no_secret(run.output)


def test_clapi_standin_follows_centreon(central_root):
    """The stand-in itself, call by call, as Centreon's sources behave (each behaviour cites them in clapi_standin.py)."""
    root, dummy = central_root

    def clapi(user, password, *args):
        return rootfs.chroot(root, standins.CLAPI_PATH, "-u", user, "-p", password, *args, check=False)

    def configure(version="current", expired=False):
        standins.configure_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"), version=version,
                                 other_users={"ops": ("ops-pw", True)}, expired=expired)

    try:
        configure()
        # POLLERLIST and every action end with the trailer (current); HOST ADD strips checkIllegalChar's characters.
        assert clapi("admin", CLAPI_PASSWORD, "-a", "POLLERLIST").stdout.endswith("2;Poller-2\nReturn code end : 0\n")
        added = clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "ADD", "-v", "probe(eu);probe;127.0.0.1;Cloud-Aws-Ses-custom;Central;")
        assert added.returncode == 0 and "probeeu" in standins.clapi_state(root)["hosts"]
        again = clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "ADD", "-v", "probe(eu);probe;127.0.0.1;Cloud-Aws-Ses-custom;Central;")
        assert (again.returncode, again.stdout) == (1, "Object already exists (probeeu)\n")
        # csvEscape quoting (current), values as stored (22.10).
        clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "setmacro", "-v", 'probeeu;EXTRAOPTIONS;"x" y;0;')
        assert 'EXTRAOPTIONS;"""x"" y";;;direct' in clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "getmacro", "-v", "probeeu").stdout
        configure("22.10")
        shown = clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "getmacro", "-v", "probeeu").stdout
        assert 'EXTRAOPTIONS;"x" y;;;direct' in shown and "Return code end" not in shown
        # A failed import line: "Line N : ..." and exit 0 (bin/centreon ignores CentreonAPI::import's result).
        with open(root + "/tmp/import.clapi", "w", encoding="utf-8") as handle:
            handle.write("HOST;setmacro;nosuchhost;AWSREGION;eu-west-1;0;\n")
        imported = clapi("admin", CLAPI_PASSWORD, "-i", "/tmp/import.clapi")
        assert (imported.returncode, imported.stdout) == (0, "Line 1 : Object not found:nosuchhost\n\n")
        # Logins: 22.10 counts down; five failures block the user, the right password included; current texts.
        assert clapi("ops", "wrong", "-a", "POLLERLIST").stdout == "Invalid credentials. 4 attempt(s) remaining\n"
        for dummy_attempt in range(4):
            clapi("ops", "wrong", "-a", "POLLERLIST")
        configure()
        assert (clapi("ops", "ops-pw", "-a", "POLLERLIST").stdout, clapi("ops", "ops-pw", "-a", "POLLERLIST").returncode) == (
            "Authentication failed.\n", 1)
        configure(expired=True)
        assert clapi("admin", CLAPI_PASSWORD, "-a", "POLLERLIST").stdout == "Unable to login, your password has expired.\n"
    finally:
        configure()
