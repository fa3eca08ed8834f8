# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Texts of the stand-in programs and files (kept as strings: no executables in the repository)."""
from __future__ import annotations

import json
import os

PLUGIN_PATH = "/usr/lib/centreon/plugins/centreon_aws_ses_api.pl"
PAWS_PM_PATH = "/usr/share/perl5/Paws.pm"
PACK_JSON_PATH = "/usr/share/centreon-packs/pluginpack_cloud-aws-ses-standin.json"
CLAPI_PATH = "/usr/bin/centreon"
CLAPI_DIR = "/var/lib/centreon-clapi-standin"

# The real plugin is Perl and needs DateTime at run time: so does the stand-in,
# which makes the smoke check prove that the role installed the Perl dependency.
PLUGIN_SCRIPT = r"""#!/usr/bin/perl
# STAND-IN for the Centreon plugin centreon_aws_ses_api.pl (sesmon.ses role tests).
use strict;
use warnings;

eval { require DateTime; 1 } or do {
    print "UNKNOWN: Cannot load module 'DateTime'.\n";
    exit 3;
};

my $args = join(' ', @ARGV);
if ($args =~ /--list-mode/) {
    print "Plugin Description:\n";
    print "    Check Amazon SES (STAND-IN of centreon_aws_ses_api.pl, not the real plugin).\n\n";
    print "Modes Available:\n";
    print "   emails\n";
    exit 0;
}
if ($args =~ /--help/) {
    print "Plugin Description:\n    STAND-IN of centreon_aws_ses_api.pl (not the real plugin).\n";
    print "Global Options:\n    --mode  Choose a mode.\n    --list-mode  List available modes.\n";
    exit 0;
}
print "UNKNOWN: STAND-IN plugin: only --list-mode and --help are answered.\n";
exit 3;
"""

PAWS_PM = """package Paws;
# STAND-IN for Paws (libpaws-perl / perl-Paws), sesmon.ses role tests.
use strict;
use warnings;
our $VERSION = '0.44-standin';
1;
"""

PACK_JSON = '{"name": "Cloud-Aws-Ses", "standin": true, "note": "STAND-IN of centreon-pack-cloud-aws-ses"}\n'

