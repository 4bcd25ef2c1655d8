"""Lazy moves (`rules/findings.py`) and per-view publishing (`convert.EncodedDiagnostics`): after bursts of
in-place string edits, the published JSON equals a fresh encode of a fresh document of the same text, even
for edits on the lines other views' diagnostics (or their related places) lie on; and an edit does no work
for the views it did not touch."""

from __future__ import annotations

import json
import os

import pytest
from bench.generate import config as generated
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.unit.perf.helpers import assert_same_analysis
from wrangler_lsp import config, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.lsp import convert
from wrangler_lsp.rules import findings as lazy_findings
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import LineIndex, PositionEncoding, TextEdit

_DO = 'durable_objects = { bindings = [{ name = "ROOMS", class_name = "Room" }] }'
_TOP = (
    'name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-09-01"\n'
    '[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\n'
    '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n'
)
INLINE = _TOP.replace(
    # Two envs on one line: an edit in one lies on the other's diagnostic line. Their WL220 findings point
    # at the top-level binding.
    "[[durable",
    f'env = {{ a = {{ name = "w-a", vars = {{ X = "é" }}, {_DO} }}, b = {{ name = "w-b", {_DO} }} }}\n[[durable',
).encode()
INLINE_TABLES = (
    # An inline env per line, and a headed env.
    _TOP + f'[env]\nd = {{ name = "w-d", {_DO} }}\ne = {{ name = "w-e", {_DO} }}\n'
    '[env.f]\nname = "w-f"\n[[env.f.durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\n'
).encode()
SOURCES = [INLINE, INLINE_TABLES, generated(60, "toml").encode(), ("# 漢字 😀\n" + generated(120, "toml")).encode()]
INSERTS = ["x", "é", "😀", " ", "-", "Room", ""]
_EXAMPLES = int(os.environ.get("WRANGLER_LSP_PERF_EXAMPLES", "100"))


def _strings(doc: Document) -> list[config.Span]:
    return [
        node.span
        for node in config.walk(doc.config.root)
        if isinstance(node, config.Scalar) and node.kind is config.ScalarKind.STRING and node.span.end > node.span.start
    ]


def _diagnostic_lines(doc: Document) -> set[int]:
    index = LineIndex(doc.source)
    found = doc.findings(Settings())
    spans = [span for f in found for span in (f.span, *(rel.span for rel in f.related))]
    return {index.line_of(offset) for span in spans for offset in (span.start, span.end)}


def _edit(data: st.DataObject, doc: Document, lines: set[int]) -> TextEdit:
    """An edit between the quotes of a string, often one on a line some diagnostic lies on."""
    spans = _strings(doc)
    index = LineIndex(doc.source)
    near = [span for span in spans if index.line_of(span.start) in lines]
    span = data.draw(st.sampled_from(near if near and data.draw(st.booleans()) else spans))
    inner = doc.source[span.start + 1 : span.end - 1].decode()
    start = data.draw(st.integers(0, len(inner)))
    end = data.draw(st.integers(start, min(len(inner), start + 2)))
    offset = span.start + 1
    b_start, b_end = offset + len(inner[:start].encode()), offset + len(inner[:end].encode())
    return TextEdit(b_start, b_end, data.draw(st.sampled_from(INSERTS)).encode())


def _fresh_array(doc: Document, enc: PositionEncoding) -> str:
    fresh = Document(doc.uri, doc.format, doc.source, doc.version)
    return convert.EncodedDiagnostics().array(fresh, fresh.findings(Settings()), enc)


