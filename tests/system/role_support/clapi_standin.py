# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""STAND-IN for Centreon's CLAPI command (``centreon``), written from Centreon's sources (centreon/centreon).

Kept as text (no executable in the repository) and installed as ROOT/usr/bin/centreon. It keeps Centreon's objects in
state.json and appends one JSON line per action to calls.jsonl ({object, action, target, macro, via}: never a value nor
the password). Each behaviour cites the file and function of centreon/centreon it follows; "observed" marks what was seen
running CLAPI's own PHP code (22.10 line) and not found in the sources read.

Two versions (config ``version``): ``current`` (today's sources: csvEscape quoting, ``Return code end : N`` after every
action, ``Authentication failed.``) and ``22.10`` (values printed as stored, the trailer only after actions without
``-o``, ``Invalid credentials. N attempt(s) remaining``, observed).
"""
from __future__ import annotations

import json
import os

CLAPI_PATH = "/usr/bin/centreon"
CLAPI_DIR = "/var/lib/centreon-clapi-standin"

CLAPI_SCRIPT = r'''#!/usr/bin/python3
"""STAND-IN for Centreon's CLAPI (centreon -u USER -p PASSWORD [-o OBJECT] -a ACTION -v VALUES | -i FILE)."""
import json
import os
import re
import sys
import time

BASE = "/var/lib/centreon-clapi-standin"
STATE = os.path.join(BASE, "state.json")
CALLS = os.path.join(BASE, "calls.jsonl")
CONFIG = os.path.join(BASE, "config.json")
LOGINS = os.path.join(BASE, "logins.json")
# centreon/www/install/insertBaseConf.sql (cfg_nagios.illegal_object_name_chars), Centreon's default.
ILLEGAL_OBJECT_NAME_CHARS = "~!$%^&*\"|'<>?,()="
# Local security policy defaults (Centreon's password security policy: 5 attempts, blocking 900 s).
POLICY_ATTEMPTS = 5
POLICY_BLOCKING = 900


class ClapiError(Exception):
    """CentreonClapiException: bin/centreon prints the message and the action's code is 1."""


def sanitize(password):
    # www/class/HtmlAnalyzer.php HtmlAnalyzer::sanitizeAndRemoveTags (centreonAPI::__construct on -p):
    # removeHtmlTag() strips tags, then ' and " become &#39; and &#34;; CentreonAPI::setPassword trims.
    return re.sub(r"<[^>]*>?", "", password).replace("'", "&#39;").replace('"', "&#34;").strip()


def check_illegal_char(name):
    # centreonObject.class.php CentreonObject::checkIllegalChar: str_replace of each illegal_object_name_chars character.
    for char in ILLEGAL_OBJECT_NAME_CHARS:
        name = name.replace(char, "")
    return name


def csv_escape(value, config):
    # Current getmacro output goes through csvEscape: a value that starts with '"' or holds ';' or a line break is
    # quoted, inner quotes doubled. 22.10 prints the value as stored (observed).
    if config.get("version") == "22.10":
        return value
    if value.startswith('"') or any(c in value for c in ";\r\n"):
        return '"' + value.replace('"', '""') + '"'
    return value


def load(path, default):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return default


def save(path, data):
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
    os.replace(path + ".tmp", path)


