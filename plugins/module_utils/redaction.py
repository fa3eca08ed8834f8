# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Which values are secret, in every form they can be printed, and masking them in text. Pure.

A secret can reach a message stripped (a token from a YAML ``|`` block ends in a newline),
repr'd (``Invalid header value b'...\\n'``), JSON- or URL-encoded, inside a URL's user:password,
or as the base64 of a proxy's Basic credentials. ``secret_forms`` gives all of them, so that
both our own messages and ansible-core's ``no_log_values`` mask every one.
"""

from __future__ import annotations

import base64
import json
import os
from urllib.parse import quote, quote_plus, unquote, urlsplit

from ansible_collections.sesmon.ses.plugins.module_utils.aws_errors import REDACTED

__all__ = ["SECRET_OPTIONS", "URL_OPTIONS", "secret_forms", "secret_values", "redact"]

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


def redact(text, secrets):
    """``text`` with every secret form replaced by ********, the longest first."""
    text = str(text)
    for secret in sorted(secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text
