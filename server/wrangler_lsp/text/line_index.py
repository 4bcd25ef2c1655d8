"""Line starts of a UTF-8 source, and conversion between byte offsets and client positions.

Lines end at `\n`, `\r\n` or a lone `\r`, as the LSP specification says.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from wrangler_lsp.text.encoding import PositionEncoding, prefix_for_units, units

_LINE_END = re.compile(rb"\r\n|\n|\r")


class LineIndex:
    """Maps between byte offsets and `(line, character)` positions of one immutable source."""

    __slots__ = ("_line_starts", "_source")

    def __init__(self, source: bytes) -> None:
        self._source = source
        self._line_starts = [0, *(m.end() for m in _LINE_END.finditer(source))]

    def after(self, start: int, old_end: int, new_text: bytes, source: bytes) -> LineIndex:
        """The index of `source`: this index's source with `[start, old_end)` replaced by `new_text`.

        When no line break is removed, added or next to the edit (a `\r` and a `\n` could join), the
        line starts are this index's, moved by the edit's length after its line: no scan of the text.
        """
        old = self._source
        start = min(max(start, 0), len(old))
        old_end = min(max(old_end, start), len(old))
        near = old[max(start - 1, 0) : old_end + 1]
        if b"\n" in near or b"\r" in near or b"\n" in new_text or b"\r" in new_text:
            return LineIndex(source)
        delta = len(new_text) - (old_end - start)
        starts = self._line_starts
        if delta:
            cut = bisect_right(starts, start)
            starts = starts[:cut] + [offset + delta for offset in starts[cut:]]
        index = LineIndex.__new__(LineIndex)
        index._source = source
        index._line_starts = starts
        return index

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_start(self, line: int) -> int:
        return self._line_starts[min(max(line, 0), len(self._line_starts) - 1)]

    def line_end(self, line: int) -> int:
        """The offset of the line's end, before its line break."""
        line = min(max(line, 0), len(self._line_starts) - 1)
        start = self._line_starts[line]
        end = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self._source)
        text = self._source[start:end]
        if text.endswith(b"\r\n"):
            return end - 2
        if text.endswith((b"\n", b"\r")):
            return end - 1
        return end

    def line_of(self, offset: int) -> int:
        """The 0-based line that holds byte `offset`."""
        return bisect_right(self._line_starts, offset) - 1

    def position(self, offset: int, encoding: PositionEncoding) -> tuple[int, int]:
        """The `(line, character)` of byte `offset`, counted in `encoding`; offsets past the end clamp."""
        source = self._source
        offset = min(max(offset, 0), len(source))
        starts = self._line_starts
        line = bisect_right(starts, offset) - 1
        start = starts[line]
        if offset == start:
            return line, 0
        if line + 1 == len(starts) or offset >= starts[line + 1] - 2:
            offset = min(offset, self.line_end(line))  # may point into the line break: clamp
        prefix = source[start:offset]
        if encoding is PositionEncoding.UTF8 or prefix.isascii():
            return line, len(prefix)
        return line, units(prefix.decode("utf-8", "replace"), encoding)

    def offset(self, line: int, character: int, encoding: PositionEncoding) -> int:
        """The byte offset of a client position.

        Out-of-range positions clamp as the LSP specification asks: a line past the end means the end of
        the document, a character past the line's end means the end of that line.
        """
        if line < 0:
            return 0
        if line >= len(self._line_starts):
            return len(self._source)
        start = self._line_starts[line]
        end = self.line_end(line)
        text = self._source[start:end]
        if text.isascii():
            return start + min(max(character, 0), len(text))
        if encoding is PositionEncoding.UTF8:
            cut = min(max(character, 0), len(text))
            # Round down to a character boundary: continuation bytes are 0b10xxxxxx.
            while 0 < cut < len(text) and (text[cut] & 0xC0) == 0x80:
                cut -= 1
            return start + cut
        decoded = text.decode("utf-8", "surrogateescape")
        prefix = prefix_for_units(decoded, character, encoding)
        return start + len(prefix.encode("utf-8", "surrogateescape"))
