# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The defaults and counts the docs state are the code's: each test fails when a doc and the code part.

- Requests per region of ses_send_stats: the request plan in send_stats_task (which the unit tests hold to the
  requests really made, through a recording proxy).
- botocore's retry and timeout defaults: read from the installed botocore's own client config.
- Defaults of ses_metric_check (statistic of each label, timeframe, period, look-back) and total_timeout: the
  constants the argument spec uses.
- The window: [now - timeframe, now], not widened to whole periods, in the code and in every doc.
"""

from __future__ import annotations

import ast
import re
from datetime import datetime, timedelta, timezone

import boto3
import botocore
import yaml

from ansible_collections.sesmon.ses.plugins.module_utils.cloudwatch import check_window
from ansible_collections.sesmon.ses.plugins.module_utils.connection import AwsSession
from ansible_collections.sesmon.ses.plugins.module_utils.check_options import DEFAULT_LOOKBACK, DEFAULT_PERIOD, DEFAULT_TIMEFRAME
from ansible_collections.sesmon.ses.plugins.module_utils.send_stats_task import FALLBACK_REQUESTS, REQUESTS_PER_REGION
from ansible_collections.sesmon.ses.plugins.module_utils.sources.cloudwatch_ses import CATALOGUE
from ansible_collections.sesmon.ses.plugins.module_utils.transport import DEFAULT_TOTAL_TIMEOUT
from ansible_collections.sesmon.ses.plugins.modules import ses_send_stats
from ansible_collections.sesmon.ses.tests.system.conftest import ROOT
from ansible_collections.sesmon.ses.tests.unit.utils.aws_env import isolate
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module

DOCS = ROOT / "docs"
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def _read(name):
    return " ".join((DOCS / name).read_text(encoding="utf-8").split())  # one line: docs wrap anywhere


def _module_doc(module):
    tree = ast.parse((ROOT / "plugins" / "modules" / ("%s.py" % module)).read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "DOCUMENTATION":
            return yaml.safe_load(node.value.value)
    raise AssertionError(module)


def _flat(value):
    return " ".join(" ".join(value if isinstance(value, list) else [value]).split())


# -- ses_send_stats: requests per region ----------------------------------------------------------------------

def test_send_stats_request_counts_are_the_request_plan():
    per_region, fallback = len(REQUESTS_PER_REGION), len(REQUESTS_PER_REGION) + len(FALLBACK_REQUESTS)
    guide = _read("ses_send_stats.md")
    steps = re.search(r"Per region, one after the other: (.*?) When `GetAccount`", guide).group(1)
    assert re.findall(r"\d\. `(\w+)`", steps) == list(REQUESTS_PER_REGION)
    assert "So %d requests per region, %d on the fallback" % (per_region, fallback) in guide
    for operation in FALLBACK_REQUESTS:
        assert "`%s`" % operation in guide
    description = _flat(_module_doc("ses_send_stats")["description"])
    assert "Each region costs %s requests" % WORDS[per_region] in description and "(%s requests)" % WORDS[fallback] in description
    assert "(%d per region for `ses_send_stats`, %s;" % (per_region, " and ".join(REQUESTS_PER_REGION)) in _read("troubleshooting.md")
    assert "%d requests per region against AWS" % per_region in _read("performance.md")
    # No doc may still say three requests per region (GetSendQuota first), as docs/ses_send_stats.md once did.
    for path in DOCS.glob("*.md"):
        assert "three requests per region" not in _read(path.name), path.name


# -- botocore's defaults ------------------------------------------------------------------------------------------

def test_botocore_defaults_in_the_docs_are_the_installed_botocores(monkeypatch, tmp_path):
    isolate(monkeypatch, tmp_path)
    session = AwsSession({"region": "eu-west-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "docs-truth-secret",
                          "endpoint_url": "http://127.0.0.1:9"})
    config = session.client("ses", "eu-west-1").meta.config
    mode = config.retries.get("mode")
    attempts = config.retries.get("total_max_attempts") or (config.retries.get("max_attempts", 0) + 1)
    if mode == "standard" and not config.retries.get("total_max_attempts") and "max_attempts" not in config.retries:
        from botocore.retries.standard import DEFAULT_MAX_ATTEMPTS  # pylint: disable=import-outside-toplevel
        attempts = DEFAULT_MAX_ATTEMPTS  # what the standard mode applies when none is set
    version = ".".join(botocore.__version__.split(".")[:2])
    stated = "with botocore %s, retry mode `%s` with %d attempts, a %d s connect timeout and a %d s read timeout" % (
        version, mode, attempts, config.connect_timeout, config.read_timeout)
    assert stated in _read("troubleshooting.md")
    assert "(botocore %s: `%s` mode, %d attempts, %d s to connect, %d s per read)" % (
        version, mode, attempts, config.connect_timeout, config.read_timeout) in _read("connection.md")
    assert "`total_timeout` (%d s unless set)" % DEFAULT_TOTAL_TIMEOUT in _read("troubleshooting.md")


# -- ses_metric_check's defaults -----------------------------------------------------------------------------------

def test_metrics_table_gives_each_labels_default_statistic():
    guide = (DOCS / "ses_metric_check.md").read_text(encoding="utf-8")
    rows = dict((cells[0].strip("` "), cells[4].strip()) for cells in
                (line.strip("|").split("|") for line in guide.splitlines() if line.startswith("| `emails-")))
    assert rows == dict((metric.label, metric.default_statistic) for metric in CATALOGUE)
    doc = _module_doc("ses_metric_check")
    for metric in CATALOGUE:
        assert "V(%s)" % metric.default_statistic in doc["options"]["metrics"]["choices"][metric.label], metric.label


def test_no_doc_says_the_rates_default_to_average():
    rates = sorted(set(metric.default_statistic for metric in CATALOGUE if metric.unit == "fraction"))
    assert rates == ["latest"]
    for path in list(DOCS.glob("*.md")) + [ROOT / "README.md"]:
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert not re.search(r"rates (?:use|to|default to) `?average", text), path.name
        for said in re.findall(r"rates (?:use|to|default to) `(\w+)`", text):
            assert said in rates, (path.name, said)


def test_window_defaults_are_the_argument_specs():
    doc = _module_doc("ses_metric_check")
    assert (doc["options"]["timeframe"]["default"], doc["options"]["period"]["default"]) == (DEFAULT_TIMEFRAME, DEFAULT_PERIOD)
    assert doc["options"]["reputation_lookback"]["default"] == DEFAULT_LOOKBACK
    guide = _read("ses_metric_check.md")
    assert "reaches `timeframe` seconds back (default %d)" % DEFAULT_TIMEFRAME in guide
    assert "`period`-second buckets (default %d)" % DEFAULT_PERIOD in guide
    assert "`reputation_lookback` (default %d s)" % DEFAULT_LOOKBACK in guide
    assert "default **%d** here" % DEFAULT_TIMEFRAME in _read("migrating-from-centreon.md")
    assert "`timeframe` is %d s, not the pack's 3600 s" % DEFAULT_TIMEFRAME in _read("migrating-from-centreon.md")


def test_the_window_is_not_widened_in_the_code_nor_in_any_doc():
    now = datetime(2024, 5, 1, 12, 0, 30, 700000, tzinfo=timezone.utc)
    start, end = check_window(now, 600)
    assert (start, end) == (now.replace(microsecond=0) - timedelta(seconds=600), now.replace(microsecond=0))  # 11:50:30, not 11:50
    timeframe = _flat(_module_doc("ses_metric_check")["options"]["timeframe"]["description"])
    assert "not widened to whole periods" in timeframe
    assert "not widened to period boundaries" in _read("ses_metric_check.md")
    for path in list(DOCS.glob("*.md")) + [ROOT / "README.md"]:
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert not re.search(r"window is widened to whole periods", text), path.name


# -- ses_send_stats' sample output ----------------------------------------------------------------------------------

_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _timeless(value):
    return yaml.safe_load(_TIME.sub("<time>", yaml.safe_dump(value)))


def _text(warning):
    return warning if isinstance(warning, str) else warning.get("msg") or warning.get("event", {}).get("msg")


def test_send_stats_sample_is_what_the_task_returns(moto_server, monkeypatch, tmp_path):
    """docs/ses_send_stats.md's "real output": the task run again on moto after 3 sends and 1 rejected send."""
    isolate(monkeypatch, tmp_path)
    guide = (DOCS / "ses_send_stats.md").read_text(encoding="utf-8")
    task = yaml.safe_load(re.search(r"## A first task\n\n```yaml\n(.*?)\n```", guide, re.S).group(1))[0]
    sample = yaml.safe_load(re.search(r"not-run: the output of the task above[^\n]*\n```yaml\n(.*?)\n```", guide, re.S).group(1))["ses"]
    moto_server.reset()
    keys = dict(aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="docs-truth-Secret-key-1")
    ses = boto3.client("ses", region_name="eu-west-1", endpoint_url=moto_server.url, **keys)
    ses.verify_email_identity(EmailAddress="sender@example.com")
    message = {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "b"}}}
    for number in range(3):
        ses.send_email(Source="sender@example.com", Destination={"ToAddresses": ["to%d@example.com" % number]}, Message=message)
    try:
        ses.send_email(Source="unverified@example.org", Destination={"ToAddresses": ["to@example.com"]}, Message=message)
    except ses.exceptions.MessageRejected:
        pass
    args = dict(task["sesmon.ses.ses_send_stats"], endpoint_url=moto_server.url, access_key=keys["aws_access_key_id"],
                secret_key=keys["aws_secret_access_key"])
    result = run_module(ses_send_stats.main, args)
    result.setdefault("failed", False)
    for key, shown in sample.items():
        if key == "regions":
            assert sorted(result[key]) == sorted(shown) and sorted(result[key]["eu-west-1"]) == sorted(shown["eu-west-1"])
        elif key == "warnings":
            assert [" ".join(_text(w).split()) for w in result[key]] == [" ".join(w.split()) for w in shown]
        else:
            assert _timeless(result[key]) == _timeless(shown), key
    assert sorted(set(result) - {"invocation"}) == sorted(sample)


