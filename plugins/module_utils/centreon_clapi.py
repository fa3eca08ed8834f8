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
  default), web UI included. 22.10 says so: ``Invalid credentials. Max attempts has been reached, you can't login
  for N seconds.`` (``exitOnInvalidCredentials``) and then ``Unable to login, max login attempts has been reached.
  <interval> left`` (``checkUser``).
- A missing command: the shell's exit 127, or ansible's command module failing to start it ("Error executing command.",
  rc 2 = ENOENT in ansible-core 2.19; ``[Errno 2] No such file or directory`` in older versions).
"""

from __future__ import annotations

import re

from ansible_collections.sesmon.ses.plugins.module_utils.redaction import redact

__all__ = ["import_failures", "clapi_problem", "clapi_problems", "LOCKOUT_HINT", "FORBIDDEN_CHARS", "MANGLED_PASSWORD_CHARS",
           "forbidden_text", "has_forbidden", "forbidden_value_problems", "password_problem"]

# CLAPI splits its -v value on ';'; a line break ends a CLAPI import line and breaks the plugin's command line.
FORBIDDEN_CHARS = ";\r\n"
# CLAPI's -p value goes through HtmlAnalyzer::sanitizeAndRemoveTags (quotes become entities, tags are stripped).
MANGLED_PASSWORD_CHARS = "'\"<>"

_IMPORT_FAILURE = re.compile(r"^Line [0-9]+ : .*$", re.MULTILINE)
_WRONG_PASSWORD = ("Authentication failed", "Invalid credentials")
_EXPIRED = "password has expired"
_LOCKED = re.compile(r"max (?:login )?attempts has been reached", re.IGNORECASE)
_NOT_ADMIN = "You don't have permissions for CLAPI"
LOCKOUT_HINT = ("Centreon blocks a user after 5 failed logins by default (security policy, 900 s, web UI included), "
                "so the role tried once and stopped")
MAX_TEXT = 300


def import_failures(stdout):
    """The ``Line N : <error>`` lines of an import's output, whatever its exit code."""
    return _IMPORT_FAILURE.findall(stdout or "")


def _one_line(text, secrets):
    text = " ".join(redact(text or "", frozenset(secret for secret in secrets or () if secret)).split())
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
    if _LOCKED.search(stdout):
        return ("CLAPI refused the login of %s for %s: %s %s is locked out by Centreon's security policy: wait until the "
                "blocking time has passed (or have an admin unblock %s), and check centreon_ses_pack_clapi_password before the "
                "next run. Nothing was changed." % (user, action, said, user, user))
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


def forbidden_text(note=""):
    """The forbidden characters as a reader reads them: ``';'NOTE or a line break``."""
    shown = " ".join("'%s'" % char for char in FORBIDDEN_CHARS if char not in "\r\n")
    return shown + note + (" or a line break" if any(char in FORBIDDEN_CHARS for char in "\r\n") else "")


def has_forbidden(value, chars=FORBIDDEN_CHARS):
    """True when the text of VALUE holds one of CHARS."""
    return any(char in "%s" % (value,) for char in chars)


def forbidden_value_problems(values):
    """[message] naming the options of VALUES ({option: value}) whose value holds a FORBIDDEN_CHARS character, or []."""
    bad = [option for option, value in values.items() if value is not None and has_forbidden(value)]
    if not bad:
        return []
    return ["%s must not contain %s. Nothing was changed." % (", ".join(bad), forbidden_text())]


def password_problem(password, user="admin"):
    """'' for a usable CLAPI password, else why not (missing, not text, or with characters CLAPI's -p mangles)."""
    if isinstance(password, str) and password and not has_forbidden(password, MANGLED_PASSWORD_CHARS):
        return ""
    return ("centreon_ses_pack_clapi_password is required for the central configuration, and must not contain %s: "
            "CLAPI passes -p through HtmlAnalyzer::sanitizeAndRemoveTags (quotes become HTML entities, tags are removed), "
            "so such a password can never log in. Change the password of %s or use another admin user. Nothing was changed."
            % (" ".join(MANGLED_PASSWORD_CHARS[:-1]) + " or " + MANGLED_PASSWORD_CHARS[-1], user))


def _runs(results):
    """The registered results in RESULTS (one result, a loop's result, or a list of them), skipped ones left out."""
    if isinstance(results, dict):
        results = results["results"] if isinstance(results.get("results"), list) else [results]
    runs = []
    for result in results or ():
        if isinstance(result, dict) and isinstance(result.get("results"), list):
            runs.extend(_runs(result["results"]))
        elif isinstance(result, dict) and not result.get("skipped"):
            runs.append(result)
    return runs


def clapi_problems(results, action, command="centreon", user="admin", secrets=(),
                   command_option="centreon_ses_pack_clapi_command"):  # pylint: disable=too-many-arguments
    """The distinct problems of every run in RESULTS (see _runs), in order, each one line of clapi_problem."""
    problems = []
    for run in _runs(results):
        problem = clapi_problem(run, action, command, user, secrets, command_option)
        if problem and problem not in problems:
            problems.append(problem)
    return problems
