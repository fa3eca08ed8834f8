# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role's EL branch (AlmaLinux, RHEL, Oracle Linux 9), in RELABELLED DEBIAN CHROOTS, not a real EL userland.

A Debian 12 root filesystem with Debian's rpm, dnf and dnf-plugins-core gets an EL 9.4 os-release and release
file, so Ansible reports os_family RedHat and the distribution; the role's rpm/dnf calls (rpm --import, the dnf
module, dnf repolist, dnf config-manager) then really run, against loopback rpm repositories. Stand-ins, labelled:
the rpms (packaging only: the plugin runs Debian's real plugin code), EPEL's release packages, dnf-plugins-core's
rpm (Debian's package gives the real command), an empty repository behind the disabled CodeReady Builder / CRB ids,
and subscription-manager on RHEL.
"""
from __future__ import annotations

import os
import shutil
import urllib.request

import pytest

from role_support import central, connector_api, playbook, rootfs, standins
from role_support.central import ENGINE_USER, SECRET_KEY, assert_no_secret
from role_support.fixtures import fixture_apt_repo  # noqa: F401  pylint: disable=unused-import

pytestmark = central.NEEDS_ROOT + [
    pytest.mark.skipif(not central.HAVE_RPM_TOOLS, reason="needs rpmbuild and createrepo_c (role_support/apt-packages.txt)")]

EL_PACKAGES = ("centreon-plugin-Cloud-Aws-Ses-Api", "centreon-pack-cloud-aws-ses", "perl-Paws", "perl-DateTime", "epel-release",
               "dnf-plugins-core")

# STAND-IN for RHEL's subscription-manager: records its arguments, and enables the repository as the real one does
# (through the repository definitions it manages; here the disabled section of crb.repo).
SUBSCRIPTION_MANAGER = """#!/bin/sh
# STAND-IN for subscription-manager (sesmon.ses role tests, relabelled Debian chroot)
echo "$@" >> /var/log/subscription-manager-standin.log
[ "$1" = repos ] && [ "$2" = --enable ] && exec dnf -q config-manager --set-enabled "$3"
exit 1
"""


def el_root(tmp_path, variant, apt_repo, name="root"):
    """A relabelled EL 9.4 chroot with the engine user and the distribution's (disabled) CodeReady Builder ids."""
    root = rootfs.unpack("bookworm", str(tmp_path / name), include=central.EL_INCLUDE)
    rootfs.relabel_as_el9(root, variant)
    rootfs.add_user(root, ENGINE_USER)
    with urllib.request.urlopen(apt_repo + "/el/crb.repo", timeout=30) as answer, \
            open(root + "/etc/yum.repos.d/crb.repo", "wb") as handle:
        handle.write(answer.read())
    return root


def el_vars(apt_repo, **overrides):
    """Repository settings for the loopback EL repositories (the plugin repo's .repo and key)."""
    result = {
        "centreon_ses_pack_rpm_repo_url": apt_repo + "/el/centreon.repo",
        "centreon_ses_pack_rpm_gpg_key_url": apt_repo + "/key.asc",
        "centreon_ses_pack_custom_mode": "paws",
    }
    result.update(overrides)
    return result


def enabled(root, repo_id):
    return repo_id in rootfs.chroot(root, "dnf", "-q", "repolist", "--enabled", repo_id, check=False).stdout


def test_almalinux_central(tmp_path, apt_repo):
    """AlmaLinux 9 (relabelled Debian chroot): EPEL (epel-release), crb with dnf config-manager after dnf-plugins-core,
    the plugin, then the pack from the connectors .repo, the real plugin's smoke check, CLAPI and the connector API; rerun idempotent."""
    root = el_root(tmp_path, "almalinux", apt_repo)
    standins.install_clapi(root, "admin", central.CLAPI_PASSWORD, pollers=("Central", "Poller-2"), connector_installed=False)
    api = connector_api.ConnectorApi(root)
    try:
        variables = central.role_vars(apt_repo, api.url, hosts=[central.host_entry(custom_mode="paws")],
                                      centreon_ses_pack_connectors_rpm_repo_url=apt_repo + "/el/connectors.repo",
                                      **el_vars(apt_repo))
        work = str(tmp_path / "ansible")
        first = playbook.run_role(work, {root: variables})
        second = playbook.run_role(work, {root: variables})
    finally:
        api.close()
    assert first.rc == 0, first.output[-5000:]
    assert "Install EPEL epel-release" in first.output
    assert "TASK [sesmon.ses.centreon_ses_pack : Install packages with the dnf module]" in first.output
    for package in EL_PACKAGES:
        assert rootfs.chroot(root, "rpm", "-q", package, check=False).returncode == 0, package
    assert enabled(root, "crb") and not enabled(root, "powertools")
    assert os.path.exists(root + "/etc/yum.repos.d/centreon-connectors.repo")
    assert "Check Amazon Simple Email Service (Amazon SES)." in first.output  # the real plugin answered the smoke check
    host = standins.clapi_state(root)["hosts"]["aws-ses"]
    assert host["macros"]["AWSSECRETKEY"][0] == SECRET_KEY and host["macros"]["AWSCUSTOMMODE"] == ["paws", ""]
    assert second.rc == 0 and second.totals("changed") == 0, second.output[-4000:]
    assert_no_secret(first.output + second.output)
    shutil.rmtree(root, ignore_errors=True)


def test_rhel_and_oracle_repository_steps(tmp_path, apt_repo):
    """RHEL 9: codeready-builder-for-rhel-9-x86_64-rpms through subscription-manager (stand-in); EPEL by name from the loopback repo
    (the role's default, EPEL's release rpm by URL after its key, needs an rpm signed by a key rpm knows: not exercised here).
    Oracle Linux 9: oracle-epel-release-el9 and ol9_codeready_builder with dnf config-manager. Both relabelled Debian chroots."""
    rhel = el_root(tmp_path, "rhel", apt_repo, "rhel")
    oracle = el_root(tmp_path, "ol", apt_repo, "oracle")
    with open(rhel + "/usr/sbin/subscription-manager", "w", encoding="utf-8") as handle:
        handle.write(SUBSCRIPTION_MANAGER)
    os.chmod(rhel + "/usr/sbin/subscription-manager", 0o755)
    run = playbook.run_role(str(tmp_path / "ansible"), {
        rhel: el_vars(apt_repo, centreon_ses_pack_epel_package="epel-release"),
        oracle: el_vars(apt_repo)}, extra_args=("-f", "2"))
    assert run.rc == 0, run.output[-5000:]
    # (one task name for both hosts: the per-distribution EPEL packages are checked with rpm -q below)
    assert "Install EPEL epel-release" in run.output or "Install EPEL oracle-epel-release-el9" in run.output
    with open(rhel + "/var/log/subscription-manager-standin.log", encoding="utf-8") as handle:
        assert handle.read() == "repos --enable codeready-builder-for-rhel-9-%s-rpms\n" % os.uname().machine
    assert enabled(rhel, "codeready-builder-for-rhel-9-%s-rpms" % os.uname().machine) and not enabled(rhel, "crb")
    assert rootfs.chroot(rhel, "rpm", "-q", "dnf-plugins-core", check=False).returncode != 0  # RHEL needs no config-manager
    assert enabled(oracle, "ol9_codeready_builder") and not enabled(oracle, "crb")
    for root, epel in ((rhel, "epel-release"), (oracle, "oracle-epel-release-el9")):
        assert rootfs.chroot(root, "rpm", "-q", epel, "centreon-plugin-Cloud-Aws-Ses-Api", check=False).returncode == 0, root
        assert rootfs.chroot(root, "rpm", "-q", "centreon-pack-cloud-aws-ses", check=False).returncode != 0  # pollers: no pack
    shutil.rmtree(rhel, ignore_errors=True)
    shutil.rmtree(oracle, ignore_errors=True)


def test_el9_before_9_5_has_no_awscli_package(tmp_path, apt_repo):
    """EL 9.4 has no awscli package (AppStream's awscli2 comes with 9.5): the awscli custom mode fails before any change."""
    root = el_root(tmp_path, "almalinux", apt_repo)
    before = rootfs.snapshot(root)
    run = playbook.run_role(str(tmp_path / "ansible"), {root: el_vars(apt_repo, centreon_ses_pack_custom_mode="awscli")})
    assert run.rc != 0 and run.totals("changed") == 0
    assert "has no awscli package (EL 8 has none; EL 9 has awscli2 from 9.5 on)" in run.output, run.output[-3000:]
    assert rootfs.snapshot(root) == before
    shutil.rmtree(root, ignore_errors=True)
