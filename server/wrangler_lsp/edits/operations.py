"""The public edit operations, for both formats: set, replace and remove a key, add tables and array items.

Each takes the source and config tree nodes of one parse and returns non-overlapping `Edit`s in that
source's byte offsets. Asking for something the text cannot express as a small edit (replacing a
`[table]` by a value, appending to a path that runs through a value) raises `ValueError`: that is a bug
in the caller, not a property of the user's file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wrangler_lsp.config import Array, ArrayStyle, Entry, Node, Table, TableStyle
from wrangler_lsp.edits import json_edit, layout, members, toml_edit
from wrangler_lsp.edits.edit import Edit
from wrangler_lsp.syntax import Format


def set_key(source: bytes, fmt: Format, table: Table, key: str, value: object) -> tuple[Edit, ...]:
    """Edits that set `table[key] = value`: a new pair/member in the table's style, or a new value."""
    if fmt is Format.TOML:
        return toml_edit.set_key(source, table, key, value)
    return json_edit.set_key(source, table, key, value)


def replace_value(source: bytes, fmt: Format, entry: Entry, value: object) -> Edit:
    """The edit that writes `value` in place of `entry`'s value."""
    if fmt is Format.TOML:
        return toml_edit.replace_value(source, entry, value)
    return json_edit.replace_value(source, entry, value)


def remove_key(source: bytes, fmt: Format, table: Table, key: str) -> tuple[Edit, ...]:
    """Edits that remove `key` from `table` (nothing if it is absent), with its line and comma."""
    if fmt is Format.TOML:
        return toml_edit.remove_key(source, table, key)
    return json_edit.remove_key(source, table, key)


def append_array_table(
    source: bytes,
    fmt: Format,
    root: Table,
    path: Sequence[str],
    entries: Mapping[str, object],
    after: Node | None = None,
) -> tuple[Edit, ...]:
    """Edits that add a table with `entries` as the last element of the array at `path`.

    TOML: a `[[path]]` section after the array's last element (or after `after`, or after the deepest
    existing table on `path`), or an inline table when the array is written `[ {...} ]` or the path ends
    inside an inline table. JSON: an object in the array, or `"key": {"...": [ {...} ]}` in the deepest
    existing object on `path` when the array is missing. `after` only matters for new TOML sections.
    """
    node, rest = _deepest(root, path)
    if not rest:
        if not isinstance(node, Array):
            raise ValueError(f"`{'.'.join(path)}` is not an array")
        if fmt is Format.JSON:
            return json_edit.append_item(source, node, entries)
        if node.style is ArrayStyle.TABLES:
            return toml_edit.add_section(source, root, path, entries, True, after or node)
        item = toml_edit.array_item_text(entries)
        spans = [child.span for child in node.items]
        close = node.span.end - 1
        return members.append_member(source, fmt, node.span.start, close, spans, lambda _: item, "")
    return _add_below(source, fmt, root, path, node, rest, [dict(entries)], True, after)


def add_table(
    source: bytes,
    fmt: Format,
    root: Table,
    path: Sequence[str],
    entries: Mapping[str, object],
    after: Node | None = None,
) -> tuple[Edit, ...]:
    """Edits that create the missing table at `path` with `entries`: a `[path]` section or nested object."""
    node, rest = _deepest(root, path)
    if not rest:
        raise ValueError(f"`{'.'.join(path)}` already exists")
    return _add_below(source, fmt, root, path, node, rest, dict(entries), False, after)


def _add_below(
    source: bytes,
    fmt: Format,
    root: Table,
    path: Sequence[str],
    node: Node,
    rest: Sequence[str],
    value: object,
    array: bool,
    after: Node | None,
) -> tuple[Edit, ...]:
    if not isinstance(node, Table):
        raise ValueError(f"`{'.'.join(path[: len(path) - len(rest)])}` is not a table")
    nested = _nest(rest[1:], value)
    if fmt is Format.JSON or node.style is TableStyle.INLINE:
        return set_key(source, fmt, node, rest[0], nested)
    if node.style is TableStyle.DOTTED and _inline_dotted(source, node):
        return set_key(source, fmt, node, rest[0], nested)
    pairs = value[0] if isinstance(value, list) else value
    assert isinstance(pairs, Mapping)
    anchor = after if after is not None else (None if node.style is TableStyle.ROOT else node)
    return toml_edit.add_section(source, root, path, pairs, array, anchor)


def _deepest(root: Table, path: Sequence[str]) -> tuple[Node, Sequence[str]]:
    """The deepest node that exists along `path` (the last element of arrays), and the keys after it."""
    node: Node = root
    for idx, key in enumerate(path):
        if isinstance(node, Array) and node.style is ArrayStyle.TABLES and node.items:
            node = node.items[-1]
        if not isinstance(node, Table) or key not in node.entries:
            return node, path[idx:]
        node = node.entries[key].value
    return node, ()


def _nest(keys: Sequence[str], value: object) -> object:
    for key in reversed(keys):
        value = {key: value}
    return value


def _inline_dotted(source: bytes, table: Table) -> bool:
    spans = toml_edit.pair_spans(table)
    end = max(span.end for span in spans)
    rest = source[end : layout.line_end(source, end)].lstrip(b" \t")
    return rest[:1] in (b",", b"}")
