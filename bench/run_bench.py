# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Benchmarks: request counts, module process time and memory, scale, concurrency.

Everything runs against a moto_server on 127.0.0.1 that this script starts, seeds and stops.
Prints one table (medians over RUNS runs, with the min-max spread). ``make bench`` runs it.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.sources import cloudwatch_ses
from ansible_collections.sesmon.ses.plugins.module_utils.check_task import run_check
from ansible_collections.sesmon.ses.plugins.module_utils.send_stats_task import execute_send_stats
from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy
from ansible_collections.sesmon.ses.tests.unit.utils.moto_endpoint import MotoServer

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
REGIONS = ["us-east-1", "eu-west-1", "eu-central-1", "ap-south-1", "us-west-2"]
KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "bench-secret"
ROWS = []


def row(section, what, samples, unit):
    samples = list(samples)
    med = statistics.median(samples)
    spread = "%s-%s" % (_fmt(min(samples)), _fmt(max(samples))) if len(samples) > 1 else ""
    ROWS.append((section, what, _fmt(med), spread, unit, len(samples)))
    return med


def _fmt(value):
    return ("%.0f" % value) if float(value).is_integer() else ("%.3f" % value)


def params(url, **extra):
    base = {"endpoint_url": url, "access_key": KEY, "secret_key": SECRET, "region": "us-east-1"}
    base.update(extra)
    return base


def check_params(**extra):
    base = {"metrics": None, "statistics": None, "timeframe": 600, "period": 60, "dimensions": None,
            "warning": None, "critical": None, "zeroed": False, "max_age": None, "regions": None, "fail_on": "never"}
    base.update(extra)
    return base


def seed(url):
    now = datetime.datetime.now(datetime.timezone.utc)
    for region in REGIONS:
        session = AwsSession(params(url, region=region))
        data = []
        for minutes in range(1, 10):
            when = now - datetime.timedelta(minutes=minutes)
            data += [{"MetricName": "Send", "Timestamp": when, "Value": 10.0},
                     {"MetricName": "Delivery", "Timestamp": when, "Value": 9.0},
                     {"MetricName": "Reputation.BounceRate", "Timestamp": when, "Value": 0.01},
                     {"MetricName": "Reputation.ComplaintRate", "Timestamp": when, "Value": 0.0001}]
        session.call("cloudwatch", "put_metric_data", Namespace="AWS/SES", MetricData=data)


def dimension_sets(count):
    return [{"ses:configuration-set": "set-%02d" % i} for i in range(count)]


def bench_request_counts(moto_url):
    labels = [metric.label for metric in cloudwatch_ses.CATALOGUE]
    cases = [
        ("default 4 metrics", check_params()),
        ("all %d CloudWatch metrics x 2 statistics" % len(labels), check_params(metrics=labels, statistics=["sum", "average"])),
        ("20 dimension sets", check_params(dimensions=dimension_sets(20))),
        ("3 regions", check_params(regions=REGIONS[:3])),
    ]
    for name, extra in cases:
        counts, totals = [], []
        for dummy in range(RUNS):
            with LoopbackProxy(target=moto_url) as proxy:
                run_check(dict(params(proxy.url), **extra), AwsSession(params(proxy.url)))
                ops = proxy.operations()
            counts.append(ops.count("GetMetricData"))
            totals.append(len(ops))
        row("1. requests per ses_metric_check", name + ": GetMetricData", counts, "requests")
        row("1. requests per ses_metric_check", name + ": all requests", totals, "requests")


# A fork of this (large) process would count its memory as the child's peak: Linux keeps the
# high-water mark across exec. A small launcher forks the measured command from a small process.
_LAUNCHER = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.execv(sys.argv[1], sys.argv[1:])\n"
    "status, usage = os.wait4(pid, 0)[1:]\n"
    "sys.stderr.write('MAXRSS_KB=%d\\n' % usage.ru_maxrss)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def _timed_process(command, env):
    """(wall seconds, peak RSS in MB, stdout) of one command."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER] + command, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError("%s failed: %s" % (command[:3], done.stdout[-500:] + done.stderr[-500:]))
    peak_kb = int(done.stderr.decode().rsplit("MAXRSS_KB=", 1)[1].split()[0])
    return wall, peak_kb / 1024.0, done.stdout


def bench_module_process(moto_url):
    env = dict(os.environ, PYTHONPATH=str(ROOT / ".build" / "collections"))
    module = ROOT / "plugins" / "modules" / "ses_metric_check.py"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump({"ANSIBLE_MODULE_ARGS": params(moto_url)}, handle)
    walls, rss = [], []
    for dummy in range(RUNS):
        wall, peak, out = _timed_process([sys.executable, str(module), handle.name], env)
        assert json.loads(out)["status"] in ("OK", "WARNING", "CRITICAL"), out
        walls.append(wall)
        rss.append(peak)
    os.unlink(handle.name)
    module_wall = row("2. one check, process", "ses_metric_check module process: wall", walls, "s")
    row("2. one check, process", "ses_metric_check module process: peak RSS", rss, "MB")

    cli_env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION="us-east-1")
    now = datetime.datetime.now(datetime.timezone.utc)
    start = (now - datetime.timedelta(seconds=600)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    walls, rss = [], []
    for dummy in range(RUNS):
        total, peak_max = 0.0, 0.0
        for metric, stat in (("Send", "Sum"), ("Delivery", "Sum"), ("Reputation.BounceRate", "Average"), ("Reputation.ComplaintRate", "Average")):
            wall, peak, _out = _timed_process(
                [str(BIN / "aws"), "cloudwatch", "get-metric-statistics", "--endpoint-url", moto_url, "--namespace", "AWS/SES",
                 "--metric-name", metric, "--statistics", stat, "--period", "60", "--start-time", start, "--end-time", end], cli_env)
            total += wall
            peak_max = max(peak_max, peak)
        walls.append(total)
        rss.append(peak_max)
    cli_wall = row("2. one check, process", "aws cli get-metric-statistics x4: wall", walls, "s")
    row("2. one check, process", "aws cli get-metric-statistics x4: peak RSS", rss, "MB")
    ROWS.append(("2. one check, process", "ratio aws cli / module (wall)", "%.2f" % (cli_wall / module_wall), "", "x", RUNS))


def _playbook(tasks):
    body = "\n".join(tasks)
    return """- hosts: localhost
  gather_facts: false
  module_defaults:
    group/sesmon.ses.aws: {endpoint_url: "%s", access_key: %s, secret_key: %s, region: us-east-1}
  tasks:
