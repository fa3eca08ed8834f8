# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which values are secret, in every form they can be printed, and masking them in text. Pure.

A secret can reach a message stripped (a token from a YAML ``|`` block ends in a newline),
repr'd (``Invalid header value b'...\\n'``), JSON- or URL-encoded, inside a URL's user:password,
or as the base64 of a proxy's Basic credentials. ``secret_forms`` gives all of them, so that
both our own messages and ansible-core's ``no_log_values`` mask every one.

``redact`` masks before anything is cut, and it also masks every piece of 16 characters or more
of a secret form: a message cut (by us, by botocore, by a proxy that echoes headers) in the middle
of a 500-character session token still shows none of it, and neither does a token wrapped over
two lines of an HTML page. ``redact_tree`` does the same over a whole result.
"""

from __future__ import annotations

import base64
import functools
import html
import json
import os
from urllib.parse import quote, quote_plus, unquote, urlsplit

from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import REDACTED

__all__ = ["SECRET_OPTIONS", "URL_OPTIONS", "PIECE", "secret_forms", "secret_values", "redact", "redact_tree"]

# No piece of a secret this long (or longer) ever shows; shorter pieces cannot be told from ordinary text.
PIECE = 16

# Option name -> its aliases: the options whose whole value is secret.
SECRET_OPTIONS = {
    "secret_key": ("aws_secret_access_key", "aws_secret_key"),
    "session_token": ("aws_session_token",),
    "proxy_url": (),
}
# Options holding a URL whose user:password part is secret.
URL_OPTIONS = {"endpoint_url": ("aws_endpoint_url",), "sts_endpoint_url": (), "proxy_url": ()}
_SECRET_ENVIRONMENT = ("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN")
_PROXY_ENVIRONMENT = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")


def _url_secrets(url):
    """The password (and user:password, and their Basic base64) of a URL; nothing when it has none."""
    if not isinstance(url, str):
        return set()
    try:
        parts = urlsplit(url.strip())
        user, password = parts.username, parts.password
    except ValueError:
        # A URL that cannot be split is masked whole: its userinfo cannot be told apart.
        return {url} if "@" in url else set()
    found = set()
    if password:
        found.update((password, unquote(password)))
        for name in (user or "", unquote(user or "")):
            for secret in (password, unquote(password)):
                pair = "%s:%s" % (name, secret)
                found.update((pair, base64.b64encode(pair.encode("utf-8")).decode("ascii")))
    elif user and len(user) >= 8:
        found.update((user, unquote(user)))  # a token given as the user part (https://token@host)
    return found


def secret_forms(secret):
    """Every form in which ``secret`` could show: as is, stripped, repr'd, JSON-, URL-encoded."""
    if not isinstance(secret, str) or not secret.strip():
        return set()
    forms = set()
    for text in (secret, secret.strip()):
        forms.update((
            text,
            repr(text)[1:-1],
            repr(text.encode("utf-8", "backslashreplace"))[2:-1],
            json.dumps(text)[1:-1],
            quote(text, safe=""),
            quote(text),
            quote_plus(text),
            html.escape(text),
        ))
    forms.update(line.strip() for line in secret.splitlines() if len(line.strip()) >= 8)
    return set(form for form in forms if form and form.strip())


def _values_under(value, key, depth=0):
    """Every text found under ``key`` in nested dicts and lists."""
    found = []
    if depth > 10:
        return found
    if isinstance(value, dict):
        for name, item in value.items():
            if name == key and isinstance(item, str):
                found.append(item)
            else:
                found.extend(_values_under(item, key, depth + 1))
    elif isinstance(value, list):
        for item in value:
            found.extend(_values_under(item, key, depth + 1))
    return found


def _option_values(params, name, aliases):
    return [params.get(key) for key in (name,) + tuple(aliases) if isinstance(params.get(key), str)]


def secret_values(params, environ=None):
    """Every secret in the options (validated, or raw as the user wrote them) and their forms.

    Includes the whole values of secret options, assume_role.external_id, the userinfo of every
    URL option and of aws_config's proxies, and the secret environment variables botocore reads.
    """
    params = params if isinstance(params, dict) else {}
    environ = os.environ if environ is None else environ
    raw = set()
    for name, aliases in SECRET_OPTIONS.items():
        raw.update(_option_values(params, name, aliases))
    # Whatever shape assume_role was given in (a list of dicts, say), its external_id stays secret.
    raw.update(_values_under(params.get("assume_role"), "external_id"))
    urls = []
    for name, aliases in URL_OPTIONS.items():
        urls.extend(_option_values(params, name, aliases))
    config = params.get("aws_config")
    if isinstance(config, dict) and isinstance(config.get("proxies"), dict):
        urls.extend(value for value in config["proxies"].values() if isinstance(value, str))
    raw.update(environ.get(name) for name in _SECRET_ENVIRONMENT)
    urls.extend(environ.get(name) for name in _PROXY_ENVIRONMENT)
    for url in urls:
        raw.update(_url_secrets(url))
    forms = set()
    for secret in raw:
        forms.update(secret_forms(secret))
    return forms


@functools.lru_cache(maxsize=8)
def _pieces(secrets):
    """(forms longest first, every PIECE-long piece of the forms at least PIECE long)."""
    ordered = tuple(sorted(secrets, key=len, reverse=True))
    # A whole URL (proxy_url) is masked as given, but its pieces would hide the host in every message:
    # its password is a secret of its own (_url_secrets), and that one is masked piece by piece.
    whole = [form for form in ordered if len(form) >= PIECE and "://" not in unquote(form)]
    pieces = frozenset(form[i:i + PIECE] for form in whole for i in range(len(form) - PIECE + 1))
    return ordered, pieces


def _mask_pieces(text, pieces):
    """``text`` with every run covered by PIECE-long pieces of a secret replaced by ********."""
    covered = []
    for start in range(len(text) - PIECE + 1):
        if text[start:start + PIECE] in pieces:
            if covered and start <= covered[-1][1]:
                covered[-1][1] = start + PIECE
            else:
                covered.append([start, start + PIECE])
    if not covered:
        return text
    parts, last = [], 0
    for start, end in covered:
        parts.extend((text[last:start], REDACTED))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def redact(text, secrets, limit=None):
    """``text`` with every secret form replaced by ********, the longest first, and every piece of
    PIECE characters or more of one; then cut to ``limit`` characters (masking always comes first)."""
    text = str(text)
    ordered, pieces = _pieces(secrets if isinstance(secrets, frozenset) else frozenset(secrets))
    for secret in ordered:
        if secret in text:
            text = text.replace(secret, REDACTED)
    if pieces and len(text) >= PIECE:
        text = _mask_pieces(text, pieces)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "..."
    return text


def redact_tree(value, secrets, depth=0):
    """``value`` (a result: dicts, lists, texts) with ``redact`` applied to every text, keys included."""
    if depth > 50:
        return value
    if not isinstance(secrets, frozenset):
        secrets = frozenset(secrets)  # once for the whole tree: redact's cache is keyed by it
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return dict((redact_tree(k, secrets, depth + 1), redact_tree(v, secrets, depth + 1)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [redact_tree(item, secrets, depth + 1) for item in value]
    return value
