"""What is at an offset: the innermost key or value, its key path, its env and its Durable Object binding.

Every cursor-based feature (hover, completion, definition) asks this once (Taplo's `Query::at`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from wrangler_lsp import config, model
from wrangler_lsp.model.worker import DoBinding, Env
from wrangler_lsp.text import Span


@dataclass(frozen=True, slots=True)
class Query:
    """The innermost entry at the offset; `on_key` when the offset is on the key rather than the value."""

    path: config.KeyPath
    entry: config.Entry | None
    node: config.Node
    on_key: bool
    env: Env
    binding: DoBinding | None


def at(worker: model.Worker, offset: int) -> Query | None:
    """The query at byte `offset`, or None when it is outside every entry (blank line, comment).

    In TOML the `[header]` section holding the offset is found by binary search over the sections
    (indexed once per config), and the descent starts at its table: a hover costs the same at 100 and at
    50,000 lines.
    """
    section = _section_at(worker.root, offset)
    if section is not None and section[0].header is not None and section[0].header.contains(offset):
        on_header = _header_key_at(worker, section[1], offset)
        if on_header is not None:
            return on_header
    node: config.Node = section[1] if section is not None else worker.root
    path: config.KeyPath = node.path
    entry: config.Entry | None = None
    on_key = False
    while True:
        step = child_at(node, offset)
        if step is None:
            break
        key, child_entry, child, is_key = step
        path = (*path, key)
        node = child
        if child_entry is not None:
            entry = child_entry
        if is_key:
            on_key = True
            break
    if not path:
        return None
    env = _env_of(worker, path)
    binding = _binding_of(env, path)
    return Query(path, entry, node, on_key, env, binding)


_INDEX: dict[int, tuple[config.Table, list[int], list[tuple[config.Section, config.Table]]]] = {}


def _section_at(root: config.Table, offset: int) -> tuple[config.Section, config.Table] | None:
    """The header table (`[a.b]` or one `[[a.b]]` item) whose section holds `offset`, with that section."""
    starts, sections = _section_index(root)
    idx = bisect_right(starts, offset) - 1
    if idx >= 0 and sections[idx][0].body.contains(offset):
        return sections[idx]
    return None


def _header_key_at(worker: model.Worker, table: config.Table, offset: int) -> Query | None:
    """The query for a cursor on one of the keys of a `[a.b.c]` header: the key whose span holds it."""
    node: config.Node = worker.root
    path: config.KeyPath = ()
    for key in table.path:
        entry: config.Entry | None = None
        if isinstance(node, config.Table) and isinstance(key, str) and key in node.entries:
            entry = node.entries[key]
            child: config.Node = entry.value
        elif isinstance(node, config.Array) and isinstance(key, int) and key < len(node.items):
            child = node.items[key]
        else:
            return None
        path = (*path, key)
        if entry is not None and entry.key_span.contains(offset):
            env = _env_of(worker, path)
            return Query(path, entry, child, True, env, _binding_of(env, path))
        node = child
    return None


def _section_index(root: config.Table) -> tuple[list[int], list[tuple[config.Section, config.Table]]]:
    cached = _INDEX.get(id(root))
    if cached is not None and cached[0] is root:
        return cached[1], cached[2]
    found: list[tuple[config.Section, config.Table]] = []
    stack: list[config.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, config.Table):
            if node.style in (config.TableStyle.HEADER, config.TableStyle.ARRAY_ITEM):
                found.extend((section, node) for section in node.sections if section.header is not None)
            stack.extend(e.value for e in node.entries.values() if _has_headers(e.value) or _is_implicit(e.value))
        elif isinstance(node, config.Array) and node.style is config.ArrayStyle.TABLES:
            stack.extend(node.items)
    found.sort(key=lambda item: item[0].body.start)
    starts = [section.body.start for section, _ in found]
    if len(_INDEX) >= 8:
        _INDEX.clear()
    _INDEX[id(root)] = (root, starts, found)
    return starts, found


def _is_implicit(node: config.Node) -> bool:
    return isinstance(node, config.Table) and node.style in (config.TableStyle.IMPLICIT, config.TableStyle.DOTTED)


def contains(node: config.Node, offset: int) -> bool:
    """Whether `offset` lies in the text of `node`, including every TOML section that builds it."""
    if node.span.contains(offset):
        return True
    if isinstance(node, config.Table):
        if any(section.body.contains(offset) for section in node.sections):
            return True
        # Sub-tables written with headers of their own lie outside this table's sections, and an
        # implicit or dotted table has no text of its own: look at where the entries are written.
        loose = node.style in (config.TableStyle.IMPLICIT, config.TableStyle.DOTTED)
        return any(
            (loose and entry.span.contains(offset)) or (_has_headers(entry.value) and contains(entry.value, offset))
            for entry in node.entries.values()
        )
    if isinstance(node, config.Array) and node.style is config.ArrayStyle.TABLES:
        return any(contains(item, offset) for item in node.items)
    return False


def _has_headers(node: config.Node) -> bool:
    if isinstance(node, config.Table):
        return node.style is not config.TableStyle.INLINE and node.style is not config.TableStyle.OBJECT
    return isinstance(node, config.Array) and node.style is config.ArrayStyle.TABLES


def child_at(node: config.Node, offset: int) -> tuple[config.Key, config.Entry | None, config.Node, bool] | None:
    """The entry or item of `node` whose text holds `offset`: its key, entry, value, and whether on the key."""
    if isinstance(node, config.Table):
        if node.style is config.TableStyle.OBJECT and len(node.entries) > _SCAN:
            found = _member_at(node, offset)
            if found is not None:
                return found
        for key, entry in node.entries.items():
            if entry.key_span.contains(offset):
                return key, entry, entry.value, True
            if contains(entry.value, offset) or (
                entry.span.contains(offset) and not isinstance(entry.value, config.Table | config.Array)
            ):
                return key, entry, entry.value, False
    elif isinstance(node, config.Array):
        for idx, item in enumerate(node.items):
            if contains(item, offset):
                return idx, None, item, False
    return None


_SCAN = 16
"""Members of a JSON object beyond which the one at an offset is found by bisection first."""


def _member_at(table: config.Table, offset: int) -> tuple[config.Key, config.Entry, config.Node, bool] | None:
    """The member of a JSON object whose text holds `offset`, by bisection over the members in source order.

    Members' texts do not overlap, so the one found is the one a scan finds; a duplicate key can put
    the members out of order, and then this may find none (the caller scans).
    """
    entries = list(table.entries.items())
    idx = bisect_right(entries, offset, key=lambda item: item[1].span.start) - 1
    if idx < 0:
        return None
    key, entry = entries[idx]
    if entry.key_span.contains(offset):
        return key, entry, entry.value, True
    value = entry.value
    if contains(value, offset) or (entry.span.contains(offset) and not isinstance(value, config.Table | config.Array)):
        return key, entry, value, False
    return None


def _env_of(worker: model.Worker, path: config.KeyPath) -> Env:
    name = config.env_name(path)
    env = worker.env(name) if name is not None else None
    return env if env is not None else worker.top


def _binding_of(env: Env, path: config.KeyPath) -> DoBinding | None:
    for binding in env.do_bindings:
        if path[: len(binding.path)] == binding.path:
            return binding
    return None


def extent(node: config.Node) -> Span:
    """The whole text of `node`: its span, every TOML section that builds it, and everything below it."""
    span = node.span
    if isinstance(node, config.Table):
        for section in node.sections:
            span = (
                span.cover(section.body) if section.header is None else span.cover(section.header).cover(section.body)
            )
        for entry in node.entries.values():
            span = span.cover(entry.span).cover(extent(entry.value))
    elif isinstance(node, config.Array):
        for item in node.items:
            span = span.cover(extent(item))
    return span
