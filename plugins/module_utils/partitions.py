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

__all__ = ["FALLBACK_REGION_REGEXES", "SES_SERVICE", "region_name_problem", "ses_regions"]

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
    """(set of known region names, compiled regexes, regions listing SES, botocore's version or None)."""
    names, ses = set(), set()
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
            endpoints = ((partition.get("services") or {}).get(SES_SERVICE) or {}).get("endpoints") or {}
            ses.update(name for name in endpoints if name in regions)
        version = botocore.__version__
    except Exception:  # pylint: disable=broad-except  # no botocore, or data of another shape
        pass
    return frozenset(names), tuple(re.compile(regex.rstrip("$").lstrip("^"), re.ASCII) for regex in regexes), frozenset(ses), version


def ses_regions():
    """The regions where botocore's data lists SES (empty without botocore)."""
    return sorted(_partitions()[2])


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
    names, regexes, ses, version = _partitions()
    if name not in names and not any(regex.fullmatch(name) for regex in regexes):
        return "is not a valid AWS region name: no AWS partition in botocore's data has it (%sexpected a name such as eu-west-1)" % (
            _did_you_mean(name, sorted(names)))
    if endpoint_url or not ses or name in ses:
        return None
    if name in names:
        return "is a region where SES is not offered (botocore %s's data): %sor give endpoint_url if your SES endpoint is there" % (
            version, _did_you_mean(name, sorted(ses)))
    return ("is not a region where botocore %s's data lists SES: %sa region newer than this botocore needs a newer botocore "
            "(pip install -U botocore), or endpoint_url set to its SES endpoint" % (version, _did_you_mean(name, sorted(ses))))
