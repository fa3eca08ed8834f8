# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Several regions in one task: which regions, and running the same work in each concurrently."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.sesmon.ses.plugins.module_utils.connection_options import _ENDPOINT_ENVIRONMENT, validate_region
from ansible_collections.sesmon.ses.plugins.module_utils.errors import AwsApiError, OptionError
from ansible_collections.sesmon.ses.plugins.module_utils.partitions import partition_of, ses_regions

__all__ = ["MAX_PARALLEL_REGIONS", "ALL", "asks_all", "expand_all", "resolve_regions", "RegionOutcome", "attempt", "for_each_region"]

MAX_PARALLEL_REGIONS = 8
ALL = "all"  # regions: all -> every region where botocore's data offers SES in the session's partition


def asks_all(regions):
    """True for ``regions: all`` (the string, or a list whose only item is ``all``); OptionError when ``all`` is not alone."""
    if regions == ALL:
        return True
    if isinstance(regions, (list, tuple)) and ALL in regions:
        if len(regions) != 1:
            raise OptionError("regions: 'all' must be alone (it already means every SES region of the partition), got %s"
                              % ", ".join(str(region) for region in regions))
        return True
    return False


def expand_all(partition, offered, endpoint_url=None, first=None):
    """The regions of ``regions: all``: ``offered`` (botocore's SES regions of ``partition``), ``first`` (the session's
    own region, whose result keys ses_send_stats puts at the top level) first, then the others sorted. Pure.

    A local endpoint (``endpoint_url``) has no region list: refused, as a partition without SES is.
    """
    if endpoint_url:
        raise OptionError("regions: all cannot be used with endpoint_url (or AWS_ENDPOINT_URL*): a custom endpoint has no "
                          "region list; list the regions it serves, for example regions: [us-east-1]")
    if not offered:
        raise OptionError("regions: all found no region where botocore's data offers SES in partition %s; "
                          "list the regions, or upgrade botocore" % partition)
    rest = sorted(region for region in offered if region != first)
    return [first] + rest if first in offered else rest


def _endpoint(endpoint_url):
    # botocore's own endpoint variables count as endpoint_url, as connection_options.validate_region counts them.
    return endpoint_url or next((os.environ[name] for name in _ENDPOINT_ENVIRONMENT if os.environ.get(name)), None)


def _all_regions(default_region, endpoint_url):
    endpoint_url = _endpoint(endpoint_url)
    if endpoint_url:
        return expand_all(None, (), endpoint_url)
    try:
        region = default_region()
    except OptionError as exc:
        raise OptionError("regions: all takes the partition (aws, aws-us-gov...) from the region option: %s" % exc)
    partition = partition_of(region) or "aws"
    return expand_all(partition, ses_regions(partition), first=region)


def resolve_regions(regions, default_region, endpoint_url=None):
    """The regions to query, in the given order without repeats; ``default_region()`` when none.

    Each is checked before any request (SES offered there, unless ``endpoint_url`` says where to go).
    ``all`` is every region where botocore's data offers SES in the partition of ``default_region()``.
    """
    if not regions:
        return [default_region()]
    if asks_all(regions):
        return _all_regions(default_region, endpoint_url)
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
