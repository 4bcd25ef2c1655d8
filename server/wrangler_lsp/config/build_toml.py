"""Lowering a TOML tree-sitter tree to the config tree, exact to TOML 1.0, incrementally.

Each child of the document node (a pair, a `[table]` or a `[[table]]` section) is lowered by
`syntax.toml_lower` as a pure function of its bytes and memoized in the build memo, so an edit lowers
only the sections it touched. Each lowered section is placed (`toml_assembly.Placed`: its nodes, spans
relative to the section's anchor) and reused, moved by its anchor, while its text is unchanged.
Assembly (`toml_assembly.Assembly`) then replays the sections in order with TOML's rules.

An env's subtree is reused whole when its sections are the same placed sections as in the last build:
each env written as one run of consecutive sections (`[env.X]`, `[[env.X.y]]`, ... and the comments
after them), the only place env X is written, that met no conflict (`_Run`). Nothing else can write into
env X then: the build is declined this reuse when any header is `[env]` itself, or a pair outside the
env runs has a key starting with `env`. So an edit in one env replays that env's sections only.
"""

from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from wrangler_lsp.config.toml_assembly import Assembly, Placed, place
from wrangler_lsp.config.tree import Entry, KeyPath, Table
from wrangler_lsp.syntax import Parse, SyntaxIssue
from wrangler_lsp.syntax import toml_lower as lowered


@dataclass(frozen=True, slots=True)
class _Run:
    """An env's subtree as the last build assembled it from the sections `placed` (in order), and the
    table their last header opened (where pairs after them would go); kept by env name (`_Memo.runs`)."""

    placed: tuple[Placed, ...]
    entry: Entry
    current: Table


@dataclass(slots=True)
class _Item:
    """A top-level item placed by the first pass: where it starts, and the checks of the text before it."""

    placed: Placed
    start: int
    gap: tuple[int, int] | None
    """Text to check for bare CRs before the item (the end of the last item to its start)."""
    no_break: bool
    """No line break separates it from the item before (WL001)."""


@dataclass(slots=True)
class _Memo:
    """What the next build may reuse: lowered sections by text, placed sections by section.

    `consumed` is set once a build has reused (and so moved) the placed sections: a second build from
    the same memo reuses only the lowered sections, and the config of this memo is stale.
    """

    sections: dict[tuple[object, ...], lowered.Section] = field(default_factory=dict)
    placed: dict[int, list[Placed]] = field(default_factory=dict)
    order: list[Placed] = field(default_factory=list)
    """Every placed section of the build, in source order (what `patch_toml` moves)."""
    changed: list[KeyPath] | None = None
    """What the build changed against the one before (`config.touched.changed_envs`): for each section
    placed afresh and each previous section not reused, its table's path and that of the header before
    it (a header added or dropped moves the pairs after it to another table). None: no build before."""
    consumed: bool = False
    runs: dict[str, _Run] = field(default_factory=dict)
    """Each env's subtree, to reuse when its sections come again (see the module's docstring)."""


def is_stale(memo: object) -> bool:
    """Whether a later build moved the nodes of the config built with `memo` (its spans are wrong)."""
    return isinstance(memo, _Memo) and memo.consumed


def build(parse: Parse, memo: object) -> tuple[Table, list[SyntaxIssue], object]:
    """The root table of `parse`, its issues, and the memo for the next build.

    Reusing `memo`'s placed sections moves their nodes: the config built with `memo` is stale after this.
    """
    previous = memo if isinstance(memo, _Memo) else _Memo()
    reusable = {} if previous.consumed else previous.placed
    runs = {} if previous.consumed else previous.runs
    previous.consumed = True
    current = _Memo()
    fresh: list[int] = []
    items = _place_items(parse, previous, reusable, current, fresh)
    assembly = Assembly(parse.source)
    env_runs = _env_runs(items)
    idx = 0
    while idx < len(items):
        run = env_runs.get(idx)
        if run is None:
            _add(assembly, items[idx])
            idx += 1
            continue
        name, stop = run
        placed = tuple(item.placed for item in items[idx:stop])
        known = runs.get(name)
        if known is not None and len(known.placed) == len(placed) and all(map(operator.is_, known.placed, placed)):
            # The same sections, in the same order, as when `known.entry` was assembled: reuse it.
            for item in items[idx:stop]:
                _add(assembly, item, replay=False)
            assembly.reuse_env(placed[0], name, known.entry, known.current)
            current.runs[name] = known
        else:
            conflicts = assembly.conflicts
            for item in items[idx:stop]:
                _add(assembly, item)
            entry = assembly.env_entry(name)
            if assembly.conflicts == conflicts and entry is not None:
                current.runs[name] = _Run(placed, entry, assembly.current)
        idx = stop
    last = items[-1].placed if items else None
    end = last.anchor.base + last.size if last is not None else 0
    assembly.gap(max(0, end - 1), len(parse.source))
    assembly.close_root()
    for placed_list in current.placed.values():
        placed_list.reverse()  # `pop()` hands them out in source order next time
    if previous.order:
        # Every previous section this build did not reuse, including one an in-place patch took out of
        # the reusable ones (its nodes no longer match its text; `patch_toml`): it is gone too.
        kept = {id(placed) for placed in current.order}
        dropped = [idx for idx, placed in enumerate(previous.order) if id(placed) not in kept]
        current.changed = _changed(current.order, fresh) + _changed(previous.order, dropped)
    return assembly.root, assembly.issues, current


