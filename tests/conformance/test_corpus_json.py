"""Real wrangler.json / wrangler.jsonc files: the valid ones build without issues and to the same values as
`json5.loads` (a superset of JSONC); the broken one fails where wrangler 4.164 fails.

`FEATURES.tsv`'s `valid`/`parse_error` columns come from Python's `json` module, not from wrangler: the only
JSON(C) file marked invalid is also rejected by wrangler (a template with `{{ "now" | date: ... }}` inside a
string), with "InvalidSymbol" at line 5, column 31.
"""

from __future__ import annotations

import csv

import json5
import pytest

from tests import paths
from wrangler_lsp import config, syntax

CORPUS = paths.CORPUS
with (CORPUS / "FEATURES.tsv").open(newline="") as features:
    ROWS = [row for row in csv.DictReader(features, delimiter="\t") if row["file"].endswith((".json", ".jsonc"))]
VALID = [row["file"] for row in ROWS if row["valid"] == "true"]
BROKEN = {
    "cloudflare__workers-rs__templates__hello-world__wrangler.jsonc": (5, 31, "Invalid symbol"),
}
"""Each broken file: the 1-based line, 0-based column and message of wrangler's (first) parse error."""


def build(name: str) -> tuple[bytes, config.Config]:
    source = (CORPUS / name).read_bytes()
    return source, config.build(syntax.parse(syntax.Format.JSON, source))


def test_corpus_is_there() -> None:
    assert len(VALID) >= 150
    assert sorted(row["file"] for row in ROWS if row["valid"] != "true") == sorted(BROKEN)


@pytest.mark.parametrize("name", VALID)
def test_valid(name: str) -> None:
    source, built = build(name)
    assert [(issue.code, issue.span, issue.message) for issue in built.issues] == []
    assert config.to_python(built.root) == json5.loads(source.decode("utf-8-sig"))


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken(name: str) -> None:
    source, built = build(name)
    line, column, message = BROKEN[name]
    first = min(built.issues, key=lambda issue: issue.span)
    start = first.span.start
    assert (first.code, first.message) == ("WL004", message)
    assert source.count(b"\n", 0, start) + 1 == line
    assert start - (source.rfind(b"\n", 0, start) + 1) == column
