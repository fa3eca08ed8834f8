# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""STAND-IN for the part of Centreon's API (/centreon/api/index.php) that installs a connector, on 127.0.0.1.

It follows Centreon's provisioning script installPlugins() quoted in issue 10 (curl -d "username=..&password=.."
.../api/index.php?action=authenticate -> {"authToken": ...}; then POST JSON {"pluginpack": [{slug, version, action}]}
to ?object=centreon_pp_manager_pluginpack&action=installupdate with the header centreon-auth-token; a bad token
answers "Forbidden"). Installing the connector creates its templates in the CLAPI stand-in's state.
"""
from __future__ import annotations

import json
import secrets
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import standins


class ConnectorApi:
    """The stand-in server for the central rootfs ROOT; ``requests`` lists what it was asked (no secret)."""

    def __init__(self, root):
        self.root = root
        self.tokens = set()
        self.requests = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # pylint: disable=arguments-differ
                pass

            def _answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):  # pylint: disable=invalid-name
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if url.path != "/centreon/api/index.php":
                    return self._answer(404, {"error": "not found"})
                if query.get("action") == "authenticate":
                    return self._answer(*api.authenticate(dict(urllib.parse.parse_qsl(body.decode()))))
                if query.get("object") == "centreon_pp_manager_pluginpack" and query.get("action") == "installupdate":
                    return self._answer(*api.installupdate(self.headers.get("centreon-auth-token"), body))
                return self._answer(400, {"error": "unknown object or action"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/centreon/api/index.php" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def authenticate(self, form):
        """Form fields username and password, checked against the CLAPI stand-in's users."""
        with open(self.root + standins.CLAPI_DIR + "/config.json", encoding="utf-8") as handle:
            users = json.load(handle)["users"]
        user = users.get(form.get("username", ""))
        self.requests.append({"action": "authenticate", "username": form.get("username")})
        if user is None or user["password"] != form.get("password"):
            return 401, "Bad credentials"
        token = secrets.token_hex(16)
        self.tokens.add(token)
        return 200, {"authToken": token}

    def installupdate(self, token, body):
        """Install the packs of the JSON body; only cloud-aws-ses is known here."""
        if token not in self.tokens:
            self.requests.append({"action": "installupdate", "authorized": False})
            return 403, "Forbidden"
        packs = json.loads(body or b"{}").get("pluginpack", [])
        self.requests.append({"action": "installupdate", "authorized": True, "pluginpack": packs})
        result = []
        for pack in packs:
            ok = pack.get("slug") == "cloud-aws-ses" and pack.get("action") == "install" and bool(pack.get("version"))
            if ok:
                standins.install_connector(self.root)
            result.append({"slug": pack.get("slug"), "status": "success" if ok else "failed"})
        return 200, {"pluginpack": result}

    def close(self):
        """Stop the server and its thread."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
