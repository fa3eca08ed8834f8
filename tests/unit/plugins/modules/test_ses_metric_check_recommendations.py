# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""ses_metric_check's recommendation_types option at the module: the argument spec refuses a bad type.

The label's behaviour is tested in tests/unit/plugins/module_utils/test_recommendations_source.py.
"""

from __future__ import annotations

from ansible_collections.sesmon.ses.plugins.module_utils.sources.recommendations import TYPES
from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module


def test_the_argument_spec_offers_the_types_and_refuses_a_bad_one(aws_params):
    assert ses_metric_check.ARGUMENT_SPEC["recommendation_types"]["choices"] == list(TYPES)
    result = run_module(ses_metric_check.main, dict(aws_params, metrics=["account-recommendations"], recommendation_types=["DKIM", "dkim"]))
    assert result["failed"] is True and "recommendation_types" in result["msg"] and "dkim" in result["msg"]
