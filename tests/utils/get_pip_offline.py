# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Stand-in for the pip bootstrap script that ansible-test downloads from a host unreachable here.

``make`` copies it to ~/.ansible/test/cache/get_pip_<version>.py, where ansible-test looks first.
It bootstraps pip with ensurepip, then installs what ansible-test asked for from the usual index.
"""

from __future__ import annotations

import subprocess
import sys


def main():
    # ensurepip in a subprocess: run in-process it hides /etc/pip.conf from the later pip call.
    subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"], stdout=subprocess.DEVNULL)
    args = [arg for arg in sys.argv[1:] if arg not in ("--no-setuptools", "--no-wheel")]
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade"] + args)


if __name__ == "__main__":
    main()
