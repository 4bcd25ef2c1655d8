"""Lowering a TOML tree-sitter tree to the config tree, exact to TOML 1.0, incrementally.

Each child of the document node (a pair, a `[table]` or a `[[table]]` section) is lowered by
`syntax.toml_lower` as a pure function of its bytes and memoized in the build memo, so an edit lowers
only the sections it touched. Assembly then replays the sections in order with TOML's rules for what
may define what (tomllib's and smol-toml's: a header defines a table once, dotted keys may only extend
tables they made in the same section, inline tables and arrays are closed). On a conflict the first
definition stays in the tree and the second is reported (WL003).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wrangler_lsp.config.tree import (
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
    format_path,
)
from wrangler_lsp.syntax import Parse, SyntaxIssue, toml_errors
from wrangler_lsp.syntax import toml_lower as lowered
from wrangler_lsp.text import Span

_KINDS = {kind.value: kind for kind in ScalarKind}
_new = object.__new__
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


def _span(rel: tuple[int, int], base: int) -> Span:
    """`Span(rel[0] + base, rel[1] + base)`, without the frozen dataclass's `__init__`.

    Building the tree creates tens of thousands of spans on a big file, and `Span()` costs twice as much
    as this; the offsets come from tree-sitter, so they are ordered and the check is moot.
    """
    span: Span = _new(Span)
    _set_start(span, rel[0] + base)
    _set_end(span, rel[1] + base)
    return span


@dataclass(slots=True)
class _Placed:
    """A lowered section's spans at one offset, and its pairs' entries under one table path."""

    section: lowered.Section
    header: Span | None
    block: Section | None
    parts: tuple[tuple[str, Span, Span], ...] = ()
    path: KeyPath | None = None
    entries: list[Entry | None] = field(default_factory=list)


@dataclass(slots=True)
class _Memo:
    """What the next build may reuse: lowered sections by text, placed sections by (section, offset)."""

    sections: dict[tuple[str, bytes], lowered.Section] = field(default_factory=dict)
    placed: dict[tuple[int, int], _Placed] = field(default_factory=dict)


def build(parse: Parse, memo: object) -> tuple[Table, list[SyntaxIssue], object]:
    """The root table of `parse`, its issues, and the memo for the next build."""
    previous = memo if isinstance(memo, _Memo) else _Memo()
    current = _Memo()
    assembly = _Assembly(parse.source)
    source = parse.source
    last_end = -1
    gap_start = 0
    for node in parse.tree.root_node.children:
        start = node.start_byte
        end = node.end_byte
        if b"\r" in source[gap_start - 1 if gap_start else 0 : start]:
            assembly.gap(max(0, gap_start - 1), start)
        gap_start = end
        key = (node.type, source[start:end])
        section = previous.sections.get(key) or current.sections.get(key) or lowered.lower(node)
        current.sections[key] = section
        place_key = (id(section), start)
        placed = previous.placed.get(place_key)
        if placed is None or placed.section is not section:
            placed = _place(section, start)
        current.placed[place_key] = placed
        if section.kind != "none":
            if last_end >= 0 and b"\n" not in source[last_end:start]:
                assembly.issue("WL001", start, start + 1, "expected a line break before this")
            last_end = end if section.kind == "pair" else start + section.end
        assembly.add(placed, start)
    assembly.gap(max(0, gap_start - 1), len(source))
    assembly.close_root()
    return assembly.root, assembly.issues, current


def _place(section: lowered.Section, base: int) -> _Placed:
    if section.header_span is None:
        return _Placed(section, None, None)
    header = _span(section.header_span, base)
    block = Section(header, Span(header.start, max(header.end, base + section.end)))
    key = section.header
    assert key is not None
    first = key.part_spans[0][0]
    parts = tuple(
        (part, _span(rel, base), _span((first, rel[1]), base))
        for part, rel in zip(key.parts, key.part_spans, strict=True)
    )
    return _Placed(section, header, block, parts)


def _entry(pair: lowered.Pair, base: int, path: KeyPath) -> Entry | None:
    """The entry of a pair with a one-part key (None for a dotted key, which the assembly places)."""
    key = pair.key
    if len(key.parts) != 1:
        return None
    part = key.parts[0]
    key_span = _span(key.part_spans[0], base)
    return Entry(part, key_span, key_span, _span(pair.span, base), _node(pair.value, base, (*path, part)))


@dataclass(slots=True)
class _Assembly:
    source: bytes
    root: Table = field(init=False)
    issues: list[SyntaxIssue] = field(default_factory=list)
    current: Table = field(init=False)
    explicit: set[int] = field(default_factory=set)
    pending: list[int] = field(default_factory=list)
    root_body: Span | None = None
    in_root: bool = True

    def __post_init__(self) -> None:
        self.root = Table((), Span(0, len(self.source)), TableStyle.ROOT)
        self.current = self.root

    def issue(self, code: str, start: int, end: int, message: str) -> None:
        self.issues.append(SyntaxIssue(code, Span(start, end), message))

    def gap(self, start: int, end: int) -> None:
        """Checks text between sections (and the last byte of the one before) for bare CRs."""
        for issue in toml_errors.bare_cr(self.source, start, end):
            self.issue(issue.code, issue.start, issue.end, issue.message)

    def line(self, span: Span) -> int:
        return self.source.count(b"\n", 0, span.start) + 1

    def add(self, placed: _Placed, base: int) -> None:
        section = placed.section
        for issue in section.issues:
            self.issue(issue.code, issue.start + base, issue.end + base, issue.message)
        if placed.header is not None and placed.block is not None:
            assert section.header is not None
            self.explicit.update(self.pending)
            self.pending.clear()
            self.in_root = False
            table = self.define(placed, section.kind == "array")
            self.current = table if table is not None else Table((), placed.header, TableStyle.HEADER)
        if not section.pairs:
            return
        table = self.current
        if placed.path != table.path or not placed.entries:
            placed.path = table.path
            placed.entries = [_entry(pair, base, table.path) for pair in section.pairs]
        entries = table.entries
        for pair, entry in zip(section.pairs, placed.entries, strict=True):
            if self.in_root:
                span = _span(pair.span, base)
                self.root_body = span if self.root_body is None else self.root_body.cover(span)
            if entry is None:
                self.add_pair(table, pair, base)
            elif entry.key in entries:
                self.conflict((*table.path, entry.key), entry.key_span, entries[entry.key], "is already defined")
            else:
                entries[entry.key] = entry

    def close_root(self) -> None:
        self.root.sections.append(Section(None, self.root_body or Span(0, 0)))

    def define(self, placed: _Placed, is_array: bool) -> Table | None:
        """The table a `[key]` or `[[key]]` header opens, or None (reported) if it cannot."""
        assert placed.header is not None and placed.block is not None
        header, block = placed.header, placed.block
        target = self.root
        last_idx = len(placed.parts) - 1
        for idx, (part, part_span, full) in enumerate(placed.parts):
            entry = target.entries.get(part)
            if idx < last_idx:
                if entry is None:
                    path = (*target.path, part)
                    table = Table(path, header, TableStyle.IMPLICIT)
                    target.entries[part] = Entry(part, part_span, full, header, table)
                    target = table
                elif isinstance(entry.value, Table) and entry.value.style is not TableStyle.INLINE:
                    target = entry.value
                elif isinstance(entry.value, Array) and entry.value.style is ArrayStyle.TABLES:
                    last = entry.value.items[-1]
                    assert isinstance(last, Table)
                    target = last
                else:
                    self.conflict((*target.path, part), part_span, entry, "is not a table")
                    return None
                continue
            if is_array:
                return self.define_array(target, entry, part, part_span, full, header, block)
            path = (*target.path, part)
            if entry is None:
                table = Table(path, header, TableStyle.HEADER, sections=[block])
                target.entries[part] = Entry(part, part_span, full, header, table)
                self.explicit.add(id(table))
                return table
            node = entry.value
            if isinstance(node, Table) and node.style is TableStyle.IMPLICIT and id(node) not in self.explicit:
                node.style = TableStyle.HEADER
                node.sections.append(block)
                self.explicit.add(id(node))
                return node
            self.conflict(path, part_span, entry, "is already defined")
            return None
        return None

    def define_array(
        self,
        target: Table,
        entry: Entry | None,
        part: str,
        part_span: Span,
        full: Span,
        header: Span,
        block: Section,
    ) -> Table | None:
        path = (*target.path, part)
        if entry is None:
            array = Array(path, header, ArrayStyle.TABLES)
            target.entries[part] = Entry(part, part_span, full, header, array)
        elif isinstance(entry.value, Array) and entry.value.style is ArrayStyle.TABLES:
            array = entry.value
        else:
            self.conflict(path, part_span, entry, "is already defined and is not an array of tables")
            return None
        item = Table((*path, len(array.items)), header, TableStyle.ARRAY_ITEM, sections=[block])
        array.items.append(item)
        return item

    def add_pair(self, table: Table, pair: lowered.Pair, base: int) -> None:
        key = pair.key
        span = _span(pair.span, base)
        target = table
        for idx, part in enumerate(key.parts):
            part_span = _span(key.part_spans[idx], base)
            full = Span(base + key.part_spans[0][0], part_span.end)
            entry = target.entries.get(part)
            path = (*target.path, part)
            if idx == len(key.parts) - 1:
                if entry is not None:
                    self.conflict(path, part_span, entry, "is already defined")
                    return
                value = _node(pair.value, base, path)
                target.entries[part] = Entry(part, part_span, full, span, value)
                return
            if entry is None:
                dotted = Table(path, span, TableStyle.DOTTED)
                target.entries[part] = Entry(part, part_span, full, span, dotted)
                self.pending.append(id(dotted))
                target = dotted
                continue
            node = entry.value
            if (
                isinstance(node, Table)
                and node.style in (TableStyle.DOTTED, TableStyle.IMPLICIT)
                and id(node) not in self.explicit
            ):
                self.pending.append(id(node))
                target = node
                continue
            self.conflict(path, part_span, entry, "cannot be extended with a dotted key")
            return

    def conflict(self, path: KeyPath, span: Span, first: Entry, what: str) -> None:
        line = self.line(first.span)
        self.issue("WL003", span.start, span.end, f"`{format_path(path)}` {what} (first defined at line {line})")


def _node(value: lowered.Value, base: int, path: KeyPath) -> Node:
    span = _span(value.span, base)
    kind = value.kind
    if kind == "array":
        items = value.value
        assert isinstance(items, tuple)
        array = Array(path, span, ArrayStyle.INLINE)
        array.items = [_node(item, base, (*path, idx)) for idx, item in enumerate(items)]
        return array
    if kind in ("table", "dotted"):
        members = value.value
        assert isinstance(members, tuple)
        if kind == "table":
            table = Table(path, span, TableStyle.INLINE, sections=[Section(None, span)])
        else:
            table = Table(path, span, TableStyle.DOTTED)
        for member in members:
            assert isinstance(member, lowered.Member)
            table.entries[member.key] = Entry(
                member.key,
                _span(member.key_span, base),
                _span(member.full_key_span, base),
                _span(member.span, base),
                _node(member.value, base, (*path, member.key)),
            )
        return table
    scalar = value.value
    assert scalar is None or isinstance(scalar, str | int | float | bool) or hasattr(scalar, "isoformat")
    return Scalar(path, span, _KINDS[kind], scalar)  # type: ignore[arg-type]
