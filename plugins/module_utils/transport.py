# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Sending one HTTP request for botocore within the task's deadline and a size limit.

botocore's read_timeout bounds each socket read, not an answer: a server trickling a byte every
half second never trips it, and an endless body fills memory. ``bounded_sender`` is a
``before-send`` handler that sends with botocore's own HTTP session (proxies, TLS, timeouts
unchanged), then reads the body itself, chunk by chunk, checking the deadline and the size.
"""

from __future__ import annotations

import re
import time

from ansible_collections.sesmon.ses.plugins.module_utils.values import foreign_text

try:
    from botocore.awsrequest import AWSResponse
    from botocore.exceptions import ConnectionClosedError, ReadTimeoutError
    from urllib3.exceptions import ProtocolError
    from urllib3.exceptions import ReadTimeoutError as URLLib3ReadTimeoutError
except ImportError:  # connection.py reports the missing library
    AWSResponse = None

__all__ = ["DEFAULT_TOTAL_TIMEOUT", "MAX_ANSWER_BYTES", "Deadline", "TransportError", "bounded_sender"]

DEFAULT_TOTAL_TIMEOUT = 120.0
# 100,800 datapoints (GetMetricData's most per call) are 2.5-3.5 MiB of JSON; parsing costs ~25x in memory.
MAX_ANSWER_BYTES = 4 * 1024 * 1024
_CHUNK = 65536
# Set on an HTML error answer (one line, see values.foreign_text) for aws_errors to name it.
HTML_PAGE_HEADER = "x-sesmon-html-page"
_HTML_START = re.compile(rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


class Deadline:
    """A moment ``seconds`` after creation, on a monotonic clock."""

    def __init__(self, seconds, clock=time.monotonic):
        self.seconds = seconds
        self._clock = clock
        self._end = clock() + seconds

    def remaining(self):
        return self._end - self._clock()

    @property
    def passed(self):
        return self.remaining() <= 0


class TransportError(Exception):
    """The task's deadline passed, or an answer was too large: never retried. ``code``, ``detail``."""

    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def deadline_error(deadline):
    return TransportError("TaskTimeout", "the task's total_timeout of %g s passed (every request and retry "
                                         "counts); the endpoint answered too slowly or not at all" % deadline.seconds)


class _Body:
    """The already-read body, shaped as botocore's AWSResponse reads its raw stream."""

    def __init__(self, data):
        self._data = data

    def stream(self, *args, **kwargs):  # pylint: disable=unused-argument
        yield self._data

    def read(self, *args, **kwargs):  # pylint: disable=unused-argument
        data, self._data = self._data, b""
        return data


def _read_body(raw, deadline, max_bytes):
    read = getattr(raw, "read1", None) or raw.read  # read1 returns what has come, without waiting for a full chunk
    chunks = []
    size = 0
    while True:
        if deadline.passed:
            raw.close()
            raise deadline_error(deadline)
        chunk = read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raw.close()
            raise TransportError("AnswerTooLarge", "the answer is larger than %d MiB; refused (GetMetricData returns "
                                                   "at most 100,800 datapoints per call, about 3 MiB)" % (max_bytes // 1048576))
        chunks.append(chunk)
    release = getattr(raw, "release_conn", None)
    if release:
        release()
    return b"".join(chunks)


def bounded_sender(http_session_of, deadline, max_bytes=MAX_ANSWER_BYTES):
    """A ``before-send`` handler; ``http_session_of()`` is the client's botocore HTTP session (or None)."""

    def send(request, **kwargs):  # pylint: disable=unused-argument
        if deadline.passed:
            raise deadline_error(deadline)
        http_session = http_session_of()
        if http_session is None or AWSResponse is None or getattr(request, "stream_output", False):
            return None  # botocore sends it itself
        request.stream_output = True
        try:
            response = http_session.send(request)
        finally:
            request.stream_output = False
        try:
            body = _read_body(response.raw, deadline, max_bytes)
        except URLLib3ReadTimeoutError as exc:
            raise ReadTimeoutError(endpoint_url=request.url, error=exc) from None
        except (ProtocolError, OSError) as exc:
            raise ConnectionClosedError(error=exc, request=request, endpoint_url=request.url) from None
        if _is_html(response.headers, body):
            page = foreign_text(body[:8192].decode("utf-8", "replace"))
            if 200 <= response.status_code < 300:
                raise TransportError("UnreadableAnswer", "the answer from %s is no AWS answer: %s (HTTP %d)" % (
                    _site(request.url), page, response.status_code))
            # An error page (a load balancer's 503): botocore still decides on retries; the message names the page.
            response.headers[HTML_PAGE_HEADER] = page
        return AWSResponse(request.url, response.status_code, response.headers, _Body(body))

    return send


def _is_html(headers, body):
    """An HTML page (a proxy's, a captive portal's) where an AWS API answers XML or JSON."""
    content_type = str((headers or {}).get("Content-Type") or (headers or {}).get("content-type") or "").lower()
    return "text/html" in content_type or bool(_HTML_START.match(body[:4096]))


def _site(url):
    """scheme://host[:port] of a request URL (no path, no query, no user)."""
    match = re.match(r"([a-z]+://)(?:[^@/]*@)?([^/?#]*)", str(url))
    return match.group(1) + match.group(2) if match else "the endpoint"
