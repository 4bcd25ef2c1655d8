"""Line starts of a UTF-8 source, and conversion between byte offsets and client positions.

Lines end at `\n`, `\r\n` or a lone `\r`, as the LSP specification says.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from wrangler_lsp.text.encoding import PositionEncoding, prefix_for_units, units

_LINE_END = re.compile(rb"\r\n|\n|\r")


MAX_SEGMENTS = 16
"""Moves `after` keeps pending before it writes the line starts out again (see `LineIndex`)."""


class LineIndex:
    """Maps between byte offsets and `(line, character)` positions of one immutable source.

    An index made by `after` for an edit without line breaks shares its predecessor's list of line
    starts and records the move as a *segment*: lines from `cuts[j]` on lie `deltas[j]` bytes further.
    Lookups find the segment (at most `MAX_SEGMENTS`), then bisect the shared list in C, so a keystroke
    costs no pass over the lines; past `MAX_SEGMENTS` moves, the starts are written out afresh.
    """

    __slots__ = ("_cuts", "_deltas", "_line_starts", "_source")

    def __init__(self, source: bytes) -> None:
        self._source = source
        self._line_starts = [0, *(m.end() for m in _LINE_END.finditer(source))]
        self._cuts = [0]
        self._deltas = [0]

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
        cuts, deltas = self._cuts, self._deltas
        cut = self.line_of(start) + 1
        if delta and cut < len(self._line_starts):
            cuts, deltas = _moved(cuts, deltas, cut, delta)
        index = LineIndex.__new__(LineIndex)
        index._source = source
        index._line_starts, index._cuts, index._deltas = self._line_starts, cuts, deltas
        if len(cuts) > MAX_SEGMENTS:
            index._line_starts = [index._start(line) for line in range(len(self._line_starts))]
            index._cuts, index._deltas = [0], [0]
        return index

    def _segment(self, offset: int) -> int:
        """The segment holding the line of `offset` (the last whose first line starts at or before it)."""
        cuts, deltas, starts = self._cuts, self._deltas, self._line_starts
        seg = len(cuts) - 1
        while seg and starts[cuts[seg]] + deltas[seg] > offset:
            seg -= 1
        return seg

    def _start(self, line: int) -> int:
        cuts = self._cuts
        if len(cuts) == 1:
            return self._line_starts[line]
        return self._line_starts[line] + self._deltas[bisect_right(cuts, line) - 1]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_start(self, line: int) -> int:
        return self._start(min(max(line, 0), len(self._line_starts) - 1))

    def line_end(self, line: int) -> int:
        """The offset of the line's end, before its line break."""
        line = min(max(line, 0), len(self._line_starts) - 1)
        start = self._start(line)
        end = self._start(line + 1) if line + 1 < len(self._line_starts) else len(self._source)
        text = self._source[start:end]
        if text.endswith(b"\r\n"):
            return end - 2
        if text.endswith((b"\n", b"\r")):
            return end - 1
        return end

    def line_of(self, offset: int) -> int:
        """The 0-based line that holds byte `offset`."""
        cuts = self._cuts
        if len(cuts) == 1:
            return bisect_right(self._line_starts, offset) - 1
        seg = self._segment(offset)
        end = cuts[seg + 1] if seg + 1 < len(cuts) else len(self._line_starts)
        return bisect_right(self._line_starts, offset - self._deltas[seg], cuts[seg], end) - 1

    def position(self, offset: int, encoding: PositionEncoding) -> tuple[int, int]:
        """The `(line, character)` of byte `offset`, counted in `encoding`; offsets past the end clamp."""
        source = self._source
        offset = min(max(offset, 0), len(source))
        line = self.line_of(offset)
        start = self._start(line)
        if offset == start:
            return line, 0
        if line + 1 == len(self._line_starts) or offset >= self._start(line + 1) - 2:
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
        start = self._start(line)
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


def _moved(cuts: list[int], deltas: list[int], cut: int, delta: int) -> tuple[list[int], list[int]]:
    """The segments after lines from `cut` on moved by `delta` (new lists: indexes share none)."""
    seg = bisect_right(cuts, cut) - 1
    if cuts[seg] == cut:
        head_cuts, head_deltas = cuts[:seg], deltas[:seg]
    else:
        head_cuts, head_deltas = cuts[: seg + 1], deltas[: seg + 1]
    tail_cuts = [cut, *cuts[seg + 1 :]]
    tail_deltas = [deltas[seg] + delta, *(d + delta for d in deltas[seg + 1 :])]
    return head_cuts + tail_cuts, head_deltas + tail_deltas
