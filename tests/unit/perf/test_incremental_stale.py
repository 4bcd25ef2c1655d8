"""Reusing a config's nodes moves them: the previous document must still answer right (it rebuilds)."""

from __future__ import annotations

from bench.generate import config as generated

from tests.unit.perf.helpers import assert_same_analysis
from wrangler_lsp import config, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit

SOURCE = generated(120, "toml").encode()
AT = SOURCE.index(b"[env.e2]")


def _doc() -> Document:
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, SOURCE, 1)
    doc.findings(Settings())
    return doc


def test_previous_document_rebuilds_after_a_later_build() -> None:
    first = _doc()
    old_config = first.config
    second = first.edited(2, [TextEdit(AT, AT, b"# moved\n")])
    assert_same_analysis(second)
    assert config.is_stale(old_config)
    assert first.config is not old_config  # rebuilt from scratch
    assert_same_analysis(first)


def test_two_versions_from_one_document() -> None:
    first = _doc()
    second = first.edited(2, [TextEdit(AT, AT, b"\n\n")])
    other = first.edited(2, [TextEdit(0, 0, b"# top\n")])
    assert_same_analysis(second)
    assert_same_analysis(other)  # its previous config was consumed by `second`: lowered sections only
    assert_same_analysis(second)
    assert_same_analysis(first)


def test_moved_sections_keep_their_nodes() -> None:
    """An edit before a section moves its nodes (same objects, new spans): the O(1) reuse is taken."""
    first = _doc()
    e5 = first.config.root.get("env")
    assert isinstance(e5, config.Table)
    before = e5.entries["e5"].value.get("vars")
    assert before is not None
    span = before.span
    second = first.edited(2, [TextEdit(AT, AT, b"xyz = 1\n")])
    after = second.config.root.get("env")
    assert isinstance(after, config.Table)
    assert after.entries["e5"].value.get("vars") is before  # type: ignore[union-attr]
    assert before.span == span.shifted(8)
