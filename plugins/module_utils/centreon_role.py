# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the centreon_ses_pack role derives from its variables, its facts and its argument specification. Pure.

The role's ``meta/argument_specs.yml`` states the host-entry keys once; the role hands their specification (the
``options`` of ``centreon_ses_pack_hosts``) to these functions, which read from it: the keys, which are secret
(``no_log``), the custom modes (``choices``) and the values the service template applies when a key is not given
(``default``). What stays here is naming: a key ``warning_X``/``critical_X`` is the threshold of the label ``X``
(``_`` read as ``-``), and a service macro is its key in capitals without ``_`` (``warning_emails_sent``:
``WARNINGEMAILSSENT``).
"""

from __future__ import annotations

__all__ = ["THRESHOLD_LEVELS", "SERVICE_KEYS", "threshold_label", "threshold_keys", "secret_keys", "service_macros",
           "secret_values", "awscli_needed", "platform_choices"]

THRESHOLD_LEVELS = ("warning", "critical")
# Host-entry keys that are macros of the service besides the thresholds.
SERVICE_KEYS = ("timeframe", "period", "dimension")


def threshold_label(key):
    """``emails-sent`` for ``warning_emails_sent`` or ``critical_emails_sent``; None for a key that is not a threshold."""
    level, sep, rest = ("%s" % (key,)).partition("_")
    return rest.replace("_", "-") if sep and rest and level in THRESHOLD_LEVELS else None


def threshold_keys(host_options):
    """The threshold keys among the documented host-entry keys, in their order."""
    return [key for key in host_options if threshold_label(key)]


def secret_keys(host_options):
    """The host-entry keys whose values are secret (``no_log`` in the specification)."""
    return [key for key, spec in host_options.items() if (spec or {}).get("no_log")]


def _text(value):
    return value if isinstance(value, str) else "%s" % (value,)


def service_macros(entry, host_options):
    """{MACRO: value} of the service for one host entry, in the specification's order.

    A given value is its text, trimmed. A key not given (absent or null) is ``None`` when the specification gives it a
    default (the service template's value applies; no direct macro is written), else ``''`` (an empty macro).
    """
    macros = {}
    for key, spec in host_options.items():
        if key not in SERVICE_KEYS and not threshold_label(key):
            continue
        given = entry.get(key)
        if given is not None:
            value = _text(given).strip()
        else:
            value = None if "default" in (spec or {}) else ""
        macros[key.replace("_", "").upper()] = value
    return macros


def secret_values(hosts, host_options, others=()):
    """Every value never to show: OTHERS (the CLAPI password) and the secret keys of each host entry."""
    values = [value for value in others if isinstance(value, str) and value]
    for key in secret_keys(host_options):
        values.extend(entry[key] for entry in hosts or () if isinstance(entry, dict) and isinstance(entry.get(key), str) and entry[key])
    return values


def awscli_needed(hosts, default_custom_mode, configure_central):
    """True when this host's custom mode is awscli, or when the central configuration gives a host entry custom_mode awscli."""
    if default_custom_mode == "awscli":
        return True
    return bool(configure_central) and any(isinstance(entry, dict) and entry.get("custom_mode") == "awscli" for entry in hosts or ())


def _minor(version):
    parts = ("%s" % (version,)).split(".") + ["0"]
    return int(parts[1]) if parts[1].isdigit() else 0


def platform_choices(facts, platforms, el_variants, crb_repo="", epel_package="", epel_key="",
                     awscli_package=""):  # pylint: disable=too-many-arguments
    """What this host gets, from its facts, the role's tables and the overrides (an empty override means the table's).

    ``platforms``: {os_family-major: {awscli_package, awscli_since_minor}}; ``el_variants``: {distribution: {epel,
    epel_key, crb: {major: repo}, crb_method}}, where N is the major version and ARCH the architecture.
    """
    facts = facts or {}
    major = "%s" % (facts.get("distribution_major_version") or "",)
    platform = "%s-%s" % (facts.get("os_family", ""), major)
    variant = (el_variants or {}).get(facts.get("distribution"), {}) or {}
    data = (platforms or {}).get(platform, {}) or {}
    since = data.get("awscli_since_minor")
    awscli_default = "" if since is not None and _minor(facts.get("distribution_version") or "0") < int(since) \
        else data.get("awscli_package", "")
    return {
        "platform": platform,
        "el_variant": variant,
        "crb_repo": crb_repo or (variant.get("crb") or {}).get(major, "").replace("ARCH", facts.get("architecture") or "x86_64"),
        "epel_package": epel_package or (variant.get("epel") or "").replace("N", major),
        "epel_key": epel_key or (variant.get("epel_key") or "").replace("N", major),
        "awscli_package": awscli_package or awscli_default,
        "use_dnf_cli": major == "8",
    }
