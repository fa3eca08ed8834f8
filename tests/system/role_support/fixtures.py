# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""pytest fixtures of the role tests (imported by each test_role_*.py): the loopback repositories."""
from __future__ import annotations

import pytest

from . import central, debrepo, rpmrepo


@pytest.fixture(scope="session", name="apt_repo")
def fixture_apt_repo(tmp_path_factory):
    """Signed loopback repositories (plugin, and Monitoring Connectors under /connectors), served on 127.0.0.1; yields the URL.

    With rpmbuild and createrepo_c, also the EL repositories under /el (plugin, connectors, an empty crb repo) and their .repo files.
    """
    work = tmp_path_factory.mktemp("apt-repo")
    key = debrepo.GpgKey(str(work / "gnupg"))
    try:
        debrepo.build_apt_repo(str(work / "repo"), key)
    finally:
        key.close()
    if central.HAVE_RPM_TOOLS:
        rpmrepo.build_rpm_repo(str(work / "repo" / "el"), str(work / "repo" / "key.asc"))
    server = debrepo.HttpServer(str(work / "repo"))
    try:
        if central.HAVE_RPM_TOOLS:
            for name, text in (("centreon.repo", rpmrepo.repo_file(server.url + "/el")),
                               ("crb.repo", rpmrepo.crb_repo_file(server.url + "/el")),
                               ("connectors.repo", rpmrepo.connectors_repo_file(server.url + "/el"))):
                (work / "repo" / "el" / name).write_text(text, encoding="utf-8")
        yield server.url
    finally:
        server.close()