def _env_runs(items: list[_Item]) -> dict[int, tuple[str, int]]:
    """The envs written in one run of consecutive items each, by the index of the run's first item:
    (env name, index after its last item). Empty when something else may write into an env."""
    spans: list[tuple[str, int, int]] = []
    env: str | None = None
    first = 0
    for idx, item in enumerate(items):
        placed = item.placed
        if placed.header is not None:
            parts = placed.parts
            name = None
            if parts[0][0] == "env":
                if len(parts) < 2:
                    return {}  # `[env]` or `[[env]]`: it may write into any env
                name = parts[1][0]
            if name != env:
                if env is not None:
                    spans.append((env, first, idx))
                env, first = name, idx
        elif env is None and any(pair.key.parts[0] == "env" for pair in placed.section.pairs):
            return {}  # `env.X.y = ...` at the top level (or in a table whose pairs could reach it)
    if env is not None:
        spans.append((env, first, len(items)))
    count = Counter(name for name, _, _ in spans)
    return {start: (name, stop) for name, start, stop in spans if count[name] == 1}


def _place_items(
    parse: Parse, previous: _Memo, reusable: dict[int, list[Placed]], current: _Memo, fresh: list[int]
) -> list[_Item]:
    """Each top-level item lowered (or its lowering reused by text) and placed (or reused, moved)."""
    source = parse.source
    items: list[_Item] = []
    last_end = -1
    gap_start = 0
    assert parse.tree is not None, "TOML is always parsed with tree-sitter"
    for node in parse.tree.root_node.children:
        start = node.start_byte
        end = node.end_byte
        gap = None
        if b"\r" in source[gap_start - 1 if gap_start else 0 : start]:
            gap = (max(0, gap_start - 1), start)
        gap_start = end
        key: tuple[object, ...] = (node.type, source[start:end])
        if node.has_error or node.type not in _ITEMS:
            key = (*key, *_error_context(node))
        section = previous.sections.get(key) or current.sections.get(key) or lowered.lower(node)
        current.sections[key] = section
        candidates = reusable.get(id(section))
        if candidates:
            placed = candidates.pop()
            placed.anchor.base = start
        else:
            placed = place(section, start)
            fresh.append(len(current.order))
        placed.size = end - start
        current.placed.setdefault(id(section), []).append(placed)
        current.order.append(placed)
        no_break = False
        if section.kind != "none":
            no_break = last_end >= 0 and b"\n" not in source[last_end:start]
            last_end = end if section.kind == "pair" else start + section.end
        items.append(_Item(placed, start, gap, no_break))
    return items


def _add(assembly: Assembly, item: _Item, *, replay: bool = True) -> None:
    """The checks of the text before `item`, then its section (only its own issues, without `replay`)."""
    if item.gap is not None:
        assembly.gap(*item.gap)
    if item.no_break:
        assembly.issue("WL001", item.start, item.start + 1, "expected a line break before this")
    if replay:
        assembly.add(item.placed, item.start)
    else:
        assembly.section_issues(item.placed, item.start)


def _changed(order: list[Placed], indices: list[int]) -> list[KeyPath]:
    """For the sections at `indices` of `order`: the path of the table each writes to (an unreadable
    item: the table of the header before it), and the path of the table of the header before it."""
    paths: list[KeyPath] = []
    for idx in indices:
        section = order[idx].section
        if section.kind == "none" and not section.issues:
            continue  # a comment
        before = _header_before(order, idx)
        paths.append(before if section.kind == "none" else _table_path(order[idx]))
        paths.append(before)
    return paths


def _table_path(placed: Placed) -> KeyPath:
    if placed.path is None and placed.parts:
        return tuple(part for part, _, _ in placed.parts)
    return placed.path if placed.path is not None else ()


def _header_before(order: list[Placed], idx: int) -> KeyPath:
    """The path of the table the header before section `idx` opens (the root's, `()`, before any)."""
    while idx > 0:
        idx -= 1
        if order[idx].header is not None:
            return _table_path(order[idx])
    return ()


_ITEMS = frozenset({"pair", "table", "table_array_element", "comment"})
"""What a well-formed top-level item is; anything else (an ERROR, a stray key) is described as an error."""


def _error_context(node: Any) -> tuple[object, ...]:  # a tree_sitter.Node (config does not import it)
    """What, besides its text, a broken item's lowering depends on: its tree and its previous item.

    Tree-sitter's error recovery can give the same text a different subtree, and WL001's wording reads
    the previous sibling (`toml_errors.describe`); so a broken item is memoized by both.
    """
    previous = node.prev_sibling
    context = None if previous is None else (previous.type, previous.end_point.row == node.start_point.row)
    return (str(node), context)
