"""Reading the layout around an edit point: lines, indentation, line endings, comments and commas.

Every function takes the source bytes and a UTF-8 byte offset. `Format` decides the comment syntax:
`#` to the end of the line in TOML, `//` and `/* */` in JSONC.
"""

from __future__ import annotations

import re

from wrangler_lsp.syntax import Format

_TOML_TRIVIA = re.compile(rb"(?:[ \t\r\n]+|#[^\r\n]*)*")
_JSON_TRIVIA = re.compile(rb"(?:[ \t\r\n]+|//[^\r\n]*|/\*.*?\*/)*", re.S)
_INDENTED = re.compile(rb"^([ \t]+)[^ \t\r\n]", re.M)


def newline(source: bytes) -> str:
    """The file's line ending: that of its first line break, `\\n` when it has none."""
    first = source.find(b"\n")
    return "\r\n" if first > 0 and source[first - 1 : first] == b"\r" else "\n"


def line_start(source: bytes, offset: int) -> int:
    return source.rfind(b"\n", 0, offset) + 1


def line_end(source: bytes, offset: int) -> int:
    """The offset of the line break (`\\r\\n` or `\\n`) ending the line of `offset`, or the file's end."""
    brk = source.find(b"\n", offset)
    if brk < 0:
        return len(source)
    return brk - 1 if brk > 0 and source[brk - 1 : brk] == b"\r" and brk - 1 >= offset else brk


def next_line_start(source: bytes, offset: int) -> int:
    """The start of the line after the line of `offset`, or the end of the file."""
    brk = source.find(b"\n", offset)
    return len(source) if brk < 0 else brk + 1


def indent_of(source: bytes, offset: int) -> str:
    """The leading spaces and tabs of the line of `offset`."""
    start = line_start(source, offset)
    end = start
    while end < len(source) and source[end] in b" \t":
        end += 1
    return source[start:end].decode()


def starts_line(source: bytes, offset: int) -> bool:
    """Whether only spaces and tabs precede `offset` on its line."""
    return source[line_start(source, offset) : offset].strip(b" \t") == b""


def skip_trivia(source: bytes, fmt: Format, offset: int) -> int:
    """The offset after the whitespace, line breaks and comments that start at `offset`."""
    pattern = _TOML_TRIVIA if fmt is Format.TOML else _JSON_TRIVIA
    match = pattern.match(source, offset)
    return match.end() if match is not None else offset


def rest_is_trivia(source: bytes, fmt: Format, offset: int) -> bool:
    """Whether the rest of the line from `offset` holds only spaces, tabs and a line comment."""
    end = line_end(source, offset)
    rest = source[offset:end].lstrip(b" \t")
    return rest == b"" or rest.startswith(b"#" if fmt is Format.TOML else b"//")


def comma_after(source: bytes, fmt: Format, offset: int) -> int | None:
    """The offset of the comma that follows `offset` after trivia, if one does."""
    pos = skip_trivia(source, fmt, offset)
    return pos if source[pos : pos + 1] == b"," else None


def attached_start(source: bytes, offset: int) -> int:
    """The start of the line of `offset`, moved up over the comment lines directly above it (TOML)."""
    start = line_start(source, offset)
    while start > 0:
        above = line_start(source, start - 1)
        if not source[above:start].lstrip(b" \t").startswith(b"#"):
            break
        start = above
    return start


def indent_unit(source: bytes) -> str:
    """One indentation level as the file writes it: a tab or the smallest run of spaces (default two)."""
    sizes = []
    for match in _INDENTED.finditer(source, 0, min(len(source), 20_000)):
        run = match.group(1)
        if run.startswith(b"\t"):
            return "\t"
        sizes.append(len(run))
    return " " * min(sizes) if sizes else "  "
