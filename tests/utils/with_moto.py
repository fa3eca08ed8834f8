# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Run a command with a moto_server on 127.0.0.1, and stop the server afterwards.

usage: python with_moto.py CONFIG_FILE -- COMMAND...
CONFIG_FILE receives the endpoint and test credentials as YAML (ansible-test's
integration_config.yml). The command's exit code is returned.
"""

from __future__ import annotations

import subprocess
import sys

from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import MotoServer

CONFIG = """---
aws_endpoint_url: {url}
aws_access_key: AKIAIOSFODNN7EXAMPLE
aws_secret_key: sesmon-integration-secret
aws_region: us-east-1
"""


def main(argv):
    if len(argv) < 3 or argv[1] != "--":
        sys.stderr.write(__doc__)
        return 2
    with MotoServer() as server:
        with open(argv[0], "w", encoding="utf-8") as config:
            config.write(CONFIG.format(url=server.url))
        return subprocess.call(argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
