"""Byte offsets <-> client positions in UTF-8, UTF-16 and UTF-32, with non-ASCII text and odd input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wrangler_lsp.text import LineIndex, PositionEncoding, TextEdit, apply_edit

U8, U16, U32 = PositionEncoding.UTF8, PositionEncoding.UTF16, PositionEncoding.UTF32
TEXT = 'a = "😀漢"\r\nb = 1\rc\n'.encode()


@pytest.mark.parametrize(
    ("offset", "enc", "expected"),
    [
        (0, U16, (0, 0)),
        (5, U16, (0, 5)),  # start of the emoji
        (9, U8, (0, 9)),  # after the emoji: 4 bytes
        (9, U16, (0, 7)),  # 2 UTF-16 units
        (9, U32, (0, 6)),  # 1 code point
        (12, U16, (0, 8)),  # after 漢
        (15, U16, (1, 0)),  # after \r\n
        (21, U16, (2, 0)),  # after a lone \r
        (len(TEXT), U16, (3, 0)),
        (10_000, U16, (3, 0)),  # past the end clamps
    ],
)
def test_position(offset: int, enc: PositionEncoding, expected: tuple[int, int]) -> None:
    assert LineIndex(TEXT).position(offset, enc) == expected


@pytest.mark.parametrize(
    ("line", "character", "enc", "expected"),
    [
        (0, 7, U16, 9),
        (0, 6, U16, 5),  # inside a surrogate pair: rounds down to the emoji's start
        (0, 6, U32, 9),
        (0, 7, U8, 5),  # inside a UTF-8 sequence: rounds down
        (0, 100, U16, 13),  # past the line's end: the end of the line, before \r\n
        (1, 2, U16, 17),
        (99, 0, U16, len(TEXT)),  # past the last line: the end of the document
        (-1, 0, U16, 0),
    ],
)
def test_offset(line: int, character: int, enc: PositionEncoding, expected: int) -> None:
    assert LineIndex(TEXT).offset(line, character, enc) == expected


@given(st.text(alphabet=st.sampled_from(list('ab =\n\r"😀漢é\t'))), st.sampled_from([U8, U16, U32]))
def test_round_trip(text: str, enc: PositionEncoding) -> None:
    source = text.encode()
    index = LineIndex(source)
    boundaries = {len(text[:i].encode()) for i in range(len(text) + 1)}
    for offset in boundaries:
        line, character = index.position(offset, enc)
        back = index.offset(line, character, enc)
        # Offsets inside a \r\n pair map to the end of the line; everything else round-trips exactly.
        assert back == offset or source[back:offset] in (b"\r", b"\n", b"\r\n")


def test_apply_edit_clamps_out_of_range() -> None:
    assert apply_edit(b"abc", TextEdit(1, 2, b"X")) == b"aXc"
    assert apply_edit(b"abc", TextEdit(10, 20, b"!")) == b"abc!"
