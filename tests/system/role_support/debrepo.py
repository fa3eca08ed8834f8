# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Signed loopback apt repositories of packages with Centreon's names, and a tiny HTTP server.

The plugin repository (ROOT) holds the plugin package, a packaging stand-in whose program runs Centreon's real
plugin code from Debian's centreon-plugins (its Depends pull that and the Perl modules from the Debian mirror
configured in the root filesystem), and the labelled Paws stand-in. The pack package lives in a second repository
(ROOT/connectors), as Centreon's licensed Monitoring Connectors repository does.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time

from . import standins

from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import free_port

VERSION = "24.04.0+standin1"


def _write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, mode)


def build_deb(workdir, name, files, depends="", description="stand-in"):
    """dpkg-deb a package NAME (Architecture: all) holding FILES {absolute path: (text, mode)}; returns the .deb path."""
    tree = os.path.join(workdir, "build", name)
    shutil.rmtree(tree, ignore_errors=True)
    for path, (text, mode) in files.items():
        _write(os.path.join(tree, path.lstrip("/")), text, mode)
    control = (f"Package: {name}\nVersion: {VERSION}\nArchitecture: all\nMaintainer: sesmon.ses tests <tests@invalid>\n"
               f"Section: misc\nPriority: optional\n")
    if depends:
        control += f"Depends: {depends}\n"
    control += f"Description: STAND-IN of {name} for sesmon.ses role tests\n {description}\n"
    _write(os.path.join(tree, "DEBIAN/control"), control)
    os.makedirs(os.path.join(workdir, "pool"), exist_ok=True)
    deb = os.path.join(workdir, "pool", f"{name}_{VERSION}_all.deb")
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree, deb], check=True, stdout=subprocess.DEVNULL)
    return deb


def standin_debs(workdir):
    """The plugin package (packaging stand-in around the real plugin) and the Paws stand-in."""
    build_deb(workdir, "centreon-plugin-cloud-aws-ses-api", {standins.PLUGIN_PATH: (standins.PLUGIN_SCRIPT, 0o755)},
              depends=standins.PLUGIN_DEPENDS,
              description="Packaging stand-in: runs Centreon's real plugin code from Debian's centreon-plugins.")
    build_deb(workdir, "libpaws-perl", {standins.PAWS_PM_PATH: (standins.PAWS_PM, 0o644)}, depends="perl-base",
              description="Paws stand-in.")


def pack_debs(workdir):
    """The pack package stand-in (Monitoring Connectors repository)."""
    build_deb(workdir, "centreon-pack-cloud-aws-ses", {standins.PACK_JSON_PATH: (standins.PACK_JSON, 0o644)},
              description="Pack stand-in.")


class GpgKey:
    """A throwaway signing key in its own GNUPGHOME; close() stops its agent."""

    def __init__(self, home):
        self.home = home
        os.makedirs(home, mode=0o700, exist_ok=True)
        self.env = dict(os.environ, GNUPGHOME=home)
        self._gpg("--quick-gen-key", "sesmon.ses role tests <tests@invalid>", "ed25519", "sign", "never")

    def _gpg(self, *args, **kwargs):
        return subprocess.run(["gpg", "--batch", "--quiet", "--pinentry-mode", "loopback", "--passphrase", "", *args],
                              check=True, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)

    def export(self, path):
        """Write the armored public key to PATH."""
        _write(path, self._gpg("--armor", "--export").stdout.decode())

    def sign(self, release):
        """Write InRelease and Release.gpg next to RELEASE."""
        base = os.path.dirname(release)
        self._gpg("--yes", "--clearsign", "--digest-algo", "SHA256", "-o", os.path.join(base, "InRelease"), release)
        self._gpg("--yes", "--armor", "--detach-sign", "--digest-algo", "SHA256", "-o", os.path.join(base, "Release.gpg"), release)

    def close(self):
        """Stop gpg-agent and friends started for this GNUPGHOME."""
        subprocess.run(["gpgconf", "--kill", "all"], env=self.env, check=False)


def build_apt_repo(root, key, codenames=("bookworm", "bullseye")):
    """The plugin repository under ROOT and the connectors repository under ROOT/connectors, signed with KEY (ROOT/key.asc)."""
    standin_debs(root)
    _index(root, key, codenames)
    pack_debs(os.path.join(root, "connectors"))
    _index(os.path.join(root, "connectors"), key, codenames)
    key.export(os.path.join(root, "key.asc"))


def _index(root, key, codenames):
    """dists/<codename>/main/binary-{all,amd64} of the packages in ROOT/pool, signed with KEY."""
    packages = subprocess.run(["apt-ftparchive", "packages", "pool"], cwd=root, check=True, stdout=subprocess.PIPE, text=True).stdout
    for codename in codenames:
        dist = os.path.join(root, "dists", codename)
        for arch in ("all", "amd64"):
            _write(os.path.join(dist, "main", f"binary-{arch}", "Packages"), packages)
            subprocess.run(["gzip", "-kf9", os.path.join(dist, "main", f"binary-{arch}", "Packages")], check=True)
        release = subprocess.run(
            ["apt-ftparchive", "-o", "APT::FTPArchive::Release::Origin=sesmon-tests", "-o", f"APT::FTPArchive::Release::Suite={codename}",
             "-o", f"APT::FTPArchive::Release::Codename={codename}", "-o", "APT::FTPArchive::Release::Architectures=all amd64",
             "-o", "APT::FTPArchive::Release::Components=main", "release", "."],
            cwd=dist, check=True, stdout=subprocess.PIPE, text=True).stdout
        _write(os.path.join(dist, "Release"), release)
        key.sign(os.path.join(dist, "Release"))


class HttpServer:  # pylint: disable=too-few-public-methods
    """`python -m http.server` on 127.0.0.1 serving DIRECTORY, run with the real interpreter (sys.executable)."""

    def __init__(self, directory):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        executable = os.path.realpath(sys.executable)
        self.process = subprocess.Popen(  # pylint: disable=consider-using-with
            [executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory, str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.close()
                    raise RuntimeError("the loopback HTTP server did not start") from None
                time.sleep(0.1)

    def close(self):
        """Stop the server by its PID."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
