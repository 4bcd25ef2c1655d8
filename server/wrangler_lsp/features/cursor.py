"""Where the cursor is, read from the text: the table or value being typed, even on a broken line.

Completion cannot rely on the config tree alone: the line being typed is usually not valid TOML or JSON
yet (`dur`, `class_name = "Ch`, `{"name": "x", "cl`). This module scans the text before the cursor with
a small tolerant tokenizer and keeps a stack of open tables and arrays, which gives the key path of
the table (key position) or of the value (value position) the cursor is in, the partial word typed so
far and the span a completion replaces. TOML is scanned from the last `[header]` line, JSON from the
innermost object or array holding the cursor whose start the config tree knows for sure (else the top).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from wrangler_lsp import config, syntax
from wrangler_lsp.features import query
from wrangler_lsp.text import Span


class Place(Enum):
    KEY = "key"
    """Typing a key of the table at `path`."""
    VALUE = "value"
    """Typing the value at `path` (an array item's path ends with its index)."""
    HEADER = "header"
    """Typing a TOML `[header]`; `path` holds the dotted parts before the cursor's part."""


@dataclass(frozen=True, slots=True)
class Cursor:
    place: Place
    path: config.KeyPath
    prefix: str
    """What is typed of the current word or string, up to the cursor."""
    replace: Span
    """The partial token: a word, or a whole string with its quotes when it is terminated on the line."""
    in_string: bool
    """The cursor is inside a string literal whose opening quote is typed."""
    followed_by_separator: bool
    """A key already followed by `=` / `:`: complete its name only."""


_HEADER = re.compile(rb"^[ \t]*\[\[?[ \t]*[^\[\]\n#=]+\]\]?[ \t]*(?:#.*)?$", re.M)
_ARRAY_HEADER = re.compile(rb"^[ \t]*\[\[[ \t]*[^\[\]\n#=]+\]\]?[ \t]*(?:#.*)?$", re.M)
"""The lines `_HEADER` matches that open with `[[` (the only ones an array index counts)."""
_WINDOW = 4096
_WORD = re.compile(rb"[A-Za-z0-9_\-+.:$]")
_PAIR = re.compile(rb"[ \t]*[=:]")


def cursor_at(
    fmt: syntax.Format, source: bytes, offset: int, tree: tuple[config.Table, int] | None = None
) -> Cursor | None:
    """The cursor context at byte `offset`, or None inside a comment or where nothing can be typed.

    `tree` (JSON only): the config root of `source` and the offset of its first syntax issue (or its
    length). The scan then starts at the innermost object or array holding the cursor that begins
    before any issue, instead of at the top: the text before it is valid, so the tree's key path for it
    is the scan's, and the scan from there reads the same text (one `{` and its frame) as from the top.
    """
    offset = max(0, min(offset, len(source)))
    if fmt is syntax.Format.TOML:
        return _toml(source, offset)
    start, frame = _json_start(tree[0], offset, tree[1]) if tree is not None else (0, _Frame((), table=True))
    return _scan(source, start, offset, frame, json=True)


def _json_start(root: config.Table, offset: int, first_issue: int) -> tuple[int, _Frame]:
    start, frame = 0, _Frame((), table=True)
    node: config.Node = root
    while True:
        child = _holding(node, offset)
        if child is None or first_issue <= child.span.start:
            return start, frame
        node = child
        last = child.path[-1]
        if isinstance(last, str):
            frame = _Frame(child.path[:-1], table=True, key_parts=[last], expect_value=True)
        else:
            frame = _Frame(child.path[:-1], table=False, index=last)
        start = child.span.start


def _holding(node: config.Node, offset: int) -> config.Node | None:
    """The object or array value of `node` whose brackets hold `offset` (found as hover finds it)."""
    step = query.child_at(node, offset)
    if step is None:
        return None
    _key, _entry, value, on_key = step
    if not on_key and isinstance(value, config.Table | config.Array) and value.span.start < offset < value.span.end:
        return value
    return None


@dataclass(slots=True)
class _Frame:
    path: config.KeyPath
    table: bool
    index: int = 0
    key_parts: list[str] = field(default_factory=list)
    expect_value: bool = False
    after_value: bool = False

    def value_path(self) -> config.KeyPath:
        if self.table:
            return (*self.path, *self.key_parts)
        return (*self.path, self.index)


def _toml(source: bytes, offset: int) -> Cursor | None:
    line_start = source.rfind(b"\n", 0, offset) + 1
    line = source[line_start:offset]
    stripped = line.lstrip()
    if stripped.startswith(b"[") and b"]" not in stripped and b"=" not in stripped:
        return _header_cursor(source, line_start + len(line) - len(stripped), offset)
    if stripped.startswith(b"["):
        return None
    path: config.KeyPath = ()
    start = 0
    last = _last_header(source, line_start)
    if last is not None:
        path = _header_path(last.group(0), source, line_start)
        start = last.end()
    return _scan(source, start, offset, _Frame(path, table=True), json=False)


def _last_header(source: bytes, end: int) -> re.Match[bytes] | None:
    """The last header line before `end` (a line start), searched backwards in growing windows of whole
    lines: a header matches one line, so each window finds what a scan from the top finds there."""
    high, size = end, _WINDOW
    while True:
        low = max(0, high - size)
        if low:
            low = source.rfind(b"\n", 0, low) + 1
        last = None
        for last in _HEADER.finditer(source, low, high):  # noqa: B007 - the last one is wanted
            pass
        if last is not None or low == 0:
            return last
        high, size = low, size * 4


def _header_path(header: bytes, source: bytes, end: int) -> config.KeyPath:
    """The key path of the table `header` opens; for `[[x]]`, with the index of this `x` among those
    before `end`."""
    text = header.strip().split(b"#")[0].strip()
    is_array = text.startswith(b"[[")
    parts = _dotted(text.strip(b"[]").decode("utf-8", "replace"))
    if not is_array:
        return tuple(parts)
    return (*parts, max(_array_headers(source, end, parts, ascii=text.isascii()) - 1, 0))


def _array_headers(source: bytes, end: int, parts: list[str], *, ascii: bool) -> int:
    """How many `[[...]]` lines before `end` name `parts`.

    Parts are compared as written (`_dotted` unescapes nothing), so with ASCII parts a line naming them
    holds each part's bytes: only the lines holding the rarest part are read (C-speed `find`), not every
    header of the file."""
    needles = [part.encode() for part in parts if part]
    if not ascii or not needles:
        return sum(1 for match in _ARRAY_HEADER.finditer(source, 0, end) if _is_array_header(match.group(0), parts))
    needle = min(needles, key=lambda n: source.count(n, 0, end))
    count, seen, pos = 0, -1, source.find(needle, 0, end)
    while pos >= 0:
        line = source.rfind(b"\n", 0, pos) + 1
        if line != seen:
            seen = line
            match = _ARRAY_HEADER.match(source, line, end)
            if match is not None and _is_array_header(match.group(0), parts):
                count += 1
        pos = source.find(needle, pos + 1, end)
    return count


def _is_array_header(header: bytes, parts: list[str]) -> bool:
    text = header.strip().split(b"#")[0].strip()
    return text.startswith(b"[[") and _dotted(text.strip(b"[]").decode("utf-8", "replace")) == parts


def _dotted(text: str) -> list[str]:
    return [part.strip().strip("\"'") for part in text.split(".")]


def _header_cursor(source: bytes, bracket: int, offset: int) -> Cursor:
    inner_start = bracket + 1
    while inner_start < offset and source[inner_start : inner_start + 1] in (b"[", b" ", b"\t"):
        inner_start += 1
    typed = source[inner_start:offset].decode("utf-8", "replace")
    parts = _dotted(typed)
    word_start = offset - len(typed.rsplit(".", 1)[-1].encode())
    end = _word_end(source, offset)
    return Cursor(Place.HEADER, tuple(parts[:-1]), parts[-1], Span(word_start, end), False, False)


def _word_end(source: bytes, offset: int) -> int:
    end = offset
    while end < len(source) and _WORD.match(source, end) and source[end : end + 1] not in (b".", b":"):
        end += 1
    return end


def _scan(source: bytes, pos: int, offset: int, base: _Frame, *, json: bool) -> Cursor | None:
    stack = [base]
    while pos < offset:
        char = source[pos : pos + 1]
        top = stack[-1]
        if char == b"\n" and not json and len(stack) == 1:
            top.key_parts, top.expect_value, top.after_value = [], False, False
            pos += 1
        elif char in b" \t\r\n":
            pos += 1
        elif (char == b"#" and not json) or (json and source.startswith(b"//", pos)):
            end = source.find(b"\n", pos)
            if end == -1 or end >= offset:
                return None
            pos = end
        elif json and source.startswith(b"/*", pos):
            end = source.find(b"*/", pos + 2)
            if end == -1 or end + 2 > offset:
                return None
            pos = end + 2
        elif char in (b'"', b"'"):
            string_end, value = _string(source, pos, offset, json)
            if string_end is None:
                return _in_string(source, pos, offset, top)
            _take_word(top, value, json)
            pos = string_end
        elif char in (b"=", b":"):
            top.expect_value, top.after_value = True, False
            pos += 1
        elif char in (b"{", b"["):
            path = top.value_path() if (top.expect_value or not top.table) else top.path
            stack.append(_Frame(path, table=char == b"{"))
            pos += 1
        elif char in (b"}", b"]"):
            if len(stack) > 1:
                stack.pop()
                _after_value(stack[-1])
            pos += 1
        elif char == b",":
            if top.table:
                top.key_parts, top.expect_value, top.after_value = [], False, False
            else:
                top.index += 1
            pos += 1
        elif not _WORD.match(source, pos):
            pos += 1
        else:
            end = pos
            while end < offset and _WORD.match(source, end) and not (source[end : end + 1] == b":" and json):
                end += 1
            if end >= offset:
                return _in_word(source, pos, offset, stack[-1], json)
            _take_word(top, source[pos:end].decode("utf-8", "replace"), json, bare=True)
            pos = end
    return _in_word(source, offset, offset, stack[-1], json)


def _take_word(frame: _Frame, word: str, json: bool, *, bare: bool = False) -> None:
    if frame.table and not frame.expect_value:
        if json:
            frame.key_parts = [word]
        elif bare:
            frame.key_parts.extend(part for part in word.split(".") if part)
        else:
            frame.key_parts.append(word)
        return
    _after_value(frame)


def _after_value(frame: _Frame) -> None:
    if frame.table:
        frame.after_value, frame.expect_value, frame.key_parts = True, False, []


def _string(source: bytes, pos: int, offset: int, json: bool) -> tuple[int | None, str]:
    """The end of the string starting at `pos`, or None when the cursor is inside it; and its content."""
    quote = source[pos : pos + 1]
    opener = quote * 3 if not json and source.startswith(quote * 3, pos) else quote
    i = pos + len(opener)
    while i < offset:
        if source.startswith(opener, i):
            return i + len(opener), source[pos + len(opener) : i].decode("utf-8", "replace")
        if source[i : i + 1] == b"\\" and quote == b'"':
            i += 2
            continue
        if source[i : i + 1] == b"\n" and len(opener) == 1:
            return i, source[pos + 1 : i].decode("utf-8", "replace")
        i += 1
    return None, source[pos + len(opener) : offset].decode("utf-8", "replace")


def _in_string(source: bytes, pos: int, offset: int, frame: _Frame) -> Cursor:
    quote = source[pos : pos + 1]
    prefix = source[pos + 1 : offset].decode("utf-8", "replace")
    close = source.find(quote, offset)
    newline = source.find(b"\n", offset)
    terminated = close != -1 and (newline == -1 or close < newline)
    end = close + 1 if terminated else _word_end(source, offset)
    followed = terminated and _PAIR.match(source, end) is not None
    if frame.table and not frame.expect_value:
        path = (*frame.path, *frame.key_parts)
        return Cursor(Place.KEY, path, prefix, Span(pos, end), True, followed)
    return Cursor(Place.VALUE, frame.value_path(), prefix, Span(pos, end), True, False)


def _in_word(source: bytes, start: int, offset: int, frame: _Frame, json: bool) -> Cursor | None:
    if frame.after_value and not json:
        return None
    typed = source[start:offset].decode("utf-8", "replace")
    end = _word_end(source, offset)
    followed = _PAIR.match(source, end) is not None
    if frame.table and not frame.expect_value:
        parts = typed.split(".")
        word_start = offset - len(parts[-1].encode())
        path = (*frame.path, *frame.key_parts, *[part for part in parts[:-1] if part])
        return Cursor(Place.KEY, path, parts[-1], Span(word_start, end), False, followed)
    return Cursor(Place.VALUE, frame.value_path(), typed, Span(start, end), False, False)
