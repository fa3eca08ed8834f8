# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Filter ses_pack_errors: the role's host entries checked with the modules' own rules (module_utils)."""

from __future__ import annotations

DOCUMENTATION = r"""
name: ses_pack_errors
author: sesmon.ses contributors
version_added: 0.1.0
short_description: Check the SES host entries of the centreon_ses_pack role with the modules' rules
description:
  - Checks a list of host entries as given to O(_input) (the role's C(centreon_ses_pack_hosts)) and returns one message per
    problem; an empty list means the entries are valid.
  - "Uses the collection's own code, the same as the modules: the region check of C(ses_send_stats)/C(ses_metric_check),
    the thresholds' range parser (a range that can never alert for its label is refused), and the timeframe/period rules of C(ses_metric_check)."
  - Also checks what Centreon's CLAPI and plugin need, that is a name, no C(;) or line break in any value, access and
    secret key given together, a custom mode among those of O(host_options), and a C(DIMENSION) of the form C(Name=Value).
  - Refuses a key that O(host_options) does not have, naming the closest valid key, and a name with characters that CLAPI's
    C(HOST ADD) would strip (C(checkIllegalChar), Centreon's C(illegal_object_name_chars), by default C(~!$%^&*"|'<>?,()=)).
  - Does not check that names are unique across entries.
  - Messages name the entry (its index and name) and the key, and show a value only for keys that are not secret.
options:
  _input:
    description: The host entries (a list of dictionaries).
    type: list
    elements: raw
    required: true
  host_options:
    description:
      - The specification of a host entry's keys, the C(options) of C(centreon_ses_pack_hosts) in the role's
        C(meta/argument_specs.yml), which states the rules this filter reads from it.
      - The valid keys; the secret ones (C(no_log), never shown); the custom modes (C(choices) of C(custom_mode)); the
        C(TIMEFRAME) and C(PERIOD) the service template applies when a key is not given (C(default) of C(timeframe) and
        C(period)); and the thresholds, the keys C(warning_<label>) and C(critical_<label>) (C(_) in the label read as C(-)).
    type: dict
    required: true
  default_custom_mode:
    description: Custom mode of an entry without C(custom_mode); not given, such an entry's mode is not checked.
    type: str
  option:
    description: Name of the option the entries come from, used in the messages.
    type: str
    default: centreon_ses_pack_hosts
"""

EXAMPLES = r"""
# In the role: the rules come from its meta/argument_specs.yml (role_path is the role's directory).
- name: Refuse invalid host entries before any change
  ansible.builtin.assert:
    that: __errors | length == 0
    fail_msg: "{{ __errors | join('; ') }}"
  vars:
    __errors: "{{ centreon_ses_pack_hosts | sesmon.ses.ses_pack_errors(__host_options, default_custom_mode='awscli') }}"
    __host_options: >-
      {{ (lookup('ansible.builtin.file', role_path ~ '/meta/argument_specs.yml') | from_yaml)
         .argument_specs.main.options.centreon_ses_pack_hosts.options }}

- name: One bad entry
  ansible.builtin.debug:
    msg: "{{ [{'name': 'aws-ses', 'region': 'eu-west', 'period': 90}] | sesmon.ses.ses_pack_errors(__host_options) }}"
  vars:
    __host_options: >-
      {{ (lookup('ansible.builtin.file', role_path ~ '/meta/argument_specs.yml') | from_yaml)
         .argument_specs.main.options.centreon_ses_pack_hosts.options }}
  # -> ["centreon_ses_pack_hosts[0] (aws-ses): region 'eu-west' is not a valid AWS region name ...",
  #     "centreon_ses_pack_hosts[0] (aws-ses): period must be a multiple of 60 seconds (60, 120, 300, ...), got 90"]
"""

RETURN = r"""
_value:
  description: One message per problem found, in the order of the entries; empty when every entry is valid.
  type: list
  elements: str
"""

import re

from ansible.errors import AnsibleFilterError

from ansible_collections.sesmon.ses.plugins.module_utils.centreon_clapi import forbidden_text, has_forbidden
from ansible_collections.sesmon.ses.plugins.module_utils.centreon_names import illegal_chars, unknown_key_problem
from ansible_collections.sesmon.ses.plugins.module_utils.centreon_role import secret_keys, threshold_keys, threshold_label
from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import validate_region
from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import parse_dimension_sets, validate_window
from ansible_collections.sesmon.ses.plugins.module_utils.thresholds import parse_label_range

_WHOLE_NUMBER = re.compile(r"[0-9]+\Z", re.ASCII)


def _text(value):
    return value if isinstance(value, str) else str(value)


