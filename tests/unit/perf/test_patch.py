"""Edits inside string values, the keystrokes `config.patch` applies in place: the analysis must equal a
fresh one after each (config tree with every span, issues, findings, fixes), for plain and not-so-plain
strings; and the in-place path must really be the one taken for a plain edit."""

from __future__ import annotations

import os

from bench.generate import config as generated
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.paths import CORPUS
from tests.unit.perf.helpers import assert_same_analysis
from wrangler_lsp import config, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit

FILES = sorted(p for p in CORPUS.glob("*") if syntax.format_for_path(p.name) is not None)
GENERATED = [(f"wrangler.{fmt}", generated(60, fmt).encode()) for fmt in ("toml", "jsonc")]
INSERTS = ["x", "é", "😀", " ", "-", "Room", '"', "'", "\\", "\t", "\n", "#", "]", "=", ""]
_EXAMPLES = int(os.environ.get("WRANGLER_LSP_PERF_EXAMPLES", "100"))
_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


def _strings(doc: Document) -> list[config.Span]:
    """The closed strings' spans (an unterminated JSON string ends at its line break, without a quote)."""
    return [
        node.span
        for node in config.walk(doc.config.root)
        if isinstance(node, config.Scalar)
        and node.kind is config.ScalarKind.STRING
        and node.span.end - node.span.start >= 2
        and doc.source[node.span.end - 1 : node.span.end] == doc.source[node.span.start : node.span.start + 1]
    ]


def _edit_inside(data: st.DataObject, doc: Document) -> TextEdit | None:
    """An edit between the quotes of a random string value, on character boundaries."""
    spans = _strings(doc)
    if not spans:
        return None
    span = data.draw(st.sampled_from(spans))
    inner = doc.source[span.start + 1 : span.end - 1].decode("utf-8", "surrogatepass")
    start = data.draw(st.integers(0, len(inner)))
    end = data.draw(st.integers(start, min(len(inner), start + 3)))
    offset = span.start + 1
    b_start = offset + len(inner[:start].encode("utf-8", "surrogatepass"))
    b_end = offset + len(inner[:end].encode("utf-8", "surrogatepass"))
    return TextEdit(b_start, b_end, data.draw(st.sampled_from(INSERTS)).encode())


def _open(data: st.DataObject) -> Document:
    if data.draw(st.booleans()):
        path = data.draw(st.sampled_from(FILES))
        name, source = path.name, path.read_bytes()
    else:
        name, source = data.draw(st.sampled_from(GENERATED))
    fmt = syntax.format_for_path(name)
    assert fmt is not None
    doc = Document(f"file:///w/{name}", fmt, source, 0)
    doc.findings(Settings())
    return doc


@settings(max_examples=_EXAMPLES, deadline=None, phases=_PHASES, suppress_health_check=_SLOW)
@given(st.data())
def test_string_edits_equal_fresh_analysis(data: st.DataObject) -> None:
    doc = _open(data)
    for version in range(1, data.draw(st.integers(1, 6)) + 1):
        edit = _edit_inside(data, doc)
        if edit is None:
            return
        doc = doc.edited(version, [edit])
        assert_same_analysis(doc, fixes=version == 1)


