# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A loopback HTTP endpoint that misbehaves on purpose, at the socket level.

LoopbackProxy (http_proxy.py) answers whole responses; this one can also trickle a body byte by
byte, reset the connection, keep silent, announce more bytes than it sends, or stream a huge
body. ``behave(request)`` gets a Recorded request (its ``operation`` as http_proxy names it) and
returns an action below, or None to forward the request to ``target`` (moto_server).
"""

from __future__ import annotations

import http.client
import socket
import struct
import threading
from urllib.parse import urlsplit

from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import Recorded, RecordingServer, relay


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, dict(headers), body


class Trickle(Answer):
    """Headers at once, then the body ``step`` bytes every ``interval`` seconds."""

    def __init__(self, status, headers, body, interval=0.5, step=1):
        super().__init__(status, headers, body)
        self.interval, self.step = interval, step


class Huge(Answer):
    """A body of ``size`` bytes made of ``prefix`` then ``filler`` repeated, streamed in chunks."""

    def __init__(self, status, headers, prefix, filler, size, suffix=b""):
        super().__init__(status, headers, b"")
        self.prefix, self.filler, self.size, self.suffix = prefix, filler, size, suffix


class Truncated(Answer):
    """Announces ``len(body) + missing`` bytes, sends ``body``, closes."""

    def __init__(self, status, headers, body, missing=500):
        super().__init__(status, headers, body)
        self.missing = missing


RESET = "reset"      # TCP RST right after the request
SILENCE = "silence"  # read the request, never answer
CLOSE = "close"      # close without a byte of answer


def _head(status, headers, length):
    lines = ["HTTP/1.1 %d %s" % (status, http.client.responses.get(status, "Status"))]
    lines += ["%s: %s" % item for item in headers.items()]
    lines.append("Content-Length: %d" % length)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class FaultServer(RecordingServer):
    def __init__(self, behave, target=None):
        super().__init__()
        self.behave = behave
        self.target = target
        self._stop = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = "http://127.0.0.1:%d" % self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def stop(self):
        self._stop.set()
        self.sock.close()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, dummy = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _read_request(self, conn, buffer):
        while b"\r\n\r\n" not in buffer:
            chunk = conn.recv(65536)
            if not chunk:
                return None, b""
            buffer += chunk
        head, rest = buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        method, path = lines[0].split(" ")[:2]
        headers = {}
        for line in lines[1:]:
            name, dummy, value = line.partition(":")
            headers[name.strip()] = value.strip()
        length = int(headers.get("Content-Length") or 0)
        while len(rest) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            rest += chunk
        return Recorded(method, path, headers, rest[:length]), rest[length:]

    def _serve(self, conn):
        buffer = b""
        try:
            conn.settimeout(30)
            while not self._stop.is_set():
                request, buffer = self._read_request(conn, buffer)
                if request is None:
                    return
                self._record(request)
                action = self.behave(request) if self.behave else None
                if action is None:
                    action = self._forward(request)
                if not self._act(conn, action):
                    return
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def _act(self, conn, action):
        """Send the action's answer; False when the connection must end."""
        if action == RESET:
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if action == CLOSE:
            return False
        if action == SILENCE:
            self._stop.wait(60)
            return False
        if isinstance(action, Truncated):
            conn.sendall(_head(action.status, action.headers, len(action.body) + action.missing) + action.body)
            return False
        if isinstance(action, Trickle):
            conn.sendall(_head(action.status, action.headers, len(action.body)))
            for first in range(0, len(action.body), action.step):
                if self._stop.wait(action.interval):
                    return False
                conn.sendall(action.body[first:first + action.step])
            return True
        if isinstance(action, Huge):
            conn.sendall(_head(action.status, action.headers, action.size) + action.prefix)
            sent = len(action.prefix)
            block = action.filler * max(1, 65536 // max(len(action.filler), 1))
            while sent < action.size - len(action.suffix) and not self._stop.is_set():
                part = block[:action.size - len(action.suffix) - sent]
                conn.sendall(part)
                sent += len(part)
            conn.sendall(action.suffix)
            return True
        conn.sendall(_head(action.status, action.headers, len(action.body)) + action.body)
        return True

    def _forward(self, request):
        if not self.target:
            return Answer(404, {"Content-Type": "text/plain"}, b"no such thing here")
        target = urlsplit(self.target)
        headers = {k: v for k, v in request.headers.items() if k.lower() != "connection"}
        return Answer(*relay(target.hostname, target.port, request.method, request.url, request.body, headers))