def _seconds(value, default, key, problems):
    """A TIMEFRAME/PERIOD value as int (whole numbers, as int or digit text), else a problem and None."""
    if value is None:
        return default
    if isinstance(value, bool) or isinstance(value, float) or not _WHOLE_NUMBER.match(_text(value).strip()):
        problems.append("%s must be a whole number of seconds, got %r" % (key, value))
        return None
    return int(_text(value).strip())


def _dimension(value, problems):
    text = _text(value).strip()
    if not text:
        return
    name, sep, dim_value = text.partition("=")
    if not sep:
        problems.append("dimension must be Name=Value (the plugin drops a value without '='), got %r" % text)
        return
    try:
        parse_dimension_sets([{name.strip(): dim_value}])
    except OptionError as exc:
        problems.append("dimension %r: %s" % (text, str(exc).replace("dimensions[0]", "dimension")))


def entry_problems(entry, host_options, default_custom_mode=None):  # pylint: disable=too-many-branches
    """Problems of one host entry, each as 'key ...' text (no prefix); HOST_OPTIONS is the keys' specification."""
    if not isinstance(entry, dict):
        return ["must be a dictionary with at least name and region, got %s" % type(entry).__name__]
    problems = []
    name = entry.get("name")
    if name is None or not isinstance(name, (str, int)) or isinstance(name, bool) or not _text(name).strip():
        problems.append("name is required and must be non-empty text")
    else:
        stripped = illegal_chars(name)
        if stripped:
            problems.append("name %r has %s, which CLAPI's HOST ADD would strip (checkIllegalChar: Centreon's illegal_object_name_chars); "
                            "rename the entry" % (name, ", ".join(repr(char) for char in stripped)))
    for key in entry:
        unknown = unknown_key_problem(key, tuple(host_options))
        if unknown:
            problems.append(unknown)
    secret = secret_keys(host_options)
    for key, value in entry.items():
        if value is not None and not isinstance(value, (dict, list)) and has_forbidden(_text(value)):
            shown = "" if key in secret else " (%r)" % (value,)
            problems.append("%s%s: no value may contain %s" % (key, shown, forbidden_text(" (CLAPI's field separator)")))
        elif isinstance(value, (dict, list)):
            problems.append("%s must be a single value, not a %s" % (key, type(value).__name__))
    if entry.get("region") is None:
        problems.append("region is required")
    else:
        try:
            validate_region(entry.get("region"), option="region")
        except OptionError as exc:
            problems.append(str(exc))
    has_access = bool(_text(entry.get("access_key") or "").strip())
    has_secret = bool(_text(entry.get("secret_key") or "").strip())
    if has_access != has_secret:
        problems.append("access_key and secret_key go together: give both or neither")
    modes = host_options["custom_mode"]["choices"]
    mode = entry.get("custom_mode", default_custom_mode)
    if mode not in modes and (mode is not None or "custom_mode" in entry):
        problems.append("custom_mode must be %s, got %r" % (" or ".join(modes), mode))
    window = []
    timeframe = _seconds(entry.get("timeframe"), host_options["timeframe"]["default"], "timeframe", window)
    period = _seconds(entry.get("period"), host_options["period"]["default"], "period", window)
    if not window:
        try:
            validate_window(timeframe, period)
        except OptionError as exc:
            window.append(str(exc))
    problems.extend(window)
    for key in threshold_keys(host_options):
        value = entry.get(key)
        if value is None:
            continue
        try:
            parse_label_range(threshold_label(key), value)
        except OptionError as exc:
            problems.append("%s %s" % (key, exc))
    if entry.get("dimension") is not None:
        _dimension(entry["dimension"], problems)
    return problems


def ses_pack_errors(hosts, host_options, default_custom_mode=None, option="centreon_ses_pack_hosts"):
    """Every problem of HOSTS as 'option[index] (name): problem' messages; HOST_OPTIONS is the keys' specification."""
    if not isinstance(host_options, dict) or not isinstance(host_options.get("custom_mode"), dict):
        raise AnsibleFilterError("ses_pack_errors: host_options must be the options of %s in the role's meta/argument_specs.yml" % option)
    if hosts is None:
        return []
    if not isinstance(hosts, (list, tuple)):
        raise AnsibleFilterError("ses_pack_errors: %s must be a list of host entries, got %s" % (option, type(hosts).__name__))
    messages = []
    for index, entry in enumerate(hosts):
        label = "%s[%d]" % (option, index)
        if isinstance(entry, dict) and isinstance(entry.get("name"), (str, int)) and _text(entry["name"]).strip():
            label += " (%s)" % entry["name"]
        messages.extend("%s: %s" % (label, problem) for problem in entry_problems(entry, host_options, default_custom_mode))
    return messages


class FilterModule:
    """sesmon.ses filters."""

    def filters(self):
        return {"ses_pack_errors": ses_pack_errors}
