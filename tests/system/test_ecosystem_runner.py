# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The demo playbook under ansible-runner, the engine of AWX and Automation Controller: status, job events, no secret.

ansible-runner comes from .build/tools-venv (make setup); it runs this venv's ansible-playbook. The AWS
side is the demo's own endpoint (demo/endpoint.py) seeded as demo/run_demo.py seeds it.
"""

from __future__ import annotations

import base64
import json
import subprocess
import urllib.parse

import pytest
import yaml

from ansible_collections.sesmon.ses.demo.endpoint import DemoEndpoint
from ansible_collections.sesmon.ses.demo.run_demo import seed_cloudwatch
from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, playbook_env

RUNNER = ROOT / ".build" / "tools-venv" / "bin" / "ansible-runner"
DEMO = ROOT / "playbooks" / "demo.yml"
DEMO_PLAY = yaml.safe_load(DEMO.read_text())[0]
SECRET = DEMO_PLAY["module_defaults"]["group/sesmon.ses.aws"]["secret_key"]
STATS_TASK = next(task["name"] for task in DEMO_PLAY["tasks"] if "sesmon.ses.ses_send_stats" in task)
GATE_TASK = next(task for task in DEMO_PLAY["tasks"] if "block" in task)["block"][0]


def _gate_only_play():
    """The demo's play with only its CI gate task, without the rescue that the demo adds for the show."""
    return [dict(DEMO_PLAY, name="The CI gate alone", tasks=[GATE_TASK])]


class Run:
    def __init__(self, artifacts):
        self.dir = artifacts
        self.status = (artifacts / "status").read_text().strip()
        self.rc = int((artifacts / "rc").read_text().strip())
        paths = sorted((artifacts / "job_events").glob("*.json"), key=lambda path: int(path.name.split("-")[0]))
        self.events = [json.loads(path.read_text()) for path in paths]

    def results(self, event, task):
        return [e["event_data"]["res"] for e in self.events if e["event"] == event and e["event_data"].get("task") == task]


def _run(private, ident, playbook):
    result = subprocess.run(
        [str(RUNNER), "run", str(private), "-p", playbook, "--ident", ident],
        env=playbook_env(), capture_output=True, text=True, timeout=300, check=False,
    )
    artifacts = private / "artifacts" / ident
    assert (artifacts / "status").is_file(), result.stdout + result.stderr
    return Run(artifacts)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    if not RUNNER.exists():
        pytest.fail("ansible-runner is missing: make setup installs it into .build/tools-venv")
    private = tmp_path_factory.mktemp("runner")
    (private / "project").mkdir()
    (private / "project" / "demo.yml").write_text(DEMO.read_text())
    (private / "project" / "gate.yml").write_text(yaml.safe_dump(_gate_only_play(), sort_keys=False))
    (private / "inventory").mkdir()
    (private / "inventory" / "hosts").write_text("localhost ansible_connection=local\n")
    (private / "env").mkdir()
    with DemoEndpoint() as endpoint:
        seed_cloudwatch(endpoint)
        (private / "env" / "extravars").write_text(yaml.safe_dump({"demo_endpoint_url": endpoint.url}))
        yield {"demo": _run(private, "demo", "demo.yml"), "gate": _run(private, "gate", "gate.yml"),
               "private": private}


def test_the_demo_succeeds_with_its_gate_failure_rescued(runs):
    run = runs["demo"]
    assert (run.status, run.rc) == ("successful", 0)
    stats = [e for e in run.events if e["event"] == "playbook_on_stats"][-1]["event_data"]
    assert stats["rescued"] == {"localhost": 1} and stats["failures"] == {}


def test_the_gate_alone_fails_the_job(runs):
    run = runs["gate"]
    assert (run.status, run.rc) == ("failed", 2)
    failed = run.results("runner_on_failed", GATE_TASK["name"])
    assert len(failed) == 1
    assert failed[0]["status"] == "CRITICAL" and failed[0]["output"].startswith("CRITICAL: ")
    assert failed[0]["msg"].startswith("fail_on warning: CRITICAL emails-rejected (AWS: risk of pause)") and len(failed[0]["msg"]) <= 200


def test_job_events_carry_the_module_results(runs):
    run = runs["demo"]
    tasks = {task["name"]: task for task in DEMO_PLAY["tasks"]}
    stats = run.results("runner_on_ok", STATS_TASK)
    assert len(stats) == 1 and set(stats[0]["regions"]) == {"eu-west-1", "us-east-1"}
    assert stats[0]["regions"]["us-east-1"]["quota"]["max_24_hour_send"] == 100000
    check_name = "Check CloudWatch AWS/SES against AWS's recommended thresholds, per region"
    assert check_name in tasks
    items = {e["event_data"]["res"]["item"]: e["event_data"]["res"] for e in run.events
             if e["event"] == "runner_item_on_ok" and e["event_data"].get("task") == check_name}
    assert items["eu-west-1"]["status"] == "OK" and items["us-east-1"]["status"] == "CRITICAL"
    assert items["us-east-1"]["perfdata"] and items["us-east-1"]["output"].startswith("CRITICAL: ")
    gate = run.results("runner_on_failed", GATE_TASK["name"])
    assert len(gate) == 1 and gate[0]["status"] == "CRITICAL"


def test_no_secret_anywhere_in_the_artifact_directory(runs):
    forms = {SECRET, base64.b64encode(SECRET.encode()).decode(), urllib.parse.quote(SECRET), json.dumps(SECRET)[1:-1]}
    files = [path for path in (runs["private"] / "artifacts").rglob("*") if path.is_file()]
    assert len(files) > 20
    leaks = [(str(path), form) for path in files for form in forms if form in path.read_text(errors="replace")]
    assert leaks == []
    # The secret was really sent: the modules' invocation shows it masked.
    invocation = runs["demo"].results("runner_on_ok", STATS_TASK)[0]
    assert invocation["invocation"]["module_args"]["secret_key"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
