"""Lowering JSON(C) text to the config tree, as wrangler's jsonc-parser reads it, incrementally.

A recursive-descent parser over `syntax.json_scan` tokens, with jsonc-parser's grammar and error codes
(comments and trailing commas allowed; JSON5-only syntax reported as WL005). Its recovery differs
from jsonc-parser's only where that keeps more of the tree: a half-typed `"main": ` line does not
swallow the next key, and an array left unclosed before a `"key":` ends there.

Incrementality: every error-free member whose value is an object or array is remembered in the memo
by its parent's key path and its exact text. The next build reuses it wherever that text starts a
member of the same parent. Reuse is exact: such a member's parse reads no token outside its own text
(it starts at a string and ends at its `}` or `]`). The tree-sitter tree is not needed.

Anchors: the nodes of each top-level member and of each env (a member of the top-level `env` object)
store spans relative to the member's `Anchor`, as TOML sections do. A reused top-level member or env
that moved is moved in place by setting its anchor (O(1), whatever its size); a reused member nested
deeper is copied relative to its new anchor. Only the root object and the `env` member and object keep
absolute spans. So an edit inside one string moves everything after it by shifting anchors
(`config/patch_json.py`). **Invariant** (as for TOML): a build from a memo may move the previous build's
nodes, so the previous `Config` is stale afterwards (`json_memo.is_stale`). Moving nodes: `json_moves`.
"""

from __future__ import annotations

import sys

from wrangler_lsp.config import json_moves
from wrangler_lsp.config.json_memo import PREFIX, Chunk, Dup, Memo
from wrangler_lsp.config.tree import (
    Anchor,
    Array,
    ArrayStyle,
    Entry,
    KeyPath,
    Node,
    Scalar,
    ScalarKind,
    Section,
    Table,
    TableStyle,
)
from wrangler_lsp.syntax import Parse, Severity, SyntaxIssue
from wrangler_lsp.syntax import json_scan as js
from wrangler_lsp.syntax.json_scan import RawIssue, Token, error, scan, skip_trivia
from wrangler_lsp.text import Span

_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
)
_SCALAR_KINDS = {js.STRING: ScalarKind.STRING, js.TRUE: ScalarKind.BOOLEAN, js.FALSE: ScalarKind.BOOLEAN}
_SCALAR_KINDS[js.NULL] = ScalarKind.NULL

_ENV: KeyPath = ("env",)


def build(parse: Parse, memo: object) -> tuple[Table, list[SyntaxIssue], object]:
    """The root table of `parse`, its issues, and the memo for the next build."""
    src = parse.source
    old = memo if isinstance(memo, Memo) and not memo.consumed else None
    if old is not None and old.source == src:
        return old.root, list(old.issues), old
    if old is not None:
        old.consumed = True  # reusing its members moves them
    for bom, name in _BOMS:
        if src.startswith(bom):
            message = f"the file is encoded as {name} (byte order mark); wrangler reads only UTF-8"
            issue = SyntaxIssue("WL007", Span(0, len(bom)), message)
            return _empty(src), [issue], None
    parser = _Parser(src, old.index if old is not None else {})
    root = parser.document(3 if src.startswith(b"\xef\xbb\xbf") else 0)
    issues = [SyntaxIssue(code, Span(start, end), message) for code, start, end, message in parser.issues]
    issues.extend(_duplicate(src, dup) for dup in parser.dups)
    if not src.isascii():
        try:
            src.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = "invalid UTF-8 bytes: wrangler reads them as U+FFFD"
            issues.append(SyntaxIssue("WL007", Span(exc.start, exc.end), message, Severity.WARNING))
    patchable = parser.patchable and not parser.dups
    return root, issues, Memo(src, parser.new, root, tuple(issues), parser.order, patchable)


def _empty(src: bytes) -> Table:
    return Table((), Span(0, len(src)), TableStyle.ROOT)


