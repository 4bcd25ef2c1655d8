"""The incremental parse equals a fresh parse after any sequence of edits (hypothesis), on corpus files."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests import paths
from tests.edit_snippets import SYNTAX_SNIPPETS
from wrangler_lsp import syntax
from wrangler_lsp.text import TextEdit, apply_edit

CORPUS = paths.CORPUS
# TOML only: JSON has no tree-sitter tree (its incrementality is tested in tests/unit/config/test_build_json.py).
FILES = sorted(p for p in CORPUS.glob("*.toml"))[:60]
SNIPPETS = SYNTAX_SNIPPETS


def _sexp(parse: syntax.Parse) -> list[tuple[str, int, int, bool]]:
    """Every node's type and byte range, in document order: the whole tree, positions included."""
    out = []
    assert parse.tree is not None
    cursor = parse.tree.walk()
    visited_children = False
    while True:
        if not visited_children:
            node = cursor.node
            assert node is not None
            out.append((node.type, node.start_byte, node.end_byte, node.is_missing))
            if cursor.goto_first_child():
                continue
        if cursor.goto_next_sibling():
            visited_children = False
        elif cursor.goto_parent():
            visited_children = True
        else:
            return out


@st.composite
def edit_streams(draw: st.DrawFn) -> tuple[Path, list[TextEdit]]:
    path = draw(st.sampled_from(FILES))
    source = path.read_bytes()
    edits = []
    for _ in range(draw(st.integers(1, 6))):
        text = source.decode("utf-8", "replace")
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        new = draw(st.sampled_from(SNIPPETS) | st.text(max_size=8))
        b_start, b_end = len(text[:start].encode()), len(text[:end].encode())
        edit = TextEdit(b_start, b_end, new.encode("utf-8", "surrogatepass"))
        edits.append(edit)
        source = apply_edit(source, edit)
    return path, edits


@given(edit_streams())
def test_reparse_equals_fresh_parse(stream: tuple[Path, list[TextEdit]]) -> None:
    path, edits = stream
    fmt = syntax.format_for_path(path.name)
    assert fmt is not None
    parse = syntax.parse(fmt, path.read_bytes())
    for edit in edits:  # one reparse per edit, as a typing user produces them
        parse = syntax.reparse(parse, [edit])
    fresh = syntax.parse(fmt, parse.source)
    assert _sexp(parse) == _sexp(fresh)


@given(edit_streams())
def test_batched_edits_equal_fresh_parse(stream: tuple[Path, list[TextEdit]]) -> None:
    path, edits = stream
    fmt = syntax.format_for_path(path.name)
    assert fmt is not None
    parse = syntax.reparse(syntax.parse(fmt, path.read_bytes()), edits)
    assert _sexp(parse) == _sexp(syntax.parse(fmt, parse.source))


def test_corpus_is_present() -> None:
    assert len(FILES) == 60