def record(obj, action, fields, via):
    entry = {"object": obj, "action": action.upper(), "target": fields[0] if fields else "", "via": via}
    if action.upper() == "SETMACRO":
        entry["macro"] = (fields[2] if obj == "SERVICE" else fields[1]).upper() if len(fields) > 2 else ""
    with open(CALLS, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


def check_user(config, login, password):
    """centreonAPI.class.php CentreonAPI::checkUser (and exitOnInvalidCredentials): None when the user may go on."""
    old = config.get("version") == "22.10"
    failed = "Invalid credentials." if old else "Authentication failed."
    user = config["users"].get(login)
    if user is None:
        return failed
    if not user["admin"]:
        return "You don't have permissions for CLAPI."
    logins = load(LOGINS, {})
    mine = logins.setdefault(login, {"attempts": 0, "blocking_time": None})
    now = time.time()
    if mine["blocking_time"] is not None:
        if mine["blocking_time"] + POLICY_BLOCKING < now:
            mine.update(attempts=0, blocking_time=None)
        else:
            return "Authentication failed."  # blocked: the same text whatever the password
    if user.get("expired"):
        return "Unable to login, your password has expired."
    if sanitize(password) == user["password"]:
        if mine != {"attempts": 0, "blocking_time": None}:
            mine.update(attempts=0, blocking_time=None)  # CentreonAPI::removeBlockingTimeOnUser
            save(LOGINS, logins)
        return None
    mine["attempts"] += 1
    if mine["attempts"] >= POLICY_ATTEMPTS:
        mine["blocking_time"] = now
    save(LOGINS, logins)
    if old:
        # Observed on 22.10: the remaining attempts are printed (current versions only log them).
        return "Invalid credentials. %d attempt(s) remaining" % max(POLICY_ATTEMPTS - mine["attempts"], 0)
    return "Authentication failed."


def main(argv):
    opts = {}
    i = 0
    while i < len(argv):
        if argv[i] in ("-u", "-p", "-o", "-a", "-v", "-i") and i + 1 < len(argv):
            opts[argv[i]] = argv[i + 1]
            i += 2
        else:
            print("Unknown argument: %s" % argv[i])
            return 1
    config = load(CONFIG, {})
    refused = check_user(config, opts.get("-u", ""), opts.get("-p", ""))
    if refused:
        record("", "LOGIN", [], "argv")
        print(refused)
        return 1
    state = load(STATE, {"hosts": {}, "applied": [], "templates": {}, "service_templates": {}})
    before = json.dumps(state, sort_keys=True)
    code = 0
    if "-i" in opts:
        # bin/centreon: $api->import() is called and its result ignored; $api->close() exits with the code of the
        # last action run. CentreonAPI::import: each failed line prints "Line N : <error>" (a failed action leaves
        # the code as it was), so an import whose lines failed exits 0.
        with open(opts["-i"], encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.strip()
                if not line or line.startswith("#") or line.startswith("{OBJECT_TYPE}"):
                    continue
                parts = line.split(";", 2) + ["", ""]
                fields = parts[2].split(";")
                record(parts[0].upper(), parts[1], fields, "import")
                try:
                    if config.get("fail_import_lines"):
                        # FAULT INJECTION (tests only): the line's object is gone, as when another admin deleted the
                        # host meanwhile; CentreonObject says "Object not found:<name>".
                        raise ClapiError("Object not found:%s" % fields[0])
                    dispatch(state, config, parts[0].upper(), parts[1].upper(), fields)
                    code = 0
                except ClapiError as exc:
                    print("Line %d : %s" % (number, exc))
        print("")  # CentreonAPI::close
    else:
        obj = opts.get("-o", "").upper()
        action = opts.get("-a", "").upper()
        fields = opts.get("-v", "").split(";")
        record(obj, action, fields, "argv")
        try:
            dispatch(state, config, obj, action, fields)
            # CentreonAPI::launchAction: after the action, the trailer; in current versions after every action, in
            # 22.10 only after the actions without -o (POLLERLIST, APPLYCFG).
            if not obj or config.get("version") != "22.10":
                print("Return code end : 0")
        except ClapiError as exc:
            # bin/centreon: print $e->getMessage(), setReturnCode(1), then CentreonAPI::close prints "\n", exit 1.
            print(exc)
            code = 1
    if json.dumps(state, sort_keys=True) != before:
        save(STATE, state)
    return code


def template_chain(templates, name):
    # getListTemplates: the template, then its parents, parent first after child.
    chain = []
    while name and name in templates and name not in chain:
        chain.append(name)
        name = templates[name].get("parent")
    return chain


def macro_rows(config, own, inherited):
    # CentreonHost::getmacro / CentreonService::getmacro: header, then name;value;is_password;description;source for the
    # object's own macros (source "direct") and those of its templates (source = the template's name).
    rows = ["macro name;macro value;is_password;description;source"]
    for name, (value, is_password) in sorted(own.items()):
        rows.append(macro_row(config, name, value, is_password, "direct"))
    for template, macros in inherited:
        for name, (value, is_password) in sorted(macros.items()):
            if name not in own:
                rows.append(macro_row(config, name, value, is_password, template))
    return "\n".join(rows)


def macro_row(config, name, value, is_password, source):
    if config.get("mask_passwords") and is_password == "1" and value:
        value = "********"
    shown = name if not config.get("dollar_names") else "$_%s%s$" % (config["dollar_names"], name)
    # is_password is "1" or empty (the database column is NULL for plain macros).
    return ";".join([shown, csv_escape(value, config), "1" if is_password == "1" else "", "", source])


def dispatch(state, config, obj, action, f):  # pylint: disable=too-many-return-statements,too-many-branches
    hosts = state["hosts"]
    pollers = config["pollers"]
    if action == "POLLERLIST":
        # centreon.Config.Poller.class.php CentreonConfigPoller::getPollerList: "poller_id;name" then "id;name" rows.
        print("poller_id;name")
        for index, poller in enumerate(pollers, 1):
            print("%d;%s" % (index, poller))
        return
    if action == "APPLYCFG":
        # CentreonConfigPoller::pollerGenerate (getPollerId): an unknown poller fails.
        if f[0] not in pollers:
            raise ClapiError("Unknown poller ID")
        state["applied"].append(f[0])
        print("Configuration files generated for poller '%s'" % f[0])
        return
    if obj in ("HTPL", "HOST") and action == "SHOW":
        # centreonHost.class.php CentreonHost::show (CentreonHostTemplate inherits it): "id;name;alias;address;activate",
        # name filtered with LIKE %name%.
        print("id;name;alias;address;activate")
        if obj == "HTPL":
            for index, name in enumerate(sorted(state["templates"]), 1):
                if f[0].lower() in name.lower():
                    print("%d;%s;%s;;1" % (index, name, name))
            return
        for name in sorted(hosts):
            if f[0].lower() in name.lower():
                h = hosts[name]
                print("%s;%s;%s;%s;1" % (h["id"], name, h["alias"], h["address"]))
        return
    if obj == "HTPL" and action == "GETMACRO":
        # CentreonHostTemplate inherits CentreonHost::getmacro: the template's own macros are "direct".
        if f[0] not in state["templates"]:
            raise ClapiError("Object not found:%s" % f[0])
        print(macro_rows(config, state["templates"][f[0]].get("macros", {}), []))
        return
    if obj == "STPL" and action == "GETMACRO":
        # centreonServiceTemplate.class.php CentreonServiceTemplate::getmacro: the template's own macros,
        # "macro name;macro value;description".
        if f[0] not in state["service_templates"]:
            raise ClapiError("Object not found:%s" % f[0])
        print("macro name;macro value;description")
        for name, (value, dummy) in sorted(state["service_templates"][f[0]].get("macros", {}).items()):
            print("%s;%s;" % (name, csv_escape(value, config)))
        return
    if obj == "HOST" and action == "ADD":
        # centreonHost.class.php CentreonHost::initInsertParameters: name;alias;address;templates;poller;hostgroups.
        if len(f) < 6:
            raise ClapiError("Missing parameters")
        name, alias, address, template, poller = f[:5]
        # The name goes through CentreonObject::checkIllegalChar: illegal characters are removed without a word.
        name = check_illegal_char(name)
        # CentreonObject::add refuses a name that exists; the lookup is SQL "=" on a utf8 table of
        # www/install/createTables.sql, which MariaDB's default collation compares without case.
        if name.lower() in [known.lower() for known in hosts]:
            raise ClapiError("Object already exists (%s)" % name)
        for tpl in [t for t in template.split("|") if t]:
            if tpl not in state["templates"]:
                raise ClapiError("Object not found:%s" % tpl)
        if not poller:
            raise ClapiError("Instance name is mandatory")  # CentreonHost::MISSING_INSTANCE
        # CentreonHost::initInsertParameters: an unknown poller is replaced by getDefaultInstance(), without a word.
        if poller not in pollers:
            poller = config["default_poller"]
        hosts[name] = {"id": len(hosts) + 1, "alias": alias, "address": address, "template": template, "poller": poller,
                       "macros": {}, "services": {}}
        return
    if obj in ("HOST", "SERVICE") and f[0] not in hosts:
        raise ClapiError("Object not found:%s" % f[0])
    host = hosts.get(f[0])
    template = state["templates"].get(host["template"], {}) if host else {}
    if obj == "HOST" and action == "SETPARAM" and len(f) == 3 and f[1] in ("alias", "address"):
        host[f[1]] = f[2]
        return
    if obj == "HOST" and action == "APPLYTPL":
        # CentreonHost::applytpl creates the services of the host's templates.
        for service, service_template in template.get("services", {}).items():
            host["services"].setdefault(service, {"template": service_template, "macros": {}})
        return
    if obj == "HOST" and action == "SETMACRO" and len(f) >= 3:
        # CentreonHost::setmacro: host;name;value;is_password;description (names are stored upper-case).
        host["macros"][f[1].upper()] = [f[2], "1" if len(f) > 3 and f[3] == "1" else ""]
        return
    if obj == "HOST" and action == "GETMACRO":
        print(macro_rows(config, host["macros"], [(host["template"], template.get("macros", {}))]))
        return
    if obj == "SERVICE" and action in ("SETMACRO", "GETMACRO"):
        if len(f) < 2 or f[1] not in host["services"]:
            raise ClapiError("Object not found:%s/%s" % (f[0], f[1] if len(f) > 1 else ""))
        service = host["services"][f[1]]
        if action == "GETMACRO":
            # centreonService.class.php CentreonService::getmacro: getListTemplates() gives the service's templates and
            # the last one is unset, so the macros of a template without a parent are left out (observed, current).
            chain = template_chain(state["service_templates"], service["template"])[:-1]
            inherited = [(name, state["service_templates"][name].get("macros", {})) for name in chain]
            print(macro_rows(config, service["macros"], inherited))
            return
        if len(f) < 4:
            raise ClapiError("Missing parameters")
        # CentreonService::setmacro: host;service;name;value;is_password;description.
        service["macros"][f[2].upper()] = [f[3], "1" if len(f) > 4 and f[4] == "1" else ""]
        return
    raise ClapiError("Unknown object or action: %s %s" % (obj, action))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''


def write_config(root, users, pollers, **display):
    """(Re)write the stand-in's configuration: users {name: {password, admin[, expired]}}, pollers (the first is the
    default), and display options (version, mask_passwords, dollar_names, fail_import_lines)."""
    config = dict({"users": users, "pollers": list(pollers), "default_poller": pollers[0], "version": "current"}, **display)
    with open(root + CLAPI_DIR + "/config.json", "w", encoding="utf-8") as handle:
        json.dump(config, handle)


def install_script(root):
    """Install the stand-in as ROOT/usr/bin/centreon (and its state directory)."""
    os.makedirs(root + CLAPI_DIR, mode=0o700, exist_ok=True)
    with open(root + CLAPI_PATH, "w", encoding="utf-8") as handle:
        handle.write(CLAPI_SCRIPT)
    os.chmod(root + CLAPI_PATH, 0o755)


def block_user(root, user, when=None):
    """What five failed logins leave in Centreon's contact table: the user blocked (blocking_time) since WHEN."""
    import time  # pylint: disable=import-outside-toplevel

    path = root + CLAPI_DIR + "/logins.json"
    logins = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            logins = json.load(handle)
    logins[user] = {"attempts": 5, "blocking_time": time.time() if when is None else when}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(logins, handle)
