# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""make demo: start the local AWS endpoint, seed the story, run playbooks/demo.yml, stop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ansible_collections.sesmon.ses.demo import story
from ansible_collections.sesmon.ses.demo.endpoint import DemoEndpoint
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession

ROOT = Path(__file__).resolve().parents[1]
# Where the demo writes its job summary and HTML report.
REPORT_DIR = ROOT / ".build" / "demo-report"


def seed_cloudwatch(endpoint):
    for region in story.REGIONS:
        session = AwsSession({"endpoint_url": endpoint.moto.url, "region": region, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "demo"})
        datums = story.cloudwatch_metric_data(region, endpoint.now)
        for start in range(0, len(datums), 500):
            session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES", MetricData=datums[start:start + 500])


def main():
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("AWS_"):
            del env[name]
    env.update(
        ANSIBLE_COLLECTIONS_PATH=str(ROOT / ".build" / "collections"),
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
        ANSIBLE_CALLBACK_RESULT_FORMAT="yaml",
        ANSIBLE_LOCALHOST_WARNING="0",
        ANSIBLE_INVENTORY_UNPARSED_WARNING="0",
        ANSIBLE_DISPLAY_SKIPPED_HOSTS="0",
    )
    print("== sesmon.ses demo: starting a local AWS endpoint (moto_server on 127.0.0.1)")
    with DemoEndpoint() as endpoint:
        print("== seeding two weeks of SES activity in eu-west-1 (healthy, sparse reputation rates) and us-east-1"
              " (incident for the last %d hours, account on probation)" % story.INCIDENT_HOURS)
        print("   (SES statistics, quota and account answers come from demo/story.py, which moto cannot hold;")
        print("    the CloudWatch AWS/SES metrics are written to moto with PutMetricData and read back for real)")
        seed_cloudwatch(endpoint)
        command = [str(Path(sys.executable).parent / "ansible-playbook"), "-i", "localhost,", "-c", "local",
                   str(ROOT / "playbooks" / "demo.yml"), "-e", "demo_endpoint_url=%s" % endpoint.url]
        code = subprocess.call(command, env=env)
        print("== writing the fortnight of both regions as a Markdown job summary and an HTML report (playbooks/demo_report.yml)")
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        report_code = subprocess.call(command[:5] + [str(ROOT / "playbooks" / "demo_report.yml"), "-e", "demo_endpoint_url=%s" % endpoint.url,
                                                     "-e", "demo_report_dir=%s" % REPORT_DIR], env=env)
    print("== endpoint stopped")
    if report_code == 0:
        print("== job summary (Markdown): %s" % (REPORT_DIR / "ses-summary.md"))
        print("== report (HTML, open it in a browser): %s" % (REPORT_DIR / "ses-report.html"))
    code = code or report_code
    if code == 0:
        print("== demo finished: the healthy region is OK (its sparse rates read where an average finds none) but Yahoo's"
              " complaint rate is over 0.3 % and AWS found a DKIM record missing; the incident region is CRITICAL and"
              " on probation, and the CI gate caught it")
    return code


if __name__ == "__main__":
    sys.exit(main())