@settings(max_examples=max(1, _EXAMPLES // 3), deadline=None, phases=_PHASES, suppress_health_check=_SLOW)
@given(st.data())
def test_string_edits_in_a_burst_then_analysis(data: st.DataObject) -> None:
    """Several in-place edits with no analysis between them, then one analysis."""
    doc = _open(data)
    for version in range(1, data.draw(st.integers(2, 6)) + 1):
        edit = _edit_inside(data, doc)
        if edit is None:
            return
        doc = doc.edited(version, [edit])
        doc.config  # noqa: B018 - each version's config is patched from the one before, none analysed
    assert_same_analysis(doc)


def test_a_plain_edit_is_patched_without_parsing() -> None:
    for fmt_name in ("toml", "jsonc"):
        source = generated(200, fmt_name).encode()
        fmt = syntax.format_for_path(f"wrangler.{fmt_name}")
        assert fmt is not None
        doc = Document(f"file:///w/wrangler.{fmt_name}", fmt, source, 0)
        before = doc.findings(Settings())
        at = source.index(b'"Room"', len(source) // 2) + 2
        edited = doc.edited(1, [TextEdit(at, at, b"x")])
        assert edited._patch is not None  # the in-place path
        assert "parse" not in edited.__dict__  # the tree-sitter parse is deferred
        found = edited.findings(Settings())
        assert "parse" not in edited.__dict__
        assert any("Rxoom" in f.message for f in found)
        assert not any("Rxoom" in f.message for f in before)
        assert_same_analysis(edited)
        back = edited.edited(2, [TextEdit(at, at + 1, b"")])
        assert back._patch is not None
        assert back.source == source
        assert_same_analysis(back)


def test_an_edit_that_is_not_plain_is_built() -> None:
    source = b'name = "a"\nmain = "b"\n'
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    doc.findings(Settings())
    for text in (b'"', b"\\", b"\n"):
        edited = doc.edited(1, [TextEdit(8, 8, text)])
        assert edited._patch is None
        assert_same_analysis(edited)


def test_json_edits_that_are_not_plain_strings_are_built() -> None:
    source = b'{"name": "a", "main": "b", "env": {"x": {"vars": {"k": "v"}}}}'
    doc = Document("file:///w/wrangler.jsonc", syntax.Format.JSON, source, 0)
    doc.findings(Settings())
    key = source.index(b'"main"') + 2  # inside a key
    value = source.index(b'"v"') + 1
    for edit in (TextEdit(key, key, b"x"), *(TextEdit(value, value, text) for text in (b'"', b"\\", b"\t", b"\n"))):
        edited = doc.edited(1, [edit])
        assert edited._patch is None, edit
        assert_same_analysis(edited)
    doc = Document("file:///w/wrangler.jsonc", syntax.Format.JSON, source, 0)
    doc.findings(Settings())
    edited = doc.edited(1, [TextEdit(value, value, b"x")])
    assert edited._patch is not None and edited._patch.changes[-1].envs == {"x"}
    assert_same_analysis(edited)


def test_json_files_the_patch_does_not_take() -> None:
    """Duplicate keys (members out of source order), a root that is not an object, `env` not an object."""
    for source in (
        b'{"name": "a", "vars": {"k": "v"}, "name": "b"}',
        b'[{"name": "a", "vars": {"k": "v"}}]',
        b'{"name": "a", "env": ["v"], "vars": {"k": "v"}}',
    ):
        doc = Document("file:///w/wrangler.jsonc", syntax.Format.JSON, source, 0)
        doc.findings(Settings())
        at = source.index(b'"v"') + 1
        edited = doc.edited(1, [TextEdit(at, at, b"x")])
        assert edited._patch is None
        assert_same_analysis(edited)


def test_findings_whose_related_place_follows_the_edit_move() -> None:
    """Env a's finding lies before the edit (in env b) and points at the top-level binding after it."""
    source = (
        b'name = "w"\n[[env.a.durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\n\n'
        b'[env.b]\nname = "w-b"\n\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\n'
        b'script_name = "other"\n'
    )
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    before = doc.findings(Settings())
    at = source.index(b'"w-b"') + 2
    assert any(f.span.end <= at < rel.span.start for f in before for rel in f.related)
    edited = doc.edited(1, [TextEdit(at, at, b"x")])
    assert edited._patch is not None
    assert_same_analysis(edited)


def test_a_long_run_of_string_edits_then_a_structural_edit() -> None:
    """Past `MAX_PENDING` unparsed edits the next parse starts afresh instead of replaying them."""
    for fmt_name, structural in (("toml", b'"\n[env.late]\nname = "'), ("jsonc", b'", "late": {"name": "')):
        source = generated(60, fmt_name).encode()
        fmt = syntax.format_for_path(f"wrangler.{fmt_name}")
        assert fmt is not None
        doc = Document(f"file:///w/wrangler.{fmt_name}", fmt, source, 0)
        doc.findings(Settings())
        at = source.index(b'"Room"') + 2
        for version in range(1, 101):
            edit = TextEdit(at, at, b"x") if version % 2 else TextEdit(at, at + 1, b"")
            doc = doc.edited(version, [edit])
            assert doc._patch is not None
            doc.findings(Settings())
        assert doc._base is None and doc._pending == ()
        doc = doc.edited(101, [TextEdit(at, at, structural)])
        assert doc._patch is None
        assert_same_analysis(doc)
