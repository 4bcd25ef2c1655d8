"""The TOML half of `config.patch`: one string's new value, found and moved within its section.

The build memo lists the placed sections in source order (`build_toml._Memo.order`), each with an
`Anchor` its nodes' spans are relative to. The edited section is found by bisection; its nodes are
reached from the table its pairs went into, following only entries it wrote (and the implicit or
dotted tables they pass through). Sections after it move by their anchor, in O(1) each. Nothing is
changed unless the whole patch applies.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from wrangler_lsp.config import shift
from wrangler_lsp.config.build import Config
from wrangler_lsp.config.build_toml import _Memo
from wrangler_lsp.config.tree import (
    Array,
    KeyPath,
    Node,
    Scalar,
    Section,
    Table,
    TableStyle,
    absolute,
)
from wrangler_lsp.text import Span, TextEdit

_ENTRY_SPANS = ("_key_span", "_full_key_span", "_span")


def patch(
    previous: Config, edit: TextEdit, delta: int, new_value: Callable[[Span], str | None]
) -> tuple[Config, KeyPath] | None:
    memo = previous.memo
    if not isinstance(memo, _Memo) or memo.consumed or not memo.order:
        return None
    order = memo.order
    idx = bisect_right(order, edit.start, key=lambda placed: placed.anchor.base) - 1
    if idx < 0:
        return None
    placed = order[idx]
    anchor = placed.anchor
    at = edit.start - anchor.base
    if at <= 0 or edit.old_end >= anchor.base + placed.size or placed.path is None:
        return None
    table = _table_at(previous.root, placed.path)
    if table is None:
        return None
    walk = _Walk(anchor, at, edit.old_end - anchor.base)
    walk.table(table)
    if walk.found is None:
        return None
    value = new_value(absolute(walk.found._span, anchor))
    issues = shift.moved_issues(previous.issues, edit.start, delta)
    if value is None or issues is None:
        return None
    # From here on nothing fails: apply. (No span ends inside the string, so every move is valid.)
    walk.apply(delta)
    walk.found.value = value
    placed.size += delta
    for later in order[idx + 1 :]:
        later.anchor.base += delta
    root = previous.root
    root._span = Span(0, root._span.end + delta)
    root.sections[:] = [_moved_section(section, edit.start, delta) for section in root.sections]
    memo.consumed = True
    siblings = memo.placed.get(id(placed.section), [])
    siblings[:] = [other for other in siblings if other is not placed]  # its nodes no longer match its text
    following = _Memo(memo.sections, memo.placed, order, runs=memo.runs)
    return Config(root, issues, following), walk.found.path


def _table_at(root: Table, path: KeyPath) -> Table | None:
    node: Node = root
    for key in path:
        if isinstance(key, str) and isinstance(node, Table) and key in node.entries:
            node = node.entries[key].value
        elif isinstance(key, int) and isinstance(node, Array) and 0 <= key < len(node.items):
            node = node.items[key]
        else:
            return None
    return node if isinstance(node, Table) else None


def _moved_section(section: Section, at: int, delta: int) -> Section:
    if section._anchor is not None:
        return section
    header = None if section._header is None else shift.moved(section._header, at, delta)
    return Section(header, shift.moved(section._body, at, delta))


class _Walk(shift.Walk):
    """Collects the moves of the nodes anchored to `anchor`, and the string holding the edit."""

    def table(self, table: Table) -> None:
        """The entries of `table` this section wrote, and its sections from this section."""
        for section in table.sections:
            if section._anchor is self.anchor:
                self.span(section, "_header")
                self.span(section, "_body")
        for entry in table.entries.values():
            if entry._anchor is self.anchor:
                for attr in _ENTRY_SPANS:
                    self.span(entry, attr)
                self.node(entry.value)
            elif isinstance(entry.value, Table) and entry.value.style in (TableStyle.IMPLICIT, TableStyle.DOTTED):
                self.table(entry.value)  # dotted keys of this section may pass through it

    def node(self, node: Node) -> None:
        if node._anchor is not self.anchor:
            return
        self.span(node, "_span")
        if isinstance(node, Table):
            self.table(node)
        elif isinstance(node, Array):
            for item in node.items:
                self.node(item)
        elif isinstance(node, Scalar):
            self.string(node)
