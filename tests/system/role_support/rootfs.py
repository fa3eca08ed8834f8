# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Debian root filesystems made with debootstrap, cached as tarballs between runs."""
from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import tempfile

CACHE_DIR = os.environ.get("SESMON_TEST_CACHE", "/var/tmp/sesmon-ses-test-cache")
# Bump to rebuild every cached root filesystem.
CACHE_VERSION = "1"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
SNAPSHOT_EXCLUDES = ("root/.ansible", "tmp", "var/tmp", "proc", "dev")


def debian_mirror():
    """The Debian mirror the host uses (first URIs of /etc/apt/sources.list.d/debian.sources)."""
    if os.environ.get("SESMON_DEBIAN_MIRROR"):
        return os.environ["SESMON_DEBIAN_MIRROR"]
    for path in ("/etc/apt/sources.list.d/debian.sources", "/etc/apt/sources.list"):
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except OSError:
            continue
        for match in re.finditer(r"^(?:URIs:\s*|deb\s+(?:\[[^\]]*\]\s+)?)(\S+)", text, re.M):
            url = match.group(1).rstrip("/")
            if "security" not in url:
                return url
    return DEFAULT_MIRROR


def _cache_tarball(suite, include, mirror):
    key = hashlib.sha256(f"{suite}|{include}|{mirror}|{CACHE_VERSION}".encode()).hexdigest()[:12]
    return os.path.join(CACHE_DIR, f"debian-{suite}-minbase-v{CACHE_VERSION}-{key}.tar")


def cached_tarball(suite, include="python3"):
    """Path of a tarball of `debootstrap --variant=minbase --include=INCLUDE SUITE`, built once and cached."""
    mirror = debian_mirror()
    tarball = _cache_tarball(suite, include, mirror)
    os.makedirs(CACHE_DIR, exist_ok=True)
    with open(tarball + ".lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(tarball):
            build = tempfile.mkdtemp(prefix=f"debootstrap-{suite}-", dir=CACHE_DIR)
            os.chmod(build, 0o755)
            try:
                subprocess.run(["debootstrap", "--variant=minbase", f"--include={include}", suite, build, mirror],
                               check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                subprocess.run(["tar", "-C", build, "--numeric-owner", "-cf", tarball + ".part", "."], check=True)
                os.replace(tarball + ".part", tarball)
            finally:
                shutil.rmtree(build, ignore_errors=True)
    return tarball


def unpack(suite, dest, include="python3"):
    """Unpack a fresh root filesystem of SUITE into DEST (created); returns DEST."""
    tarball = cached_tarball(suite, include)
    os.makedirs(dest, exist_ok=True)
    subprocess.run(["tar", "-C", dest, "--numeric-owner", "-xpf", tarball], check=True)
    os.chmod(dest, 0o755)
    shutil.copyfile("/etc/resolv.conf", os.path.join(dest, "etc/resolv.conf"), follow_symlinks=True)
    return dest


def _archives_cache(suite):
    return os.path.join(CACHE_DIR, f"apt-archives-{suite}-v{CACHE_VERSION}")


def seed_apt_archives(root, suite):
    """Copy the .debs kept from earlier runs into ROOT's apt cache: apt reuses them (same hashes) instead of downloading."""
    cache = _archives_cache(suite)
    target = os.path.join(root, "var/cache/apt/archives")
    if os.path.isdir(cache):
        os.makedirs(target, exist_ok=True)
        for name in os.listdir(cache):
            if name.endswith(".deb"):
                shutil.copy2(os.path.join(cache, name), target)


def keep_apt_archives(root, suite):
    """Keep the .debs apt downloaded into ROOT (from the Debian mirror) for the next runs."""
    source = os.path.join(root, "var/cache/apt/archives")
    if not os.path.isdir(source):
        return
    cache = _archives_cache(suite)
    os.makedirs(cache, exist_ok=True)
    for name in os.listdir(source):
        standin = name.startswith(("centreon-plugin-", "centreon-pack-", "libpaws-perl_"))  # built per run: not cached
        if name.endswith(".deb") and not standin and not os.path.exists(os.path.join(cache, name)):
            shutil.copy2(os.path.join(source, name), cache + "/." + name)
            os.replace(cache + "/." + name, os.path.join(cache, name))


def chroot(root, *argv, check=True, **kwargs):
    """Run a command inside ROOT with chroot(8)."""
    return subprocess.run(["chroot", root, *argv], check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kwargs)


def snapshot(root):
    """{relative path: (mode, size, mtime_ns, link target)} for every entry under ROOT but scratch places."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = [d for d in dirnames if os.path.normpath(os.path.join(rel_dir, d)) not in SNAPSHOT_EXCLUDES]
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            link = os.readlink(path) if os.path.islink(path) else None
            mtime = None if os.path.isdir(path) and not link else info.st_mtime_ns
            result[os.path.normpath(os.path.join(rel_dir, name))] = (info.st_mode, info.st_size if mtime else 0, mtime, link)
    return result


def add_user(root, name):
    """Create a system user in ROOT (what centreon-engine's package does on a real poller)."""
    chroot(root, "useradd", "--system", "--create-home", "--home-dir", f"/var/lib/{name}", "--shell", "/bin/bash", name)


# os-release fields and release files per EL distribution (what Ansible's distribution facts read).
EL_LABELS = {
    "almalinux": ('NAME="AlmaLinux"\nVERSION="9.4 (Seafoam Ocelot)"\nID="almalinux"\nID_LIKE="rhel centos fedora"\n',
                  {"etc/redhat-release": "AlmaLinux release 9.4 (Seafoam Ocelot)\n"}),
    "rhel": ('NAME="Red Hat Enterprise Linux"\nVERSION="9.4 (Plow)"\nID="rhel"\nID_LIKE="fedora"\n',
             {"etc/redhat-release": "Red Hat Enterprise Linux release 9.4 (Plow)\n"}),
    "ol": ('NAME="Oracle Linux Server"\nVERSION="9.4"\nID="ol"\nID_LIKE="fedora"\n',
           {"etc/oracle-release": "Oracle Linux Server release 9.4\n", "etc/redhat-release": "Red Hat Enterprise Linux release 9.4 (Plow)\n"}),
}


def relabel_as_el9(root, variant="almalinux"):
    """Make a Debian root filesystem look like EL 9.4 (AlmaLinux, RHEL or Oracle Linux) to Ansible's fact gathering."""
    for name in ("etc/os-release", "usr/lib/os-release"):
        if os.path.lexists(os.path.join(root, name)):
            os.unlink(os.path.join(root, name))
    os_release, release_files = EL_LABELS[variant]
    with open(os.path.join(root, "etc/os-release"), "w", encoding="utf-8") as handle:
        handle.write(os_release + 'VERSION_ID="9.4"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="%s 9.4 (relabelled Debian chroot)"\n' % variant)
    for name, text in release_files.items():
        with open(os.path.join(root, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    os.makedirs(os.path.join(root, "etc/yum.repos.d"), exist_ok=True)
    os.makedirs(os.path.join(root, "etc/dnf/vars"), exist_ok=True)
    with open(os.path.join(root, "etc/dnf/vars/releasever"), "w", encoding="utf-8") as handle:
        handle.write("9\n")
    for name in ("etc/debian_version", "etc/lsb-release"):
        path = os.path.join(root, name)
        if os.path.exists(path):
            os.replace(path, path + ".moved-aside")
