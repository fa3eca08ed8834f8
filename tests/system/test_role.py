# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""System tests of the role sesmon.ses.centreon_ses_pack.

The role is applied with ansible-playbook over community.general.chroot to real
Debian 12 and Debian 11 root filesystems (debootstrap minbase, cached as tarballs
under /var/tmp/sesmon-ses-test-cache). Centreon's repositories are not reachable,
so the packages come from a signed loopback apt repository of stand-ins that carry
Centreon's exact package names, and the central's CLAPI is a stand-in that keeps
its objects in a JSON file. Debian's own packages (libdatetime-perl, python3-apt)
come from the Debian mirror. Needs root, debootstrap, dpkg-dev, apt-utils, gnupg
(see role_support/apt-packages.txt).
"""
from __future__ import annotations

import os
import shutil

import pytest

from role_support import debrepo, playbook, rootfs, rpmrepo, standins

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="needs root (debootstrap, chroot)"),
    pytest.mark.skipif(not shutil.which("debootstrap") or not shutil.which("apt-ftparchive"),
                       reason="needs debootstrap and apt-utils (role_support/apt-packages.txt)"),
]

SECRET_KEY = "SeCrEt/Key+$x'\" &|*"
ACCESS_KEY = "AKIASESMONTESTACCESS"
CLAPI_PASSWORD = "ClApI-PaSs w0rd$'\"!"
SECRETS = (SECRET_KEY, ACCESS_KEY, CLAPI_PASSWORD, "SeCrEt", "ClApI-PaSs")
ENGINE_USER = "centreon-engine"
DEBIAN_PACKAGES = ("centreon-plugin-cloud-aws-ses-api", "centreon-pack-cloud-aws-ses", "libpaws-perl", "libdatetime-perl")
SUITES = {"bookworm": "12", "bullseye": "11"}
EL_INCLUDE = "python3,dnf,python3-dnf,rpm,libdatetime-perl"
HAVE_RPM_TOOLS = bool(shutil.which("rpmbuild") and shutil.which("createrepo_c"))


@pytest.fixture(autouse=True)
def _remove_function_rootfs(tmp_path):
    """Root filesystems are large: remove the per-test ones (tmp_path/root) after each test."""
    yield
    shutil.rmtree(tmp_path / "root", ignore_errors=True)


@pytest.fixture(scope="session", name="apt_repo")
def fixture_apt_repo(tmp_path_factory):
    """Signed loopback apt repository of stand-ins, served on 127.0.0.1; yields its URL."""
    work = tmp_path_factory.mktemp("apt-repo")
    key = debrepo.GpgKey(str(work / "gnupg"))
    try:
        debrepo.build_apt_repo(str(work / "repo"), key)
    finally:
        key.close()
    if HAVE_RPM_TOOLS:
        rpmrepo.build_rpm_repo(str(work / "repo" / "el"), str(work / "repo" / "key.asc"))
    server = debrepo.HttpServer(str(work / "repo"))
    try:
        if HAVE_RPM_TOOLS:
            with open(work / "repo" / "el" / "centreon-24.04.repo", "w", encoding="utf-8") as handle:
                handle.write(rpmrepo.repo_file(server.url + "/el"))
        yield server.url
    finally:
        server.close()


def role_vars(repo_url, **overrides):
    """Host vars for a central server with one SES host, repository URLs pointing at the loopback repo."""
    result = {
        "centreon_ses_pack_apt_repo_url": repo_url + "/",
        "centreon_ses_pack_apt_key_url": repo_url + "/key.asc",
        "centreon_ses_pack_custom_mode": "paws",
        "centreon_ses_pack_central": True,
        "centreon_ses_pack_configure_central": True,
        "centreon_ses_pack_clapi_password": CLAPI_PASSWORD,
        "centreon_ses_pack_hosts": [{
            "name": "aws-ses", "alias": "AWS SES", "poller": "Poller-2", "region": "eu-west-1",
            "access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "custom_mode": "awscli",
            "proxy_url": "http://proxy.invalid:3128", "extra_options": "--verbose",
            "warning_emails_rejected": 0.05, "critical_emails_rejected": "0.1", "dimension": "ses-config-set",
        }],
    }
    result.update(overrides)
    return result


def prepare_central(root):
    """What a Centreon central already has before the role: the engine user and CLAPI (stand-in)."""
    rootfs.add_user(root, ENGINE_USER)
    standins.install_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"))


def assert_no_secret(output):
    """No secret value, nor a recognisable part of one, appears in OUTPUT."""
    leaked = [secret for secret in SECRETS if secret in output]
    assert not leaked, f"secret values leaked into the ansible-playbook output: {len(leaked)} found"


def writes(calls):
    """CLAPI calls that change something."""
    return [call for call in calls if call["action"] not in ("SHOW", "GETMACRO")]


class Converged:  # pylint: disable=too-few-public-methods,too-many-instance-attributes
    """A root filesystem the role was applied to twice (-v, then -vvv)."""

    def __init__(self, suite, root, work, repo_url):
        self.suite, self.root, self.work, self.repo_url = suite, root, work, repo_url
        self.first = playbook.run_role(work, {root: role_vars(repo_url)}, verbosity=1)
        self.calls_after_first = standins.clapi_calls(root)
        self.second = playbook.run_role(work, {root: role_vars(repo_url)}, verbosity=3)
        self.calls_after_second = standins.clapi_calls(root)


@pytest.fixture(scope="module", params=sorted(SUITES), name="converged")
def fixture_converged(request, tmp_path_factory, apt_repo):
    """Debian 12 / Debian 11 central server converged by the role (one rootfs per suite)."""
    work = tmp_path_factory.mktemp(f"converge-{request.param}")
    root = rootfs.unpack(request.param, str(work / "root"))
    prepare_central(root)
    yield Converged(request.param, root, str(work / "ansible"), apt_repo)
    shutil.rmtree(root, ignore_errors=True)


def test_converge_installs_from_signed_repo(converged):
    """Debian 12/11: the first run succeeds, installs every package, with a signed-by source and no apt-key."""
    assert converged.first.rc == 0, converged.first.output[-4000:]
    assert converged.first.totals("changed") > 0
    for package in DEBIAN_PACKAGES:
        status = rootfs.chroot(converged.root, "dpkg-query", "-W", "-f=${Status} ${Version}", package, check=False)
        assert status.stdout.startswith("install ok installed"), (package, status.stdout)
    status = rootfs.chroot(converged.root, "dpkg-query", "-W", "-f=${Version}", "centreon-plugin-cloud-aws-ses-api").stdout
    assert "standin" in status
    with open(converged.root + "/etc/apt/sources.list.d/centreon-plugins.list", encoding="utf-8") as handle:
        source = handle.read()
    assert f"deb [signed-by=/etc/apt/keyrings/centreon-plugins.asc] {converged.repo_url}/ {converged.suite} main" in source
    assert os.path.exists(converged.root + "/etc/apt/keyrings/centreon-plugins.asc")
    assert not os.path.exists(converged.root + "/etc/apt/trusted.gpg")
    assert not [name for name in os.listdir(converged.root + "/etc/apt/trusted.gpg.d") if "centreon" in name]


def test_smoke_check_ran_plugin_as_engine_user(converged):
    """The smoke check ran the installed plugin as centreon-engine without reporting a change."""
    output = converged.first.output
    assert "TASK [sesmon.ses.centreon_ses_pack : Run the plugin as the engine user (--list-mode)]" in output
    task = output.split("Run the plugin as the engine user (--list-mode)]", 1)[1].split("TASK [", 1)[0]
    assert task.lstrip("*\n ").startswith("ok:"), task[:500]
    assert "STAND-IN of centreon_aws_ses_api.pl" in task
    run = rootfs.chroot(converged.root, "runuser", "-u", ENGINE_USER, "--", standins.PLUGIN_PATH, "--plugin=cloud::aws::ses::plugin",
                        "--list-mode")
    assert "emails" in run.stdout


def test_second_run_is_idempotent(converged):
    """A second run reports changed=0 and makes only read calls to CLAPI."""
    assert converged.second.rc == 0, converged.second.output[-4000:]
    assert converged.second.totals("changed") == 0, converged.second.output[-3000:]
    new_calls = converged.calls_after_second[len(converged.calls_after_first):]
    assert new_calls, "the second run did not read the central configuration"
    assert not writes(new_calls), writes(new_calls)


def test_central_host_created_with_macros(converged):
    """CLAPI got the host from the template, the macros (password ones flagged), applytpl, and APPLYCFG for the poller."""
    state = standins.clapi_state(converged.root)
    host = state["hosts"]["aws-ses"]
    assert (host["template"], host["poller"], host["alias"], host["address"]) == ("Cloud-Aws-Ses-custom", "Poller-2", "AWS SES", "127.0.0.1")
    macros = {name: (macro["value"], macro["is_password"]) for name, macro in host["macros"].items()}
    assert macros == {
        "AWSREGION": ("eu-west-1", "0"), "AWSCUSTOMMODE": ("awscli", "0"), "AWSACCESSKEY": (ACCESS_KEY, "1"),
        "AWSSECRETKEY": (SECRET_KEY, "1"), "PROXYURL": ("http://proxy.invalid:3128", "0"), "EXTRAOPTIONS": ("--verbose", "0"),
    }
    service = host["services"]["Emails"]
    assert service["template"] == "Cloud-Aws-Ses-Emails-Api-custom"
    assert {name: macro["value"] for name, macro in service["macros"].items()} == {
        "TIMEFRAME": "3600", "PERIOD": "60", "DIMENSION": "ses-config-set", "WARNINGEMAILSREJECTED": "0.05", "CRITICALEMAILSREJECTED": "0.1",
    }
    actions = [(call["object"], call["action"]) for call in writes(converged.calls_after_first)]
    assert actions[:2] == [("HOST", "ADD"), ("HOST", "APPLYTPL")]
    assert actions[-1] == ("", "APPLYCFG") and state["applied"] == ["Poller-2"]
    state_file = converged.root + "/var/lib/sesmon-centreon-ses-pack/aws-ses.json"
    assert oct(os.stat(state_file).st_mode & 0o777) == "0o600"
    with open(state_file, encoding="utf-8") as handle:
        assert SECRET_KEY not in handle.read()


def test_secrets_never_in_output(converged):
    """Neither the secret key, the access key nor the CLAPI password appear at -v (first run) or -vvv (second run)."""
    assert "use the paws custom mode with a proxy URL" not in converged.first.output  # awscli host: no Paws warning
    assert "no_log: true" in converged.first.output
    assert_no_secret(converged.first.output)
    assert_no_secret(converged.second.output)


def test_changed_threshold_and_masked_passwords(converged):
    """Only a changed macro is written (then APPLYCFG again); with CLAPI masking password macros the checksum file keeps a rerun at changed=0."""
    if converged.suite != "bookworm":
        pytest.skip("exercised once, on Debian 12")
    root, work = converged.root, converged.work
    hosts = role_vars(converged.repo_url)["centreon_ses_pack_hosts"]
    hosts[0]["warning_emails_rejected"] = "0.07"
    before = len(standins.clapi_calls(root))
    run = playbook.run_role(work, {root: role_vars(converged.repo_url, centreon_ses_pack_hosts=hosts)})
    assert run.rc == 0, run.output[-3000:]
    assert run.totals("changed") == 2  # one service setmacro + the APPLYCFG handler
    assert [(c["object"], c["action"]) for c in writes(standins.clapi_calls(root)[before:])] == [("SERVICE", "SETMACRO"), ("", "APPLYCFG")]
    assert standins.clapi_state(root)["hosts"]["aws-ses"]["services"]["Emails"]["macros"]["WARNINGEMAILSREJECTED"]["value"] == "0.07"

    # CLAPI starts masking: what it shows changed, so the role sets the password macros once more and
    # records the masked view; from then on the checksum file keeps reruns at changed=0.
    standins.configure_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"), mask_passwords=True)
    run = playbook.run_role(work, {root: role_vars(converged.repo_url, centreon_ses_pack_hosts=hosts)})
    assert run.rc == 0, run.output[-3000:]
    run = playbook.run_role(work, {root: role_vars(converged.repo_url, centreon_ses_pack_hosts=hosts)})
    assert run.rc == 0 and run.totals("changed") == 0, run.output[-3000:]

    hosts[0]["secret_key"] = SECRET_KEY + "-rotated"
    before = len(standins.clapi_calls(root))
    run = playbook.run_role(work, {root: role_vars(converged.repo_url, centreon_ses_pack_hosts=hosts)})
    assert run.rc == 0, run.output[-3000:]
    assert [(c["action"], c["target"]) for c in writes(standins.clapi_calls(root)[before:])] == [("SETMACRO", "aws-ses"), ("APPLYCFG", "Poller-2")]
    assert standins.clapi_state(root)["hosts"]["aws-ses"]["macros"]["AWSSECRETKEY"]["value"] == SECRET_KEY + "-rotated"
    assert_no_secret(run.output)
    run = playbook.run_role(work, {root: role_vars(converged.repo_url, centreon_ses_pack_hosts=hosts)})
    assert run.rc == 0 and run.totals("changed") == 0, run.output[-3000:]


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_check_mode_changes_nothing(suite, tmp_path, apt_repo):
    """Debian 12/11: --check on a fresh rootfs succeeds, reports changes, and leaves every file and CLAPI's objects as they were."""
    root = rootfs.unpack(suite, str(tmp_path / "root"))
    prepare_central(root)
    before = rootfs.snapshot(root)
    run = playbook.run_role(str(tmp_path / "ansible"), {root: role_vars(apt_repo)}, check=True)
    assert run.rc == 0, run.output[-4000:]
    assert run.totals("changed") > 0
    after = rootfs.snapshot(root)
    calls_file = standins.CLAPI_DIR.lstrip("/") + "/calls.jsonl"
    diff = sorted(path for path in set(before) | set(after) if before.get(path) != after.get(path) and path != calls_file)
    assert not diff, diff[:20]
    assert standins.clapi_state(root) == {}
    calls = standins.clapi_calls(root)
    assert calls and not writes(calls)
    assert_no_secret(run.output)


