# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Texts of the stand-in programs and files (kept as strings: no executables in the repository).

What is real and what is not:
- the plugin code is real: the stand-in package only installs PLUGIN_PATH as a wrapper that runs Centreon's
  plugin from Debian's centreon-plugins package (Debian lacks Centreon's own packaging, not its code);
- Paws (libpaws-perl / perl-Paws) is a labelled stand-in: Debian has no Paws;
- the pack package, CLAPI and the connector-install API are stand-ins written from Centreon's sources, each
  behaviour with a comment naming the file and function it follows.
"""
from __future__ import annotations

import json
import os

PLUGIN_PATH = "/usr/lib/centreon/plugins/centreon_aws_ses_api.pl"
PAWS_PM_PATH = "/usr/share/perl5/Paws.pm"
PACK_JSON_PATH = "/usr/share/centreon-packs/pluginpack_cloud-aws-ses-standin.json"
CLAPI_PATH = "/usr/bin/centreon"
CLAPI_DIR = "/var/lib/centreon-clapi-standin"
HOST_TEMPLATE = "Cloud-Aws-Ses-custom"
SERVICE_TEMPLATE = "Cloud-Aws-Ses-Emails-Api-custom"
# Debian's real packages the plugin package depends on (Centreon's deb.json: libdatetime-perl, libpaws-perl).
PLUGIN_DEPENDS = "centreon-plugins, libdatetime-perl, libjson-xs-perl, libpaws-perl"

# Packaging stand-in around the real code: Debian ships Centreon's plugins as one script, centreon_plugins.pl,
# over the same Perl tree (/usr/lib/centreon-plugins); Centreon's package installs centreon_aws_ses_api.pl.
PLUGIN_SCRIPT = """#!/bin/sh
# Packaging STAND-IN for centreon_aws_ses_api.pl (sesmon.ses role tests): runs Centreon's real plugin code
# from Debian's centreon-plugins package.
exec /usr/bin/perl /usr/lib/nagios/plugins/centreon_plugins.pl "$@"
"""

PAWS_PM = """package Paws;
# STAND-IN for Paws (libpaws-perl / perl-Paws), sesmon.ses role tests: Debian has no Paws.
use strict;
use warnings;
our $VERSION = '0.44-standin';
1;
"""

PACK_JSON = '{"name": "Cloud-Aws-Ses", "standin": true, "note": "STAND-IN of centreon-pack-cloud-aws-ses"}\n'

# The connector's templates and their macros with the defaults of Centreon's Amazon SES connector page
# (centreon-documentation pp/integrations/plugin-packs/procedures/cloud-aws-ses.md: host and service macro tables).
CONNECTOR = {
    "host_templates": {HOST_TEMPLATE: {
        "macros": {"AWSACCESSKEY": ["", "1"], "AWSSECRETKEY": ["", "1"], "AWSREGION": ["", ""], "AWSASSUMEROLE": ["", ""],
                   "AWSCUSTOMMODE": ["awscli", ""], "PROXYURL": ["", ""], "EXTRAOPTIONS": ["", ""]},
        "services": {"Emails": SERVICE_TEMPLATE}}},
    "service_templates": {SERVICE_TEMPLATE: {"macros": dict(
        {"TIMEFRAME": ["3600", ""], "PERIOD": ["60", ""], "DIMENSION": ["", ""], "EXTRAOPTIONS": ["", ""]},
        **{"%s%s" % (level, label): ["", ""] for level in ("WARNING", "CRITICAL")
           for label in ("EMAILSSENT", "EMAILSDELIVERED", "EMAILSREJECTED", "EMAILSSPAM")})}},
}

# Stand-in CLAPI: keeps Centreon objects in state.json, answers in CLAPI's formats, and appends one JSON line per
# action to calls.jsonl ({object, action, target, macro, via}: never values nor the password).
CLAPI_SCRIPT = r'''#!/usr/bin/python3
"""STAND-IN for Centreon's CLAPI (centreon -u USER -p PASSWORD [-o OBJECT] -a ACTION -v VALUES | -i FILE)."""
import json
import os
import re
import sys

BASE = "/var/lib/centreon-clapi-standin"
STATE = os.path.join(BASE, "state.json")
CALLS = os.path.join(BASE, "calls.jsonl")
CONFIG = os.path.join(BASE, "config.json")


class ClapiError(Exception):
    """centreonObject / CentreonClapiException: CLAPI prints the message and exits 1."""


def sanitize(password):
    # www/class/HtmlAnalyzer.php HtmlAnalyzer::sanitizeAndRemoveTags (used by centreonAPI::__construct on -p):
    # removeHtmlTag() strips tags, then ' and " become &#39; and &#34;.
    return re.sub(r"<[^>]*>?", "", password).replace("'", "&#39;").replace('"', "&#34;")


