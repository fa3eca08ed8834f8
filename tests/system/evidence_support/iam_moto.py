# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A moto_server that lets the first N actions through unauthenticated, then enforces SigV4 and IAM.

moto reads INITIAL_NO_AUTH_ACTION_COUNT from its environment: the first N AWS actions it serves
(any service) skip authentication, every later one is checked against the IAM users, access keys
and policies created in it. The N first actions are used to create those users.
"""
from __future__ import annotations

import os

from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import MotoServer

_VARIABLE = "INITIAL_NO_AUTH_ACTION_COUNT"


class IamMotoServer(MotoServer):
    """MotoServer whose first ``no_auth_actions`` actions are not authenticated."""

    def __init__(self, no_auth_actions):
        super().__init__(enforce_auth=False)
        self.no_auth_actions = int(no_auth_actions)

    def start(self, timeout=30):
        # MotoServer.start copies os.environ when it starts the process: set the count just for that.
        previous = os.environ.get(_VARIABLE)
        os.environ[_VARIABLE] = str(self.no_auth_actions)
        try:
            return super().start(timeout)
        finally:
            if previous is None:
                del os.environ[_VARIABLE]
            else:
                os.environ[_VARIABLE] = previous
