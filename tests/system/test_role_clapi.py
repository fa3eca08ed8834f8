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

import configparser
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


def test_clapi_standin_prints_the_php_lines_of_centreon_clapi(central_root):  # pylint: disable=too-many-locals,too-many-statements
    """The stand-in, call by call, prints what the PHP lines of Centreon's CLAPI print (role_support/clapi_source_lines.ini,
    copied from centreon/centreon with their file::function): trailer, close, HOST ADD, csvEscape, import, logins, APPLYCFG."""
    root, dummy = central_root
    php = PhpLines(SOURCE_LINES)

    def clapi(user, password, *args):
        return rootfs.chroot(root, standins.CLAPI_PATH, "-u", user, "-p", password, *args, check=False)

    def configure(version="current", expired=False):
        standins.configure_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"), version=version,
                                 other_users={"ops": ("ops-pw", True), "viewer": ("viewer-pw", False)}, expired=expired)

    def between(stdout, section, name):
        """The part of STDOUT that the variable NAME of SECTION's line stands for (the rest must match the line)."""
        before, after = php(section, {name: "\0"}).split("\0")
        assert stdout.startswith(before) and stdout.endswith(after), (stdout, before, after)
        return stdout[len(before):len(stdout) - len(after)]

    end = php("close")
    void = php("trailer", {"$this->return_code": ""})  # an object action returns nothing (void)
    try:
        configure()
        # POLLERLIST: getPollerList's lines, then launchAction's trailer (develop: after every action).
        rows = "".join(php("pollerlist_row", {'$data["id"]': str(i), '$data["name"]': name}) for i, name in ((1, "Central"), (2, "Poller-2")))
        assert clapi("admin", CLAPI_PASSWORD, "-a", "POLLERLIST").stdout == (
            php("pollerlist_header") + rows + php("trailer", {"$this->return_code": "0"}))
        # HOST ADD strips checkIllegalChar's characters; a second ADD: checkParameters's exception, then close's "\n", exit 1.
        add = ("-o", "HOST", "-a", "ADD", "-v", "probe(eu);probe;127.0.0.1;Cloud-Aws-Ses-custom;Central;")
        added = clapi("admin", CLAPI_PASSWORD, *add)
        assert (added.returncode, added.stdout) == (0, void) and "probeeu" in standins.clapi_state(root)["hosts"]
        again = clapi("admin", CLAPI_PASSWORD, *add)
        exists = php("object_already_exists", {"$this->params[$this->object->getUniqueLabelField()]": "probeeu"})
        assert (again.returncode, again.stdout) == (1, exists + end)
        # getmacro: its header, and the value through csvEscape (develop): quoted when it holds one of the characters
        # csvEscape's condition names, its quotes doubled as csvEscape's str_replace does.
        value = '"x" y'
        clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "setmacro", "-v", "probeeu;EXTRAOPTIONS;%s;0;" % value)
        assert any(char in value for char in php.csv_escape_characters())
        quoted = php("csv_escape", {"$text": value, "str_replace('\"', '\"\"', $text)": value.replace('"', '""')})
        shown = clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "getmacro", "-v", "probeeu").stdout
        assert shown.startswith(php("getmacro_header")) and "\nEXTRAOPTIONS;%s;;;direct\n" % quoted in shown and shown.endswith(void)
        # 22.10: the value as stored, and no trailer after an -o action.
        configure("22.10")
        shown = clapi("admin", CLAPI_PASSWORD, "-o", "HOST", "-a", "getmacro", "-v", "probeeu").stdout
        assert "\nEXTRAOPTIONS;%s;;;direct\n" % value in shown and php("trailer_2210", {"$this->return_code": ""}).strip() not in shown
        # Import (develop): '{OBJECT_TYPE}' and '#' lines skipped, a failed line said as "Line N : <message>", then close's
        # "\n"; the exit code stays 0 (bin/centreon ignores what import returns).
        configure()
        with open(root + "/tmp/import.clapi", "w", encoding="utf-8") as handle:
            handle.write("{OBJECT_TYPE};{COMMAND};{PARAMETERS}\n# a comment\nHOST;setmacro;nosuchhost;AWSREGION;eu-west-1;0;\n")
        imported = clapi("admin", CLAPI_PASSWORD, "-i", "/tmp/import.clapi")
        message = php("object_not_found", {"$params[self::ORDER_UNIQUENAME]": "nosuchhost"})
        assert (imported.returncode, imported.stdout) == (0, php("import_line", {"$i": "3", "$e->getMessage()": message}) + end)
        # An object CLAPI does not know: launchAction returns (no exit), close's "\n", exit code still 0.
        unknown = clapi("admin", CLAPI_PASSWORD, "-o", "NOSUCHOBJECT", "-a", "show")
        assert (unknown.returncode, unknown.stdout) == (0, php("unknown_object", {"$this->object": "NOSUCHOBJECT"}) + end)
        # APPLYCFG: the date line, then pollerGenerate, pollerTest, cfgMove (a remote poller), pollerReload, the trailer.
        applied = clapi("admin", CLAPI_PASSWORD, "-a", "APPLYCFG", "-v", "Poller-2")
        first, rest = applied.stdout.split("\n", 1)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", between(first + "\n", "applycfg", "date('Y-m-d H:i:s')"))
        moved = php("poller_moved", {"$host['name']": "Poller-2"})
        reloaded = php("poller_reloaded", {'$host["name"]': "Poller-2"})
        assert (applied.returncode, rest) == (0, php("poller_generated", {"$variables": "Poller-2"}) + php("end_of_line")
                                              + php("poller_tested", {"$variables": "Poller-2"}) + php("end_of_line")
                                              + php("poller_moved_print", {"$msg_copy": moved}) + php("end_of_line")
                                              + php("poller_reloaded_print", {"$msg_restart": reloaded})
                                              + php("trailer", {"$this->return_code": "0"}))
        failed = clapi("admin", CLAPI_PASSWORD, "-a", "APPLYCFG", "-v", "nosuchpoller")
        assert (failed.returncode, failed.stdout.split("\n", 1)[1]) == (1, php("unknown_poller") + end)

        # Logins, 22.10: an unknown user; four wrong passwords count down; the fifth blocks the user, who is then
        # refused with the time left, the right password included.
        configure("22.10")
        assert clapi("nobody", "x", "-a", "POLLERLIST").stdout == php("invalid_credentials_2210")
        for remaining in (4, 3, 2, 1):
            wrong = clapi("ops", "wrong", "-a", "POLLERLIST")
            assert (wrong.returncode, wrong.stdout) == (1, php("attempts_remaining_2210", {"$attemptRemaining": str(remaining)}))
        assert clapi("ops", "wrong", "-a", "POLLERLIST").stdout == php("max_attempts_2210", {"$blockingDuration": "900"})
        blocked = clapi("ops", "ops-pw", "-a", "POLLERLIST")
        assert blocked.returncode == 1
        assert re.fullmatch(r"\d\dd \d\dh \d\dm \d\ds", between(blocked.stdout, "blocked_2210", "$interval"))  # '%Dd %Hh %Im %Ss'
        # Develop: one text for the blocked user, whatever the password; not an admin; an expired password.
        configure()
        assert [(r.returncode, r.stdout) for r in (clapi("ops", "ops-pw", "-a", "POLLERLIST"), clapi("ops", "wrong", "-a", "POLLERLIST"))] == [
            (1, php("authentication_failed"))] * 2
        assert clapi("viewer", "viewer-pw", "-a", "POLLERLIST").stdout == php("not_admin")
        configure(expired=True)
        assert clapi("admin", CLAPI_PASSWORD, "-a", "POLLERLIST").stdout == php("password_expired")
    finally:
        configure()


