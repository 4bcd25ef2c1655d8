"""Applying a text edit to a UTF-8 source, with what an incremental parser needs to know about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextEdit:
    """A replacement of the bytes `[start, old_end)` by `new_text`, described in the old source's offsets."""

    start: int
    old_end: int
    new_text: bytes

    @property
    def new_end(self) -> int:
        return self.start + len(self.new_text)


def apply_edit(source: bytes, edit: TextEdit) -> bytes:
    """The source after `edit`; offsets past the end clamp to the end."""
    start = min(max(edit.start, 0), len(source))
    old_end = min(max(edit.old_end, start), len(source))
    return source[:start] + edit.new_text + source[old_end:]


def point_of(source: bytes, offset: int) -> tuple[int, int]:
    """tree-sitter's `(row, byte column)` of `offset`, counting rows by `\\n` as tree-sitter does."""
    row = source.count(b"\n", 0, offset)
    line_start = source.rfind(b"\n", 0, offset) + 1
    return row, offset - line_start