@pytest.fixture(scope="module", name="pristine")
def fixture_pristine(tmp_path_factory):
    """A fresh Debian 12 rootfs prepared as a central, for the runs that must fail before any change."""
    work = tmp_path_factory.mktemp("bad-input")
    root = rootfs.unpack("bookworm", str(work / "root"))
    prepare_central(root)
    yield root, str(work / "ansible")
    shutil.rmtree(root, ignore_errors=True)


def _bad_host(**changes):
    host = {"name": "aws-ses", "region": "eu-west-1", "access_key": ACCESS_KEY, "secret_key": SECRET_KEY}
    host.update(changes)
    return [{key: value for key, value in host.items() if value is not None}]


BAD_INPUT = {
    "no-hosts": ({"centreon_ses_pack_hosts": []}, "centreon_ses_pack_hosts is empty or missing"),
    "missing-region": ({"centreon_ses_pack_hosts": _bad_host(region=None)}, "region"),
    "semicolon-in-secret": ({"centreon_ses_pack_hosts": _bad_host(secret_key="SeCrEt;Key")}, "may contain ';'"),
    "semicolon-in-threshold": ({"centreon_ses_pack_hosts": _bad_host(warning_emails_sent="1;2")}, "Invalid host entries: aws-ses"),
    "no-clapi-password": ({"centreon_ses_pack_clapi_password": ""}, "centreon_ses_pack_clapi_password is required"),
    "unknown-release": ({"centreon_ses_pack_release": "23.10"}, "centreon_ses_pack_release"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_fails_before_any_change(case, pristine, apt_repo):
    """Bad input makes the role fail with a clear message before it changes anything."""
    root, work = pristine
    overrides, message = BAD_INPUT[case]
    before = rootfs.snapshot(root)
    run = playbook.run_role(work, {root: role_vars(apt_repo, **overrides)})
    assert run.rc != 0
    assert message in run.output, run.output[-3000:]
    assert run.totals("changed") == 0
    assert rootfs.snapshot(root) == before
    assert_no_secret(run.output)


@pytest.fixture(scope="module", name="relabelled")
def fixture_relabelled(tmp_path_factory):
    """A fresh Debian 12 rootfs whose os-release can be rewritten to pose as other systems."""
    work = tmp_path_factory.mktemp("relabelled")
    root = rootfs.unpack("bookworm", str(work / "root"))
    yield root, str(work / "ansible")
    shutil.rmtree(root, ignore_errors=True)


def _pose_as(root, os_release, debian_version):
    for name in ("etc/os-release", "usr/lib/os-release"):
        if os.path.lexists(os.path.join(root, name)):
            os.unlink(os.path.join(root, name))
    with open(os.path.join(root, "etc/os-release"), "w", encoding="utf-8") as handle:
        handle.write(os_release)
    with open(os.path.join(root, "etc/debian_version"), "w", encoding="utf-8") as handle:
        handle.write(debian_version)


def test_unsupported_os_fails_before_any_change(relabelled, apt_repo):
    """A Debian-family system that is not Debian 11/12 (Ubuntu 22.04 here) is refused before any change."""
    root, work = relabelled
    _pose_as(root, 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\nVERSION_CODENAME=jammy\n'
             'PRETTY_NAME="Ubuntu 22.04 LTS"\n', "bookworm/sid\n")
    before = rootfs.snapshot(root)
    run = playbook.run_role(work, {root: role_vars(apt_repo)})
    assert run.rc != 0
    assert "supports EL 8/9 and Debian 11/12 only" in run.output, run.output[-3000:]
    assert run.totals("changed") == 0 and rootfs.snapshot(root) == before


def test_unsupported_release_combination_fails(relabelled, apt_repo):
    """Centreon 24.10 on Debian 11 is refused before any change (24.10 supports Debian 12 only)."""
    root, work = relabelled
    _pose_as(root, 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nNAME="Debian GNU/Linux"\nVERSION_ID="11"\nVERSION="11 (bullseye)"\n'
             'VERSION_CODENAME=bullseye\nID=debian\n', "11.11\n")
    before = rootfs.snapshot(root)
    run = playbook.run_role(work, {root: role_vars(apt_repo, centreon_ses_pack_release="24.10")})
    assert run.rc != 0
    assert "Centreon 24.10 is not supported on Debian 11" in run.output, run.output[-3000:]
    assert run.totals("changed") == 0 and rootfs.snapshot(root) == before


EL_PACKAGES = ("centreon-plugin-Cloud-Aws-Ses-Api", "centreon-pack-cloud-aws-ses", "perl-Paws", "perl-DateTime")


@pytest.mark.skipif(not HAVE_RPM_TOOLS, reason="needs rpmbuild and createrepo_c (role_support/apt-packages.txt)")
def test_el9_branch_in_relabelled_debian_chroot(tmp_path, apt_repo):
    """EL branch exercised in a relabelled Debian chroot with Debian's dnf, not a real EL userland.

    The chroot says AlmaLinux 9 in os-release (so Ansible reports os_family RedHat, pkg_mgr dnf); the role imports
    the key with rpm, downloads the .repo and installs the stand-in rpms with the dnf module, then configures CLAPI.
    EPEL and crb are switched off (not reachable here).
    """
    root = rootfs.unpack("bookworm", str(tmp_path / "root"), include=EL_INCLUDE)
    rootfs.relabel_as_el9(root)
    prepare_central(root)
    host_vars = role_vars(apt_repo, centreon_ses_pack_rpm_repo_url=apt_repo + "/el/centreon-24.04.repo",
                          centreon_ses_pack_rpm_gpg_key_url=apt_repo + "/key.asc", centreon_ses_pack_manage_epel=False,
                          centreon_ses_pack_manage_crb=False)
    work = str(tmp_path / "ansible")
    first = playbook.run_role(work, {root: host_vars})
    assert first.rc == 0, first.output[-4000:]
    assert "TASK [sesmon.ses.centreon_ses_pack : Install packages with the dnf module]" in first.output
    for package in EL_PACKAGES:
        assert rootfs.chroot(root, "rpm", "-q", package, check=False).returncode == 0, package
    assert os.path.exists(root + "/etc/yum.repos.d/centreon-24.04.repo")
    assert "STAND-IN" in rootfs.chroot(root, "runuser", "-u", ENGINE_USER, "--", standins.PLUGIN_PATH, "--list-mode").stdout
    assert standins.clapi_state(root)["hosts"]["aws-ses"]["macros"]["AWSSECRETKEY"]["value"] == SECRET_KEY
    second = playbook.run_role(work, {root: host_vars})
    assert second.rc == 0 and second.totals("changed") == 0, second.output[-4000:]
    assert_no_secret(first.output + second.output)
