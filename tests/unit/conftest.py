# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Shared fixtures: a real moto_server on 127.0.0.1, started once per test process."""

from __future__ import annotations

import os

import pytest

from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import MotoServer
from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy


@pytest.fixture(autouse=True)
def _no_ambient_aws(monkeypatch, tmp_path):
    """Tests never see the machine's AWS settings or files."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture(scope="session")
def moto_server():
    with MotoServer() as server:
        yield server


@pytest.fixture
def moto(moto_server):
    """The endpoint URL of a freshly reset moto_server."""
    moto_server.reset()
    return moto_server.url


@pytest.fixture(scope="session")
def moto_auth_server():
    """A moto_server that enforces SigV4 authentication and IAM policies."""
    with MotoServer(enforce_auth=True) as server:
        yield server


@pytest.fixture
def recording_proxy(moto_server):
    """A reverse proxy in front of moto that records every request (and can inject faults)."""
    moto_server.reset()
    with LoopbackProxy(target=moto_server.url) as proxy:
        yield proxy


@pytest.fixture
def aws_params(moto):
    """Connection options for the moto endpoint, as a module would receive them."""
    return {
        "region": "us-east-1",
        "endpoint_url": moto,
        "access_key": "AKIAIOSFODNN7EXAMPLE",
        "secret_key": "test-secret-key",
    }
