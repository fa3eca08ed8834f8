# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Peak RSS of the ses_metric_check module process under the largest GetMetricData answer.

A loopback FaultServer answers GetMetricData with the largest answer CloudWatch sends (100,800
datapoints in one page), then with answers past the limits (100,801 datapoints; 12 MiB), which
the module must refuse. Each module runs as its own process; its peak RSS is the child's
ru_maxrss. Prints one line per case (a figure, not a test). Run:
``PYTHONPATH=.build/collections .venv/bin/python bench/peak_rss.py``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
from datetime import datetime, timezone

from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check
from ansible_collections.sesmon.ses.tests.unit.utils import fault_server as fs
from ansible_collections.sesmon.ses.tests.unit.utils.module_process import run_module_process

CW_JSON = {"Content-Type": "application/x-amz-json-1.0"}


def metric_page(points):
    """One page with ``points`` datapoints for query q0, newest first, 12 s apart, real-looking values."""
    now = int(datetime.now(timezone.utc).replace(second=0, microsecond=0).timestamp())
    stamps = [now - 12 * i for i in range(points)]  # 100,800 points span 14 days
    values = [float(i % 97) + 0.123456789 for i in range(points)]
    document = {"MetricDataResults": [{"Id": "q0", "Label": "Send", "StatusCode": "Complete", "Timestamps": stamps, "Values": values}]}
    return json.dumps(document).encode()


def run_case(name, action, timeframe):
    with fs.FaultServer(lambda request: action if request.operation == "GetMetricData" else None) as server, \
            tempfile.TemporaryDirectory() as tmp:
        args = {"region": "us-east-1", "endpoint_url": server.url, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "bench",
                "metrics": ["emails-sent"], "timeframe": timeframe, "period": 60, "retries": {"max_attempts": 1}}
        env = dict(os.environ, AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent", AWS_EC2_METADATA_DISABLED="true")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        run = run_module_process(ses_metric_check, args, tmp, timeout=300, env=env)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far, in KiB
    result = run.result
    size = len(action.body) if not isinstance(action, fs.Huge) else action.size
    note = result.get("output", result.get("msg", ""))[:110]
    print("%-34s answer %6.1f MiB  peak RSS %6.1f MiB%s  %5.2f s  %s" % (
        name, size / 1048576.0, peak / 1024.0, "" if peak > before else " (<= an earlier case)", run.elapsed, note))


def main():
    print("ses_metric_check module process, peak RSS (ru_maxrss), Python %s" % sys.version.split()[0])
    # Smallest first: ru_maxrss of children is a running maximum.
    run_case("baseline (10 datapoints)", fs.Answer(200, CW_JSON, metric_page(10)), 600)
    run_case("largest allowed (100,800 points)", fs.Answer(200, CW_JSON, metric_page(100800)), 14 * 86400)
    run_case("one too many (100,801 points)", fs.Answer(200, CW_JSON, metric_page(100801)), 14 * 86400)
    run_case("dense page under 4 MiB (160,000 pts)", fs.Answer(200, CW_JSON, metric_page(160000)), 14 * 86400)
    run_case("huge body (12 MiB, refused)", fs.Huge(200, CW_JSON, b'{"a": "', b"A", 12 * 1024 * 1024, b'"}'), 600)


if __name__ == "__main__":
    main()
