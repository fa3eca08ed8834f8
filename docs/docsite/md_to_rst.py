# -*- coding: utf-8 -*-
# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""docs/*.md -> docs/docsite/rst/*.rst, the docsite's extra docs (antsibull-docs reads only RST there).

usage: python docs/docsite/md_to_rst.py [--check]
The Markdown files stay the source (Galaxy and GitHub show them); --check fails when an RST file is stale.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pypandoc

DOCS = Path(__file__).resolve().parents[1]
RST_DIR = DOCS / "docsite" / "rst"
LABEL_PREFIX = "ansible_collections.sesmon.ses.docsite."
REPOSITORY = "https://github.com/sesmon/ses/blob/main/"


def label(stem):
    return LABEL_PREFIX + stem.replace("-", "_")


def _text(inlines):
    """The plain text of pandoc inline elements."""
    parts = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind == "Code":
            parts.append(content[1])
        elif isinstance(content, list):
            parts.append(_text([item for item in content if isinstance(item, dict) and "t" in item]))
    return "".join(parts)


def _rewrite_links(node):
    """Links to another docs/*.md become :ref:s to its page; links to other repository files point at the repository."""
    if isinstance(node, list):
        return [_rewrite_links(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("t") == "Link":
        inlines, (target, title) = node["c"][1], node["c"][2]
        path = target.split("#")[0]
        if re.match(r"^[\w-]+\.md$", path) and (DOCS / path).is_file():
            return {"t": "RawInline", "c": ["rst", ":ref:`%s <%s>`" % (_text(inlines), label(path[:-3]))]}
        if path and "://" not in target:
            url = REPOSITORY + (DOCS / path).resolve().relative_to(DOCS.parent).as_posix()
            node = {"t": "Link", "c": [node["c"][0], inlines, [url, title]]}
    return {key: _rewrite_links(value) for key, value in node.items()}


def convert(md_path):
    """The RST text of one Markdown document, with its label and cross-references."""
    tree = json.loads(pypandoc.convert_file(str(md_path), "json", format="gfm"))
    tree["blocks"] = _rewrite_links(tree["blocks"])
    body = pypandoc.convert_text(json.dumps(tree), "rst", format="json", extra_args=["--wrap=preserve"])
    # pandoc's heading labels would break antsibull-docs' rule that every label starts with LABEL_PREFIX.
    body = re.sub(r"^\.\. _[^:\n]+:\n\n", "", body, flags=re.M)
    header = ".. Generated from docs/%s by docs/docsite/md_to_rst.py: edit the Markdown file, then run it.\n\n" % md_path.name
    return "%s.. _%s:\n\n%s" % (header, label(md_path.stem), body.rstrip() + "\n")


def main(argv):
    check = "--check" in argv
    stale = []
    expected = {}
    for md_path in sorted(DOCS.glob("*.md")):
        expected[md_path.stem.replace("-", "_") + ".rst"] = convert(md_path)
    for name, text in expected.items():
        target = RST_DIR / name
        if not target.is_file() or target.read_text() != text:
            stale.append(name)
            if not check:
                target.write_text(text)
    extra = sorted(path.name for path in RST_DIR.glob("*.rst") if path.name not in expected)
    if check and (stale or extra):
        sys.stderr.write("stale: %s; without a Markdown source: %s\n" % (stale, extra))
        return 1
    for name in extra:
        (RST_DIR / name).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
