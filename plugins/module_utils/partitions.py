# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""AWS region names, as botocore's partition data (endpoints.json) defines them.

A name is valid when it is one of a partition's regions, or matches a partition's ``regionRegex``
whole (so ``eusc-de-east-1`` passes, and ``eu-west-1\\n`` does not). Without botocore (the role's
filter on a controller) the regexes below, copied from botocore 1.44's endpoints.json, serve.

Without ``endpoint_url``, a name must also be one where botocore's data lists SES (``email``):
a typo that fits the pattern (``eu-wset-1``) or a region without SES fails before any request,
with "did you mean". A region newer than the installed botocore: upgrade botocore, or give
endpoint_url (then the pattern is enough).
"""

from __future__ import annotations

import difflib
import functools
import re

__all__ = ["FALLBACK_REGION_REGEXES", "SES_SERVICE", "region_name_problem", "ses_regions", "partition_of", "compact_regions"]

SES_SERVICE = "email"  # SES's endpoint prefix in botocore's endpoints.json (SES v1 and v2 share it)

FALLBACK_REGION_REGEXES = (
    r"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$",
    r"^cn\-\w+\-\d+$",
    r"^us\-gov\-\w+\-\d+$",
    r"^us\-iso\-\w+\-\d+$",
    r"^us\-isob\-\w+\-\d+$",
    r"^eu\-isoe\-\w+\-\d+$",
    r"^us\-isof\-\w+\-\d+$",
    r"^eusc\-(de)\-\w+\-\d+$",
)
# Every AWS region name is lower-case ASCII letters, digits and dashes, ending in a number.
_SHAPE = re.compile(r"[a-z]{2,}(-[a-z0-9]+)+-[0-9]{1,2}", re.ASCII)


@functools.lru_cache(maxsize=1)
def _partitions():
    """(set of known region names, compiled regexes, regions listing SES, botocore's version or None, partitions).

    ``partitions``: ((name, its region names, its compiled regex or None, its SES regions), ...) in botocore's order.
    """
    names, ses, partitions = set(), set(), []
    regexes = FALLBACK_REGION_REGEXES
    version = None
    try:
        import botocore  # pylint: disable=import-outside-toplevel
        from botocore.loaders import create_loader  # pylint: disable=import-outside-toplevel

        data = create_loader().load_data("endpoints")
        regexes = tuple(p["regionRegex"] for p in data["partitions"] if p.get("regionRegex")) or regexes
        for partition in data["partitions"]:
            regions = partition.get("regions") or {}
            names.update(regions)
            # The same list as botocore's Session.get_available_regions('sesv2', partition): SES v1 and v2 share "email".
            endpoints = ((partition.get("services") or {}).get(SES_SERVICE) or {}).get("endpoints") or {}
            offered = frozenset(name for name in endpoints if name in regions)
            ses.update(offered)
            regex = partition.get("regionRegex")
            partitions.append((partition.get("partition"), frozenset(regions), _compiled(regex) if regex else None, offered))
        version = botocore.__version__
    except Exception:  # pylint: disable=broad-except  # no botocore, or data of another shape
        names, ses, partitions = set(), set(), []
    return frozenset(names), tuple(_compiled(regex) for regex in regexes), frozenset(ses), version, tuple(partitions)


def _compiled(regex):
    return re.compile(regex.rstrip("$").lstrip("^"), re.ASCII)


def ses_regions(partition=None):
    """The regions where botocore's data lists SES, sorted, in ``partition`` (a name such as ``aws``) or in every
    partition (empty without botocore)."""
    if partition is None:
        return sorted(_partitions()[2])
    return sorted(next((offered for name, _regions, _regex, offered in _partitions()[4] if name == partition), ()))


def partition_of(region):
    """The name of the botocore partition ``region`` belongs to (listed, else matching its pattern), or None."""
    partitions = _partitions()[4]
    for name, regions, _regex, _offered in partitions:
        if region in regions:
            return name
    return next((name for name, _regions, regex, _offered in partitions if regex and regex.fullmatch(region)), None)


def compact_regions(names):
    """Region names, sorted, with the ones that differ only in their last number written once: ``ap-northeast-1/2/3``."""
    groups = []
    for name in sorted(names, key=lambda text: (text.rsplit("-", 1)[0], int(text.rsplit("-", 1)[1]) if text[-1:].isdigit() else 0)):
        stem, _dash, number = name.rpartition("-")
        if groups and groups[-1][0] == stem:
            groups[-1][1].append(number)
        else:
            groups.append((stem, [number]))
    return ", ".join("%s-%s" % (stem, "/".join(numbers)) for stem, numbers in groups)


def _ses_list(name):
    """``; SES regions of <partition>: ...`` for a region without SES (nothing when its partition is unknown)."""
    partition = partition_of(name)
    if partition is None:
        return ""
    offered = ses_regions(partition)
    return "; SES regions of partition %s: %s" % (partition, compact_regions(offered) if offered else "none")


def _did_you_mean(name, candidates):
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return "did you mean %s? " % close[0] if close else ""


def region_name_problem(name, endpoint_url=None):
    """None when ``name`` is an AWS region name where SES is offered, else why not (a short text).

    With ``endpoint_url`` the endpoint decides what it serves: a name of a partition's pattern is enough.
    """
    if not isinstance(name, str):
        return "is a %s, not text" % type(name).__name__
    if not _SHAPE.fullmatch(name):
        return "is not a valid AWS region name (expected a name such as eu-west-1)"
    names, regexes, ses, version, _partition_list = _partitions()
    if name not in names and not any(regex.fullmatch(name) for regex in regexes):
        return "is not a valid AWS region name: no AWS partition in botocore's data has it (%sexpected a name such as eu-west-1)" % (
            _did_you_mean(name, sorted(names)))
    if endpoint_url or not ses or name in ses:
        return None
    if name in names:
        return "is a region where SES is not offered (botocore %s's data): %sor give endpoint_url if your SES endpoint is there%s" % (
            version, _did_you_mean(name, sorted(ses)), _ses_list(name))
    return ("is not a region where botocore %s's data lists SES: %sa region newer than this botocore needs a newer botocore "
            "(pip install -U botocore), or endpoint_url set to its SES endpoint%s" % (version, _did_you_mean(name, sorted(ses)), _ses_list(name)))
