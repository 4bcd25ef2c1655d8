"""Finding the members of a JSONC object or array in the text: brackets, member spans, keys.

The edit functions read positions from the source rather than from the config tree's spans, so that
they depend on the tree only for which keys exist. Strings (double- or single-quoted, with escapes) and
comments are skipped; a list that is not closed ends at the end of the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from wrangler_lsp.edits import layout
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span

_STRING = {34: re.compile(rb'"(?:[^"\\\r\n]|\\.)*"?'), 39: re.compile(rb"'(?:[^'\\\r\n]|\\.)*'?")}
_SCALAR = re.compile(rb"[^ \t\r\n,:\]}/]+")
_CLOSE = {ord("{"): ord("}"), ord("["): ord("]")}


@dataclass(frozen=True, slots=True)
class JsonList:
    """An object's or array's brackets and members; `keys` holds the decoded keys of an object's members."""

    open_pos: int
    close_pos: int
    members: tuple[Span, ...]
    keys: tuple[str | None, ...]
    value_spans: tuple[Span, ...]


def first_value(source: bytes, offset: int) -> int:
    """The offset of the first value at or after `offset` (skipping whitespace and comments)."""
    return layout.skip_trivia(source, Format.JSON, offset)


def scan_list(source: bytes, open_pos: int) -> JsonList:
    """The members of the object or array whose open bracket is at `open_pos`."""
    assert source[open_pos] in _CLOSE, source[open_pos : open_pos + 10]
    is_object = source[open_pos] == ord("{")
    close = _CLOSE[source[open_pos]]
    members: list[Span] = []
    keys: list[str | None] = []
    values: list[Span] = []
    pos = open_pos + 1
    while True:
        pos = first_value(source, pos)
        if pos >= len(source) or source[pos] == close:
            return JsonList(open_pos, min(pos, len(source)), tuple(members), tuple(keys), tuple(values))
        if source[pos] == ord(","):
            pos += 1
            continue
        start = pos
        key: str | None = None
        if is_object:
            key_end = skip_value(source, pos)
            key = _decode_key(source[pos:key_end])
            pos = first_value(source, key_end)
            if source[pos : pos + 1] == b":":
                pos = first_value(source, pos + 1)
        value_start = pos
        pos = skip_value(source, pos)
        if pos == value_start and source[pos : pos + 1] not in (b",", bytes([close])):
            pos += 1
        members.append(Span(start, max(pos, start)))
        keys.append(key)
        values.append(Span(value_start, max(pos, value_start)))


def skip_value(source: bytes, pos: int) -> int:
    """The end of the value (string, number, word, object or array) starting at `pos`."""
    if pos >= len(source):
        return pos
    char = source[pos]
    if char in _STRING:
        match = _STRING[char].match(source, pos)
        assert match is not None
        return match.end()
    if char in _CLOSE:
        return _skip_nested(source, pos)
    match = _SCALAR.match(source, pos)
    return match.end() if match is not None else pos


def _skip_nested(source: bytes, pos: int) -> int:
    depth = 0
    while pos < len(source):
        pos = first_value(source, pos)
        if pos >= len(source):
            break
        char = source[pos]
        if char in _STRING:
            pos = skip_value(source, pos)
            continue
        if char in b"{[":
            depth += 1
        elif char in b"}]":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return len(source)


def _decode_key(text: bytes) -> str | None:
    if text[:1] == b"'" and text[-1:] == b"'" and len(text) >= 2:
        text = b'"' + text[1:-1].replace(b'"', b'\\"') + b'"'
    try:
        key = json.loads(text)
    except ValueError:
        return text.decode(errors="replace")
    return key if isinstance(key, str) else None
