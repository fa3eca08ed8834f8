# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A loopback dnf repository of stand-in rpms with Centreon's EL package names (rpmbuild + createrepo_c)."""
from __future__ import annotations

import os
import subprocess

from . import standins

VERSION = "24.04.0"
RELEASE = "standin1"


def build_rpm(workdir, name, files, provides=(), description="stand-in", requires=()):  # pylint: disable=too-many-locals
    """rpmbuild a noarch package NAME holding FILES {absolute path: (text, mode)} into WORKDIR/rpms."""
    top = os.path.join(workdir, "rpmbuild")
    sources = os.path.join(top, "SOURCES", name)
    install_lines = []
    file_lines = []
    for index, (path, (text, mode)) in enumerate(sorted(files.items())):
        source = os.path.join(sources, f"file{index}")
        os.makedirs(os.path.dirname(source), exist_ok=True)
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(text)
        install_lines.append(f"install -D -m {mode:o} {source} %{{buildroot}}{path}")
        file_lines.append(path)
    spec = "\n".join([
        f"Name: {name}", f"Version: {VERSION}", f"Release: {RELEASE}", "Summary: STAND-IN for sesmon.ses role tests",
        "License: GPL-3.0-or-later", "BuildArch: noarch", "AutoReqProv: no",
        *[f"Provides: {item}" for item in provides],
        *[f"Requires: {item}" for item in requires],
        "%description", description, "%install", *install_lines, "%files", *file_lines, "",
    ])
    spec_path = os.path.join(top, "SPECS", f"{name}.spec")
    os.makedirs(os.path.dirname(spec_path), exist_ok=True)
    with open(spec_path, "w", encoding="utf-8") as handle:
        handle.write(spec)
    subprocess.run(["rpmbuild", "--define", f"_topdir {top}", "--define", f"_rpmdir {os.path.join(workdir, 'rpms')}",
                    "--define", "_build_id_links none", "-bb", spec_path],
                   check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def build_rpm_repo(root, key_source):
    """Stand-in rpms under ROOT/rpms, repodata by createrepo_c, and ROOT/key.asc (copied from KEY_SOURCE)."""
    # Centreon's rpm.json: the plugin requires perl(DateTime) and perl(Paws). The program runs Debian's real plugin code.
    build_rpm(root, "centreon-plugin-Cloud-Aws-Ses-Api", {standins.PLUGIN_PATH: (standins.PLUGIN_SCRIPT, 0o755)},
              requires=("perl(DateTime)", "perl(Paws)"), description="Packaging stand-in around the real plugin code.")
    build_rpm(os.path.join(root, "connectors"), "centreon-pack-cloud-aws-ses", {standins.PACK_JSON_PATH: (standins.PACK_JSON, 0o644)},
              description="Pack stand-in.")
    build_rpm(root, "perl-Paws", {"/usr/share/perl5/vendor_perl/Paws.pm": (standins.PAWS_PM, 0o644)}, provides=("perl(Paws)",),
              description="Paws stand-in.")
    # EL repository helpers, labelled stand-ins: Debian's dnf-plugins-core (in the relabelled chroot) gives the real
    # dnf config-manager; these only satisfy the role's requests in rpm's database.
    for name in ("epel-release", "oracle-epel-release-el9", "dnf-plugins-core"):
        build_rpm(root, name, {"/usr/share/doc/%s-standin/README" % name: ("stand-in\n", 0o644)}, description=name + " stand-in.")
    os.makedirs(os.path.join(root, "crb", "rpms"), exist_ok=True)
    subprocess.run(["createrepo_c", "-q", os.path.join(root, "crb", "rpms")], check=True)
    subprocess.run(["createrepo_c", "-q", os.path.join(root, "connectors", "rpms")], check=True)
    # Debian's libdatetime-perl is in the relabelled chroot; this only satisfies the perl(DateTime) request in rpm's database.
    build_rpm(root, "perl-DateTime", {"/usr/share/doc/perl-DateTime-standin/README": ("stand-in\n", 0o644)},
              provides=("perl(DateTime)",), description="perl(DateTime) stand-in.")
    subprocess.run(["createrepo_c", "-q", os.path.join(root, "rpms")], check=True)
    with open(key_source, encoding="utf-8") as handle:
        key = handle.read()
    with open(os.path.join(root, "key.asc"), "w", encoding="utf-8") as handle:
        handle.write(key)


def crb_repo_file(url):
    """A .repo with the CodeReady Builder / PowerTools / CRB ids of Alma/Rocky, RHEL and Oracle 9, all disabled (an empty repo)."""
    ids = ("crb", "powertools", "ol9_codeready_builder", "codeready-builder-for-rhel-9-x86_64-rpms")
    return "\n".join(f"[{repo_id}]\nname={repo_id} (stand-in)\nbaseurl={url}/crb/rpms/\nenabled=0\ngpgcheck=0\n" for repo_id in ids)


def connectors_repo_file(url):
    """A .repo for the Monitoring Connectors stand-in repository."""
    return f"[centreon-connectors]\nname=Monitoring Connectors (stand-in)\nbaseurl={url}/connectors/rpms/\nenabled=1\ngpgcheck=0\n"


def repo_file(url, release="24.04"):
    """Text of a Centreon-like .repo with the plugins sections pointing at URL (stand-ins are unsigned: gpgcheck=0)."""
    sections = []
    for suffix in ("", "-noarch"):
        sections.append(f"[centreon-plugins-stable{suffix}]\nname=Centreon plugins {release} (stand-in){suffix}\n"
                        f"baseurl={url}/rpms/\nenabled=1\ngpgcheck=0\nrepo_gpgcheck=0\n")
    return "\n".join(sections)
