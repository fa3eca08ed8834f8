# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""botocore's exceptions -> AWS error code, HTTP status and a one-line, secret-free text.

Exceptions are recognised by class name, so this file needs no botocore import.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

REDACTED = "********"


def redact_url(url):
    """The URL with any user:password removed (``http://user:****@host``)."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return REDACTED
    if parts.password is None and parts.username is None:
        return url
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: the URL cannot be rebuilt safely
        return REDACTED
    if port:
        host = "%s:%s" % (host, port)
    user = "%s:%s@" % (parts.username, REDACTED) if parts.password is not None else "%s@" % REDACTED
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


def _is_a(exc, class_name):
    return any(cls.__name__ == class_name for cls in type(exc).__mro__)


def describe_exception(exc, params):
    """(code, http_status, detail) for a botocore exception."""
    if _is_a(exc, "ClientError"):
        error = exc.response.get("Error", {})
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return error.get("Code") or "ClientError", status, _first_words(error.get("Message") or exc)
    endpoint = redact_url(params.get("endpoint_url")) or "the AWS endpoint"
    known = (
        ("ProxyConnectionError", "could not connect through the proxy %s" % redact_url(
            params.get("proxy_url") or getattr(exc, "kwargs", {}).get("proxy_url") or "of aws_config.proxies or HTTPS_PROXY")),
        ("ConnectTimeoutError", "no connection to %s within connect_timeout" % endpoint),
        ("ReadTimeoutError", "no answer from %s within read_timeout" % endpoint),
        ("SSLError", "TLS/SSL failure talking to %s (see validate_certs, aws_ca_bundle): %s" % (endpoint, exc)),
        ("EndpointConnectionError", "could not connect to %s" % redact_url(getattr(exc, "kwargs", {}).get("endpoint_url") or endpoint)),
        ("NoCredentialsError", "no AWS credentials found: set access_key/secret_key, a profile, or the "
                               "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables"),
        ("PartialCredentialsError", "incomplete AWS credentials: %s" % exc),
        ("ProfileNotFound", "the AWS profile %r is not in the AWS config or credentials files" % params.get("profile")),
        ("ParamValidationError", "invalid request parameters: %s" % " ".join(str(exc).split())),
        ("NoRegionError", "no region given"),
        ("ResponseParserError", "the answer from %s could not be read: %s" % (endpoint, _first_words(exc))),
    )
    for name, detail in known:
        if _is_a(exc, name):
            return name.replace("Error", "") if name.endswith("TimeoutError") else name, None, detail
    return type(exc).__name__, None, _first_words(exc)


def _first_words(exc, limit=300):
    """The exception's text on one line, cut short (parser errors embed whole answers)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit] + "..."