@settings(
    max_examples=_EXAMPLES,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_publishes_after_edit_bursts_equal_a_fresh_encode(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(SOURCES))
    enc = data.draw(st.sampled_from([PositionEncoding.UTF16, PositionEncoding.UTF8]))
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    encoder = convert.EncodedDiagnostics()
    first, first_findings = doc, doc.findings(Settings())
    assert encoder.array(doc, first_findings, enc) == _fresh_array(doc, enc)
    version = 0
    for _ in range(data.draw(st.integers(1, 5))):
        lines = _diagnostic_lines(doc)
        for _ in range(data.draw(st.integers(1, 3))):  # a burst: no analysis between its edits
            version += 1
            doc = doc.edited(version, [_edit(data, doc, lines)])
        published = encoder.array(doc, doc.findings(Settings()), enc)
        assert json.loads(published) == json.loads(_fresh_array(doc, enc))
        assert published == _fresh_array(doc, enc)
        if data.draw(st.booleans()):
            assert_same_analysis(doc, fixes=False)  # reads every view (the sorted list)
    # An analysis read after later ones still gives its own version's findings.
    fresh_first = Document(first.uri, first.format, first.source).findings(Settings())
    assert [(f.code, f.span, f.related) for f in first_findings] == [(f.code, f.span, f.related) for f in fresh_first]


def test_an_edit_reads_only_the_views_it_touched(monkeypatch: pytest.MonkeyPatch) -> None:
    """50 envs: after a one-character edit in one, the publish reads the edited view and the whole-config
    findings; no other view is moved, re-encoded or even read."""
    source = generated(800, "toml").encode()
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    found = doc.findings(Settings())
    assert len(found.views) > 50
    encoder = convert.EncodedDiagnostics()
    encoder.array(doc, found, PositionEncoding.UTF16)
    reads: list[tuple[str, ...]] = []
    moves: list[int] = []
    real_at, real_moved = lazy_findings.Lazy.at, lazy_findings.moved

    def counting_at(self: lazy_findings.Lazy, upto: int) -> list[lazy_findings.Finding]:
        reads.append(self.key)
        return real_at(self, upto)

    def counting_moved(found: list[lazy_findings.Finding], shifts: object) -> list[lazy_findings.Finding]:
        moves.append(len(found))
        return real_moved(found, shifts)  # type: ignore[arg-type]

    monkeypatch.setattr(lazy_findings.Lazy, "at", counting_at)
    monkeypatch.setattr(lazy_findings, "moved", counting_moved)
    at = source.index(b'"Room"', len(source) // 2) + 2
    for version, edit in enumerate([TextEdit(at, at, b"x"), TextEdit(at, at + 1, b"")], 1):
        doc = doc.edited(version, [edit])
        assert doc._patch is not None
        reads.clear()
        moves.clear()
        published = encoder.array(doc, doc.findings(Settings()), PositionEncoding.UTF16)
        assert {key[0] for key in reads} <= {"whole", "env"} and len(reads) <= 2, reads
        assert moves == []
        assert published == _fresh_array(doc, PositionEncoding.UTF16)


def test_a_publish_after_an_in_place_edit_looks_only_at_the_changed_views(monkeypatch: pytest.MonkeyPatch) -> None:
    """The publish does not even visit the views an edit left alone: it looks at the whole-config view, the
    view run again and those with a range on the edited line, so its cost does not grow with the envs. An
    edit that changes no diagnostic returns the very array of the last publish (a pull then compares two
    identical strings)."""
    source = generated(3000, "toml").encode()
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    found = doc.findings(Settings())
    assert len(found.views) > 200
    encoder = convert.EncodedDiagnostics()
    last = encoder.array(doc, found, PositionEncoding.UTF16)
    visited: list[tuple[str, ...]] = []
    real_still = convert._still

    def counting_still(chunk: object, view: lazy_findings.Lazy, edited: set[int] | None) -> bool:
        visited.append(view.key)
        return real_still(chunk, view, edited)  # type: ignore[arg-type]

    monkeypatch.setattr(convert, "_still", counting_still)
    quiet = source.index(b'"debug"', len(source) // 2) + 2  # a var's value: no diagnostic changes
    # A binding of the env's own Worker: its WL220 message changes, and a WL322 comes.
    loud = source.index(b'class_name = "Room"\n\n', len(source) // 2) + 16
    edits = [TextEdit(quiet, quiet, b"x"), TextEdit(quiet, quiet + 1, b""), TextEdit(loud, loud, b"x")]
    for version, edit in enumerate(edits, 1):
        doc = doc.edited(version, [edit])
        assert doc._patch is not None
        visited.clear()
        published = encoder.array(doc, doc.findings(Settings()), PositionEncoding.UTF16)
        assert len(visited) <= 3, visited
        assert published == _fresh_array(doc, PositionEncoding.UTF16)
        assert (published is last) == (edit.start == quiet)
        last = published


def test_an_edit_that_keeps_the_bytes_count_moves_later_diagnostics_on_its_line() -> None:
    """Found by hypothesis: the last edit replaces `Ro` by `é` in env a (two bytes for two), which moves
    nothing in bytes, so env b's findings after it on the same line can be the very objects of the last
    publish; in UTF-16 they moved one unit left, and must be encoded again (not reused by identity)."""
    bursts = [
        [TextEdit(27, 29, b"x"), TextEdit(160, 160, "é".encode()), TextEdit(282, 282, b"Room")],
        [TextEdit(386, 386, b""), TextEdit(8, 9, "😀".encode()), TextEdit(188, 188, "😀".encode())],
        [TextEdit(91, 91, b"-"), TextEdit(189, 193, b"x"), TextEdit(189, 190, b"")],
        [TextEdit(185, 187, "é".encode())],
    ]
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, INLINE, 0)
    encoder = convert.EncodedDiagnostics()
    encoder.array(doc, doc.findings(Settings()), PositionEncoding.UTF16)
    version = 0
    for idx, burst in enumerate(bursts):
        for edit in burst:
            version += 1
            doc = doc.edited(version, [edit])
        published = encoder.array(doc, doc.findings(Settings()), PositionEncoding.UTF16)
        assert published == _fresh_array(doc, PositionEncoding.UTF16), idx
        if idx < 3:
            assert_same_analysis(doc, fixes=False)  # reads every view, as the hypothesis example did