%s
""" % ("{{ url }}", KEY, SECRET, body)


def _task(args):
    return "    - sesmon.ses.ses_metric_check: %s" % json.dumps(args)


def bench_scale(moto_url):
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / ".build" / "collections"), ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_NOCOLOR="1", ANSIBLE_LOCALHOST_WARNING="0", ANSIBLE_INVENTORY_UNPARSED_WARNING="0")
    sets = dimension_sets(20)
    plays = {
        "1 task, 1 dimension set": [_task({"dimensions": sets[:1], "zeroed": True})],
        "1 task, 20 dimension sets": [_task({"dimensions": sets, "zeroed": True})],
        "20 tasks, 1 dimension set each": [_task({"dimensions": [s], "zeroed": True}) for s in sets],
        "1 task, 5 regions": [_task({"regions": REGIONS})],
        "5 tasks, 1 region each": [_task({"regions": [r]}) for r in REGIONS],
    }
    medians = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, tasks in plays.items():
            path = Path(tmp) / "play.yml"
            path.write_text(_playbook(tasks))
            walls = []
            for dummy in range(RUNS):
                started = time.perf_counter()
                subprocess.run([str(BIN / "ansible-playbook"), "-i", "localhost,", "-c", "local", "-e", "url=" + moto_url, str(path)],
                               env=env, check=True, capture_output=True)
                walls.append(time.perf_counter() - started)
            medians[name] = row("3. scale (ansible-playbook run)", name, walls, "s")
    ratio = medians["1 task, 20 dimension sets"] / medians["1 task, 1 dimension set"]
    ROWS.append(("3. scale (ansible-playbook run)", "20 sets in one task / 1 set (target <= 1.5)", "%.2f" % ratio, "", "x", RUNS))
    ratio = medians["20 tasks, 1 dimension set each"] / medians["1 task, 20 dimension sets"]
    ROWS.append(("3. scale (ansible-playbook run)", "20 tasks / 1 task with 20 sets", "%.2f" % ratio, "", "x", RUNS))
    ratio = medians["5 tasks, 1 region each"] / medians["1 task, 5 regions"]
    ROWS.append(("3. scale (ansible-playbook run)", "5 tasks / 1 task with 5 regions", "%.2f" % ratio, "", "x", RUNS))


def bench_send_stats(moto_url):
    stats_params = {"regions": None, "since": None, "publish_facts": False, "include_contact_details": False}
    for latency in (0.0, 0.05):
        label = "loopback" if not latency else "+%d ms per request" % (latency * 1000)
        for regions in (REGIONS[:1], REGIONS):
            walls, per_region = [], []
            for dummy in range(RUNS):
                with LoopbackProxy(target=moto_url, fault=(lambda request, delay=latency: delay or None)) as proxy:
                    started = time.perf_counter()
                    execute_send_stats(dict(params(proxy.url), **dict(stats_params, regions=regions)), AwsSession(params(proxy.url)))
                    walls.append(time.perf_counter() - started)
                    per_region.append(len(proxy.operations()) / len(regions))
            if latency == 0.0:
                row("4. ses_send_stats", "requests per region (%d regions; moto lacks GetAccount: +1 fallback call)" % len(regions), per_region, "requests")
            row("4. ses_send_stats", "%d region(s), %s: wall" % (len(regions), label), walls, "s")


def print_table():
    print()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print("sesmon.ses benchmarks — %s, Python %s, %d CPU, %s" % (platform.platform(), platform.python_version(), os.cpu_count(), stamp))
    print("| section | measure | median | spread (min-max) | unit | runs |")
    print("|---|---|---|---|---|---|")
    for section, what, med, spread, unit, runs in ROWS:
        print("| %s | %s | %s | %s | %s | %s |" % (section, what, med, spread, unit, runs))


def main():
    with MotoServer() as moto:
        seed(moto.url)
        bench_request_counts(moto.url)
        bench_module_process(moto.url)
        bench_scale(moto.url)
        bench_send_stats(moto.url)
    print_table()


if __name__ == "__main__":
    main()
