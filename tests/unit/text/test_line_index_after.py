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


LINES = st.lists(st.sampled_from(["a = 1", "é", "😀 x", "", 'b = "y"']), min_size=1, max_size=40)


@given(LINES, st.sampled_from(["\n", "\r\n", "\r"]), st.data())
def test_a_chain_of_moves_equals_a_fresh_index(lines: list[str], newline: str, data: st.DataObject) -> None:
    """Up to 40 edits without line breaks, each index made from the one before: segments pile up and are
    written out past `MAX_SEGMENTS`; every lookup equals a fresh index's."""
    source = newline.join(lines).encode()
    index = LineIndex(source)
    for _ in range(data.draw(st.integers(1, 40))):
        text = source.decode()
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 2)))
        new = data.draw(st.sampled_from(["", "x", "é", "😀", "ab"]))
        b_start, b_end = len(text[:start].encode()), len(text[:end].encode())
        edit = TextEdit(b_start, b_end, new.encode())
        after = apply_edit(source, edit)
        index, source = index.after(edit.start, edit.old_end, edit.new_text, after), after
        fresh = LineIndex(source)
        assert _starts(index) == _starts(fresh)
        for offset in range(len(source) + 1):
            assert index.line_of(offset) == fresh.line_of(offset)
            assert index.position(offset, PositionEncoding.UTF16) == fresh.position(offset, PositionEncoding.UTF16)
        for line in range(fresh.line_count + 1):
            assert index.line_end(line) == fresh.line_end(line)
            for character in (0, 1, 3, 99):
                for enc in (PositionEncoding.UTF16, PositionEncoding.UTF8):
                    assert index.offset(line, character, enc) == fresh.offset(line, character, enc)
