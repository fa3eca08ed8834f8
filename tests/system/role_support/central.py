# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the role tests share: dummy secrets, the role's variables for a central, CLAPI call helpers, SES data in moto."""
from __future__ import annotations

import datetime
import os
import shutil

import pytest

from . import rootfs, standins

SECRET_KEY = "SeCrEt/Key+$x'\" &|*"
ACCESS_KEY = "AKIASESMONTESTACCESS"
# No ' " < >: CLAPI's sanitising of -p would mangle them (the role refuses such a password, see test_role_input).
CLAPI_PASSWORD = "ClApI-PaSs w0rd$&|!*"
SECRETS = (SECRET_KEY, ACCESS_KEY, CLAPI_PASSWORD, "SeCrEt", "ClApI-PaSs")
ENGINE_USER = "centreon-engine"
SUITES = {"bookworm": "12", "bullseye": "11"}
CONNECTOR_VERSION = "3.2.0"
DIMENSION = ("ses:configuration-set", "monitoring")
EL_INCLUDE = "python3,dnf,python3-dnf,rpm,libdatetime-perl,dnf-plugins-core,centreon-plugins,libjson-xs-perl"
HAVE_RPM_TOOLS = bool(shutil.which("rpmbuild") and shutil.which("createrepo_c"))

NEEDS_ROOT = [
    pytest.mark.skipif(os.geteuid() != 0, reason="needs root (debootstrap, chroot)"),
    pytest.mark.skipif(not shutil.which("debootstrap") or not shutil.which("apt-ftparchive"),
                       reason="needs debootstrap and apt-utils (role_support/apt-packages.txt)"),
]


def host_entry(endpoint_url="http://127.0.0.1:9", **changes):
    """One SES account: awscli custom mode against ENDPOINT_URL (the tests' moto_server), a dimension and thresholds."""
    entry = {
        "name": "aws-ses", "alias": "AWS SES", "poller": "Poller-2", "region": "eu-west-1",
        "access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "custom_mode": "awscli",
        "extra_options": "--endpoint-url=%s" % endpoint_url,
        "warning_emails_rejected": 0.05, "critical_emails_rejected": "0.1", "dimension": "%s=%s" % DIMENSION,
    }
    entry.update(changes)
    return {key: value for key, value in entry.items() if value is not None}


def role_vars(repo_url, api_url="http://127.0.0.1:9/centreon/api/index.php", hosts=None, **overrides):
    """Host vars for a central server, every repository pointing at the loopback ones."""
    result = {
        "centreon_ses_pack_apt_repo_url": repo_url + "/",
        "centreon_ses_pack_apt_key_url": repo_url + "/key.asc",
        "centreon_ses_pack_custom_mode": "paws",
        "centreon_ses_pack_central": True,
        "centreon_ses_pack_install_pack_package": True,
        "centreon_ses_pack_connectors_apt_repo": "%s/connectors/ {{ ansible_facts['distribution_release'] }} main" % repo_url,
        "centreon_ses_pack_connectors_apt_key_url": repo_url + "/key.asc",
        "centreon_ses_pack_configure_central": True,
        "centreon_ses_pack_install_connector": True,
        "centreon_ses_pack_connector_version": CONNECTOR_VERSION,
        "centreon_ses_pack_api_url": api_url,
        "centreon_ses_pack_clapi_password": CLAPI_PASSWORD,
        "centreon_ses_pack_hosts": hosts if hosts is not None else [host_entry()],
    }
    result.update(overrides)
    return result


def prepare_central(root, connector_installed=False, **clapi):
    """What a Centreon central has before the role: the engine user and CLAPI (stand-in), pollers Central and Poller-2."""
    rootfs.add_user(root, ENGINE_USER)
    standins.install_clapi(root, "admin", CLAPI_PASSWORD, pollers=("Central", "Poller-2"), connector_installed=connector_installed,
                           **clapi)


def assert_no_secret(output):
    """No secret value, nor a recognisable part of one, appears in OUTPUT."""
    leaked = [secret for secret in SECRETS if secret in output]
    assert not leaked, leaked


def writes(calls):
    """CLAPI calls that change something."""
    return [call for call in calls if call["action"] not in ("SHOW", "GETMACRO", "POLLERLIST", "LOGIN")]


def seed_ses_metrics(endpoint_url, region="eu-west-1", now=None):
    """AWS/SES datapoints of the last 25 minutes for the dimension DIMENSION, in moto (the real plugin reads them with awscli)."""
    import boto3  # pylint: disable=import-outside-toplevel

    client = boto3.client("cloudwatch", region_name=region, endpoint_url=endpoint_url,
                          aws_access_key_id="AKIASEEDING", aws_secret_access_key="seeding-only")
    now = now or datetime.datetime.now(datetime.timezone.utc)
    dimensions = [{"Name": DIMENSION[0], "Value": DIMENSION[1]}]
    for minutes in (5, 10, 15, 20, 25):
        stamp = now - datetime.timedelta(minutes=minutes)
        client.put_metric_data(Namespace="AWS/SES", MetricData=[
            {"MetricName": name, "Dimensions": dimensions, "Timestamp": stamp, "Value": value}
            for name, value in (("Send", 10.0), ("Delivery", 9.0), ("Reputation.BounceRate", 0.02), ("Reputation.ComplaintRate", 0.0005))])


def verify_line(output, host="aws-ses"):
    """The output line of the role's Emails check of HOST, and its exit code."""
    marker = "Emails check of %s (exit " % host
    assert marker in output, output[-3000:]
    rest = output.split(marker, 1)[1]
    code, line = rest.split("): ", 1)
    return int(code), line.split("\n", 1)[0].rstrip('"')


def perfdata(line):
    """{label: value;warn;crit;min;max} of a Nagios output line."""
    result = {}
    for item in line.split("|", 1)[1].split():
        label, value = item.split("=", 1)
        result[label.strip("'")] = value
    return result
