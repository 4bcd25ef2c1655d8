"""Real wrangler.toml files: the ones wrangler's parser accepts build without issues; each broken one gets
an error on the line the real parser reported (`FEATURES.tsv`, column `parse_error`, 1-based lines).
"""

from __future__ import annotations

import csv
import re

import pytest

from tests import paths
from wrangler_lsp import config, syntax
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import LineIndex

CORPUS = paths.CORPUS
with (CORPUS / "FEATURES.tsv").open(newline="") as features:
    ROWS = [row for row in csv.DictReader(features, delimiter="\t") if row["file"].endswith(".toml")]
VALID = [row["file"] for row in ROWS if row["valid"] == "true"]
BROKEN = [(row["file"], row["parse_error"]) for row in ROWS if row["valid"] == "false"]


def build(name: str) -> tuple[bytes, config.Config]:
    source = (CORPUS / name).read_bytes()
    return source, config.build(syntax.parse(syntax.Format.TOML, source))


@pytest.mark.parametrize("name", VALID)
def test_valid(name: str) -> None:
    _, built = build(name)
    assert [(issue.code, issue.span, issue.message) for issue in built.issues] == []


@pytest.mark.parametrize(("name", "parse_error"), BROKEN, ids=[name for name, _ in BROKEN])
def test_broken(name: str, parse_error: str) -> None:
    source, built = build(name)
    match = re.search(r"line (\d+)", parse_error)
    assert match is not None, parse_error
    index = LineIndex(source)
    lines = {index.line_of(issue.span.start) + 1 for issue in built.issues if issue.severity is Severity.ERROR}
    assert int(match.group(1)) in lines


def test_counts() -> None:
    assert (len(VALID), len(BROKEN)) == (125, 8)