def load_state(config):
    try:
        with open(STATE, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {"hosts": {}, "applied": [], "templates": {}, "service_templates": {}}


def record(obj, action, fields, via):
    entry = {"object": obj, "action": action.upper(), "target": fields[0] if fields else "", "via": via}
    if action.upper() == "SETMACRO":
        entry["macro"] = (fields[2] if obj == "SERVICE" else fields[1]).upper() if len(fields) > 2 else ""
    with open(CALLS, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


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
    with open(CONFIG, encoding="utf-8") as handle:
        config = json.load(handle)
    user = config["users"].get(opts.get("-u", ""))
    # centreonAPI::checkUser compares the sanitised -p with the stored password.
    if user is None or sanitize(opts.get("-p", "")) != user["password"]:
        record("", "LOGIN", [], "argv")
        print("Invalid credentials.")
        return 1
    # centreonAPI::checkUser: "if ($row['contact_admin'] == 0) { echo "You don't have permissions for CLAPI."; exit(1); }"
    if not user["admin"]:
        record("", "LOGIN", [], "argv")
        print("You don't have permissions for CLAPI.")
        return 1
    state = load_state(config)
    before = json.dumps(state, sort_keys=True)
    code = 0
    if "-i" in opts:
        # centreonAPI::import: OBJECT;ACTION;VALUES per line (explode(';', $string, 3)); errors print "Line N : ..."
        # and make the whole import return 1.
        with open(opts["-i"], encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                parts = line.split(";", 2) + ["", ""]
                fields = parts[2].split(";")
                record(parts[0].upper(), parts[1], fields, "import")
                try:
                    dispatch(state, config, parts[0].upper(), parts[1].upper(), fields)
                except ClapiError as exc:
                    print("Line %d : %s" % (number, exc))
                    code = 1
    else:
        obj = opts.get("-o", "").upper()
        action = opts.get("-a", "").upper()
        fields = opts.get("-v", "").split(";")
        record(obj, action, fields, "argv")
        try:
            dispatch(state, config, obj, action, fields)
        except ClapiError as exc:
            print(exc)
            code = 1
    if json.dumps(state, sort_keys=True) != before:
        with open(STATE + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=1, sort_keys=True)
        os.replace(STATE + ".tmp", STATE)
    return code


def macro_rows(own, inherited, template_name, config):
    # centreonHost::getmacro / centreonService::getmacro: header, then name;value;is_password;description;source
    # for the object's own macros (source "direct") and those of its templates (source = the template's name).
    rows = ["macro name;macro value;is_password;description;source"]
    names = sorted(set(own) | set(inherited))
    for name in names:
        macro, source = (own[name], "direct") if name in own else (inherited[name], template_name)
        value, is_password = macro[0], macro[1]
        if config.get("mask_passwords") and is_password == "1" and value:
            value = "********"
        shown = name if not config.get("dollar_names") else "$_%s%s$" % (config["dollar_names"], name)
        # is_password is "1" or empty (the database column is NULL for plain macros).
        rows.append("%s;%s;%s;%s;%s" % (shown, value, "1" if is_password == "1" else "", "", source))
    return "\n".join(rows)


def dispatch(state, config, obj, action, f):
    hosts = state["hosts"]
    pollers = config["pollers"]
    if action == "POLLERLIST":
        # centreonConfigPoller::getPollerList: "poller_id;name" then one "id;name" row per poller.
        print("poller_id;name")
        for index, poller in enumerate(pollers, 1):
            print("%d;%s" % (index, poller))
        return
    if action == "APPLYCFG":
        # centreonConfigPoller (pollerGenerate/getPollerId): an unknown poller fails with UNKNOWN_POLLER_ID.
        if f[0] not in pollers:
            raise ClapiError("Unknown poller ID")
        state["applied"].append(f[0])
        print("Configuration files generated for poller '%s'" % f[0])
        return
    if obj == "HTPL" and action == "SHOW":
        # centreonHostTemplate inherits centreonHost::show: "id;name;alias;address;activate", name filter by substring.
        print("id;name;alias;address;activate")
        for index, name in enumerate(sorted(state["templates"]), 1):
            if f[0].lower() in name.lower():
                print("%d;%s;%s;;1" % (index, name, name))
        return
    if obj == "HOST" and action == "SHOW":
        print("id;name;alias;address;activate")
        for name in sorted(hosts):
            if f[0].lower() in name.lower():
                h = hosts[name]
                print("%s;%s;%s;%s;1" % (h["id"], name, h["alias"], h["address"]))
        return
    if obj == "HOST" and action == "ADD":
        # centreonHost::initInsertParameters (via centreonObject::add): name;alias;address;templates;poller;hostgroups
        if len(f) < 6:
            raise ClapiError("Missing parameters")
        name, alias, address, template, poller = f[:5]
        if name in hosts:
            raise ClapiError("Object already exists (%s)" % name)
        for tpl in [t for t in template.split("|") if t]:
            if tpl not in state["templates"]:
                raise ClapiError("Object not found:%s" % tpl)
        if not poller:
            raise ClapiError("Instance name is mandatory")  # centreonHost::MISSING_INSTANCE
        # centreonHost::initInsertParameters: an unknown poller is replaced by getDefaultInstance(), without a word.
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
        # centreonHost::applytpl creates the services of the host's templates.
        for service, service_template in template.get("services", {}).items():
            host["services"].setdefault(service, {"template": service_template, "macros": {}})
        return
    if obj == "HOST" and action == "SETMACRO" and len(f) >= 3:
        # centreonHost::setmacro: host;name;value;is_password;description (names are stored upper-case).
        host["macros"][f[1].upper()] = [f[2], "1" if len(f) > 3 and f[3] == "1" else ""]
        return
    if obj == "HOST" and action == "GETMACRO":
        print(macro_rows(host["macros"], template.get("macros", {}), host["template"], config))
        return
    if obj == "SERVICE" and action in ("SETMACRO", "GETMACRO"):
        if len(f) < 2 or f[1] not in host["services"]:
            raise ClapiError("Object not found:%s/%s" % (f[0], f[1] if len(f) > 1 else ""))
        service = host["services"][f[1]]
        inherited = state["service_templates"].get(service["template"], {}).get("macros", {})
        if action == "GETMACRO":
            print(macro_rows(service["macros"], inherited, service["template"], config))
            return
        if len(f) < 4:
            raise ClapiError("Missing parameters")
        service["macros"][f[2].upper()] = [f[3], "1" if len(f) > 4 and f[4] == "1" else ""]
        return
    raise ClapiError("Unknown object or action: %s %s" % (obj, action))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''


def install_clapi(root, user, password, pollers=("Central",), mask_passwords=False, admin=True, connector_installed=True,
                  other_users=None):  # pylint: disable=too-many-arguments
    """Install the stand-in CLAPI as ROOT/usr/bin/centreon with its user, pollers and (optionally) the connector."""
    base = root + CLAPI_DIR
    os.makedirs(base, mode=0o700, exist_ok=True)
    with open(root + CLAPI_PATH, "w", encoding="utf-8") as handle:
        handle.write(CLAPI_SCRIPT)
    os.chmod(root + CLAPI_PATH, 0o755)
    configure_clapi(root, user, password, pollers, mask_passwords, admin, other_users=other_users)
    if connector_installed:
        install_connector(root)


def configure_clapi(root, user, password, pollers=("Central",), mask_passwords=False, admin=True, dollar_names="",
                    other_users=None):  # pylint: disable=too-many-arguments
    """(Re)write the stand-in CLAPI's configuration: users (passwords stored as typed), pollers (the first is the default), display.

    OTHER_USERS: {name: (password, admin)}.
    """
    users = {name: {"password": pw, "admin": is_admin} for name, (pw, is_admin) in (other_users or {}).items()}
    users[user] = {"password": password, "admin": admin}
    config = {"users": users, "pollers": list(pollers), "default_poller": pollers[0],
              "mask_passwords": mask_passwords, "dollar_names": dollar_names}
    with open(root + CLAPI_DIR + "/config.json", "w", encoding="utf-8") as handle:
        json.dump(config, handle)


def install_connector(root):
    """What installing the connector in Centreon does: create its templates (host and service) in the stand-in's state."""
    state = clapi_state(root) or {"hosts": {}, "applied": [], "templates": {}, "service_templates": {}}
    state["templates"].update(json.loads(json.dumps(CONNECTOR["host_templates"])))
    state["service_templates"].update(json.loads(json.dumps(CONNECTOR["service_templates"])))
    with open(root + CLAPI_DIR + "/state.json", "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=1, sort_keys=True)


def clapi_state(root):
    """The stand-in CLAPI's objects ({} before the first write)."""
    try:
        with open(root + CLAPI_DIR + "/state.json", encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


def clapi_calls(root):
    """Every CLAPI action so far: [{object, action, target, via[, macro]}]."""
    try:
        with open(root + CLAPI_DIR + "/calls.jsonl", encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError:
        return []
