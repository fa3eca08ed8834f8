# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Centreon macros as CLAPI prints them (``getmacro``) and the macros the role must write. Pure.

``getmacro`` prints a header, then one row per macro (centreon/www/class/centreon-clapi/centreonService.class.php
``CentreonService::getmacro``: ``macro name;macro value;is_password;description;source``; a template's
``CentreonServiceTemplate::getmacro`` prints fewer columns in some versions, ``macro name;macro value;description``).
The header names the columns, so every form is read by name.

Quoting: current versions quote a value as CSV (``csvEscape``: a value that starts with ``"`` or holds ``;`` is put in
double quotes, with inner quotes doubled); 22.10 prints values as stored. Both are read: a row that splits into exactly
the header's columns without a leading quote is taken as it is, otherwise it is read as CSV, and a row that is neither
(22.10 printing a stored ``;``) keeps the extra fields in the value.

Since the current CLAPI ends every action with ``Return code end : N`` (``CentreonAPI::launchAction``), that line is
skipped, as are blank lines.
"""

from __future__ import annotations

import csv
import hashlib
import re

from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import REDACTED

__all__ = ["parse_getmacro", "macro_view", "macro_changes", "macro_name", "password_checksums"]

_DOLLAR = re.compile(r"^\$_(?:HOST|SERVICE)(.*)\$$")
_TRAILER = "Return code end :"


def macro_name(text):
    """MACRO from ``MACRO``, ``macro`` or ``$_HOSTMACRO$`` / ``$_SERVICEMACRO$`` (the names older versions print)."""
    text = text.strip()
    match = _DOLLAR.match(text)
    return (match.group(1) if match else text.replace("$", "")).upper()


def _fields(line, width):
    naive = line.split(";")
    if len(naive) == width and not any(field.startswith('"') for field in naive):
        return naive
    try:
        parsed = next(csv.reader([line], delimiter=";", quotechar='"', doublequote=True, strict=True))
    except csv.Error:
        parsed = None
    if parsed is not None and len(parsed) == width:
        return parsed
    if len(naive) >= width >= 2:
        # 22.10 prints a stored ';' as it is: the value takes the extra fields (the columns after it have no ';').
        tail = width - 2
        return [naive[0], ";".join(naive[1:len(naive) - tail])] + naive[len(naive) - tail:]
    return None


def parse_getmacro(lines):
    """Rows of a getmacro output (text or lines): [{name, value, is_password, description, source}].

    ``source`` is ``direct`` for the object's own macros and the template's name for inherited ones; without a
    source column every row is ``direct``. Lines that are not rows are ignored.
    """
    if isinstance(lines, str):
        lines = lines.splitlines()
    header = None
    rows = []
    for raw in lines or ():
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith(_TRAILER):
            continue
        if header is None:
            if line.lower().startswith("macro name"):
                header = [column.strip().lower() for column in line.split(";")]
            continue
        fields = _fields(line, len(header))
        if fields is None:
            continue
        row = dict(zip(header, fields))
        rows.append({
            "name": macro_name(row.get("macro name", "")),
            "value": row.get("macro value", ""),
            "is_password": (row.get("is_password") or "").strip() == "1",
            "description": row.get("description", ""),
            "source": (row.get("source") or "direct").strip() or "direct",
        })
    return rows


def macro_view(layers):
    """{NAME: value} as Centreon resolves it, from getmacro outputs, the nearest first.

    Within one output an object's own (``direct``) macro wins over an inherited one; an earlier output wins over a
    later one (for example SERVICE getmacro, then STPL getmacro of the service's template, which SERVICE getmacro
    leaves out when the template has no parent).
    """
    view = {}
    for layer in layers or ():
        own = {}
        for row in parse_getmacro(layer):
            if row["source"] == "direct":
                own[row["name"]] = row["value"]
            else:
                own.setdefault(row["name"], row["value"])
        for name, value in own.items():
            view.setdefault(name, value)
    return view


def _checksum(key, name, value):
    return hashlib.sha256(("%s;%s;%s" % (key, name, value)).encode("utf-8")).hexdigest()


def password_checksums(wanted, shown, key, password_names):
    """What the role records after writing password macros: {NAME: {wanted, seen}} for each of PASSWORD_NAMES that CLAPI
    shows, the SHA-256 checksums of ``key;NAME;value`` for the value written and for the value CLAPI showed right after."""
    return dict((name, {"wanted": _checksum(key, name, wanted[name]), "seen": _checksum(key, name, shown[name])})
                for name in password_names if name in shown)


MASK = REDACTED  # the collection's one mask


def _shown(value, masked):
    if value is None:
        return "(none)"
    return MASK if masked and value != "" else repr(value)


def macro_changes(wanted, shown, saved=None, key="", password_names=(), masked_names=()):  # pylint: disable=too-many-arguments
    """Macros to write: [{name, value, password ('1' or '0'), diff}] for each wanted macro not in sync.

    WANTED: {NAME: value or None}; None means the role does not manage the macro (a default the host entry does not
    set is never written as a direct macro). In sync: the shown value (own or inherited) is the wanted one; or the
    macro is absent and the wanted value is empty; or, for a password macro that CLAPI shows otherwise (masked),
    SAVED (the role's checksums) says the role wrote exactly this value and CLAPI showed exactly this right after.
    ``diff`` is ``'before' -> 'after'`` for a reader, with the values of PASSWORD_NAMES and MASKED_NAMES masked.
    """
    saved = saved or {}
    changes = []
    for name, value in wanted.items():
        if value is None:
            continue
        value = "%s" % (value,)
        before = shown.get(name)
        is_password = name in password_names
        if before is None:
            in_sync = value == ""
        elif before == value:
            in_sync = True
        elif is_password:
            record = saved.get(name) or {}
            in_sync = record.get("wanted") == _checksum(key, name, value) and record.get("seen") == _checksum(key, name, before)
        else:
            in_sync = False
        if not in_sync:
            masked = is_password or name in masked_names
            changes.append({"name": name, "value": value, "password": "1" if is_password else "0",
                            "diff": "%s -> %s" % (_shown(before, masked), _shown(value, masked))})
    return changes
