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
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.errors import OptionError

__all__ = ["PRESETS", "PRESET_NAMES", "preset_ranges"]

PRESETS = {
    "none": {},
    "aws": {
        "emails-rejected": ("@0.05:", "@0.1:"),  # Reputation.BounceRate
        "emails-spam": ("@0.001:", "@0.005:"),  # Reputation.ComplaintRate
    },
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