SOURCE_LINES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "role_support", "clapi_source_lines.ini")


class PhpLines:
    """The PHP lines of clapi_source_lines.ini, evaluated: string literals, " . " concatenation, _() (gettext: as is),
    self::CONSTANT (from the [constants] and [unknown_poller] lines) and the $variables a test gives."""

    _ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "$": "$"}

    def __init__(self, path):
        parser = configparser.ConfigParser(interpolation=None, delimiters=("=",), comment_prefixes=("#",))
        parser.optionxform = str
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
        self.lines = {name: parser[name]["php"] for name in parser.sections()}
        assert all(parser[name]["origin"].startswith("centreon/www/class/centreon-clapi/") for name in parser.sections())
        constants = self.lines["constants"] + " " + self.lines["unknown_poller"]
        self.constants = dict(re.findall(r'const (\w+) = "([^"]*)";', constants))

    def __call__(self, name, names=None):
        line = self.lines[name]
        if name == "unknown_poller":
            return self.constants["UNKNOWN_POLLER_ID"]
        match = re.fullmatch(r"throw new \w+\((.*)\);", line) or re.fullmatch(r"(?:echo |print |\$\w+ \.?= )(.*);", line)
        assert match, line
        return self._expression(match.group(1), names or {})

    def csv_escape_characters(self):
        """The characters csvEscape's condition (develop) quotes a value for: str_contains($text, X) for each X."""
        chars = []
        for argument in re.findall(r"str_contains\(\$text, ([^)]*)\)", self.lines["csv_escape_when"]):
            chars.append(";" if argument == "$this->delim" else self._expression(argument, {}))  # CentreonObject: $this->delim = ";"
        return chars

    def _expression(self, text, names):
        parts, depth, quote, current = [], 0, None, ""
        i = 0
        while i < len(text):
            char = text[i]
            if quote:
                current += char
                if char == "\\":
                    current += text[i + 1]
                    i += 1
                elif char == quote:
                    quote = None
            elif char in "\"'":
                quote = char
                current += char
            elif char in "([":
                depth += 1
                current += char
            elif char in ")]":
                depth -= 1
                current += char
            elif text.startswith(" . ", i) and depth == 0:
                parts.append(current)
                current = ""
                i += 2
            else:
                current += char
            i += 1
        parts.append(current)
        return "".join(self._part(part.strip(), names) for part in parts)

    def _part(self, part, names):
        if part.startswith("'"):
            return re.sub(r"\\([\\'])", r"\1", part[1:-1])
        if part.startswith('"'):
            return self._double_quoted(part[1:-1], names)
        if part.startswith("self::"):
            return self.constants[part[len("self::"):]]
        if part.startswith("_(") and part.endswith(")"):
            return self._expression(part[2:-1], names)
        return names[part]

    def _double_quoted(self, body, names):
        out, i = [], 0
        while i < len(body):
            if body[i] == "\\" and body[i + 1] in self._ESCAPES:
                out.append(self._ESCAPES[body[i + 1]])
                i += 2
            elif body.startswith("{$", i):
                end = body.index("}", i)
                out.append(names[body[i + 1:end]])
                i = end + 1
            elif body[i] == "$":
                variable = re.match(r"\$\w+", body[i:]).group(0)
                out.append(names[variable])
                i += len(variable)
            else:
                out.append(body[i])
                i += 1
        return "".join(out)
