# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a run of Centreon's CLAPI command (``centreon``) says: its failures, diagnosed in one line. Pure.

Texts and exit codes, from centreon/centreon:
- ``bin/centreon``: ``-i FILE`` calls ``CentreonAPI::import()`` and ignores what it returns; the process exits with the
  code of the last action (``CentreonAPI::close``), so an import whose lines failed can exit 0.
- ``CentreonAPI::import``: each failed line prints ``Line N : <error>`` (``Object not found:<name>``, ...).
- ``CentreonAPI::checkUser``: ``You don't have permissions for CLAPI.`` (not an admin), ``Unable to login, your
  password has expired.``, and for a wrong password ``Authentication failed.`` (current; the remaining attempts go to
  Centreon's log, ``exitOnInvalidCredentials``) or ``Invalid credentials.`` (older versions; 22.10 adds
  ``N attempt(s) remaining``). A locked-out user gets ``Authentication failed.`` even with the right password: the
  security policy blocks a user after its number of attempts (5 by default) for its blocking duration (900 s by
  default), web UI included.
- A missing command: the shell's exit 127, or ansible's command module failing to start it ("Error executing command.",
  rc 2 = ENOENT in ansible-core 2.19; ``[Errno 2] No such file or directory`` in older versions).
"""

from __future__ import annotations

import re

__all__ = ["import_failures", "clapi_problem", "LOCKOUT_HINT"]

_IMPORT_FAILURE = re.compile(r"^Line [0-9]+ : .*$", re.MULTILINE)
_WRONG_PASSWORD = ("Authentication failed", "Invalid credentials")
_EXPIRED = "password has expired"
_NOT_ADMIN = "You don't have permissions for CLAPI"
LOCKOUT_HINT = ("Centreon blocks a user after 5 failed logins by default (security policy, 900 s, web UI included), "
                "so the role tried once and stopped")
MAX_TEXT = 300


def import_failures(stdout):
    """The ``Line N : <error>`` lines of an import's output, whatever its exit code."""
    return _IMPORT_FAILURE.findall(stdout or "")


def _mask(text, secrets):
    for secret in sorted((s for s in secrets or () if s), key=len, reverse=True):
        text = text.replace(secret, "********")
    return text


def _one_line(text, secrets):
    text = " ".join(_mask(text or "", secrets).split())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 3] + "..."


def clapi_problem(result, action, command="centreon", user="admin", secrets=(),
                  command_option="centreon_ses_pack_clapi_command"):  # pylint: disable=too-many-arguments,too-many-return-statements
    """One line saying why a CLAPI run (a registered command result) failed, or '' when it did not.

    ACTION names what was run (``POLLERLIST``, ``import of the password macros of aws-ses``...). SECRETS are masked
    in every text shown; nothing from the command line is shown.
    """
    result = result or {}
    stdout = "%s" % (result.get("stdout") or "",)
    stderr = "%s" % (result.get("stderr") or "",)
    message = "%s" % (result.get("msg") or "",)
    rc = result.get("rc")
    said = _one_line(stdout.strip() or stderr.strip() or message, secrets)
    exception = "%s" % (result.get("exception") or "",)
    # ansible's command module: the executable could not be started; rc is the OS error number (2: ENOENT).
    not_started = message.startswith("Error executing command") and not stdout
    if rc == 127 or (not_started and rc == 2) or any("No such file or directory" in text for text in (message, exception)) \
            or ("No such file or directory" in stderr and not stdout):
        return ("CLAPI command %r not found on this host (%s): set it to the path of Centreon's CLAPI command "
                "(centreon, usually /usr/bin/centreon on a central). Nothing was changed." % (command, command_option))
    if _NOT_ADMIN in stdout:
        return ("CLAPI refused %s for %s: %s Only an admin user may use CLAPI (centreon_ses_pack_clapi_user). "
                "Nothing was changed." % (user, action, said))
    if _EXPIRED in stdout:
        return ("CLAPI refused %s for %s: %s Change the password of %s in Centreon, then centreon_ses_pack_clapi_password. "
                "Nothing was changed." % (user, action, said, user))
    if any(text in stdout for text in _WRONG_PASSWORD):
        return ("CLAPI refused the login of %s for %s: %s Wrong centreon_ses_pack_clapi_password, or %s is locked out: %s. "
                "Check the password before the next run. Nothing was changed." % (user, action, said, user, LOCKOUT_HINT))
    if not_started:
        return "CLAPI command %r could not be run on this host (%s, error %s): %s. Nothing was changed." % (
            command, command_option, rc, _one_line(exception.strip().splitlines()[-1] if exception.strip() else message, secrets))
    failures = import_failures(stdout)
    if failures:
        return "CLAPI %s reported %d failed line(s) (exit %s): %s" % (action, len(failures), rc, _one_line("; ".join(failures), secrets))
    if result.get("failed") or (rc not in (None, 0)):
        return "CLAPI %s failed (exit %s): %s" % (action, rc, said or "(no output)")
    return ""