# -- docs/architecture.md: the map matches the tree ----------------------------------------------------------------

def test_architecture_page_names_every_module_utils_file_and_only_real_paths():
    page = _read("architecture.md")
    utils = ROOT / "plugins" / "module_utils"
    for path in sorted(utils.rglob("*.py")):
        if path.stem == "__init__":
            continue
        name = path.relative_to(utils).as_posix()
        assert "`%s`" % name in page, "docs/architecture.md does not name plugins/module_utils/%s" % name
    for named in re.findall(r"`((?:sources/)?[a-z_]+\.py)`", page):
        assert (utils / named).is_file() or (ROOT / "plugins" / "modules" / named).is_file(), named
    for named in re.findall(r"`((?:plugins|docs|tests)/[\w/.-]+)`", page):
        assert (ROOT / named).exists(), named


def test_architecture_page_lists_what_a_source_declares():
    from ansible_collections.sesmon.ses.plugins.module_utils.sources import registry  # pylint: disable=import-outside-toplevel
    page = _read("architecture.md")
    for source in registry.SOURCES:
        assert "`sources/%s.py`" % source.__name__.rsplit(".", 1)[1] in page, source.NAME
        for attribute in ("NAME", "LABELS", "DEFAULT_LABELS", "THRESHOLD_LABELS", "domain", "OPERATIONS", "REQUESTS_KEY", "prepare"):
            assert hasattr(source, attribute), (source.NAME, attribute)
            assert "`%s`" % attribute in page, attribute
