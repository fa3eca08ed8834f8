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

from . import clapi_standin
from .clapi_standin import CLAPI_DIR, CLAPI_PATH  # noqa: F401  pylint: disable=unused-import

PLUGIN_PATH = "/usr/lib/centreon/plugins/centreon_aws_ses_api.pl"
PAWS_PM_PATH = "/usr/share/perl5/Paws.pm"
PACK_JSON_PATH = "/usr/share/centreon-packs/pluginpack_cloud-aws-ses-standin.json"
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

# Stand-in CLAPI: role_support/clapi_standin.py (each behaviour citing the Centreon source it follows).


def install_clapi(root, user, password, pollers=("Central",), mask_passwords=False, admin=True, connector_installed=True,
                  other_users=None, **display):  # pylint: disable=too-many-arguments
    """Install the stand-in CLAPI as ROOT/usr/bin/centreon with its user, pollers and (optionally) the connector."""
    clapi_standin.install_script(root)
    configure_clapi(root, user, password, pollers, mask_passwords, admin, other_users=other_users, **display)
    if connector_installed:
        install_connector(root)


def configure_clapi(root, user, password, pollers=("Central",), mask_passwords=False, admin=True, dollar_names="",
                    other_users=None, expired=False, **display):  # pylint: disable=too-many-arguments
    """(Re)write the stand-in CLAPI's configuration: users (passwords stored as typed), pollers (the first is the default), display.

    OTHER_USERS: {name: (password, admin)}. DISPLAY: version ("current" or "22.10"), fail_import_lines (fault injection).
    """
    users = {name: {"password": pw, "admin": is_admin} for name, (pw, is_admin) in (other_users or {}).items()}
    users[user] = {"password": password, "admin": admin, "expired": expired}
    clapi_standin.write_config(root, users, pollers, mask_passwords=mask_passwords, dollar_names=dollar_names, **display)


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
