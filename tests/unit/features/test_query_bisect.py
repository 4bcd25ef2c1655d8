"""`query.at` in a JSON object with many members bisects: it must answer as the member-by-member scan does,
at every offset (duplicates, which put members out of order, included)."""

from __future__ import annotations

import pytest
from bench.generate import config as generated

from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.features import query

DUPLICATES = '{"env": {' + ", ".join(f'"e{i % 20}": {{"name": "w{i}"}}' for i in range(40)) + "}}"


@pytest.mark.parametrize("text", [generated(1000, "jsonc"), DUPLICATES])
def test_bisection_answers_as_the_scan(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = text.encode()
    worker = Document("file:///w/wrangler.jsonc", syntax.Format.JSON, source).context.worker
    assert len(worker.envs) > query._SCAN
    bisected = [query.at(worker, offset) for offset in range(len(source) + 1)]
    monkeypatch.setattr(query, "_SCAN", 10**9)
    scanned = [query.at(worker, offset) for offset in range(len(source) + 1)]
    assert bisected == scanned
