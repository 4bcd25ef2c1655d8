"""`LineIndex.after`: the index of an edited text, moved instead of rescanned, equals a fresh index."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wrangler_lsp.text import LineIndex, PositionEncoding, TextEdit, apply_edit

TEXTS = st.lists(st.sampled_from(["a", "é", "😀", " ", "\n", "\r", "\r\n", "=", '"']), max_size=30).map("".join)


def _starts(index: LineIndex) -> list[int]:
    return [index.line_start(line) for line in range(index.line_count)]


@given(TEXTS, st.data())
def test_after_equals_a_fresh_index(text: str, data: st.DataObject) -> None:
    source = text.encode()
    start = data.draw(st.integers(0, len(source)))
    old_end = data.draw(st.integers(start, len(source)))
    edit = TextEdit(start, old_end, data.draw(TEXTS).encode())
    after = apply_edit(source, edit)
    moved = LineIndex(source).after(edit.start, edit.old_end, edit.new_text, after)
    fresh = LineIndex(after)
    assert _starts(moved) == _starts(fresh)
    for offset in range(len(after) + 1):
        assert moved.position(offset, PositionEncoding.UTF16) == fresh.position(offset, PositionEncoding.UTF16)


def test_an_edit_without_line_breaks_moves_the_later_lines() -> None:
    source = b'a = "x"\nb = "y"\nc = 1\n'
    moved = LineIndex(source).after(5, 5, b"zz", source[:5] + b"zz" + source[5:])
    assert _starts(moved) == [0, 10, 18, 24]


def test_a_line_break_next_to_the_edit_rescans() -> None:
    source = b"a\r\nb"
    after = b"a\rX\nb"
    assert _starts(LineIndex(source).after(2, 2, b"X", after)) == _starts(LineIndex(after)) == [0, 2, 4]
