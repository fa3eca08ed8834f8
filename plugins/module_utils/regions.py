# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Several regions in one task: which regions, and running the same work in each concurrently."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import validate_region
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError

MAX_PARALLEL_REGIONS = 8


def resolve_regions(regions, default_region, endpoint_url=None):
    """The regions to query, in the given order without repeats; ``default_region()`` when none.

    Each is checked before any request (SES offered there, unless ``endpoint_url`` says where to go).
    """
    if not regions:
        return [default_region()]
    unique = []
    for region in regions:
        validate_region(region, "regions entry", endpoint_url=endpoint_url)
        if region not in unique:
            unique.append(region)
    return unique


class RegionOutcome:
    """What the work returned in one region, or the error that stopped it there."""

    def __init__(self, region, value=None, error=None):
        self.region = region
        self.value = value
        self.error = error

    @property
    def ok(self):
        return self.error is None

    def error_dict(self):
        """The error as result data (``code``, ``http_status``, ``operation``, ``region``, ``message``)."""
        fields = self.error.as_dict()
        fields["region"] = fields["region"] or self.region
        return fields


def attempt(region, call):
    """``call()`` as ``region``'s RegionOutcome: its value, or the AwsApiError that stopped it (any other error is raised)."""
    try:
        return RegionOutcome(region, value=call())
    except AwsApiError as exc:
        return RegionOutcome(region, error=exc)


def for_each_region(regions, work):
    """``work(region)`` in every region at once; one RegionOutcome per region, in order.

    A failed AWS call in one region is kept as its outcome and never hides the others. An
    OptionError is raised: a bad option fails the task, it never becomes one region's UNKNOWN.
    """

    def guarded(region):
        return attempt(region, lambda: work(region))

    if len(regions) == 1:
        return [guarded(regions[0])]
    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL_REGIONS, len(regions))) as pool:
        return list(pool.map(guarded, regions))
