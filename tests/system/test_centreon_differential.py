# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""ses_metric_check against Centreon's real plugin code (Debian's centreon-plugins), verdict for verdict.

1. Ranges: Centreon's own perfdata.pm (threshold_validate, threshold_check,
   get_perfdata_for_output), driven by centreon_support/range_driver.pl over thousands of
   (range, value) pairs in one perl process, against nagios_range. The only differences allowed are
   the refusals that docs/migrating-from-centreon.md lists.
2. The check: the real plugin (cloud::aws::ses::plugin, emails mode, awscli custom mode, awscli
   from the venv) and the module (its main(), in-process) on the same moto_server data, one right
   after the other: exit code, perfdata (labels, values, warn/crit/min/max) and the output line,
   after normalising only the metric order (Perl hash order) and the documented precision of rates.
   Datapoints sit at whole minutes, at least two minutes clear of either end of the window, so the
   few seconds between the two runs cannot change what either reads (moto, like CloudWatch, reads
   [start, end)). Both run in the same minute unless a run straddles one.
"""
from __future__ import annotations

import math
import random
import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import boto3
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from ansible_collections.sesmon.ses.plugins.module_utils.nagios_range import RangeError, parse_range
from ansible_collections.sesmon.ses.plugins.module_utils.thresholds import UnfireableRange, parse_label_range
from ansible_collections.sesmon.ses.plugins.modules import ses_metric_check
from ansible_collections.sesmon.ses.tests.unit.utils import aws_env
from ansible_collections.sesmon.ses.tests.unit.utils.module_runner import run_module
from centreon_support import centreon

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "migrating-from-centreon.md"
REGION = "us-east-1"
ACCESS_KEY = "AKIADIFFERENTIAL0001"
SECRET_KEY = "differential-Secret-4f7a-centreon"
UTC = timezone.utc


@pytest.fixture(scope="module", autouse=True)
def _reference_and_clean_env(tmp_path_factory):
    missing = centreon.missing_reference()
    if missing:
        pytest.fail(missing)
    with pytest.MonkeyPatch.context() as patch:
        aws_env.isolate(patch, str(tmp_path_factory.mktemp("aws")))
        yield


# ---- 1. ranges: perfdata.pm itself ------------------------------------------------------

# Refusals where Centreon accepts: (what, test on nagios_range's RangeError, words the guide must hold).
DOCUMENTED_REFUSALS = (
    ("start > end", lambda error: "is greater than end" in error.reason, "start greater than its end"),
    ("bare @", lambda error: error.reason.startswith("'@' must be followed"), "a bare `@`"),
    ("blank", lambda error: error.reason.startswith("a blank range"), "only spaces or tabs"),
    ("whitespace", lambda error: error.reason.startswith("whitespace inside"), "a newline"),
    ("byte units", lambda error: bool(re.search(r"[0-9][KMGTPE][bB]", error.text)), "byte units"),
    ("too large", lambda error: error.reason.endswith("is too large"), "too large for a float"),
)

# Hand-picked first: every form and every refusal, whatever the random draw.
EXPLICIT_RANGES = [
    "10", "10:", "~:10", "10:20", "@10:20", ":10", ":", "@:5", "~:", "@~:", "0", "-5:5", "+7:+8", "1,5:", "0.050",
    "0,050:1,50", "007", "-0:0", "0.15", "0.1234567891", "0.123456785", "100000.99999999988:", " 10 ", "\t@1:2\t",
    "10:5", "-5", "@20:10", "@", "", "  ", "\t", "10\n", "\n", "10 :20", "@ 10", "10KB", "1Mb:2Gb", "1" + "0" * 400,
    "1e3", ".5", "5.", "~", "10:~", "1:2:3", "abc", "@@10", "nan", "inf", "+-5", "0x10", "\u0661\u0660", "~:-100001",
]

_JUNK = ["10KB", "5Mb:", "1e3", ".5", "5.", "~", "10:~", "1:2:3", "abc", "@", "@@1", "10 :20", "10\n", "\n", "  ", "\t",
         "+-5", "~5:", "1,2,3", "1.5.2", "--1", "@ ", "0x1f", "1_000"]


def _decimal(rnd, whole, digits):
    sep = "," if rnd.random() < 0.2 else "."
    return "%s%s%s" % (whole, sep, "".join(rnd.choice("0123456789") for _digit in range(digits)))


def _number(rnd):
    kind = rnd.randrange(11)
    if kind == 0:
        return str(rnd.randint(0, 20))
    if kind == 1:
        return str(rnd.randint(-1000, 1000))
    if kind == 2:
        return "+%d" % rnd.randint(0, 100)
    if kind == 3:
        return "0" * rnd.randint(1, 3) + str(rnd.randint(0, 99))
    if kind == 4:
        return _decimal(rnd, rnd.randint(-50, 50), rnd.randint(1, 12))
    if kind == 5:
        return "0.%s5" % "".join(rnd.choice("0123456789") for _digit in range(8))  # halfway at the 9th decimal
    if kind == 6:
        return "9" * rnd.randint(14, 22)
    if kind == 7:
        return repr(rnd.uniform(-1e6, 1e6))
    if kind == 8:
        return rnd.choice(["-0", "0.0", "-0.0", "0.00000001", "0.000000005", repr((0.1 + 0.2) / 2)])
    if kind == 9:
        return "1" + "0" * 400 if rnd.random() < 0.05 else _decimal(rnd, 0, rnd.randint(1, 4))
    return repr(rnd.uniform(0, 0.2))


def _float_of(text):
    try:
        return float(text.replace(",", ".").lstrip("+"))
    except ValueError:
        return None


def _random_range(rnd):
    if rnd.random() < 0.08:
        return rnd.choice(_JUNK)
    first, second = _number(rnd), _number(rnd)
    low, high = _float_of(first), _float_of(second)
    if rnd.random() < 0.7 and low is not None and high is not None and low > high:
        first, second = second, first
    body = rnd.choice([first, first + ":", "~:" + second, first + ":" + second, first + ":" + second, ":" + second, ":", "~:"])
    text = ("@" if rnd.random() < 0.3 else "") + body
    if rnd.random() < 0.1:
        text = rnd.choice([" ", "\t", "  "]) + text + rnd.choice(["", " ", "\t"])
    return text


def _values_near(rnd, text):
    bounds = [value for value in (_float_of(part) for part in re.split("[:@~ \t]+", text)) if value is not None and math.isfinite(value)]
    values = [rnd.uniform(-1e6, 1e6), rnd.uniform(-1, 1), 0.0, rnd.choice([1e-9, 1.5e-9, 5e-9, 1e-5, (0.1 + 0.2) / 2])]
    for bound in bounds:
        near = [bound, bound + 1e-9, bound - 1e-9, bound + 5e-9, bound - 5e-9, bound + 1e-8, bound - 1e-8,
                math.nextafter(bound, math.inf), math.nextafter(bound, -math.inf), bound + 4.9e-9, bound - 5.1e-9]
        values.extend(rnd.sample(near, 5))
    return values


def _module_verdict(text, value):
    try:
        rng = parse_range(text)
    except RangeError as error:
        return error
    if rng is None:
        return (False, "")
    return (rng.alerts(value), rng.normalized())


def _range_pairs():
    rnd = random.Random(20261202)
    texts = EXPLICIT_RANGES + [_random_range(rnd) for _draw in range(2500)]
    return [(text, value) for text in texts for value in _values_near(rnd, text)]


def test_ranges_agree_with_centreon_perfdata_pm():
    pairs = _range_pairs()
    assert len(pairs) > 10000
    verdicts = centreon.perl_ranges(pairs)
    refused = dict((name, 0) for name, _test, _words in DOCUMENTED_REFUSALS)
    problems = []
    for (text, value), theirs in zip(pairs, verdicts):
        ours = _module_verdict(text, value)
        if theirs is None:
            if not isinstance(ours, RangeError):
                problems.append("%r: Centreon refuses it, nagios_range gives %r" % (text, ours))
        elif isinstance(ours, RangeError):
            kinds = [name for name, test, _words in DOCUMENTED_REFUSALS if test(ours)]
            if kinds:
                refused[kinds[0]] += 1
            else:
                problems.append("%r: refused here (%s), accepted by Centreon as %r" % (text, ours.reason, theirs))
        elif ours != theirs:
            problems.append("%r with value %r: Centreon (alerts, perfdata) %r, nagios_range %r" % (text, value, theirs, ours))
    assert not problems, "%d differences, first ones:\n%s" % (len(problems), "\n".join(problems[:20]))
    assert all(refused.values()), refused  # every documented refusal was exercised


# Refused for a label, not as a range: a valid range that no value of the label can raise (ses_metric_check's thresholds).
UNFIREABLE_WORDS = "can never alert"


def test_guide_lists_every_refusal():
    guide = GUIDE.read_text(encoding="utf-8")
    for name, _test, words in DOCUMENTED_REFUSALS + (("unfireable", None, UNFIREABLE_WORDS),):
        assert words in guide, "%s: the migration guide must say %r" % (name, words)


# ---- 2. the check: the real plugin and the module on the same data ----------------------

def _slots(timeframe, period):
    """How many datapoints, one period apart from 60 s before the minute, stay 120 s clear of the window start."""
    return (timeframe - 180) // period + 1


def _seed(url, metrics, dimension, minute, timeframe, period):
    """metrics: {CloudWatch name: [value or None per slot]}; slot j is at ``minute - 60 - j * period``."""
    client = boto3.client("cloudwatch", region_name=REGION, endpoint_url=url,
                          aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
    data = []
    for name, values in metrics.items():
        assert len(values) <= _slots(timeframe, period)
        for slot, value in enumerate(values):
            if value is None:
                continue
            datum = {"MetricName": name, "Timestamp": minute - timedelta(seconds=60 + slot * period), "Value": value}
            if dimension:
                datum["Dimensions"] = [{"Name": key, "Value": text} for key, text in dimension.items()]
            data.append(datum)
    for first in range(0, len(data), 500):
        client.put_metric_data(Namespace="AWS/SES", MetricData=data[first:first + 500])


def _module_args(url, timeframe, period, thresholds, dimension, zeroed):
    args = dict(region=REGION, endpoint_url=url, access_key=ACCESS_KEY, secret_key=SECRET_KEY,
                statistics=["average"], timeframe=timeframe, period=period, zeroed=zeroed)
    for position, option in ((0, "warning"), (1, "critical")):
        given_ = dict((label, pair[position]) for label, pair in thresholds.items() if pair[position] is not None)
        if given_:
            args[option] = given_
    if dimension:
        args["dimensions"] = [dimension]
    return args


def _run_both(server, metrics, thresholds=None, dimension=None, zeroed=False, timeframe=600, period=60):
    """(module result, plugin exit code, plugin's first line) on freshly seeded data."""
    thresholds = thresholds or {}
    if datetime.now(UTC).second > 50:  # start early in a minute, so both usually share it
        time.sleep(61 - datetime.now(UTC).second)
    server.reset()
    minute = datetime.now(UTC).replace(second=0, microsecond=0)
    _seed(server.url, metrics, dimension, minute, timeframe, period)
    result = run_module(ses_metric_check.main, _module_args(server.url, timeframe, period, thresholds, dimension, zeroed))
    code, line = centreon.run_plugin(server.url, REGION, ACCESS_KEY, SECRET_KEY, timeframe, period,
                                     thresholds=thresholds, dimension=dimension, zeroed=zeroed)
    # Past this, the seeded margin of 120 s no longer guarantees that both read the same datapoints.
    assert datetime.now(UTC) - minute < timedelta(seconds=115), "the two runs took too long to compare"
    assert SECRET_KEY not in repr(result)
    return result, code, line


def _assert_agree(result, code, line):
    assert not result.get("failed"), result.get("msg")
    assert result["exit_code"] == code, "module %r\nCentreon (exit %d) %r" % (result["output"], code, line)
    their_text, their_perf = centreon.split_output(line)
    our_text, our_perf = centreon.split_output(result["output"])
    assert our_perf == result["perfdata"]
    theirs, ours = centreon.perfdata_items(their_perf), centreon.perfdata_items(our_perf)
    assert sorted(theirs) == sorted(ours), (line, result["output"])
    for label, fields in theirs.items():
        if fields != ours[label]:
            # Documented: Perl writes small numbers with an exponent (5e-05); the perfdata format wants 0.00005.
            their_value, _sep, their_rest = fields.partition(";")
            our_value, _sep, our_rest = ours[label].partition(";")
            assert their_rest == our_rest and "e" in their_value and "e" not in our_value, (label, fields, ours[label])
            assert float(their_value) == float(our_value), (label, fields, ours[label])
    values = dict((centreon.TEXT_OF_LABEL[entry["label"]], entry["value"]) for entry in result["metrics"] if entry["value"] is not None)
    # The text is compared through these values: they must be the ones the perfdata (compared above) carries.
    assert sorted(values.values()) == pytest.approx(sorted(float(fields.split(";")[0]) for fields in ours.values()), rel=1e-6, abs=5e-9)
    ours_normalised = centreon.normalised_text(our_text.replace(centreon.MODULE_NO_METRICS, centreon.CENTREON_NO_METRICS), values)
    assert ours_normalised == centreon.normalised_text(their_text), "module %r\nCentreon %r" % (result["output"], line)


FOUR = {"Send": [10, 20, 5], "Delivery": [9, 18, 5], "Reputation.BounceRate": [0.05, 0.04], "Reputation.ComplaintRate": [0.001, 0.002]}

TABLE = [
    pytest.param(dict(metrics=FOUR), id="all-ok"),
    pytest.param(dict(metrics={"Send": [19, 19], "Reputation.BounceRate": [0.03], "Delivery": [18], "Reputation.ComplaintRate": [0.0]},
                      thresholds={"emails-sent": ("10", None), "emails-rejected": (None, "0.02")}), id="issue-layout"),
    pytest.param(dict(metrics={"Reputation.BounceRate": [0.1, 0.2], "Reputation.ComplaintRate": [0.1, 0.2, 0.3], "Send": [0.1, 0.2, 0.3, 0.4]},
                      thresholds={"emails-rejected": ("0.15", None), "emails-spam": (None, "@0.2:0.2"), "emails-sent": ("0.25", None)}),
                 id="rounding-at-bounds"),
    pytest.param(dict(metrics=FOUR, thresholds={"emails-sent": ("10", "~:20"), "emails-delivered": ("10:", "@0:5"),
                                                "emails-rejected": ("~:0.04", ":0.050"), "emails-spam": ("0,001:0,0012", "@~:0.001")}),
                 id="range-forms-1"),
    # ':' and '~:' (never alerting on a count or a rate) are compared in the ranges test above, and refused here per label.
    pytest.param(dict(metrics=FOUR, thresholds={"emails-sent": (":12", "+20:"), "emails-delivered": ("007", "@10:10"),
                                                "emails-rejected": ("0.045:0.046", "@0.045:0.045"), "emails-spam": ("~:0,0012", " 1,5: ")}),
                 id="range-forms-2"),
    pytest.param(dict(metrics={"Send": [10, 10], "Delivery": [10], "Reputation.BounceRate": [0.05], "Reputation.ComplaintRate": [0.001]},
                      thresholds={"emails-sent": ("10", "@10:10"), "emails-delivered": ("10:", None),
                                  "emails-rejected": ("0.049999999", "0.04999999"), "emails-spam": ("0.001:0.001", None)}),
                 id="boundary-values"),
    pytest.param(dict(metrics={"Send": [7, None, 3]}, zeroed=True, thresholds={"emails-delivered": (None, "1:")}), id="zeroed"),
    pytest.param(dict(metrics={}), id="no-data"),
    pytest.param(dict(metrics={"Send": [None, 4, None, 8], "Reputation.ComplaintRate": [0.00005]},
                      thresholds={"emails-sent": ("5", None)}), id="gaps-and-missing-metrics"),
    pytest.param(dict(metrics=FOUR, dimension={"ses:configuration-set": "marketing"},
                      thresholds={"emails-rejected": ("0.04", None)}), id="one-dimension"),
    pytest.param(dict(metrics={"Send": [3, None, 4, 5], "Reputation.BounceRate": [0.01, 0.02, None, 0.04]}, timeframe=1800, period=300,
                      thresholds={"emails-sent": ("4", None)}), id="period-300"),
]


@pytest.mark.parametrize("case", TABLE)
def test_table(moto_server, case):
    _assert_agree(*_run_both(moto_server, **case))


def test_bad_threshold_is_unknown_there_and_a_task_failure_here(moto_server):
    result, code, line = _run_both(moto_server, {"Send": [1]}, thresholds={"emails-sent": ("abc", None)})
    assert (code, line) == (3, "UNKNOWN: Wrong warning-emails-sent threshold 'abc'. ")
    assert result["failed"] and result["msg"].startswith("warning.emails-sent: 'abc' is not a valid Nagios range: ")


def test_a_range_that_can_never_alert_is_ok_there_and_refused_here(moto_server):
    # A documented refusal: 10 on a bounce rate (meant as 10 %) is 0:10, which no fraction leaves; Centreon stays OK for ever.
    result, code, line = _run_both(moto_server, {"Reputation.BounceRate": [0.3]}, thresholds={"emails-rejected": (None, "10")})
    assert code == 0 and line.startswith("OK: 'SES' Statistic 'Average' Metrics rate of rejected sent emails: 0.30 |")
    assert line.rstrip().endswith("'SES~average#ses.emails.rejected.rate'=0.3;;0:10;;")
    assert result["failed"] and result["msg"] == "critical.emails-rejected: '10' can never alert: rates are fractions (0.1 is 10 %)"


def test_start_above_end_alerts_there_and_is_refused_here(moto_server):
    # A documented refusal: Centreon takes 10:5 and alerts on every value.
    result, code, line = _run_both(moto_server, {"Send": [7]}, thresholds={"emails-sent": ("10:5", None)})
    assert code == 1 and line.startswith("WARNING: 'SES' Statistic 'Average' Metrics number of sent emails: 7.00 |")
    assert result["failed"] and result["msg"] == "warning.emails-sent: '10:5' is not a valid Nagios range: start 10 is greater than end 5"


# ---- property-based: random data and thresholds, some exactly at the value --------------

_COUNTS = st.integers(0, 400).map(float)
_RATES = st.one_of(st.integers(0, 3000).map(lambda i: i / 100000.0), st.sampled_from([0.1, 0.2, 0.3, 1 / 3.0, 0.07, 0.00005]))
_WINDOWS = st.sampled_from([(600, 60), (900, 60), (1500, 300)])


def _in_order_mean(values):
    present = [value for value in reversed(values) if value is not None]  # oldest first, as the plugin adds them
    total = 0.0
    for value in present:
        total += value
    return total / len(present) if present else None


def _fireable(label, text):
    """False for a valid range that no value of the label can raise (refused here, accepted by Centreon: tested above)."""
    try:
        parse_label_range(label, text)
    except UnfireableRange:
        return False
    except RangeError:
        pass
    return True


@st.composite
def _ranges(draw, bounds):
    first, second = sorted(draw(st.lists(bounds, min_size=2, max_size=2)), key=float)
    text = draw(st.sampled_from(["{a}", "{a}:", "~:{b}", ":{b}", "{a}:{b}", "@{a}:{b}", "@~:{b}"])).format(a=first, b=second)
    return text.replace(".", ",") if draw(st.integers(0, 5)) == 0 else text


@st.composite
def _check_cases(draw):
    timeframe, period = draw(_WINDOWS)
    slots = _slots(timeframe, period)
    metrics = {}
    for name in centreon.EMAILS_METRICS:
        if draw(st.integers(0, 4)) == 0:
            continue  # a metric without any datapoint
        kind = _COUNTS if name in ("Send", "Delivery") else _RATES
        metrics[name] = draw(st.lists(st.one_of(st.none(), kind, kind), min_size=slots, max_size=slots))
    thresholds = {}
    for name, (label, _text) in centreon.EMAILS_METRICS.items():
        mean = _in_order_mean(metrics.get(name, []))
        choices = [st.integers(0, 400).map(str), st.integers(0, 3000).map(lambda i: "%g" % (i / 100000.0))]
        if mean is not None:
            choices.append(st.sampled_from([repr(mean), "%.2f" % mean, "%.8f" % mean, "%.9f" % mean]))  # at the value
        fireable = _ranges(st.one_of(*choices)).filter(lambda text, label=label: _fireable(label, text))
        pair = tuple(draw(st.one_of(st.none(), fireable)) for _position in range(2))
        if pair != (None, None):
            thresholds[label] = pair
    return dict(metrics=metrics, thresholds=thresholds, zeroed=draw(st.booleans()), timeframe=timeframe, period=period)


def _assert_agree_or_both_refuse(result, code, line):
    """Where Centreon calls a threshold wrong (UNKNOWN), the module refuses it as a task failure, naming it."""
    wrong = re.match(r"UNKNOWN: Wrong (warning|critical)-(emails-[a-z]+) threshold '(.*)'\. $", line)
    if wrong:
        assert code == 3 and result.get("failed"), (line, result.get("output"))
        assert result["msg"].startswith("%s.%s: '%s' is not a valid Nagios range: " % wrong.groups()), (line, result["msg"])
        return
    _assert_agree(result, code, line)


# Each example runs the plugin (~2-8 s, four awscli processes): few examples, no shrinking, and the
# same ones on every run (derandomize), so CI is not at the mercy of the draw. The explicit example is
# a reduced form of a draw that once came up with a threshold written with an exponent ("%g" of
# 0.00006): Centreon calls it wrong, the module refuses it.
@settings(max_examples=6, deadline=None, database=None, derandomize=True, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(case=_check_cases())
@example(case=dict(metrics={"Send": [263.0, 18.0]}, thresholds={"emails-sent": ("6e-05:", None)},
                   zeroed=True, timeframe=900, period=60))
def test_random_cases(moto_server, case):
    _assert_agree_or_both_refuse(*_run_both(moto_server, **case))