def _duplicate(src: bytes, dup: Dup) -> SyntaxIssue:
    start, end, key, first = dup
    line = src.count(b"\n", 0, first) + src.count(b"\r", 0, first) - src.count(b"\r\n", 0, first) + 1
    message = f'duplicate key "{key}" (first defined on line {line}); wrangler keeps this last value'
    return SyntaxIssue("WL006", Span(start, end), message, Severity.WARNING)


class _Parser:
    """jsonc-parser's `visit` over the tokens of `src`, building config nodes as it goes."""

    def __init__(self, src: bytes, old: dict[tuple[KeyPath, bytes], list[Chunk]]) -> None:
        self.src = src
        self.old = old
        self.new: dict[tuple[KeyPath, bytes], list[Chunk]] = {}
        self.tok: Token = (js.EOF, 0, 0, None, None)
        self.prev_end = 0
        self.issues: list[RawIssue] = []
        self.dups: list[Dup] = []
        self.kids: list[list[Chunk]] = [[]]
        self.recovered = False
        """Set when recovery left the next member's key as the current token, with no comma before it."""
        self.anchor: Anchor | None = None
        """The anchor of the member being lowered (None outside anchored members: spans are absolute)."""
        self.base = 0
        """`anchor.base`, or 0."""
        self.order: list[Entry] = []
        self.moved: set[int] = set()
        """Ids of the entries reused in place (moved by their anchor) in this build."""
        self.patchable = True

    def _span(self, start: int, end: int) -> Span:
        base = self.base
        return Span(start - base, end - base)

    def document(self, start: int) -> Table:
        self._jump(start)
        tok = self.tok
        if tok[0] == js.EOF:
            self._error("ValueExpected", tok)  # wrangler rejects an empty file (or only comments)
            return _empty(self.src)
        if tok[0] == js.LBRACE:
            root = self._object((), TableStyle.ROOT)
        else:
            self.patchable = False
            node = self._value(())
            if node is None:
                self._error("ValueExpected", tok)
                return _empty(self.src)
            span = node.span
            self.issues.append(("WL004", span.start, span.end, "expected an object at the top level"))
            root = _empty(self.src)
        if self.tok[0] != js.EOF:
            self._error("EndOfFileExpected", self.tok)
        return root

    # Tokens.

    def _next(self) -> None:
        src = self.src
        pos = self.prev_end = self.tok[2]
        while True:
            tok = scan(src, pos)
            if tok[4] is not None:
                self.issues.extend(tok[4])
            kind = tok[0]
            if kind < js.UNKNOWN:
                break
            if kind == js.IDENT:
                if self._colon_after(tok[2]):
                    tok = (js.BAREKEY, tok[1], tok[2], tok[3], None)
                    break
                self._error("InvalidSymbol", tok)
            pos = tok[2]
        self.tok = tok

    def _jump(self, offset: int) -> None:
        self.tok = (js.EOF, offset, offset, None, None)
        self._next()

    def _colon_after(self, offset: int) -> bool:
        pos = skip_trivia(self.src, offset)
        return self.src[pos : pos + 1] == b":"

    def _starts_member(self, tok: Token) -> bool:
        return tok[0] == js.BAREKEY or (tok[0] == js.STRING and self._colon_after(tok[2]))

    def _error(self, code: str, tok: Token) -> None:
        self.issues.append(error(code, tok[1], tok[2]))

    def _skip(self, kind: int, other: int = js.COMMA) -> None:
        while self.tok[0] not in (js.EOF, kind, other):
            self._next()

    # Values.

    def _value(self, path: KeyPath) -> Node | None:
        tok = self.tok
        kind = tok[0]
        if kind == js.LBRACE:
            return self._object(path, TableStyle.OBJECT)
        if kind == js.LBRACK:
            return self._array(path)
        if kind == js.NUMBER:
            scalar_kind = ScalarKind.INTEGER if type(tok[3]) is int else ScalarKind.FLOAT
        elif kind in _SCALAR_KINDS:
            scalar_kind = _SCALAR_KINDS[kind]
        else:
            return None
        node = Scalar(path, self._span(tok[1], tok[2]), scalar_kind, tok[3], anchor=self.anchor)  # type: ignore[arg-type]
        self._next()
        return node

    def _object(self, path: KeyPath, style: TableStyle) -> Table:
        start = self.tok[1]
        entries: dict[str, Entry] = {}
        firsts: dict[str, int] | None = None
        self._next()
        needs_comma = False
        while True:
            tok = self.tok
            kind = tok[0]
            if kind == js.RBRACE or kind == js.EOF:
                break
            if kind == js.COMMA:
                if not needs_comma:
                    self._error("ValueExpected", tok)
                self._next()
                tok = self.tok
                kind = tok[0]
                if kind == js.RBRACE:
                    break
            elif needs_comma and not self.recovered:
                self._error("CommaExpected", tok)
            self.recovered = False
            needs_comma = True
            if kind != js.STRING and kind != js.BAREKEY:
                self._error("PropertyNameExpected", tok)
                self._skip(js.RBRACE)
                continue
            entry = self._member(path, tok)
            key = entry.key
            previous = entries.get(key)
            if previous is not None:
                if firsts is None:
                    firsts = {}
                first = firsts.setdefault(key, previous.key_span.start)
                self.dups.append((entry.key_span.start, entry.key_span.end, key, first))
            entries[key] = entry
        tok = self.tok
        if tok[0] == js.RBRACE:
            end = tok[2]
            self._next()
        else:
            self._error("CloseBraceExpected", tok)
            end = self.prev_end
        span = self._span(start, end)
        anchor = self.anchor
        return Table(path, span, style, entries, [Section(None, span, anchor=anchor)], anchor=anchor)

    def _array(self, path: KeyPath) -> Array:
        start = self.tok[1]
        items: list[Node] = []
        self._next()
        needs_comma = False
        while True:
            tok = self.tok
            kind = tok[0]
            if kind == js.RBRACK or kind == js.EOF:
                break
            comma = kind == js.COMMA
            if comma:
                if not needs_comma:
                    self._error("ValueExpected", tok)
                self._next()
                tok = self.tok
                kind = tok[0]
                if kind == js.RBRACK:
                    break
            if self._starts_member(tok):  # `[ ...` left unclosed before the next `"key":`
                self._error("CloseBracketExpected", tok)
                self.recovered = True
                return Array(path, self._span(start, self.prev_end), ArrayStyle.INLINE, items, anchor=self.anchor)
            if needs_comma and not comma:
                self._error("CommaExpected", tok)
            needs_comma = True
            node = self._value((*path, len(items)))
            if node is None:
                self._error("ValueExpected", tok)
                self._skip(js.RBRACK)
            else:
                items.append(node)
        tok = self.tok
        if tok[0] == js.RBRACK:
            end = tok[2]
            self._next()
        else:
            self._error("CloseBracketExpected", tok)
            end = self.prev_end
        return Array(path, self._span(start, end), ArrayStyle.INLINE, items, anchor=self.anchor)

    # Members, and reusing them.

    def _member(self, path: KeyPath, tok: Token) -> Entry:
        if not (path == () or path == _ENV):
            return self._lowered(path, tok)
        if path == () and tok[3] == "env":
            # The `env` member and object keep absolute spans: each env in it is anchored instead.
            listed = len(self.order)
            entry = self._lowered(path, tok)
            if type(entry.value) is not Table:
                self.patchable = False
            elif len(self.order) == listed:  # reused whole: its envs were not lowered one by one
                self.order.extend(entry.value.entries.values())
            return entry
        outer = self.anchor, self.base
        self.anchor, self.base = Anchor(tok[1]), tok[1]
        try:
            entry = self._lowered(path, tok)
        finally:
            self.anchor, self.base = outer
        self.order.append(entry)
        return entry

    def _lowered(self, path: KeyPath, tok: Token) -> Entry:
        offset = tok[1]
        if self.old and tok[0] == js.STRING:
            reused = self._reuse(path, offset)
            if reused is not None:
                return reused
        issues, dups = len(self.issues), len(self.dups)
        self.kids.append([])
        entry = self._property(path, tok)
        kids = self.kids.pop()
        value_type = type(entry.value)
        if (value_type is Table or value_type is Array) and len(self.issues) == issues:
            text = self.src[offset : entry.span.end]
            descendants = tuple(kids) + tuple(d for kid in kids for d in kid.descendants)
            key = (path, text[:PREFIX])
            relative = tuple((s - offset, e - offset, k, f - offset) for s, e, k, f in self.dups[dups:])
            chunk = Chunk(path, text, entry, relative, key, descendants)
            self.kids[-1].append(chunk)
            self.new.setdefault(chunk.key, []).append(chunk)
        else:
            self.kids[-1].extend(kids)
        return entry

    def _reuse(self, path: KeyPath, offset: int) -> Entry | None:
        src = self.src
        candidates = self.old.get((path, src[offset : offset + PREFIX]))
        if not candidates:
            return None
        for chunk in candidates:
            if src.startswith(chunk.text, offset):
                break
        else:
            return None
        entry = chunk.entry
        delta = offset - chunk.offset
        if id(entry) not in self.moved and self._movable(path, entry):
            # An anchored member (or the `env` member), reused whole: moved in place.
            self.moved.add(id(entry))
            if delta:
                json_moves.move_member(entry, delta)
        else:
            # Nested deeper (or met twice): copied, relative to the anchor of the member it is now in.
            entry = json_moves.copy_entry(entry, delta - self.base, self.anchor)
            chunk = Chunk(path, chunk.text, entry, chunk.dups, chunk.key, chunk.descendants)
        self.dups.extend((s + offset, e + offset, k, f + offset) for s, e, k, f in chunk.dups)
        self.kids[-1].append(chunk)
        self._register(chunk)
        self._jump(offset + len(chunk.text))
        return entry

    def _movable(self, path: KeyPath, entry: Entry) -> bool:
        """Whether `entry` is an anchored member, or the `env` member (whose envs are), at `path`."""
        if path == () and entry.key == "env":
            return entry._anchor is None and type(entry.value) is Table
        return (path == () or path == _ENV) and entry._anchor is not None

    def _register(self, chunk: Chunk) -> None:
        new = self.new
        new.setdefault(chunk.key, []).append(chunk)
        for item in chunk.descendants:
            new.setdefault(item.key, []).append(item)

    def _property(self, path: KeyPath, tok: Token) -> Entry:
        key = sys.intern(str(tok[3]))  # the same few key names, thousands of times in a big file
        key_span = self._span(tok[1], tok[2])
        anchor = self.anchor
        child = (*path, key)
        if tok[0] == js.BAREKEY:
            self.issues.append(js.json5(tok[1], tok[2], "unquoted property names are"))
        self._next()
        colon = self.tok
        if colon[0] != js.COLON:
            if self._starts_member(colon):  # `"ke` typed on its own line: keep the next member
                self.issues.append(error("ColonExpected", tok[1], tok[2]))
                self.recovered = True
            else:
                self._error("ColonExpected", colon)
                self._skip(js.RBRACE)
            missing = Scalar(child, Span(key_span.end, key_span.end), ScalarKind.INVALID, None, anchor=anchor)
            return Entry(key, key_span, key_span, key_span, missing, anchor=anchor)
        end = colon[2]
        self._next()
        tok = self.tok
        node: Node | None = None
        if self._starts_member(tok):  # `"main": ` left half-typed before the next member
            self._error("ValueExpected", colon)
            self.recovered = True
        else:
            node = self._value(child)
            if node is None:
                self._error("ValueExpected", tok)
                self._skip(js.RBRACE)
        if node is None:
            node = self._at(child, end)
        return Entry(key, key_span, key_span, Span(key_span.start, node._span.end), node, anchor=anchor)

    def _at(self, path: KeyPath, offset: int) -> Scalar:
        """A missing value (an empty `INVALID` scalar) at `offset`."""
        return Scalar(path, self._span(offset, offset), ScalarKind.INVALID, None, anchor=self.anchor)
