# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers for the differential tests against Debian's centreon-plugins (Centreon's real plugin code)."""
from __future__ import annotations
