# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""System tests of the role sesmon.ses.centreon_ses_pack on Debian centrals: converge, end to end, idempotence (Debian 12), check mode (12 and 11).

The role is applied with ansible-playbook over community.general.chroot to real Debian root filesystems
(debootstrap minbase, cached under /var/tmp/sesmon-ses-test-cache). What is real and what is a stand-in:
- REAL: Centreon's plugin code (Debian's centreon-plugins, with libdatetime-perl and libjson-xs-perl), Debian's
  awscli, apt and the Debian mirror (the plugin package's Depends are resolved there), moto_server as AWS.
- STAND-IN: the packaging of centreon-plugin-cloud-aws-ses-api (a wrapper running the real plugin), Paws
  (libpaws-perl), the pack package, CLAPI and the connector-install API (role_support/standins.py and
  connector_api.py, each behaviour citing the Centreon source it follows).
Needs root, debootstrap, dpkg-dev, apt-utils, gnupg and the Debian mirror (role_support/apt-packages.txt).
"""
from __future__ import annotations

import os
import shutil

import pytest

from role_support import central, connector_api, playbook, rootfs, standins
from role_support.central import ACCESS_KEY, CLAPI_PASSWORD, ENGINE_USER, SECRET_KEY, assert_no_secret, writes
from role_support.fixtures import fixture_apt_repo  # noqa: F401  pylint: disable=unused-import

pytestmark = central.NEEDS_ROOT

DEBIAN_PACKAGES = ("centreon-plugin-cloud-aws-ses-api", "centreon-pack-cloud-aws-ses", "libpaws-perl", "libdatetime-perl",
                   "centreon-plugins", "libjson-xs-perl", "awscli")

# Debian 11 is only in Centreon 24.04 (past its end of support: the role warns); Debian 12 uses the default, 25.10.
RELEASES = {"bookworm": "25.10", "bullseye": "24.04"}


class Converged:  # pylint: disable=too-few-public-methods,too-many-instance-attributes
    """A central the role was applied to twice (-v, then -vvv), with the connector installed through the API stand-in."""

    def __init__(self, suite, root, work, repo_url, moto_url):
        self.suite, self.root, self.work, self.repo_url = suite, root, work, repo_url
        self.api = connector_api.ConnectorApi(root)
        self.hosts = [central.host_entry(moto_url)]
        self.vars = central.role_vars(repo_url, self.api.url, self.hosts, centreon_ses_pack_verify_check=True,
                                      centreon_ses_pack_release=RELEASES[suite])
        rootfs.seed_apt_archives(root, suite)
        self.first = playbook.run_role(work, {root: self.vars}, verbosity=1)
        rootfs.keep_apt_archives(root, suite)
        self.calls_after_first = standins.clapi_calls(root)
        self.second = playbook.run_role(work, {root: self.vars}, verbosity=3)
        self.calls_after_second = standins.clapi_calls(root)


# Debian 11 has no centreon-plugins package (the real plugin code): converge and end to end on Debian 12 only.
@pytest.fixture(scope="module", params=["bookworm"], name="converged")
def fixture_converged(request, tmp_path_factory, apt_repo, moto_server):
    """Debian 12 central converged by the role, SES data in moto."""
    moto_server.reset()
    central.seed_ses_metrics(moto_server.url)
    work = tmp_path_factory.mktemp(f"converge-{request.param}")
    root = rootfs.unpack(request.param, str(work / "root"))
    central.prepare_central(root)
    converged = Converged(request.param, root, str(work / "ansible"), apt_repo, moto_server.url)
    yield converged
    converged.api.close()
    shutil.rmtree(root, ignore_errors=True)


def test_converge_installs_plugin_and_pack_separately(converged):
    """The plugin from the plugin repository with Debian's real plugin code and awscli; the pack from the connectors repository."""
    assert converged.first.rc == 0, converged.first.output[-5000:]
    for package in DEBIAN_PACKAGES:
        status = rootfs.chroot(converged.root, "dpkg-query", "-W", "-f=${Status}", package, check=False)
        assert status.stdout.startswith("install ok installed"), (package, status.stdout)
    with open(converged.root + "/etc/apt/sources.list.d/centreon-plugins.list", encoding="utf-8") as handle:
        assert f"[signed-by=/etc/apt/keyrings/centreon-plugins.asc] {converged.repo_url}/ {converged.suite} main" in handle.read()
    with open(converged.root + "/etc/apt/sources.list.d/centreon-connectors.list", encoding="utf-8") as handle:
        assert f"{converged.repo_url}/connectors/ {converged.suite} main" in handle.read()
    output = converged.first.output
    # The plugin is installed by its own task, before and apart from the pack.
    assert output.index("Install the plugin and the aws command (apt)") < output.index("Install the pack package (apt)")
    assert not os.path.exists(converged.root + "/etc/apt/trusted.gpg")
    assert ("WARNING: Centreon 24.04 left support in 2026-04" in output) == (converged.suite == "bullseye")


def test_smoke_check_ran_the_real_plugin(converged):
    """The smoke check passes on the real plugin with --opt-exit=ok, which exits 3 on --list-mode without it."""
    output = converged.first.output
    task = output.split("Run the plugin as the engine user (--list-mode --opt-exit=ok)]", 1)[1].split("TASK [", 1)[0]
    assert task.lstrip("*\n ").startswith("ok:"), task[:500]
    assert "Check Amazon Simple Email Service (Amazon SES)." in task  # the real plugin's description
    plain = rootfs.chroot(converged.root, "runuser", "-u", ENGINE_USER, "--", standins.PLUGIN_PATH, "--plugin=cloud::aws::ses::plugin",
                          "--list-mode", check=False)
    assert plain.returncode == 3 and "emails" in plain.stdout
    aws = rootfs.chroot(converged.root, "runuser", "-u", ENGINE_USER, "--", "aws", "--version")
    assert "aws-cli/" in aws.stdout


def test_end_to_end_emails_check_against_moto(converged):
    """After converge the Emails command, run as centreon-engine with the macros CLAPI holds, gives the real plugin's OK line."""
    code, line = central.verify_line(converged.first.output)
    assert code == 0, line
    assert line.startswith("OK: 'monitoring' Statistic 'Average' Metrics "), line
    for text in ("number of sent emails: 10.00", "number of emails successfully delivered: 9.00",
                 "rate of rejected sent emails: 0.02", "rate of sent emails marked as spam: 0.00"):
        assert text in line, line
    assert central.perfdata(line) == {
        "monitoring~average#ses.emails.sent.count": "10;;;;",
        "monitoring~average#ses.emails.delivered.count": "9;;;;",
        "monitoring~average#ses.emails.rejected.rate": "0.02;0:0.05;0:0.1;;",
        "monitoring~average#ses.emails.spam.rate": "0.0005;;;;",
    }
    assert central.verify_line(converged.second.output)[0] == 0


def test_second_run_is_idempotent(converged):
    """A second run reports changed=0 and makes only read calls to CLAPI; the connector is not installed again."""
    assert converged.second.rc == 0, converged.second.output[-4000:]
    assert converged.second.totals("changed") == 0, converged.second.output[-3000:]
    new_calls = converged.calls_after_second[len(converged.calls_after_first):]
    assert new_calls and not writes(new_calls), writes(new_calls)
    installs = [request for request in converged.api.requests if request["action"] == "installupdate"]
    assert len(installs) == 1 and installs[0]["pluginpack"] == [{"slug": "cloud-aws-ses", "version": central.CONNECTOR_VERSION,
                                                                 "action": "install"}]


def test_central_host_with_only_the_macros_that_differ(converged):
    """Host from the template on its poller; inherited macros equal to the wanted value are not written; secrets off argv."""
    state = standins.clapi_state(converged.root)
    host = state["hosts"]["aws-ses"]
    assert (host["template"], host["poller"], host["alias"], host["address"]) == ("Cloud-Aws-Ses-custom", "Poller-2", "AWS SES", "127.0.0.1")
    # AWSCUSTOMMODE awscli, AWSASSUMEROLE and PROXYURL "" are inherited from Cloud-Aws-Ses-custom as wanted.
    assert host["macros"] == {
        "AWSREGION": ["eu-west-1", ""], "AWSACCESSKEY": [ACCESS_KEY, "1"], "AWSSECRETKEY": [SECRET_KEY, "1"],
        "EXTRAOPTIONS": [converged.hosts[0]["extra_options"], ""],
    }
    service = host["services"]["Emails"]
    assert service["template"] == "Cloud-Aws-Ses-Emails-Api-custom"
    # TIMEFRAME 3600 and PERIOD 60 are the service template's own values.
    assert service["macros"] == {"DIMENSION": ["ses:configuration-set=monitoring", ""], "WARNINGEMAILSREJECTED": ["0.05", ""],
                                 "CRITICALEMAILSREJECTED": ["0.1", ""]}
    calls = writes(converged.calls_after_first)
    assert [(c["object"], c["action"]) for c in calls[:2]] == [("HOST", "ADD"), ("HOST", "APPLYTPL")]
    assert calls[-1]["action"] == "APPLYCFG" and state["applied"] == ["Poller-2"]
    secret_writes = [c for c in calls if c.get("macro") in ("AWSACCESSKEY", "AWSSECRETKEY")]
    assert len(secret_writes) == 2 and all(c["via"] == "import" for c in secret_writes), secret_writes
    assert not os.path.exists(converged.root + "/var/lib/sesmon-centreon-ses-pack/aws-ses.clapi")
    state_file = converged.root + "/var/lib/sesmon-centreon-ses-pack/aws-ses.json"
    assert oct(os.stat(state_file).st_mode & 0o777) == "0o600"
    with open(state_file, encoding="utf-8") as handle:
        assert SECRET_KEY not in handle.read()


def test_secrets_never_in_output(converged):
    """Neither the secret key, the access key nor the CLAPI password appear at -v (first run) or -vvv (second run)."""
    assert "no_log: true" in converged.first.output
    assert_no_secret(converged.first.output)
    assert_no_secret(converged.second.output)


def test_changed_threshold_masked_passwords_and_old_macro_names(converged):
    """Only a changed macro is written (then APPLYCFG); masked password macros and $_HOST…$ names keep reruns at changed=0."""
    if converged.suite != "bookworm":
        pytest.skip("exercised once, on Debian 12")
    root, work, hosts = converged.root, converged.work, [dict(converged.hosts[0], warning_emails_rejected="0.07")]
    variables = dict(converged.vars, centreon_ses_pack_hosts=hosts, centreon_ses_pack_verify_check=False)
    before = len(standins.clapi_calls(root))
    run = playbook.run_role(work, {root: variables})
    assert run.rc == 0, run.output[-3000:]
    assert run.totals("changed") == 2  # one service setmacro + the APPLYCFG handler
    assert [(c["object"], c["action"]) for c in writes(standins.clapi_calls(root)[before:])] == [("SERVICE", "SETMACRO"), ("", "APPLYCFG")]

    # Older CLAPI prints $_HOSTNAME$ names; and a CLAPI that masks password macros: the role sets them once more,
    # records the masked view, and from then on the checksum file keeps reruns at changed=0.
    standins.configure_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"), mask_passwords=True, dollar_names="HOST")
    run = playbook.run_role(work, {root: variables})
    assert run.rc == 0, run.output[-3000:]
    run = playbook.run_role(work, {root: variables})
    assert run.rc == 0 and run.totals("changed") == 0, run.output[-3000:]

    hosts[0]["secret_key"] = SECRET_KEY + "-rotated"
    before = len(standins.clapi_calls(root))
    run = playbook.run_role(work, {root: dict(variables, centreon_ses_pack_hosts=hosts)})
    assert run.rc == 0, run.output[-3000:]
    assert [(c["action"], c.get("macro"), c["via"]) for c in writes(standins.clapi_calls(root)[before:])] == [
        ("SETMACRO", "AWSSECRETKEY", "import"), ("APPLYCFG", None, "argv")]
    assert standins.clapi_state(root)["hosts"]["aws-ses"]["macros"]["AWSSECRETKEY"][0] == SECRET_KEY + "-rotated"
    assert_no_secret(run.output)


@pytest.mark.parametrize("suite", sorted(central.SUITES))
def test_check_mode_changes_nothing(suite, tmp_path, apt_repo):
    """Debian 12/11: --check on a fresh central succeeds, reports changes, leaves every file and CLAPI's objects as they were."""
    root = rootfs.unpack(suite, str(tmp_path / "root"))
    central.prepare_central(root)
    api = connector_api.ConnectorApi(root)
    try:
        before = rootfs.snapshot(root)
        state_before = standins.clapi_state(root)
        variables = central.role_vars(apt_repo, api.url, centreon_ses_pack_verify_check=True, centreon_ses_pack_release=RELEASES[suite])
        run = playbook.run_role(str(tmp_path / "ansible"), {root: variables}, check=True)
    finally:
        api.close()
    assert run.rc == 0, run.output[-4000:]
    assert run.totals("changed") > 0
    assert "Check mode - the connector cloud-aws-ses would be installed" in run.output
    after = rootfs.snapshot(root)
    calls_file = standins.CLAPI_DIR.lstrip("/") + "/calls.jsonl"
    diff = sorted(path for path in set(before) | set(after) if before.get(path) != after.get(path) and path != calls_file)
    assert not diff, diff[:20]
    assert standins.clapi_state(root) == state_before and api.requests == []
    calls = standins.clapi_calls(root)
    assert calls and not writes(calls)
    assert_no_secret(run.output)
    shutil.rmtree(root, ignore_errors=True)
