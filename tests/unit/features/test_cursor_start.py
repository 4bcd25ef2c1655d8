"""The JSON cursor scan started near the cursor (from the config tree) reads the cursor as the scan from the
top does, at every offset: valid files, and files broken before, inside and after the cursor's object."""

from __future__ import annotations

import pytest
from bench.generate import config as generated

from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.features.cursor import cursor_at

BASE = generated(120, "jsonc")
MIDDLE = BASE.index('"class_name"', len(BASE) // 2)
TEXTS = [
    BASE,
    BASE[:MIDDLE] + '"cl' + BASE[MIDDLE:],  # a half-typed key in the middle
    BASE[:MIDDLE] + "{" + BASE[MIDDLE:],  # an unbalanced brace
    BASE.replace('"name": "bench"', '"name": "bench', 1),  # an unterminated string near the top
    '{"env": {"a": {"vars": {"X": "1"}}, "a": {"durable_objects": {"bindings": [{"name": "R", "cl',
]


@pytest.mark.parametrize("text", TEXTS)
def test_started_near_the_cursor_equals_from_the_top(text: str) -> None:
    source = text.encode()
    doc = Document("file:///w/wrangler.jsonc", syntax.Format.JSON, source)
    first_issue = min((issue.span.start for issue in doc.config.issues), default=len(source))
    tree = (doc.config.root, first_issue)
    for offset in range(0, len(source) + 1, 5 if len(source) > 1000 else 1):
        assert cursor_at(syntax.Format.JSON, source, offset, tree) == cursor_at(syntax.Format.JSON, source, offset)
