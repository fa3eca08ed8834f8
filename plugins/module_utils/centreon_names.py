# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Names Centreon would change, and keys a host entry does not have. Pure.

CLAPI's ``HOST ADD`` passes the host name through ``checkIllegalChar``
(centreon/www/class/centreon-clapi/centreonHost.class.php ``CentreonHost::initInsertParameters``, which calls
centreon/www/class/centreon-clapi/centreonObject.class.php ``CentreonObject::checkIllegalChar``): every character of
the engine's ``illegal_object_name_chars`` (table ``cfg_nagios``) is removed without a word. Centreon's default set,
``~!$%^&*"|'<>?,()=``, is the one of centreon/www/install/insertBaseConf.sql (``cfg_nagios``) and of
``DEFAULT_ILLEGAL_OBJECT_NAME_CHARS`` in the engine configuration model. ``aws-ses(eu)`` would become ``aws-seseu``.
"""

from __future__ import annotations

import difflib

__all__ = ["ILLEGAL_OBJECT_NAME_CHARS", "illegal_chars", "unknown_key_problem"]

ILLEGAL_OBJECT_NAME_CHARS = "~!$%^&*\"|'<>?,()="


def illegal_chars(name, charset=ILLEGAL_OBJECT_NAME_CHARS):
    """The characters of NAME that checkIllegalChar would strip, once each, in the order they appear."""
    found = []
    for char in "%s" % (name,):
        if char in charset and char not in found:
            found.append(char)
    return found


def unknown_key_problem(key, known):
    """'unknown key X (did you mean Y?)' for a key not in KNOWN, or None."""
    if key in known:
        return None
    text = "%s" % (key,)
    close = difflib.get_close_matches(text, sorted(known), n=1, cutoff=0.6)
    hint = " (did you mean %r?)" % close[0] if close else " (valid keys: %s)" % ", ".join(sorted(known))
    return "unknown key %r%s" % (text, hint)
