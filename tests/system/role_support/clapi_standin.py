# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""STAND-IN for Centreon's CLAPI command (``centreon``), written from Centreon's sources (centreon/centreon).

Kept as text (no executable in the repository) and installed as ROOT/usr/bin/centreon. It keeps Centreon's objects in
state.json and appends one JSON line per action to calls.jsonl ({object, action, target, macro, via}: never a value nor
the password). Each behaviour cites the file and function of centreon/centreon it follows (paths under
centreon/www/class/centreon-clapi/ unless said otherwise); "observed" marks what no source read shows, with where it was
seen; "not from the sources" marks a stand-in choice.

Two versions (config ``version``):
- ``current``: today's develop branch. centreonAPI.class.php::CentreonAPI::launchAction prints ``Return code end : N``
  after every action (centreon/centreon PR #5792, 24.10); CentreonAPI::checkUser and exitOnInvalidCredentials print
  ``Authentication failed.`` (the remaining attempts go to CentreonLog only); getmacro quotes values with
  centreonObject.class.php::CentreonObject::csvEscape (PR #4156, 24.04; PR #7405, 2025: any '"' is quoted).
- ``22.10``: the older sources (centreonAPI.class.php at commit 6aeaad80160ec25ac0ba00740837e2977adbd47e): values printed
  as stored, the trailer only after the actions without ``-o``, ``Invalid credentials. N attempt(s) remaining ``,
  ``Unable to login, max login attempts has been reached. ... left`` for a blocked user, ``#`` import lines not skipped.
tests/system/role_support/clapi_source_lines.ini holds the exact PHP lines these texts come from.
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
# The policy itself is applied as centreonAPI.class.php::CentreonAPI::checkUser reads it (attempts, blocking_duration of
# CentreonContact::getPasswordSecurityPolicy); these two defaults are observed: Centreon's default local password
# security policy (Administration > Authentication > Local, 5 attempts, 900 s blocking), not in the sources read.
POLICY_ATTEMPTS = 5
POLICY_BLOCKING = 900
# centreonObject.class.php CentreonObject constants, centreon.Config.Poller.class.php CentreonConfigPoller::UNKNOWN_POLLER_ID,
# centreonHost.class.php CentreonHost::MISSING_INSTANCE.
MISSINGPARAMETER = "Missing parameters"
OBJECTALREADYEXISTS = "Object already exists"
OBJECT_NOT_FOUND = "Object not found"
UNKNOWN_METHOD = "Method not implemented into Centreon API"
UNKNOWN_POLLER_ID = "Unknown poller ID"
MISSING_INSTANCE = "Instance name is mandatory"
# www/include/configuration/configObject/host/formHost.php PASSWORD_REPLACEMENT_VALUE: what the web form shows for a
# password macro. No CLAPI source masks getmacro; mask_passwords is a hypothesis of ours (a CLAPI that would hide
# password values), kept for the role's rerun test in tests/system/test_role.py.
PASSWORD_REPLACEMENT_VALUE = "**********"
# bin/centreon: getopt() with "du:p:so:v:hVa:i:ew" (d, s, h, V, e, w take no value).
VALUE_OPTIONS = ("-u", "-p", "-o", "-v", "-a", "-i")
FLAG_OPTIONS = ("-d", "-s", "-h", "-V", "-e", "-w")


class ClapiError(Exception):
    """centreonClapiException.class.php CentreonClapiException."""


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
    # centreonObject.class.php CentreonObject::csvEscape (used by CentreonHost::getmacro and CentreonService::getmacro):
    # a value holding '"', the delimiter ';' or "\n" is put in double quotes, inner quotes doubled (develop, since
    # centreon/centreon PR #7405; before it, only a value *starting* with '"'). 22.10: no csvEscape, the value as stored
    # (centreonHost.class.php::CentreonHost::getmacro echoes $macro['host_macro_value']).
    if config.get("version") == "22.10":
        return value
    if any(c in value for c in '";\n'):
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


def interval(seconds):
    # date_diff(...)->format('%Dd %Hh %Im %Ss') in CentreonAPI::checkUser.
    seconds = max(int(seconds), 0)
    return "%02dd %02dh %02dm %02ds" % (seconds // 86400, seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)


def check_user(config, login, password):  # pylint: disable=too-many-return-statements
    """centreonAPI.class.php CentreonAPI::checkUser and exitOnInvalidCredentials: None when the user may go on."""
    old = config.get("version") == "22.10"
    user = config["users"].get(login)
    if user is None:
        # checkUser: no active contact of that alias; develop 'echo "Authentication failed.\n"', 22.10 'print "Invalid credentials.\n"'.
        return "Invalid credentials." if old else "Authentication failed."
    if not user["admin"]:
        return "You don't have permissions for CLAPI."  # checkUser: contact_admin == 0
    logins = load(LOGINS, {})
    mine = logins.setdefault(login, {"attempts": 0, "blocking_time": None})
    now = time.time()
    if mine["blocking_time"] is not None:
        if mine["blocking_time"] + POLICY_BLOCKING < now:
            # checkUser: the blocking duration is over, CentreonAPI::removeBlockingTimeOnUser (attempts and time reset).
            mine.update(attempts=0, blocking_time=None)
        elif old:
            # checkUser (22.10): 'print "Unable to login, max login attempts has been reached. $interval left\n"'.
            return "Unable to login, max login attempts has been reached. %s left" % interval(mine["blocking_time"] + POLICY_BLOCKING - now)
        else:
            return "Authentication failed."  # checkUser (develop): the same text whatever the password; the interval goes to CentreonLog.
    if user.get("expired"):
        return "Unable to login, your password has expired."  # checkUser: password_creation + expiration_delay < time()
    if sanitize(password) == user["password"]:
        if mine != {"attempts": 0, "blocking_time": None}:
            mine.update(attempts=0, blocking_time=None)  # checkUser: password_verify OK, CentreonAPI::removeBlockingTimeOnUser
            save(LOGINS, logins)
        return None
    # CentreonAPI::exitOnInvalidCredentials: incrementLoginAttempts; at exactly the policy's attempts, blockLoginForUser.
    mine["attempts"] += 1
    blocked = mine["attempts"] == POLICY_ATTEMPTS
    if blocked:
        mine["blocking_time"] = now
    save(LOGINS, logins)
    if not old:
        return "Authentication failed."  # develop: 'echo "Authentication failed.\n"' (attempts remaining: CentreonLog only)
    if blocked:
        # 22.10: 'print "Invalid credentials. Max attempts has been reached, you can't login for " . "$blockingDuration seconds. \n"'.
        return "Invalid credentials. Max attempts has been reached, you can't login for %d seconds. " % POLICY_BLOCKING
    # 22.10: 'print "Invalid credentials. $attemptRemaining attempt(s) remaining \n"' (note the space before "\n").
    return "Invalid credentials. %d attempt(s) remaining " % (POLICY_ATTEMPTS - mine["attempts"])


def parse_options(argv):
    """bin/centreon's getopt(): the options it knows; PHP's getopt leaves out an unknown option and stops at the first
    non-option argument (observed: php.net manual, getopt)."""
    opts = {}
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        if argv[i] in VALUE_OPTIONS and i + 1 < len(argv):
            opts[argv[i]] = argv[i + 1]
            i += 2
        else:
            if argv[i] in FLAG_OPTIONS:
                opts[argv[i]] = True
            i += 1
    return opts


def return_code_end(code):
    # centreonAPI.class.php CentreonAPI::launchAction: 'Return code end : ' . $this->return_code; an object action
    # returns nothing (void), which PHP prints as an empty string.
    print("Return code end : %s" % ("" if code is None else code))


def main(argv):
    opts = parse_options(argv)
    config = load(CONFIG, {})
    if not opts.get("-u") or not opts.get("-p"):
        # bin/centreon: no login or password (and no ~/.centreonApi) -> CentreonAPI::printHelp, exit 0 (abridged here).
        print("usage: ./centreon -u <LOGIN> -p <PASSWORD> [-s] -o <OBJECT> -a <ACTION> [-v]")
        return 0
    refused = check_user(config, opts["-u"], opts["-p"])
    if refused:
        record("", "LOGIN", [], "argv")
        print(refused)  # checkUser prints the text and exit(1)
        return 1
    state = load(STATE, {"hosts": {}, "applied": [], "templates": {}, "service_templates": {}})
    before = json.dumps(state, sort_keys=True)
    code = 0
    if "-i" in opts:
        code = import_file(state, config, opts["-i"])
        close()
    elif "-a" in opts:
        obj = opts.get("-o", "").upper()
        action = opts["-a"].upper()
        fields = opts.get("-v", "").split(";")
        record(obj, action, fields, "argv")
        try:
            result = dispatch(state, config, obj, action, fields)
            # CentreonAPI::launchAction ends the process itself (exit, so CentreonAPI::close is not reached): develop
            # prints the trailer after every action, 22.10 only after a method of CentreonAPI itself (no -o) that exists.
            if config.get("version") != "22.10" or action in ("POLLERLIST", "APPLYCFG"):
                return_code_end(result)
            code = result or 0  # exit(null) is exit 0
        except ClapiError as exc:
            # bin/centreon: 'print $e->getMessage();' (no "\n"), setReturnCode(1), then $api->close() prints the "\n"
            # and exits 1: the message ends with close's "\n".
            sys.stdout.write(str(exc))
            close()
            code = 1
        except UnknownObject as exc:
            # CentreonAPI::launchAction: 'print "Object $this->object not found in Centreon API.\n"; return 1;' -- a return,
            # not an exit: bin/centreon then calls close(), whose exit code is return_code, still 0.
            print("Object %s not found in Centreon API." % exc)
            close()
    else:
        print("Unknown option", end="")  # bin/centreon: neither -e, -i nor -a; setReturnCode(1), close()
        close()
        code = 1
    if json.dumps(state, sort_keys=True) != before:
        save(STATE, state)
    return code


def close():
    # centreonAPI.class.php CentreonAPI::close: 'echo "\n";' then exit($this->return_code).
    print("")


def import_file(state, config, path):
    """centreonAPI.class.php CentreonAPI::import. bin/centreon ignores what it returns ($globalReturn): the process exits
    through close() with the code of the last action run; a failed line ("Line N : <error>") leaves that code as it was,
    so an import whose lines failed exits 0."""
    code = 0
    old = config.get("version") == "22.10"
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            # develop: '' and lines starting with '#' or '{OBJECT_TYPE}' are skipped (str_starts_with);
            # 22.10: only blank lines and '{OBJECT_TYPE}' (preg_match('/^\{OBJECT_TYPE\}/')), a '#' line is run.
            if not line or line.startswith("{OBJECT_TYPE}") or (line.startswith("#") and not old):
                continue
            parts = line.split(";", 2) + ["", ""]  # explode(';', $string, 3)
            fields = parts[2].split(";")
            record(parts[0].upper(), parts[1], fields, "import")
            try:
                if config.get("fail_import_lines"):
                    # FAULT INJECTION (tests only): the line's object is gone, as when another admin deleted the
                    # host meanwhile; CentreonHost::setmacro throws OBJECT_NOT_FOUND . ":" . <name>.
                    raise ClapiError("%s:%s" % (OBJECT_NOT_FOUND, fields[0]))
                code = dispatch(state, config, parts[0].upper(), parts[1].upper(), fields) or 0
            except ClapiError as exc:
                print("Line %d : %s" % (number, exc))  # 'echo "Line {$i} : " . $e->getMessage() . "\n";'
            except UnknownObject as exc:
                # Not from the sources: CentreonAPI::iniObject has no class for an unknown object and PHP stops with an
                # error; the stand-in says it as a failed line.
                print("Line %d : Object %s not found in Centreon API." % (number, exc))
    return code


class UnknownObject(Exception):
    """An -o object CentreonAPI's relationObject does not know (the stand-in knows HOST, HTPL, SERVICE, STPL)."""


def template_chain(templates, name):
    # getListTemplates: the template, then its parents, parent first after child.
    chain = []
    while name and name in templates and name not in chain:
        chain.append(name)
        name = templates[name].get("parent")
    return chain


def macro_rows(config, own, inherited):
    # centreonHost.class.php CentreonHost::getmacro / centreonService.class.php CentreonService::getmacro:
    # 'echo "macro name;macro value;is_password;description;source\n";' then one row per macro of getMacros(): the
    # object's own (source "direct") and its templates' ('if ($macro["source"] == "fromTpl") $source = $macro["macroTpl"]').
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
        value = PASSWORD_REPLACEMENT_VALUE  # see PASSWORD_REPLACEMENT_VALUE above: our hypothesis, not CLAPI's
    # dollar_names: CentreonHost::setmacro stores wrapMacro() "$_HOST<NAME>$" and getmacro echoes the stored
    # host_macro_name (older sources; CLAPI's documentation shows "$_HOSTMACADDRESS$;00:08:C7:1B:8C:02;0;...").
    shown = name if not config.get("dollar_names") else "$_%s%s$" % (config["dollar_names"], name)
    # is_password: the column as stored, "1" or empty (the database column is NULL for plain macros: observed).
    return ";".join([csv_escape(shown, config), csv_escape(value, config), "1" if is_password == "1" else "", "", source])


def poller_id(pollers, given):
    # centreon.Config.Poller.class.php CentreonConfigPoller::ensurePollerId: a number is an id, else a name; an unknown
    # one throws UNKNOWN_POLLER_ID. Ids are 1, 2, ... in the configured order (getPollerList's "ORDER BY id").
    if given.isdigit() and 1 <= int(given) <= len(pollers):
        return int(given)
    if given in pollers:
        return pollers.index(given) + 1
    raise ClapiError(UNKNOWN_POLLER_ID)


def applycfg(state, pollers, given):
    # centreonAPI.class.php CentreonAPI::APPLYCFG: 'print date("Y-m-d H:i:s") . " - APPLYCFG\n";', then pollerGenerate,
    # endOfLine ("\n"), pollerTest, endOfLine, cfgMove, endOfLine, pollerReload, execCmd, each only when the previous returned 0.
    print(time.strftime("%Y-%m-%d %H:%M:%S") + " - APPLYCFG")
    number = poller_id(pollers, given)  # pollerGenerate -> ensurePollerId (after the date line)
    name = pollers[number - 1]
    # CentreonConfigPoller::pollerGenerate (run as root with the web user known: no "Cannot set configuration file
    # owner" lines): 'print "Configuration files generated for poller \'" . $variables . "\'\n";'
    print("Configuration files generated for poller '%s'" % given)
    print("")
    print("OK: Centreon Poller %s can restart without problem..." % given)  # CentreonConfigPoller::pollerTest
    print("")
    if number == 1:
        print("OK: All configuration files copied with success.")  # CentreonConfigPoller::cfgMove, the localhost poller
    else:
        # CentreonConfigPoller::cfgMove, a remote poller (the stand-in's pollers after the first).
        print("OK: All configuration will be send to '%s' by centcore in several minutes." % name)
    print("")
    print("OK: A reload signal has been sent to '%s'" % name)  # CentreonConfigPoller::pollerReload
    state["applied"].append(given)
    return 0  # CentreonConfigPoller::execCmd: no post-generation command, nothing printed, 0


def dispatch(state, config, obj, action, f):  # pylint: disable=too-many-return-statements,too-many-branches
    """One action; returns what the PHP action returns (None for the object actions, which are void)."""
    hosts = state["hosts"]
    pollers = config["pollers"]
    if not obj:
        if action == "POLLERLIST":
            # centreon.Config.Poller.class.php CentreonConfigPoller::getPollerList: 'print "poller_id;name\n";' then
            # 'print $data["id"] . ";" . $data["name"] . "\n";' per activated poller; returns 0.
            print("poller_id;name")
            for index, poller in enumerate(pollers, 1):
                print("%d;%s" % (index, poller))
            return 0
        if action == "APPLYCFG":
            return applycfg(state, pollers, f[0])
        # CentreonAPI::launchAction: no such method -> 'print "Method not implemented into Centreon API.\n"', return_code 1.
        print(UNKNOWN_METHOD + ".")
        return 1
    if obj not in ("HOST", "HTPL", "SERVICE", "STPL"):
        raise UnknownObject(obj)
    if obj in ("HTPL", "HOST") and action == "SHOW":
        # centreonHost.class.php CentreonHost::show (CentreonHostTemplate inherits it): "id;name;alias;address;activate",
        # name filtered with LIKE %name%.
        print("id;name;alias;address;activate")
        if obj == "HTPL":
            for index, name in enumerate(sorted(state["templates"]), 1):
                if f[0].lower() in name.lower():
                    print("%d;%s;%s;;1" % (index, name, name))
            return None
        for name in sorted(hosts):
            if f[0].lower() in name.lower():
                h = hosts[name]
                print("%s;%s;%s;%s;1" % (h["id"], name, h["alias"], h["address"]))
        return None
    if obj == "HTPL" and action == "GETMACRO":
        # CentreonHostTemplate inherits CentreonHost::getmacro: the template's own macros are "direct".
        if f[0] not in state["templates"]:
            raise ClapiError("%s:%s" % (OBJECT_NOT_FOUND, f[0]))
        print(macro_rows(config, state["templates"][f[0]].get("macros", {}), []))
        return None
    if obj == "STPL" and action == "GETMACRO":
        # centreonServiceTemplate.class.php CentreonServiceTemplate::getmacro: the template's own macros,
        # "macro name;macro value;description".
        if f[0] not in state["service_templates"]:
            raise ClapiError("%s:%s" % (OBJECT_NOT_FOUND, f[0]))
        print("macro name;macro value;description")
        for name, (value, dummy) in sorted(state["service_templates"][f[0]].get("macros", {}).items()):
            print("%s;%s;" % (name, csv_escape(value, config)))
        return None
    if obj == "HOST" and action == "ADD":
        # centreonHost.class.php CentreonHost::initInsertParameters: name;alias;address;templates;poller;hostgroups.
        if len(f) < 6:
            raise ClapiError(MISSINGPARAMETER)
        name, alias, address, template, poller = f[:5]
        # The name goes through CentreonObject::checkIllegalChar: illegal characters are removed without a word.
        name = check_illegal_char(name)
        for tpl in [t for t in template.split("|") if t]:
            if tpl not in state["templates"]:
                raise ClapiError("%s:%s" % (OBJECT_NOT_FOUND, tpl))
        if not poller:
            raise ClapiError(MISSING_INSTANCE)
        # CentreonHost::initInsertParameters: an unknown poller is replaced by getDefaultInstance(), without a word.
        if poller not in pollers:
            poller = config["default_poller"]
        # initInsertParameters ends with CentreonObject::checkParameters: OBJECTALREADYEXISTS . " (" . name . ")" when
        # objectExists(); the lookup is SQL "=" on a utf8 table of www/install/createTables.sql, which MariaDB's default
        # collation compares without case.
        if name.lower() in [known.lower() for known in hosts]:
            raise ClapiError("%s (%s)" % (OBJECTALREADYEXISTS, name))
        hosts[name] = {"id": len(hosts) + 1, "alias": alias, "address": address, "template": template, "poller": poller,
                       "macros": {}, "services": {}}
        return None
    if obj in ("HOST", "SERVICE") and f[0] not in hosts:
        raise ClapiError("%s:%s" % (OBJECT_NOT_FOUND, f[0]))
    host = hosts.get(f[0])
    template = state["templates"].get(host["template"], {}) if host else {}
    if obj == "HOST" and action == "SETPARAM":
        # centreonHost.class.php CentreonHost::initUpdateParameters: fewer than NB_UPDATE_PARAMS (3) -> MISSINGPARAMETER;
        # any other parameter than the special ones goes to the host table as "host_" . name ("alias" -> host_alias).
        if len(f) < 3:
            raise ClapiError(MISSINGPARAMETER)
        column = f[1] if f[1].startswith("host_") else "host_" + f[1]
        if column in ("host_alias", "host_address"):
            host[column[len("host_"):]] = f[2]
        else:
            host.setdefault("params", {})[column] = f[2]  # kept, not otherwise modelled
        return None
    if obj == "HOST" and action == "APPLYTPL":
        # CentreonHost::applytpl -> deployServices creates the services of the host's templates.
        for service, service_template in template.get("services", {}).items():
            host["services"].setdefault(service, {"template": service_template, "macros": {}})
        return None
    if obj == "HOST" and action == "SETMACRO":
        # CentreonHost::setmacro: host;name;value[;is_password;description] (a 3-field call gets is_password 0), fewer
        # than NB_UPDATE_PARAMS -> MISSINGPARAMETER; names are stored upper-case (wrapMacro: strtoupper).
        if len(f) < 3:
            raise ClapiError(MISSINGPARAMETER)
        host["macros"][f[1].upper()] = [f[2], "1" if len(f) > 3 and f[3] == "1" else ""]
        return None
    if obj == "HOST" and action == "GETMACRO":
        print(macro_rows(config, host["macros"], [(host["template"], template.get("macros", {}))]))
        return None
    if obj == "SERVICE" and action in ("SETMACRO", "GETMACRO"):
        if len(f) < 2:
            raise ClapiError(MISSINGPARAMETER)
        if f[1] not in host["services"]:
            raise ClapiError("%s:%s/%s" % (OBJECT_NOT_FOUND, f[0], f[1]))  # OBJECT_NOT_FOUND . ":" . $hostName . "/" . $serviceDescription
        service = host["services"][f[1]]
        if action == "GETMACRO":
            # centreonService.class.php CentreonService::getmacro: getListTemplates() gives the service's templates and
            # the last one is unset, so the macros of a template without a parent are left out (observed, current).
            chain = template_chain(state["service_templates"], service["template"])[:-1]
            inherited = [(name, state["service_templates"][name].get("macros", {})) for name in chain]
            print(macro_rows(config, service["macros"], inherited))
            return None
        if len(f) < 4:
            raise ClapiError(MISSINGPARAMETER)
        # CentreonService::setmacro: host;service;name;value;is_password;description.
        service["macros"][f[2].upper()] = [f[3], "1" if len(f) > 4 and f[4] == "1" else ""]
        return None
    # The objects' __call (CentreonHost::__call, ...): an action they do not have throws UNKNOWN_METHOD.
    raise ClapiError(UNKNOWN_METHOD)


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
