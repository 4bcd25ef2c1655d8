"""Lowering one top-level TOML item (a pair, a `[table]` or a `[[table]]` section) to plain data.

The result depends only on the item's text, so the config builder memoizes it by those bytes and never
lowers an unchanged section twice. Every offset here is relative to the item's start. Values are decoded
exactly (`toml_strings`, `toml_scalars`); inline tables are merged here, since they are closed and
cannot be touched from outside; what a section's pairs and header mean for the rest of the document is
the builder's job.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import tree_sitter

from wrangler_lsp.syntax import toml_errors, toml_scalars
from wrangler_lsp.syntax.toml_errors import Issue, Rel
from wrangler_lsp.syntax.toml_scalars import decode_boolean, decode_datetime, decode_float, decode_integer
from wrangler_lsp.syntax.toml_strings import control_problems, decode_string, utf8_problems

_BARE_KEY = re.compile(rb"[A-Za-z0-9_-]+")
_KEY_TYPES = frozenset({"bare_key", "quoted_key", "dotted_key"})
_DATE_TYPES = frozenset({"offset_date_time", "local_date_time", "local_date", "local_time"})


@dataclass(frozen=True, slots=True)
class Key:
    parts: tuple[str, ...]
    part_spans: tuple[Rel, ...]
    span: Rel


@dataclass(frozen=True, slots=True)
class Value:
    """A value: `kind` is a `config.ScalarKind` value, or `array`, `table` (inline) or `dotted`.

    `value` is the decoded scalar, a tuple of `Value` for an array, a tuple of `Member` for a table.
    """

    kind: str
    value: object
    span: Rel


@dataclass(frozen=True, slots=True)
class Member:
    """One key of an inline table, after merging dotted keys (`kind == "dotted"` tables)."""

    key: str
    key_span: Rel
    full_key_span: Rel
    span: Rel
    value: Value


@dataclass(frozen=True, slots=True)
class Pair:
    key: Key
    value: Value
    span: Rel


@dataclass(frozen=True, slots=True)
class Section:
    """A lowered top-level item. `kind` is `pair`, `table`, `array` (`[[x]]`) or `none` (nothing usable)."""

    kind: str
    header: Key | None
    header_span: Rel | None
    pairs: tuple[Pair, ...]
    end: int
    issues: tuple[Issue, ...]


def lower(node: tree_sitter.Node) -> Section:
    """The lowered form of `node`, a child of the tree-sitter document node."""
    lowering = _Lowering(node.start_byte, node.text or b"")
    return lowering.section(node)


class _Lowering:
    def __init__(self, base: int, text: bytes) -> None:
        self.base = base
        self.text = text
        self.issues: list[Issue] = []
        self.reopened: int | None = None

    def rel(self, node: tree_sitter.Node) -> Rel:
        return (node.start_byte - self.base, node.end_byte - self.base)

    def issue(self, code: str, start: int, end: int, message: str) -> None:
        self.issues.append(Issue(code, start, end, message))

    def section(self, node: tree_sitter.Node) -> Section:
        self.issues += toml_errors.bare_cr(self.text)
        if node.type == "pair":
            pair = self.pair(node)
            pairs = (pair,) if pair is not None else ()
            return Section("pair", None, None, pairs, len(self.text), tuple(self.issues))
        if node.type == "comment":
            self.comment(node)
            return Section("none", None, None, (), 0, tuple(self.issues))
        if node.type not in ("table", "table_array_element"):
            self.error(node)
            return Section("none", None, None, (), 0, tuple(self.issues))
        return self.table(node)

    def table(self, node: tree_sitter.Node) -> Section:
        kind = "table" if node.type == "table" else "array"
        header: Key | None = None
        header_start = 0
        header_end = 0
        pairs: list[Pair] = []
        end = 0
        last: tree_sitter.Node | None = None
        for child in node.children:
            ctype = child.type
            if ctype in ("[", "[["):
                header_start = child.start_byte - self.base
            elif ctype in _KEY_TYPES and not pairs:
                header = self.key(child)
                if self.reopened is not None:
                    header_start = self.reopened
                    header = Key(header.parts, header.part_spans, (header.part_spans[0][0], header.span[1]))
            elif ctype in ("]", "]]"):
                header_end = end = child.end_byte - self.base
            elif ctype == "pair":
                self.newline_before(last, child)
                pair = self.pair(child)
                if pair is not None:
                    pairs.append(pair)
                end = child.end_byte - self.base
            elif ctype == "comment":
                self.comment(child)
                continue
            elif child.is_error or child.is_missing:
                found = self.recover_header(child)
                if found is not None:
                    header_start = found
                    continue
                self.error(child)
            last = child
        if header is None or header_end == 0:
            if not self.issues:
                self.issue("WL001", 0, len(self.text), "incomplete table header")
            return Section("none", None, None, tuple(pairs), end, tuple(self.issues))
        return Section(kind, header, (header_start, header_end), tuple(pairs), end, tuple(self.issues))

    def recover_header(self, error: tree_sitter.Node) -> int | None:
        """For `[env.sta` followed by a header, reports the broken one and returns where the next starts."""
        openers = [c for c in error.children if c.type in ("[", "[[")]
        if not openers or error.prev_sibling is None or error.prev_sibling.type not in ("[", "[["):
            return None
        broken_start = error.prev_sibling.start_byte - self.base
        line_end = self.text.find(b"\n", broken_start)
        line_end = len(self.text) if line_end < 0 else line_end
        self.issue("WL001", broken_start, line_end, "expected `]` to close the table header")
        return openers[-1].start_byte - self.base

    def reopen(self, error: tree_sitter.Node) -> tree_sitter.Node | None:
        """In a header key, an ERROR holding `[`: the header was left open and a new one starts there."""
        openers = [c for c in error.children if c.type in ("[", "[[")]
        if not openers:
            return None
        if self.reopened is None:
            self.reopened = openers[-1].start_byte - self.base
            line_end = self.text.find(b"\n")
            line_end = len(self.text) if line_end < 0 else line_end
            self.issue("WL001", 0, line_end, "expected `]` to close the table header")
        return openers[-1]

    def newline_before(self, previous: tree_sitter.Node | None, node: tree_sitter.Node) -> None:
        if previous is None or previous.is_error:
            return
        if b"\n" not in self.text[previous.end_byte - self.base : node.start_byte - self.base]:
            start, end = self.rel(node)
            self.issue("WL001", start, end, "expected a line break before this key")

    def comment(self, node: tree_sitter.Node) -> None:
        start, end = self.rel(node)
        for problem in control_problems(self.text, start, end, multiline=False):
            if self.text[problem[0]] != 0x0D:
                self.issue("WL002", problem[0], problem[1], problem[2].replace("be escaped", "appear in a comment"))
        for problem in utf8_problems(self.text, start, end):
            self.issue("WL002", *problem)

    def error(self, node: tree_sitter.Node) -> None:
        self.issues.append(toml_errors.describe(node, self.base, self.text))

    def pair(self, node: tree_sitter.Node) -> Pair | None:
        key: Key | None = None
        value: Value | None = None
        broken = False
        for child in node.children:
            if child.type in _KEY_TYPES and key is None:
                key = self.key(child)
            elif child.type == "comment":
                self.comment(child)
            elif child.is_error or child.is_missing:
                self.error(child)
                broken = True
            elif child.is_named and key is not None:
                value = self.value(child)
        if key is None:
            return None
        if broken or value is None:
            start = key.span[1]
            value = Value("invalid", None, (start, max(start, node.end_byte - self.base)))
        return Pair(key, value, self.rel(node))

    def key(self, node: tree_sitter.Node) -> Key:
        parts: list[str] = []
        spans: list[Rel] = []
        stack = [node]
        while stack:
            part = stack.pop()
            if part.type == "dotted_key":
                stack.extend(reversed(part.children))
                continue
            if part.type == ".":
                continue
            start, end = self.rel(part)
            raw = self.text[start:end]
            if part.is_error and self.reopen(part) is not None:
                opener = self.reopen(part)
                assert opener is not None
                parts.clear()
                spans.clear()
                after = [c for c in part.children if c.start_byte > opener.start_byte and c.type in _KEY_TYPES]
                stack.extend(reversed(after))
                continue
            if part.is_error or part.is_missing:
                self.error(part)
                text = raw.decode("utf-8", "replace")
            elif part.type == "quoted_key":
                text = self.string(raw, start, key=True)
            else:
                text = raw.decode("utf-8", "replace")
                if not _BARE_KEY.fullmatch(raw):
                    self.issue("WL002", start, end, f"invalid bare key `{text}`: quote it")
            parts.append(sys.intern(text))  # the same few key names, thousands of times in a big file
            spans.append((start, end))
        return Key(tuple(parts), tuple(spans), self.rel(node))

    def string(self, raw: bytes, start: int, *, key: bool = False) -> str:
        text, problems = decode_string(raw)
        if key and raw[:3] in (b'"""', b"'''"):
            self.issue("WL002", start, start + len(raw), "a key cannot be a multi-line string")
        for p_start, p_end, message in problems:
            self.issue("WL002", start + p_start, start + p_end, message)
        return text

    def value(self, node: tree_sitter.Node) -> Value:
        ntype = node.type
        span = self.rel(node)
        raw = self.text[span[0] : span[1]]
        if ntype == "string":
            return Value("string", self.string(raw, span[0]), span)
        if ntype == "array":
            return Value("array", self.array(node), span)
        if ntype == "inline_table":
            return Value("table", self.inline_table(node), span)
        text = raw.decode("utf-8", "replace")
        scalar: object
        problem: toml_scalars.Problem | None
        if ntype == "integer":
            scalar, problem = decode_integer(text)
            kind = "integer"
        elif ntype == "float":
            scalar, problem = decode_float(text)
            kind = "float"
        elif ntype == "boolean":
            scalar, problem = decode_boolean(text)
            kind = "boolean"
        elif ntype in _DATE_TYPES:
            scalar, problem = decode_datetime(text)
            kind = toml_errors.datetime_kind(scalar)
        else:
            self.error(node)
            return Value("invalid", None, span)
        if problem is not None:
            self.issue("WL002", span[0] + problem[0], span[0] + problem[1], problem[2])
            return Value("invalid", None, span)
        return Value(kind, scalar, span)

    def array(self, node: tree_sitter.Node) -> tuple[Value, ...]:
        items: list[Value] = []
        for child in node.children:
            if child.type == "comment":
                self.comment(child)
            elif child.is_error or child.is_missing:
                self.error(child)
            elif child.is_named:
                items.append(self.value(child))
        return tuple(items)

    def inline_table(self, node: tree_sitter.Node) -> tuple[Member, ...]:
        root: dict[str, Member] = {}
        tables: dict[int, dict[str, Member]] = {}
        for child in node.children:
            if child.is_error or child.is_missing:
                self.error(child)
                continue
            if child.type != "pair":
                continue
            pair = self.pair(child)
            if pair is not None:
                self.merge(root, tables, pair)
        return _freeze(root, tables)

    def merge(self, root: dict[str, Member], tables: dict[int, dict[str, Member]], pair: Pair) -> None:
        """Adds `pair` to an inline table, where dotted keys may only extend tables they made."""
        target = root
        key = pair.key
        for idx, part in enumerate(key.parts):
            span = key.part_spans[idx]
            existing = target.get(part)
            last = idx == len(key.parts) - 1
            if existing is not None:
                if last or existing.value.kind != "dotted":
                    self.issue("WL003", span[0], span[1], f"duplicate key `{'.'.join(key.parts[: idx + 1])}`")
                    return
                target = tables[id(existing.value)]
                continue
            full = (key.span[0], span[1])
            if last:
                target[part] = Member(part, span, full, pair.span, pair.value)
                return
            table = Value("dotted", (), (span[0], pair.span[1]))
            tables[id(table)] = {}
            target[part] = Member(part, span, full, pair.span, table)
            target = tables[id(table)]


def _freeze(members: dict[str, Member], tables: dict[int, dict[str, Member]]) -> tuple[Member, ...]:
    out: list[Member] = []
    for member in members.values():
        if member.value.kind == "dotted":
            value = member.value
            inner = _freeze(tables[id(value)], tables)
            member = Member(
                member.key,
                member.key_span,
                member.full_key_span,
                member.span,
                Value("dotted", inner, value.span),
            )
        out.append(member)
    return tuple(out)
