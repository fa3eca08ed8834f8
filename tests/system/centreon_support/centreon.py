# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Running Debian's centreon-plugins (Centreon's real Perl code) beside ses_metric_check, and comparing.

Nothing here stands in for Centreon: the plugin and perfdata.pm are the installed ones.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

PLUGIN = "/usr/lib/nagios/plugins/centreon_plugins.pl"
PERFDATA_PM = "/usr/lib/centreon-plugins/centreon/plugins/perfdata.pm"
RANGE_DRIVER = Path(__file__).with_name("range_driver.pl")
VENV_BIN = Path(sys.executable).parent  # holds the `aws` command (awscli v1) the awscli custom mode runs

# cloud/aws/ses/mode/emails.pm: CloudWatch metric -> (threshold label, output text).
EMAILS_METRICS = {
    "Send": ("emails-sent", "number of sent emails"),
    "Delivery": ("emails-delivered", "number of emails successfully delivered"),
    "Reputation.BounceRate": ("emails-rejected", "rate of rejected sent emails"),
    "Reputation.ComplaintRate": ("emails-spam", "rate of sent emails marked as spam"),
}
TEXT_OF_LABEL = dict(EMAILS_METRICS.values())

# The one wording difference of the no-metrics line (docs/migrating-from-centreon.md, "No-metrics message").
CENTREON_NO_METRICS = "use --zeroed option"
MODULE_NO_METRICS = "use the zeroed option"

_STATES = ("OK", "WARNING", "CRITICAL", "UNKNOWN")
_PERF_ITEM = re.compile(r"'((?:[^']|'')*)'=(\S*)")
_SECTION = re.compile(r"(?:^| )(OK|WARNING|CRITICAL|UNKNOWN): ")


def missing_reference():
    """Why the reference cannot run here, or None (make setup installs all of it)."""
    for path in (PLUGIN, PERFDATA_PM):
        if not os.path.exists(path):
            return "%s is missing: install Debian's centreon-plugins (make setup does)" % path
    if not (VENV_BIN / "aws").exists():
        return "no aws command in %s (awscli is in requirements-dev.txt)" % VENV_BIN
    return None


def perl_ranges(pairs, timeout=120):
    """Centreon's verdict for each (range text, float value): None when it refuses the range, else (alerts, perfdata field)."""
    lines = "".join("%s %s\n" % (text.encode("utf-8").hex(), struct.pack(">d", value).hex()) for text, value in pairs)
    done = subprocess.run(["perl", str(RANGE_DRIVER)], input=lines, capture_output=True, text=True, timeout=timeout, check=True)
    answers = done.stdout.split("\n")[:-1]
    assert len(answers) == len(pairs), done.stderr[-2000:]
    verdicts = []
    for answer in answers:
        if answer == "invalid":
            verdicts.append(None)
        else:
            state, field = answer.split("\t")
            verdicts.append((state != "ok", field))
    return verdicts


def plugin_env():
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(
        PATH="%s:%s" % (VENV_BIN, env.get("PATH", "/usr/bin:/bin")),
        PERL_HASH_SEED="0",  # a stable metric order from run to run
        PERL_PERTURB_KEYS="0",
        AWS_CONFIG_FILE="/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent/aws-credentials",
        AWS_EC2_METADATA_DISABLED="true",
    )
    return env


def run_plugin(endpoint, region, access_key, secret_key, timeframe, period, thresholds=None, dimension=None, zeroed=False, timeout=90):
    """(exit code, first output line) of the real plugin's SES emails mode through its awscli custom mode."""
    command = [
        "perl", PLUGIN, "--plugin=cloud::aws::ses::plugin", "--mode=emails", "--custommode=awscli",
        "--aws-access-key=" + access_key, "--aws-secret-key=" + secret_key, "--region=" + region,
        "--endpoint-url=" + endpoint, "--timeframe=%d" % timeframe, "--period=%d" % period, "--statistic=average",
    ]
    for label, (warning, critical) in sorted((thresholds or {}).items()):
        if warning is not None:
            command.append("--warning-%s=%s" % (label, warning))
        if critical is not None:
            command.append("--critical-%s=%s" % (label, critical))
    if dimension:
        command.extend("--dimension=%s=%s" % pair for pair in dimension.items())
    if zeroed:
        command.append("--zeroed")
    done = subprocess.run(command, env=plugin_env(), capture_output=True, text=True, timeout=timeout, check=False)
    return done.returncode, done.stdout.split("\n")[0]


def split_output(line):
    """'STATE: text | perfdata' -> (text without trailing space, perfdata or '')."""
    text, _bar, perfdata = line.partition("|")
    return text.rstrip(" "), perfdata.strip(" ")


def perfdata_items(perfdata):
    """{label: 'value;warn;crit;min;max'}; a label must not repeat."""
    items = {}
    for label, fields in _PERF_ITEM.findall(perfdata):
        assert label not in items, "perfdata label %r repeats in %r" % (label, perfdata)
        items[label] = fields
    assert len(items) == len(perfdata.split()) if perfdata else not items, perfdata
    return items


def normalised_text(text, values=None):
    """Sections -> groups -> items sorted (metric order is Perl hash order), each item's number as %.2f.

    ``values`` maps an item text (``number of sent emails``) to the module's exact value: the module
    shows rates with more digits (``0.001 (0.10%)``), Centreon with %.2f; compared at %.2f.
    """
    pieces = _SECTION.split(text)
    assert pieces[0] == "", "output %r does not start with a state" % text
    sections = []
    for state, body in zip(pieces[1::2], pieces[2::2]):
        groups = []
        for group in body.split(" - "):
            head, sep, items = group.partition("Metrics ")
            if not sep:
                groups.append(group)
                continue
            shown = []
            for item in items.split(", "):
                name, _colon, number = item.partition(": ")
                if values is not None and name in values:
                    number = "%.2f" % values[name]
                shown.append("%s: %s" % (name, number))
            groups.append(head + sep + ", ".join(sorted(shown)))
        sections.append((state, groups))
    return sections