# Stand-in CLAPI: keeps Centreon objects in a JSON file, answers in CLAPI's
# format, checks -u/-p, and appends one JSON line per call to calls.jsonl
# (object, action, first field only: never values nor the password).
# With "mask_passwords" in its config, getmacro shows password macros as
# ******** (to exercise the role's checksum file).
CLAPI_SCRIPT = r'''#!/usr/bin/python3
"""STAND-IN for Centreon's CLAPI (centreon -u USER -p PASSWORD -o OBJECT -a ACTION -v VALUES)."""
import json
import os
import sys

BASE = "/var/lib/centreon-clapi-standin"
STATE = os.path.join(BASE, "state.json")
CALLS = os.path.join(BASE, "calls.jsonl")
CONFIG = os.path.join(BASE, "config.json")
SERVICE_TEMPLATES = {"Cloud-Aws-Ses-custom": {"Emails": "Cloud-Aws-Ses-Emails-Api-custom"}}


def out(text, code=0):
    if text:
        sys.stdout.write(text + "\n")
    sys.exit(code)


def main(argv):
    opts = {}
    i = 0
    while i < len(argv):
        if argv[i] in ("-u", "-p", "-o", "-a", "-v") and i + 1 < len(argv):
            opts[argv[i]] = argv[i + 1]
            i += 2
        else:
            out("Unknown argument: %s" % argv[i], 1)
    with open(CONFIG, encoding="utf-8") as handle:
        config = json.load(handle)
    obj = opts.get("-o", "").upper()
    action = opts.get("-a", "")
    values = opts.get("-v", "")
    fields = values.split(";")
    with open(CALLS, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"object": obj, "action": action.upper(), "target": fields[0]}) + "\n")
    if opts.get("-u") != config["user"] or opts.get("-p") != config["password"]:
        out("Invalid credentials.", 1)
    try:
        with open(STATE, encoding="utf-8") as handle:
            state = json.load(handle)
    except FileNotFoundError:
        state = {"hosts": {}, "applied": []}
    before = json.dumps(state, sort_keys=True)
    code = dispatch(state, config, obj, action.upper(), fields)
    if json.dumps(state, sort_keys=True) != before:
        with open(STATE + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=1, sort_keys=True)
        os.replace(STATE + ".tmp", STATE)
    sys.exit(code)


def macro_rows(macros, mask):
    rows = ["macro name;macro value;is_password;description"]
    for name in sorted(macros):
        value = "********" if mask and macros[name]["is_password"] == "1" else macros[name]["value"]
        rows.append("%s;%s;%s;%s" % (name, value, macros[name]["is_password"], macros[name]["description"]))
    return "\n".join(rows)


def dispatch(state, config, obj, action, f):
    hosts = state["hosts"]
    if action == "APPLYCFG":
        if f[0] not in config["pollers"]:
            out("Object not found: %s" % f[0], 1)
        state["applied"].append(f[0])
        print("Configuration files generated for poller '%s'" % f[0])
        return 0
    if obj == "HOST" and action == "SHOW":
        rows = ["id;name;alias;address;activate"]
        for name in sorted(hosts):
            if f[0].lower() in name.lower():
                h = hosts[name]
                rows.append("%s;%s;%s;%s;1" % (h["id"], name, h["alias"], h["address"]))
        print("\n".join(rows))
        return 0
    if obj == "HOST" and action == "ADD":
        if len(f) < 6:
            out("Missing parameters", 1)
        name, alias, address, template, poller = f[:5]
        if name in hosts:
            out("Object already exists (%s)" % name, 1)
        if template not in SERVICE_TEMPLATES or not os.path.exists(config["pack_file"]):
            out("Object not found: %s" % template, 1)
        if poller not in config["pollers"]:
            out("Object not found: %s" % poller, 1)
        hosts[name] = {"id": len(hosts) + 1, "alias": alias, "address": address, "template": template, "poller": poller,
                       "macros": {}, "services": {}}
        return 0
    if obj in ("HOST", "SERVICE") and f[0] not in hosts:
        out("Object not found: %s" % f[0], 1)
    host = hosts.get(f[0])
    if obj == "HOST" and action == "SETPARAM" and len(f) == 3 and f[1] in ("alias", "address"):
        host[f[1]] = f[2]
        return 0
    if obj == "HOST" and action == "APPLYTPL":
        for service, template in SERVICE_TEMPLATES[host["template"]].items():
            host["services"].setdefault(service, {"template": template, "macros": {}})
        return 0
    if obj == "HOST" and action == "SETMACRO" and len(f) >= 3:
        host["macros"][f[1].upper()] = {"value": f[2], "is_password": f[3] if len(f) > 3 and f[3] else "0",
                                        "description": f[4] if len(f) > 4 else ""}
        return 0
    if obj == "HOST" and action == "GETMACRO":
        print(macro_rows(host["macros"], config.get("mask_passwords")))
        return 0
    if obj == "SERVICE" and action in ("SETMACRO", "GETMACRO"):
        if len(f) < 2 or f[1] not in host["services"]:
            out("Object not found: %s" % ";".join(f[:2]), 1)
        service = host["services"][f[1]]
        if action == "GETMACRO":
            print(macro_rows(service["macros"], config.get("mask_passwords")))
            return 0
        if len(f) < 4:
            out("Missing parameters", 1)
        service["macros"][f[2].upper()] = {"value": f[3], "is_password": f[4] if len(f) > 4 and f[4] else "0",
                                           "description": f[5] if len(f) > 5 else ""}
        return 0
    out("Unknown object or action: %s %s" % (obj, action), 1)
    return 1


if __name__ == "__main__":
    main(sys.argv[1:])
'''


def install_clapi(root, user, password, pollers=("Central",), mask_passwords=False):
    """Install the stand-in CLAPI as ROOT/usr/bin/centreon with its credentials and pollers."""
    base = root + CLAPI_DIR
    os.makedirs(base, mode=0o700, exist_ok=True)
    with open(root + CLAPI_PATH, "w", encoding="utf-8") as handle:
        handle.write(CLAPI_SCRIPT)
    os.chmod(root + CLAPI_PATH, 0o755)
    configure_clapi(root, user, password, pollers, mask_passwords)


def configure_clapi(root, user, password, pollers=("Central",), mask_passwords=False):
    """(Re)write the stand-in CLAPI's configuration."""
    config = {"user": user, "password": password, "pollers": list(pollers), "pack_file": PACK_JSON_PATH,
              "mask_passwords": mask_passwords}
    with open(root + CLAPI_DIR + "/config.json", "w", encoding="utf-8") as handle:
        json.dump(config, handle)


def clapi_state(root):
    """The stand-in CLAPI's objects ({} before the first write)."""
    try:
        with open(root + CLAPI_DIR + "/state.json", encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


def clapi_calls(root):
    """Every CLAPI call so far: [{object, action, target}]."""
    try:
        with open(root + CLAPI_DIR + "/calls.jsonl", encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError:
        return []
