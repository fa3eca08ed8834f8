# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every example runs: the EXAMPLES of both modules and both report filters, and each YAML block of README.md,
docs/*.md and the role's README.

All of them run in one ansible-playbook invocation against moto_server on 127.0.0.1, one play per example
source (the blocks of one page run in one play, in order, as a reader runs them one after the other; a block
that is a whole play is a play of its own). The endpoint and the credentials come the way a user's would:
AWS_URL (endpoint_url's environment fallback), AWS_ENDPOINT_URL_STS, a credentials file with a default and a
``monitoring`` profile, and the variables the examples name (ses_access_key...). moto has no sesv2 GetAccount:
the loopback proxy in front of it answers GetAccount with the JSON AWS sends (tests/unit/utils/ses_answers.py,
checked against botocore's service model below), for a healthy production account with a 50,000 quota.

Convention for a block that cannot run here: an HTML comment ``<!-- not-run: <reason> -->`` on the line
before its fence (invisible in the rendered page). Such a block is still parsed, and a playbook is
syntax-checked. The outcome of each run is asserted per task: nothing fails that should pass, and what the
example shows (its status, a message) is what the reader would see.
"""

from __future__ import annotations

import ast
import json
import re
from datetime import datetime, timedelta, timezone

import boto3
import pytest
import yaml
from botocore.loaders import Loader

from ansible_collections.sesmon.ses.tests.system.conftest import ROOT, playbook_env, run_playbook
from ansible_collections.sesmon.ses.tests.unit.conftest import recording_proxy  # pylint: disable=unused-import
from ansible_collections.sesmon.ses.tests.unit.utils.ses_answers import (
    GET_ACCOUNT, LIST_RECOMMENDATIONS, VDM_BATCH, answering, get_account_answer, recommendation, recommendations_document,
    v2_answer, vdm_batch_document,
)

MODULES = ("ses_metric_check", "ses_send_stats")
FILTERS = ("ses_markdown", "ses_html_report")
PAGES = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md")) + [ROOT / "roles" / "centreon_ses_pack" / "README.md"]
BLOCK = re.compile(r"(?:<!-- not-run: (?P<reason>[^\n]*?) -->\n)?```yaml\n(?P<body>.*?)\n```", re.S)
ACCESS_KEY, SECRET_KEY = "AKIAIOSFODNN7EXAMPLE", "examples-Secret-key-7f3a"
QUOTA = {"Max24HourSend": 50000.0, "MaxSendRate": 14.0, "SentLast24Hours": 1200.0}
REGIONS = ("eu-west-1", "us-east-1")


def _examples(module, kind="modules"):
    tree = ast.parse((ROOT / "plugins" / kind / ("%s.py" % module)).read_text())
    return next(node.value.value for node in tree.body
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "EXAMPLES")


def doc_blocks():
    """(source id, reason or None, parsed YAML) of every YAML block of the pages."""
    for page in PAGES:
        for number, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), 1):
            yield "%s#%d" % (page.relative_to(ROOT), number), match.group("reason"), yaml.safe_load(match.group("body"))


def _is_play(item):
    return isinstance(item, dict) and "hosts" in item


def build_playbook():
    """(plays, not-run blocks): one play per module's EXAMPLES and per page; plays given whole run as they are."""
    plays, skipped = [], []
    for module in MODULES:
        plays.append({"name": "EXAMPLES of %s" % module, "hosts": "localhost", "gather_facts": False, "tasks": yaml.safe_load(_examples(module))})
    for name in FILTERS:
        plays.append({"name": "EXAMPLES of filter %s" % name, "hosts": "localhost", "gather_facts": False,
                      "tasks": yaml.safe_load(_examples(name, "filter"))})
    pages = {}
    for source, reason, body in doc_blocks():
        if reason:
            skipped.append((source, reason, body))
            continue
        assert isinstance(body, list) and body, "%s: a runnable block is a list of tasks or plays (or mark it not-run)" % source
        if all(_is_play(item) for item in body):
            plays.extend(dict(play, name="%s: %s" % (source, play.get("name", "play"))) for play in body)
        else:
            assert not any(_is_play(item) for item in body), source
            page = source.split("#")[0]
            if page not in pages:
                pages[page] = {"name": page, "hosts": "localhost", "gather_facts": False, "tasks": []}
                plays.append(pages[page])
            pages[page]["tasks"].extend(body)
    return plays, skipped


# -- what each example must show --------------------------------------------------------------------------------

def _msgs(task):
    """What a debug task printed: its msg, or each loop item's msg."""
    result = task["result"]
    return [item.get("msg") for item in result["results"]] if "results" in result else [result.get("msg")]


def _ok(task):
    return not task["result"].get("failed") and not task["result"].get("skipped")


def _expect_module_examples(tasks):
    check = tasks["EXAMPLES of ses_metric_check"]
    assert [t["result"]["status"] for t in check if t["action"] == "sesmon.ses.ses_metric_check"] == [
        "CRITICAL",  # Centreon-equivalent: an average of 1000 sent per minute is above its critical 50
        "OK", "OK", "OK", "OK", "OK", "OK", "OK"]
    stats = tasks["EXAMPLES of ses_send_stats"]
    shown = [_msgs(t) for t in stats if t["name"] == "Show the bounce rate per region"][0]
    # A healthy 0.0 bounce rate shows as 0.0, not as "n/a" (0.0 is falsy in Jinja's default(..., true)).
    assert shown == ["eu-west-1: 0.0", "us-east-1: 0.0"], shown
    assert [_msgs(t) for t in stats if t["name"] == "Use the published facts later"] == [["eu-west-1 sandbox: False"]]


def _expect_pages(tasks):
    readme = tasks["README.md#1: play"]
    assert [t["result"].get("status") for t in readme if t["action"] == "sesmon.ses.ses_metric_check"] == ["OK"]
    quota = readme[0]["result"]["quota"]  # GetAccount's quota (injected), and moto's three sends in the statistics
    assert (quota["max_24_hour_send"], quota["remaining_24_hour_send"], readme[0]["result"]["totals"]["delivery_attempts"]) == (50000.0, 48800.0, 3)
    assert readme[0]["result"]["summary"][0] == ("eu-west-1: sent 1200 of 50000 in 24 h (2.4 % used, 48800 left); bounces 0 %, "
                                                 "complaints 0 % of 3 attempts; account HEALTHY, production")
    connection = tasks["docs/connection.md#1: play"]  # through AssumeRole (moto's STS), with adaptive retries
    assert connection[1]["result"]["account"]["enforcement_status"] == "HEALTHY" and connection[2]["result"]["status"] == "OK"
    guide = tasks["docs/ses_metric_check.md"]
    gate = [t for t in guide if t["name"] == "SES reputation gate"][0]
    assert gate["result"]["status"] == "OK" and gate["result"]["output"].startswith("OK: ")
    recommendations = [t for t in guide if t["name"] == "Check DKIM, DMARC and SPF as AWS sees them"][0]["result"]
    assert recommendations["output"].startswith("WARNING: ") and "1 open LOW (DMARC example.com)" in recommendations["output"]
    vdm = [t for t in guide if t["name"].startswith("Complaint and permanent bounce rates at")][0]["result"]
    assert vdm["status"] == "OK" and sorted(set(m["instance"] for m in vdm["metrics"])) == ["isp:Hotmail", "isp:Yahoo"]
    tenants = [t for t in guide if t["name"] == "Catch a tenant or a resource that SES paused"][0]["result"]
    assert tenants["status"] == "OK" and "no tenants" in tenants["output"]
    sets = [t for t in guide if t["name"] == "Three configuration-set instances in one request"][0]
    assert sorted(set(m["instance"] for m in sets["result"]["metrics"])) == ["marketing", "marketing~spring", "transactional"]
    stats = tasks["docs/ses_send_stats.md"]
    assert [_msgs(t) for t in stats if t["name"] == "Bounce rate per region"] == [["eu-west-1: 0.0", "us-east-1: 0.0"]]
    migrating = tasks["docs/migrating-from-centreon.md"]
    # Centreon's way: Average for every metric, Centreon's output (moto also averages in the configuration sets' Send).
    assert migrating[0]["result"]["output"].startswith("OK: 'SES' Statistic 'Average' Metrics number of sent emails: ")
    assert "rate of rejected sent emails: 0.01 (1.00%)" in migrating[0]["result"]["output"]
    trouble = tasks["docs/troubleshooting.md"]
    assert trouble[0]["result"]["error"] if trouble[0]["result"].get("failed") else trouble[1]["result"].get("skipped")
    report = tasks["docs/report.md"]  # the run sets GITHUB_STEP_SUMMARY, as GitHub Actions does: every task runs
    assert [t["name"] for t in report if not _ok(t)] == []
    assert [t["result"]["status"] for t in report if t["action"] == "sesmon.ses.ses_metric_check"] == ["OK"]


def _expect_filter_examples(tasks, work):
    markdown = tasks["EXAMPLES of filter ses_markdown"]
    assert [t["name"] for t in markdown if not _ok(t)] == []
    printed = [_msgs(t) for t in markdown if t["action"] == "ansible.builtin.debug"][0][0]
    assert printed.startswith("## Amazon SES report") and "eu-west-1" in printed and "us-east-1" in printed, printed[:300]
    summary = (work / "step-summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## SES before the deployment") and "| " in summary, summary[:300]
    html = tasks["EXAMPLES of filter ses_html_report"]
    assert [t["name"] for t in html if not _ok(t)] == []
    page = (work / "ses-report.html").read_text(encoding="utf-8")
    assert "<svg" in page and "us-east-1" in page


# -- the endpoint ----------------------------------------------------------------------------------------------------

def _seed(url):
    """Two healthy regions: SES sends (moto records the statistics) and AWS/SES CloudWatch metrics, some per configuration set."""
    when = datetime.now(timezone.utc) - timedelta(seconds=90)
    for region in REGIONS:
        kwargs = dict(region_name=region, endpoint_url=url, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
        ses = boto3.client("ses", **kwargs)
        ses.verify_email_identity(EmailAddress="sender@example.com")
        for number in range(3):
            ses.send_email(Source="sender@example.com", Destination={"ToAddresses": ["to%d@example.com" % number]},
                           Message={"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "b"}}})
        data = [{"MetricName": name, "Value": value, "Timestamp": when} for name, value in
                (("Send", 1000.0), ("Delivery", 990.0), ("Reputation.BounceRate", 0.01), ("Reputation.ComplaintRate", 0.0002))]
        for dimensions in ({"ses:configuration-set": "marketing"}, {"ses:configuration-set": "transactional"},
                           {"ses:configuration-set": "marketing", "campaign": "spring"}):
            pairs = [{"Name": name, "Value": value} for name, value in dimensions.items()]
            data += [{"MetricName": name, "Value": value, "Timestamp": when, "Dimensions": pairs}
                     for name, value in (("Send", 100.0), ("Bounce", 2.0), ("Complaint", 0.0))]
        boto3.client("cloudwatch", **kwargs).put_metric_data(Namespace="AWS/SES", MetricData=data)


# moto 5.2 has none of these sesv2 operations: the examples' endpoint answers them (healthy, one open LOW
# recommendation), on the real HTTP path; each answer is held to botocore's model below.
LIST_TENANTS = "sesv2:POST /v2/email/tenants/list"
LIST_ENTITIES = "sesv2:POST /v2/email/reputation/entities"
_DAY = int(datetime(2024, 5, 1, tzinfo=timezone.utc).timestamp())
# Yahoo and Hotmail send SES their complaints; the counts of the last days, per ISP (None: the whole account).
_VDM = dict(((metric, isp), [(_DAY, value)]) for isp in ("Yahoo", "Hotmail", None)
            for metric, value in (("SEND", 1000.0), ("DELIVERY_COMPLAINT", 960.0), ("COMPLAINT", 0.0), ("PERMANENT_BOUNCE", 4.0)))
_LOW = recommendation("DMARC", "LOW", "OPEN", "arn:aws:ses:eu-west-1:123456789012:identity/example.com", _DAY)


def _vdm_answer(request):
    return v2_answer(vdm_batch_document(json.loads(request.body)["Queries"], _VDM))


def _injected_documents():
    """(botocore output shape, JSON document) of every injected sesv2 answer."""
    account = json.loads(get_account_answer(SendQuota=QUOTA, EnforcementStatus="HEALTHY", ProductionAccessEnabled=True)[2])
    queries = [{"Id": "q0", "Namespace": "VDM", "Metric": "SEND", "Dimensions": {"ISP": "Yahoo"}}]
    return [("GetAccountResponse", account), ("ListRecommendationsResponse", recommendations_document([_LOW])),
            ("BatchGetMetricDataResponse", vdm_batch_document(queries, _VDM)),
            ("ListTenantsResponse", {"Tenants": []}), ("ListReputationEntitiesResponse", {"ReputationEntities": []})]


def _answers():
    return {GET_ACCOUNT: v2_answer(_injected_documents()[0][1]), LIST_RECOMMENDATIONS: v2_answer(recommendations_document([_LOW])),
            VDM_BATCH: _vdm_answer, LIST_TENANTS: v2_answer({"Tenants": []}), LIST_ENTITIES: v2_answer({"ReputationEntities": []})}


def _fits(value, shape, shapes, where):
    """Every field of ``value`` is a member of ``shape`` in botocore's model (recursively)."""
    if shape.get("type") == "structure":
        assert isinstance(value, dict), where
        for key, item in value.items():
            assert key in shape["members"], "%s.%s is not in botocore's model" % (where, key)
            _fits(item, shapes[shape["members"][key]["shape"]], shapes, "%s.%s" % (where, key))
    elif shape.get("type") == "list":
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            _fits(item, shapes[shape["member"]["shape"]], shapes, "%s[%d]" % (where, index))
    elif shape.get("enum"):
        assert value in shape["enum"], (where, value)


def test_the_injected_answers_fit_botocores_model():
    shapes = Loader().load_service_model("sesv2", "service-2")["shapes"]
    for name, document in _injected_documents():
        _fits(document, shapes[name], shapes, name)
    assert sorted(_answers()) == sorted([GET_ACCOUNT, LIST_RECOMMENDATIONS, VDM_BATCH, LIST_TENANTS, LIST_ENTITIES])


@pytest.fixture(name="examples_run", scope="module")
def fixture_examples_run(tmp_path_factory, moto_server):
    work = tmp_path_factory.mktemp("examples")
    plays, skipped = build_playbook()
    (work / "examples.yml").write_text(yaml.safe_dump(plays, sort_keys=False))
    credentials = work / "credentials"
    credentials.write_text("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n[monitoring]\n"
                           "aws_access_key_id = %s\naws_secret_access_key = %s\n" % (ACCESS_KEY, SECRET_KEY, ACCESS_KEY, SECRET_KEY))
    moto_server.reset()
    _seed(moto_server.url)
    from ansible_collections.sesmon.ses.tests.unit.utils.http_proxy import LoopbackProxy  # pylint: disable=import-outside-toplevel
    with LoopbackProxy(target=moto_server.url, fault=answering(_answers())) as proxy:
        # GITHUB_STEP_SUMMARY as GitHub Actions sets it, so that the job-summary examples really write one.
        env = playbook_env(GITHUB_STEP_SUMMARY=str(work / "step-summary.md"),
                           AWS_URL=proxy.url, AWS_ENDPOINT_URL_STS=proxy.url, AWS_REGION="eu-west-1",
                           AWS_SHARED_CREDENTIALS_FILE=str(credentials), ANSIBLE_STDOUT_CALLBACK="ansible.builtin.json",
                           ANSIBLE_CALLBACK_RESULT_FORMAT="json")
        extra = {"ses_access_key": ACCESS_KEY, "ses_secret_key": SECRET_KEY, "aws_access_key": ACCESS_KEY, "aws_secret_key": SECRET_KEY}
        run = run_playbook(work / "examples.yml", "-e", json.dumps(extra), env=env, timeout=600)
    (work / "run.json").write_text(run.stdout)
    return run, skipped, work


def _tasks(run):
    report = json.loads(run.stdout[run.stdout.index("{"):])
    plays = {}
    for play in report["plays"]:
        plays[play["play"]["name"]] = [{"name": task["task"]["name"], "action": task["hosts"]["localhost"].get("action", ""),
                                        "result": task["hosts"]["localhost"]} for task in play["tasks"] if "localhost" in task["hosts"]]
    return plays


def test_every_runnable_example_runs_and_shows_what_it_says(examples_run):
    run, _skipped, work = examples_run
    tasks = _tasks(run)
    failed = [(play, t["name"], t["result"].get("msg")) for play, items in tasks.items() for t in items
              if t["result"].get("failed") and not t["result"].get("_ansible_ignore_errors")]
    assert failed == [] and run.returncode == 0, (failed, run.stderr[-3000:])
    plays, _skipped = build_playbook()
    assert sorted(tasks) == sorted(play["name"] for play in plays)  # every play ran
    _expect_module_examples(tasks)
    _expect_pages(tasks)
    _expect_filter_examples(tasks, work)
    assert SECRET_KEY not in run.stdout
    assert "<html" in (work / "ses-report.html").read_text(encoding="utf-8").lower()


def test_blocks_that_cannot_run_are_marked_with_a_reason_and_parsed(examples_run, tmp_path):
    _run, skipped, _work = examples_run
    reasons = dict((source, reason) for source, reason, _body in skipped)
    assert all(len(reason) > 10 for reason in reasons.values()), reasons
    assert {"docs/role.md#1", "docs/role.md#2", "roles/centreon_ses_pack/README.md#1", "docs/automate-mapping.md#1"} <= set(reasons)
    for source, _reason, body in skipped:
        assert body, source
        if isinstance(body, list):
            plays = body if all(_is_play(item) for item in body) else [{"hosts": "localhost", "gather_facts": False, "tasks": body}]
            playbook = tmp_path / ("%s.yml" % re.sub(r"\W", "_", source))
            playbook.write_text(yaml.safe_dump(plays))
            check = run_playbook(playbook, "--syntax-check", env=playbook_env())
            assert check.returncode == 0, (source, check.stdout + check.stderr)
