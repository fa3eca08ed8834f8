# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Shared fixtures: a real moto_server on 127.0.0.1, started once per test process."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from ansible_collections.sesmon.ses.tests.unit.utils.aws_env import isolate
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import MotoServer
from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy


# Property tests judge results, not speed: on a busy 2-core CI machine a slow example is not a failure.
settings.register_profile("sesmon", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("sesmon")


@pytest.fixture(autouse=True)
def _no_ambient_aws(monkeypatch, tmp_path):
    """Tests never see the machine's AWS settings or files."""
    isolate(monkeypatch, tmp_path)


_SHARED = {}


def pytest_configure(config):
    """Start the shared moto_server in each test process, before ansible-test forks per test.

    A session fixture would run in the forked child, once per test. Not in xdist's controller,
    which runs no test.
    """
    if getattr(config, "workerinput", None) is not None or not config.getoption("numprocesses", None):
        _SHARED["server"] = MotoServer().start()


def pytest_unconfigure(config):  # pylint: disable=unused-argument
    server = _SHARED.pop("server", None)
    if server:
        server.stop()


@pytest.fixture(scope="session")
def moto_server():
    if "server" in _SHARED:
        yield _SHARED["server"]
        return
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
