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


# The IAM action prefix of each botocore service name the collection calls.
_IAM_PREFIX = {"ses": "ses", "sesv2": "ses", "cloudwatch": "cloudwatch", "sts": "sts"}
_API_TITLE = {"ses": "the SES v1 API", "sesv2": "the SES v2 API", "cloudwatch": "the CloudWatch API", "sts": "the STS API"}
DENIED_CODES = frozenset(("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess"))
NOT_OFFERED_CODES = frozenset(("UnknownOperation", "UnknownOperationException", "InvalidAction", "NotImplemented"))
# A 403 with one of these codes is about the credentials themselves, not a missing permission.
_CREDENTIAL_CODES = frozenset(("InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
                               "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignature",
                               "MissingAuthenticationToken", "RequestExpired", "AuthFailure"))


def iam_action(service, operation):
    """``ses:GetAccount``: the IAM action an operation of ``service`` needs (None if unknown)."""
    prefix = _IAM_PREFIX.get(service)
    return "%s:%s" % (prefix, operation) if prefix and operation else None


def _endpoint(params, exc=None):
    url = (getattr(exc, "kwargs", None) or {}).get("endpoint_url") if exc is not None else None
    return redact_url(url or params.get("endpoint_url")) or "the AWS endpoint"


def _client_error(exc, params, service, operation):
    """(code, status, cause): the cause first (what to do), AWS's own message after it."""
    error = exc.response.get("Error", {}) if isinstance(exc.response, dict) else {}
    status = (exc.response.get("ResponseMetadata") or {}).get("HTTPStatusCode") if isinstance(exc.response, dict) else None
    code = str(error.get("Code") or "ClientError")
    message = str(error.get("Message") or "")
    if code == str(status) and message in ("", code):
        message = ""  # botocore's text for an error answer without a body
    headers = (exc.response.get("ResponseMetadata") or {}).get("HTTPHeaders") or {} if isinstance(exc.response, dict) else {}
    page = headers.get("x-sesmon-html-page")  # transport.HTML_PAGE_HEADER: the answer was an HTML page
    if page and code == str(status):
        message = "%s: %s" % (message, page) if message else page
    cause = None
    if code in DENIED_CODES or (status == 403 and code not in _CREDENTIAL_CODES and not any(name in message for name in _CREDENTIAL_CODES)):
        action = iam_action(service, operation)
        cause = None if action and action in message else "the credentials lack the IAM action %s" % action if action else None
    elif code in NOT_OFFERED_CODES or status in (404, 501):
        cause = "the endpoint %s does not offer %s%s (wrong endpoint_url, or an endpoint without it)" % (
            _endpoint(params), _API_TITLE.get(service, "this API"), " (%s)" % operation if operation else "")
    detail = "; ".join(part for part in (cause, message) if part) or str(exc)
    return code, status, detail


def describe_exception(exc, params, service=None, operation=None):
    """(code, http_status, detail) for a botocore exception; the detail is whole (the caller masks, then cuts)."""
    if _is_a(exc, "ClientError"):
        return _client_error(exc, params, service, operation)
    endpoint = _endpoint(params)
    known = (
        ("ProxyConnectionError", "could not connect through the proxy %s (check proxy_url, aws_config.proxies, HTTPS_PROXY)" % redact_url(
            params.get("proxy_url") or getattr(exc, "kwargs", {}).get("proxy_url") or "of aws_config.proxies or HTTPS_PROXY")),
        ("ConnectTimeoutError", "no connection to %s within connect_timeout" % endpoint),
        ("ReadTimeoutError", "no answer from %s within read_timeout" % endpoint),
        ("SSLError", "TLS/SSL failure talking to %s (see validate_certs, aws_ca_bundle): %s" % (endpoint, exc)),
        ("EndpointConnectionError", "could not connect to %s: check endpoint_url, the proxy (proxy_url, HTTPS_PROXY) and the region"
         % _endpoint(params, exc)),
        ("NoCredentialsError", "no AWS credentials found: set access_key/secret_key, a profile, or the "
                               "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables"),
        ("PartialCredentialsError", "incomplete AWS credentials: %s" % exc),
        ("ProfileNotFound", "the AWS profile %r is not in the AWS config or credentials files" % params.get("profile")),
        ("ParamValidationError", "invalid request parameters: %s" % exc),
        ("NoRegionError", "no region given"),
        ("ResponseParserError", "the answer from %s could not be read: %s" % (endpoint, exc)),
    )
    for name, detail in known:
        if _is_a(exc, name):
            if name == "ResponseParserError":
                return "UnreadableAnswer", None, detail
            return name.replace("Error", "") if name.endswith("TimeoutError") else name, None, detail
    return type(exc).__name__, None, str(exc)
