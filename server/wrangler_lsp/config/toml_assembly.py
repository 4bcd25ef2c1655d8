"""Assembling lowered TOML sections into the config tree: TOML 1.0's rules for what may define what.

`build_toml` lowers and places each section (`Placed`: its nodes' spans relative to an `Anchor`) and
replays them here in source order (tomllib's and smol-toml's rules: a header defines a table once,
dotted keys may only extend tables they made in the same section, inline tables and arrays are closed).
On a conflict the first definition stays in the tree and the second is reported (WL003).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    absolute,
    format_path,
)
from wrangler_lsp.syntax import SyntaxIssue, toml_errors
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


def _rel(rel: tuple[int, int]) -> Span:
    """`Span(*rel)` (relative to a section's anchor), without the frozen dataclass's `__init__`."""
    span: Span = _new(Span)
    _set_start(span, rel[0])
    _set_end(span, rel[1])
    return span


@dataclass(slots=True)
class Placed:
    """A lowered section's nodes, spans relative to `anchor` (its start), and its pairs' entries.

    Reused by the next build when the same section (same text) appears again, wherever it moved: the
    builder only sets `anchor.base`. `entries` are the one-part-key pairs' entries under table `path`.
    """

    section: lowered.Section
    anchor: Anchor
    header: Span | None
    block: Section | None
    parts: tuple[tuple[str, Span, Span], ...] = ()
    path: KeyPath | None = None
    entries: list[Entry | None] = field(default_factory=list)
    size: int = 0
    """The length of the section's text (kept current by `patch_toml`)."""


def place(section: lowered.Section, base: int) -> Placed:
    anchor = Anchor(base)
    if section.header_span is None:
        return Placed(section, anchor, None, None)
    header = _rel(section.header_span)
    block = Section(header, Span(header.start, max(header.end, section.end)), anchor=anchor)
    key = section.header
    assert key is not None
    first = key.part_spans[0][0]
    parts = tuple((part, _rel(rel), _rel((first, rel[1]))) for part, rel in zip(key.parts, key.part_spans, strict=True))
    return Placed(section, anchor, header, block, parts)


def _entry(pair: lowered.Pair, anchor: Anchor, path: KeyPath) -> Entry | None:
    """The entry of a pair with a one-part key (None for a dotted key, which the assembly places)."""
    key = pair.key
    if len(key.parts) != 1:
        return None
    part = key.parts[0]
    key_span = _rel(key.part_spans[0])
    value = _node(pair.value, anchor, (*path, part))
    return Entry(part, key_span, key_span, _rel(pair.span), value, anchor=anchor)


@dataclass(slots=True)
class Assembly:
    source: bytes
    root: Table = field(init=False)
    issues: list[SyntaxIssue] = field(default_factory=list)
    current: Table = field(init=False)
    explicit: set[int] = field(default_factory=set)
    pending: list[int] = field(default_factory=list)
    root_body: Span | None = None
    in_root: bool = True
    conflicts: int = 0
    """How many WL003 conflicts were reported so far."""

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

    def section_issues(self, placed: Placed, base: int) -> None:
        """The section's own issues (found lowering it), placed at `base`."""
        for issue in placed.section.issues:
            self.issue(issue.code, issue.start + base, issue.end + base, issue.message)

    def add(self, placed: Placed, base: int) -> None:
        section = placed.section
        self.section_issues(placed, base)
        if placed.header is not None and placed.block is not None:
            assert section.header is not None
            self.explicit.update(self.pending)
            self.pending.clear()
            self.in_root = False
            table = self.define(placed, section.kind == "array")
            self.current = (
                table if table is not None else Table((), placed.header, TableStyle.HEADER, anchor=placed.anchor)
            )
        if not section.pairs:
            return
        table = self.current
        if placed.path != table.path or not placed.entries:
            placed.path = table.path
            placed.entries = [_entry(pair, placed.anchor, table.path) for pair in section.pairs]
        entries = table.entries
        for pair, entry in zip(section.pairs, placed.entries, strict=True):
            if self.in_root:
                span = _span(pair.span, base)
                self.root_body = span if self.root_body is None else self.root_body.cover(span)
            if entry is None:
                self.add_pair(table, pair, placed.anchor)
            elif entry.key in entries:
                self.conflict((*table.path, entry.key), entry.key_span, entries[entry.key], "is already defined")
            else:
                entries[entry.key] = entry

    def env_entry(self, name: str) -> Entry | None:
        """The entry of env `name` under the `env` table, if there is one."""
        env = self.root.entries.get("env")
        if env is None or not isinstance(env.value, Table):
            return None
        return env.value.entries.get(name)

    def reuse_env(self, first: Placed, name: str, entry: Entry, current: Table) -> None:
        """Env `name`'s subtree as a previous build assembled it (from the same placed sections, whose
        anchors moved its spans), in place of replaying its sections; `first`, the first one's header.

        What replaying them would have done outside the subtree is done here: the `env` table made
        (implicitly, by the first header naming it) if this is the first env, and the state after a header.
        """
        assert first.header is not None
        self.explicit.update(self.pending)
        self.pending.clear()
        self.in_root = False
        env = self.root.entries.get("env")
        if env is None:
            table = _implicit(self.root, first, 0)
        else:
            assert isinstance(env.value, Table)
            table = env.value
        table.entries[name] = entry
        self.current = current

    def close_root(self) -> None:
        self.root.sections.append(Section(None, self.root_body or Span(0, 0)))

    def define(self, placed: Placed, is_array: bool) -> Table | None:
        """The table a `[key]` or `[[key]]` header opens, or None (reported) if it cannot.

        Spans here are relative to the section's anchor, as are the tables and entries made.
        """
        assert placed.header is not None and placed.block is not None
        header, block, anchor = placed.header, placed.block, placed.anchor
        target = self.root
        last_idx = len(placed.parts) - 1
        for idx, (part, part_span, full) in enumerate(placed.parts):
            entry = target.entries.get(part)
            if idx < last_idx:
                if entry is None:
                    target = _implicit(target, placed, idx)
                elif isinstance(entry.value, Table) and entry.value.style is not TableStyle.INLINE:
                    target = entry.value
                elif isinstance(entry.value, Array) and entry.value.style is ArrayStyle.TABLES:
                    last = entry.value.items[-1]
                    assert isinstance(last, Table)
                    target = last
                else:
                    self.conflict((*target.path, part), absolute(part_span, anchor), entry, "is not a table")
                    return None
                continue
            if is_array:
                return self.define_array(target, entry, part, part_span, full, placed)
            path = (*target.path, part)
            if entry is None:
                table = Table(path, header, TableStyle.HEADER, sections=[block], anchor=anchor)
                target.entries[part] = Entry(part, part_span, full, header, table, anchor=anchor)
                self.explicit.add(id(table))
                return table
            node = entry.value
            if isinstance(node, Table) and node.style is TableStyle.IMPLICIT and id(node) not in self.explicit:
                node.style = TableStyle.HEADER
                node.sections.append(block)
                self.explicit.add(id(node))
                return node
            self.conflict(path, absolute(part_span, anchor), entry, "is already defined")
            return None
        return None

    def define_array(
        self,
        target: Table,
        entry: Entry | None,
        part: str,
        part_span: Span,
        full: Span,
        placed: Placed,
    ) -> Table | None:
        assert placed.header is not None and placed.block is not None
        header, anchor = placed.header, placed.anchor
        path = (*target.path, part)
        if entry is None:
            array = Array(path, header, ArrayStyle.TABLES, anchor=anchor)
            target.entries[part] = Entry(part, part_span, full, header, array, anchor=anchor)
        elif isinstance(entry.value, Array) and entry.value.style is ArrayStyle.TABLES:
            array = entry.value
        else:
            what = "is already defined and is not an array of tables"
            self.conflict(path, absolute(part_span, anchor), entry, what)
            return None
        item = Table((*path, len(array.items)), header, TableStyle.ARRAY_ITEM, sections=[placed.block], anchor=anchor)
        array.items.append(item)
        return item

    def add_pair(self, table: Table, pair: lowered.Pair, anchor: Anchor) -> None:
        """Places a pair with a dotted key, creating its dotted tables; spans relative to `anchor`."""
        key = pair.key
        span = _rel(pair.span)
        target = table
        first = key.part_spans[0][0]
        for idx, part in enumerate(key.parts):
            part_span = _rel(key.part_spans[idx])
            full = _rel((first, part_span.end))
            entry = target.entries.get(part)
            path = (*target.path, part)
            if idx == len(key.parts) - 1:
                if entry is not None:
                    self.conflict(path, absolute(part_span, anchor), entry, "is already defined")
                    return
                value = _node(pair.value, anchor, path)
                target.entries[part] = Entry(part, part_span, full, span, value, anchor=anchor)
                return
            if entry is None:
                dotted = Table(path, span, TableStyle.DOTTED, anchor=anchor)
                target.entries[part] = Entry(part, part_span, full, span, dotted, anchor=anchor)
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
            self.conflict(path, absolute(part_span, anchor), entry, "cannot be extended with a dotted key")
            return

    def conflict(self, path: KeyPath, span: Span, first: Entry, what: str) -> None:
        self.conflicts += 1
        line = self.line(first.span)
        self.issue("WL003", span.start, span.end, f"`{format_path(path)}` {what} (first defined at line {line})")


def _implicit(target: Table, placed: Placed, idx: int) -> Table:
    """The table part `idx` of `placed`'s header makes implicitly under `target` (`[a.b]` makes `a`)."""
    assert placed.header is not None
    part, part_span, full = placed.parts[idx]
    table = Table((*target.path, part), placed.header, TableStyle.IMPLICIT, anchor=placed.anchor)
    target.entries[part] = Entry(part, part_span, full, placed.header, table, anchor=placed.anchor)
    return table


def _node(value: lowered.Value, anchor: Anchor, path: KeyPath) -> Node:
    span = _rel(value.span)
    kind = value.kind
    if kind == "array":
        items = value.value
        assert isinstance(items, tuple)
        array = Array(path, span, ArrayStyle.INLINE, anchor=anchor)
        array.items = [_node(item, anchor, (*path, idx)) for idx, item in enumerate(items)]
        return array
    if kind in ("table", "dotted"):
        members = value.value
        assert isinstance(members, tuple)
        if kind == "table":
            table = Table(path, span, TableStyle.INLINE, sections=[Section(None, span, anchor=anchor)], anchor=anchor)
        else:
            table = Table(path, span, TableStyle.DOTTED, anchor=anchor)
        for member in members:
            assert isinstance(member, lowered.Member)
            table.entries[member.key] = Entry(
                member.key,
                _rel(member.key_span),
                _rel(member.full_key_span),
                _rel(member.span),
                _node(member.value, anchor, (*path, member.key)),
                anchor=anchor,
            )
        return table
    scalar = value.value
    assert scalar is None or isinstance(scalar, str | int | float | bool) or hasattr(scalar, "isoformat")
    return Scalar(path, span, _KINDS[kind], scalar, anchor=anchor)  # type: ignore[arg-type]
