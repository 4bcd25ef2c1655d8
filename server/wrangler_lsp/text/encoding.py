"""Position encodings an LSP client may negotiate, and counting code units in each."""

from __future__ import annotations

from enum import Enum


class PositionEncoding(Enum):
    """How the `character` of a position is counted: LSP `PositionEncodingKind` values."""

    UTF8 = "utf-8"
    UTF16 = "utf-16"
    UTF32 = "utf-32"


def units(text: str, encoding: PositionEncoding) -> int:
    """The length of `text` in code units of `encoding`."""
    if encoding is PositionEncoding.UTF32:
        return len(text)
    if text.isascii():
        return len(text)
    if encoding is PositionEncoding.UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def prefix_for_units(text: str, count: int, encoding: PositionEncoding) -> str:
    """The longest prefix of `text` whose length is at most `count` code units.

    A position inside a character (the middle of a surrogate pair or of a UTF-8 sequence) rounds down
    to the start of that character, so the result always splits `text` on a character boundary.
    """
    if count <= 0:
        return ""
    if encoding is PositionEncoding.UTF32 or text.isascii():
        return text[:count]
    used = 0
    for idx, ch in enumerate(text):
        if encoding is PositionEncoding.UTF8:
            width = len(ch.encode("utf-8", "surrogatepass"))
        else:
            width = 2 if ord(ch) > 0xFFFF else 1
        if used + width > count:
            return text[:idx]
        used += width
    return text
