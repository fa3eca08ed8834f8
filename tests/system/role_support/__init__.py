# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers for the system tests of the role sesmon.ses.centreon_ses_pack.

They build throwaway root filesystems (debootstrap), signed loopback package
repositories holding stand-ins with Centreon's package names, a stand-in CLAPI,
and run ansible-playbook against the root filesystems with the chroot connection.
"""
from __future__ import annotations
