# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter centreon_platform_choices: what the centreon_ses_pack role installs and enables on a host, from its facts."""

from __future__ import annotations

DOCUMENTATION = r"""
name: centreon_platform_choices
author: sesmon.ses contributors
version_added: 0.1.0
short_description: The platform, EPEL, CodeReady Builder and awscli package of a host for the centreon_ses_pack role
description:
  - From the host's facts (C(os_family), C(distribution), C(distribution_major_version), C(distribution_version),
    C(architecture)) and the role's tables, returns the platform key (C(os_family-major)), the EL variant, the
    CodeReady Builder repository (C(ARCH) replaced), the EPEL package and its key (C(N) replaced by the major version),
    the awscli package (none before the platform's C(awscli_since_minor)), and whether the dnf command is used (EL 8).
  - A non-empty override replaces what the tables give.
options:
  _input:
    description: The host's facts (C(ansible_facts)).
    type: dict
    required: true
  platforms:
    description: Platform (C(os_family-major)) to C({awscli_package, awscli_since_minor}).
    type: dict
    required: true
  el_variants:
    description: EL distribution to C({epel, epel_key, crb, crb_method}); C(crb) maps the major version to the repository.
    type: dict
    required: true
  crb_repo:
    description: Override of the CodeReady Builder repository.
    type: str
    default: ""
  epel_package:
    description: Override of the EPEL package.
    type: str
    default: ""
  epel_key:
    description: Override of EPEL's key URL.
    type: str
    default: ""
  awscli_package:
    description: Override of the awscli package.
    type: str
    default: ""
"""

EXAMPLES = r"""
- name: What a RHEL 9.4 host gets
  ansible.builtin.debug:
    msg: >-
      {{ {'os_family': 'RedHat', 'distribution': 'RedHat', 'distribution_major_version': '9', 'distribution_version': '9.4',
          'architecture': 'aarch64'}
         | sesmon.ses.centreon_platform_choices({'RedHat-9': {'awscli_package': 'awscli2', 'awscli_since_minor': 5}},
                                                {'RedHat': {'epel': 'epel-release-latest-N.noarch.rpm',
                                                            'crb': {'9': 'codeready-builder-for-rhel-9-ARCH-rpms'}}}) }}
  # -> {"platform": "RedHat-9", "crb_repo": "codeready-builder-for-rhel-9-aarch64-rpms",
  #     "epel_package": "epel-release-latest-9.noarch.rpm", "epel_key": "", "awscli_package": "", "use_dnf_cli": false, ...}
"""

RETURN = r"""
_value:
  description: C(platform), C(el_variant), C(crb_repo), C(epel_package), C(epel_key), C(awscli_package), C(use_dnf_cli).
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_role import platform_choices


def centreon_platform_choices(facts, platforms, el_variants, crb_repo="", epel_package="", epel_key="",
                              awscli_package=""):  # pylint: disable=too-many-arguments
    """The choices."""
    if not isinstance(facts, dict) or not isinstance(platforms, dict) or not isinstance(el_variants, dict):
        raise AnsibleFilterError("centreon_platform_choices: facts, platforms and el_variants must be dictionaries")
    return platform_choices(facts, platforms, el_variants, crb_repo or "", epel_package or "", epel_key or "", awscli_package or "")


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"centreon_platform_choices": centreon_platform_choices}
