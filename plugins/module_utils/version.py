# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's version, for the user agent. A unit test keeps it equal to galaxy.yml."""

from __future__ import annotations

COLLECTION_NAME = "sesmon.ses"
COLLECTION_VERSION = "0.1.0"
DEFAULT_USER_AGENT = "%s/%s" % (COLLECTION_NAME, COLLECTION_VERSION)
