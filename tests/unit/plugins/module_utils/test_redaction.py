# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Masking before cutting: no piece of 16 characters of a secret survives, whatever cut it (issue 21)."""

from __future__ import annotations

import string

from ansible_collections.sesmon.ses.plugins.module_utils.redaction import PIECE, redact, redact_tree, secret_forms, secret_values

TOKEN = "".join(string.ascii_letters[(i * 7) % 52] for i in range(520)) + "+/=="
SECRETS = secret_values({"session_token": TOKEN, "proxy_url": "http://ops:pa55-w0rd-long-enough@proxy.example.com:3128"}, environ={})


def _no_piece(text, secret=TOKEN):
    for start in range(len(secret) - PIECE + 1):
        assert secret[start:start + PIECE] not in text, (start, text)


def test_a_cut_token_shows_no_piece():
    for cut in (20, 100, 299, 400):
        text = "X-Amz-Security-Token: " + TOKEN[:cut]
        masked = redact(text, SECRETS)
        _no_piece(masked)
        assert masked.startswith("X-Amz-Security-Token: ********")


def test_masking_comes_before_the_limit():
    text = "p" * 250 + TOKEN
    masked = redact(text, SECRETS, limit=300)
    _no_piece(masked)
    assert masked == "p" * 250 + "********"


def test_a_token_wrapped_over_lines_or_joined_by_spaces():
    wrapped = "\n".join(TOKEN[i:i + 76] for i in range(0, len(TOKEN), 76))
    _no_piece(redact(wrapped, SECRETS))
    _no_piece(redact(" ".join(wrapped.split()), SECRETS))


def test_fifteen_characters_are_ordinary_text():
    assert redact(TOKEN[:PIECE - 1], SECRETS) == TOKEN[:PIECE - 1]


def test_a_whole_url_is_masked_but_its_host_stays_readable():
    masked = redact("could not connect through the proxy http://ops:********@proxy.example.com:3128 (x)", SECRETS)
    assert "proxy.example.com:3128" in masked
    assert "pa55-w0rd" not in redact("pw=pa55-w0rd-long-enough", SECRETS)


def test_html_escaped_form():
    forms = secret_forms('a<b>&"c-long-secret-value')
    assert "a&lt;b&gt;&amp;&quot;c-long-secret-value" in forms


def test_redact_tree_masks_every_text_and_key():
    tree = {"msg": "t=" + TOKEN[5:40], "errors": [{"message": TOKEN[100:130]}], TOKEN[:20]: 1, "n": 3}
    masked = redact_tree(tree, SECRETS)
    _no_piece(str(masked))
    assert masked["n"] == 3
