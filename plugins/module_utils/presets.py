# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The threshold presets of ses_metric_check (option ``thresholds``). Pure data.

``aws``: AWS's documented reputation levels, as fractions (0.05 = 5 %), alerting at the level
itself ("5 % or more"), hence ``@0.05:``:
- warning where the account goes under review: bounce rate 5 %, complaint rate 0.1 %;
- critical where AWS may pause sending: bounce rate 10 %, complaint rate 0.5 %.
Sources: SES developer guide, "Amazon SES sending review process FAQs" (faqs-enforcement.html)
and "Creating reputation monitoring alarms using CloudWatch" (reputationdashboard-cloudwatch-alarm.html).
The account labels' states (PROBATION, SHUTDOWN, sending disabled, sandbox) are AWS's own words
and need no preset; AWS documents no level for quota usage, so the preset has none.

``bulk_senders``: the mailbox providers' published level for bulk senders, on VDM's complaint rate
(``vdm-complaint-rate``): warning from 0.1 %, critical from 0.3 % (sources at the preset below).
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

__all__ = ["PRESETS", "PRESET_NAMES", "PRESET_MEANINGS", "preset_ranges"]

PRESETS = {
    "none": {},
    "aws": {
        "emails-rejected": ("@0.05:", "@0.1:"),  # Reputation.BounceRate
        "emails-spam": ("@0.001:", "@0.005:"),  # Reputation.ComplaintRate
    },
    # Google's "Email sender guidelines" (Gmail Help / Google Workspace Admin Help) and Yahoo's "Sender Best Practices"
    # (Yahoo Sender Hub): keep the spam (complaint) rate below 0.1 % and never let it reach 0.3 %. Read against VDM's
    # complaint rate, per ISP (sources/vdm.py); Gmail sends SES no complaint, so its own rate is in Google Postmaster Tools.
    "bulk_senders": {
        "vdm-complaint-rate": ("@0.001:", "@0.003:"),
    },
}
# What reaching a preset's level means, (warning, critical), for a failed gate's one-line msg (gate_message.py).
PRESET_MEANINGS = {
    "aws": ("AWS: account review", "AWS: risk of pause"),
    "bulk_senders": ("Gmail/Yahoo: over 0.1 %", "Gmail/Yahoo: 0.3 % limit"),
}
PRESET_NAMES = tuple(PRESETS)


def preset_ranges(name, labels):
    """``{label: (warning text or None, critical text or None)}`` of preset ``name`` for the checked ``labels``."""
    if name is None:
        name = "none"
    if name not in PRESETS:
        raise OptionError("thresholds must be one of %s, got %r" % (", ".join(PRESET_NAMES), name))
    levels = PRESETS[name]
    return dict((label, levels.get(label, (None, None))) for label in labels)
