# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A loopback HTTP proxy for tests: it records every request and can inject faults.

Used two ways:
- as a forward proxy (``proxy_url``): botocore sends absolute-form requests to it;
- as a reverse proxy (``endpoint_url``) in front of moto_server, ``target`` set.

``fault(request)`` may return ``(status, headers, body)`` to answer instead of forwarding,
or the string ``"close"`` to drop the connection, or a number of seconds to sleep first.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Recorded:
    """One request as the proxy saw it."""

    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.operation = operation_of(url, headers, body)

    def __repr__(self):
        return "<%s %s>" % (self.method, self.operation)


def operation_of(url, headers, body):
    """The AWS operation name of a request, whatever its protocol."""
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1]
    path = urlsplit(url).path
    match = re.search(r"/operation/([A-Za-z]+)$", path)  # smithy rpc-v2-cbor (CloudWatch)
    if match:
        return match.group(1)
    if body and b"Action=" in body:
        return parse_qs(body.decode("utf-8", "replace")).get("Action", ["?"])[0]
    if path.startswith("/v2/email/"):
        return "sesv2:%s %s" % ("GET" if not body else "POST", path)
    return path


def relay(host, port, method, path, body, headers):
    """Send one request on and return its answer as ``(status, headers, body)``, hop-by-hop headers dropped."""
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        passed = {k: v for k, v in response.getheaders() if k.lower() not in ("transfer-encoding", "connection", "content-length")}
        return response.status, passed, data
    finally:
        conn.close()


class RecordingServer:
    """What both loopback servers share: the recorded requests and a thread run as a context manager.

    Subclasses set ``self._thread`` and define ``stop()``.
    """

    def __init__(self):
        self.requests = []
        self._lock = threading.Lock()

    def operations(self):
        with self._lock:
            return [r.operation for r in self.requests]

    def _record(self, recorded):
        with self._lock:
            self.requests.append(recorded)

    def start(self):
        self._thread.start()
        return self

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class LoopbackProxy(RecordingServer):
    def __init__(self, target=None, fault=None, require_auth=None):
        super().__init__()
        self.target = target
        self.fault = fault
        self.require_auth = require_auth
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self._server.server_address[1]

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def _handler_class(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def _relay(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                recorded = Recorded(self.command, self.path, dict(self.headers), body)
                proxy._record(recorded)
                if proxy.require_auth and self.headers.get("Proxy-Authorization") != proxy.require_auth:
                    return self._answer(407, {"Proxy-Authenticate": 'Basic realm="test"'}, b"")
                action = proxy.fault(recorded) if proxy.fault else None
                if action == "close":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return None
                if isinstance(action, (int, float)) and not isinstance(action, bool):
                    time.sleep(action)
                elif action is not None:
                    return self._answer(*action)
                return self._forward(body)

            def _forward(self, body):
                if self.path.startswith("http://"):
                    parts = urlsplit(self.path)
                    host, port = parts.hostname, parts.port or 80
                    path = parts.path + ("?" + parts.query if parts.query else "")
                else:
                    target = urlsplit(proxy.target)
                    host, port, path = target.hostname, target.port, self.path
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-authorization", "proxy-connection")}
                return self._answer(*relay(host, port, self.command, path, body, headers))

            def _answer(self, status, headers, body):
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None

            do_GET = do_POST = do_PUT = do_DELETE = _relay

        return Handler
