# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""AWS region names, as botocore's partition data (endpoints.json) defines them.

A name is valid when it is one of a partition's regions, or matches a partition's ``regionRegex``
whole (so ``eusc-de-east-1`` passes, and ``eu-west-1\\n`` does not). Without botocore (the role's
filter on a controller) the regexes below, copied from botocore 1.44's endpoints.json, serve.
"""

from __future__ import annotations

import functools
import re

__all__ = ["FALLBACK_REGION_REGEXES", "region_name_problem"]

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
    """(set of known region names, compiled regexes)."""
    names = set()
    regexes = FALLBACK_REGION_REGEXES
    try:
        from botocore.loaders import create_loader  # pylint: disable=import-outside-toplevel

        data = create_loader().load_data("endpoints")
        regexes = tuple(p["regionRegex"] for p in data["partitions"] if p.get("regionRegex")) or regexes
        for partition in data["partitions"]:
            names.update(partition.get("regions") or {})
    except Exception:  # pylint: disable=broad-except  # no botocore, or data of another shape
        pass
    return frozenset(names), tuple(re.compile(regex.rstrip("$").lstrip("^"), re.ASCII) for regex in regexes)


def region_name_problem(name):
    """None when ``name`` is an AWS region name, else why not (a short text)."""
    if not isinstance(name, str):
        return "is a %s, not text" % type(name).__name__
    if not _SHAPE.fullmatch(name):
        return "is not a valid AWS region name (expected a name such as eu-west-1)"
    names, regexes = _partitions()
    if name in names or any(regex.fullmatch(name) for regex in regexes):
        return None
    return "is not a valid AWS region name: no AWS partition in botocore's data has it (expected a name such as eu-west-1)"
