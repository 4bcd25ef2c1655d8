"""`convert.EncodedDiagnostics`: the JSON text published after each edit equals a fresh conversion, while
unchanged diagnostics are reused, not re-encoded."""

from __future__ import annotations

import json

import pytest
from bench.generate import config as generated

from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.lsp import convert
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import PositionEncoding, TextEdit

EDITS = [b"x", b"\xf0\x9f\x98\x80", b"", b"\n", b"Room"]


@pytest.mark.parametrize("encoding", [PositionEncoding.UTF16, PositionEncoding.UTF8])
def test_each_publish_equals_a_fresh_conversion(encoding: PositionEncoding, monkeypatch: pytest.MonkeyPatch) -> None:
    source = ("# 漢字 😀\n" + generated(200, "toml")).encode()
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    encoded = convert.EncodedDiagnostics()
    dumps = []
    real_dumps = json.dumps
    monkeypatch.setattr(convert.json, "dumps", lambda value, **options: dumps.append(1) or real_dumps(value, **options))
    previous: bytes | None = None
    for version, text in enumerate([*EDITS, None], 1):
        findings = doc.findings(Settings())
        dumps.clear()
        got = json.loads(encoded.array(doc, findings, encoding))
        encoded_now = len(dumps)
        assert got == [convert.diagnostic_json(doc, finding, encoding) for finding in findings.in_views()]
        assert sorted(map(json.dumps, got)) == sorted(
            json.dumps(convert.diagnostic_json(doc, f, encoding)) for f in findings
        )
        fresh = Document(doc.uri, doc.format, doc.source, doc.version)
        assert got == json.loads(convert.EncodedDiagnostics().array(fresh, fresh.findings(Settings()), encoding))
        if previous is not None and b"\n" not in previous:
            assert encoded_now <= 4 < len(findings)  # the edited env's, at most: the rest were reused
        if text is None:
            break
        at = doc.source.index(b'"Room"', len(doc.source) // 2) + 2
        doc = doc.edited(version, [TextEdit(at, at, text) if text else TextEdit(at, at + 1, b"")])
        previous = text
