# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The CLAPI writes the role makes for one host, and their report (check mode, --diff). Pure.

CLAPI's ``HOST show`` prints ``id;name;alias;address;...`` (centreon/www/class/centreon-clapi/centreonHost.class.php
``CentreonHost::show``).
"""

from __future__ import annotations

__all__ = ["host_param_changes", "change_report"]

# HOST show columns of the parameters the role sets.
_PARAM_COLUMNS = (("alias", 2), ("address", 3))


def host_param_changes(row, wanted):
    """[[param, wanted value, shown value]] for each parameter of WANTED ({alias, address}) that differs from ROW
    (the host's ``HOST show`` fields); none for a host CLAPI does not show (ROW shorter than its columns)."""
    row = list(row or ())
    if len(row) <= max(column for dummy, column in _PARAM_COLUMNS):
        return []
    return [[param, wanted[param], row[column]] for param, column in _PARAM_COLUMNS
            if param in wanted and row[column] != wanted[param]]


def change_report(host, new=False, template="", poller="", params=(), service_missing=False, host_macros=(), service_macros=(),
                  service="Emails", apply_config=True, diff=False):  # pylint: disable=too-many-arguments
    """One line per CLAPI write for HOST, in the order the role makes them; with DIFF, the values (already masked in the
    macros' ``diff``). PARAMS as host_param_changes gives them; HOST_MACROS and SERVICE_MACROS as macro_changes does."""
    lines = []
    if new:
        lines += ["HOST ADD %s (template %s, poller %s)" % (host, template, poller), "HOST APPLYTPL %s" % host]
    for param in params or ():
        lines.append("HOST SETPARAM %s %s%s" % (host, param[0], (": %s -> %s" % (param[2], param[1])) if diff else ""))
    if service_missing:
        lines.append("HOST APPLYTPL %s" % host)
    for macro in host_macros or ():
        lines.append("HOST SETMACRO %s %s%s" % (host, macro["name"], (": %s" % macro["diff"]) if diff else ""))
    for macro in service_macros or ():
        lines.append("SERVICE SETMACRO %s;%s %s%s" % (host, service, macro["name"], (": %s" % macro["diff"]) if diff else ""))
    if lines and apply_config:
        lines.append("APPLYCFG %s" % poller)
    return lines
