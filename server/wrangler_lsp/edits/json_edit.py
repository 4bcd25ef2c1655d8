"""JSON(C) edits in the style of the object or array being edited.

A new member goes after the last member, on its own line at that member's indentation when the object
is laid out over lines (after the member's line comment), or after `, ` when it is on one line. The
trailing-comma style is kept (`members.append_member`). Values that are objects are laid out over lines
in a multi-line object (`render.json_block`), with the file's indentation unit (tab, 2 or 4 spaces).
An empty object gets its member on one line (`{ "key": 1 }`) unless it is the document itself or the
value is an object. Positions come from reading the text (`json_scan`); the tree says which keys exist.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from wrangler_lsp.config import Array, Entry, Table, TableStyle
from wrangler_lsp.edits import layout, members
from wrangler_lsp.edits.edit import Edit
from wrangler_lsp.edits.json_scan import JsonList, first_value, scan_list
from wrangler_lsp.edits.render import json_block, json_inline, render_key
from wrangler_lsp.syntax import Format

_JSON = Format.JSON
_TRAILING = re.compile(rb",[ \t]*(?://[^\n]*)?\r?\n\s*[}\]]")


def set_key(source: bytes, table: Table, key: str, value: object) -> tuple[Edit, ...]:
    """Edits that give `table` the member `"key": value` (replacing the value if `key` exists)."""
    entry = table.entries.get(key)
    if entry is not None:
        return (replace_value(source, entry, value),)
    obj = _list(source, table.span.start)
    nl = layout.newline(source)
    unit = layout.indent_unit(source)
    name = render_key(_JSON, key)
    padded = _padded(source, obj)
    trailing = _trailing(source)

    def render(indent: str | None) -> str:
        if indent is None:
            return f"{name}: {json_inline(value, padded)}"
        return f"{name}: {json_block(value, indent, unit, nl, trailing)}"

    expand = b"\n" in source and (table.style is TableStyle.ROOT or _is_block(value))
    return members.append_member(source, _JSON, obj.open_pos, obj.close_pos, obj.members, render, " ", expand)


def replace_value(source: bytes, entry: Entry, value: object) -> Edit:
    """The edit that writes `value` in place of a member's value (objects span lines on own-line members)."""
    span = entry.value.span
    if layout.starts_line(source, entry.span.start) and _is_block(value):
        indent = layout.indent_of(source, entry.span.start)
        text = json_block(value, indent, layout.indent_unit(source), layout.newline(source), _trailing(source))
    else:
        text = json_inline(value, True)
    return Edit(span, text)


def remove_key(source: bytes, table: Table, key: str) -> tuple[Edit, ...]:
    """Edits that remove the member `key` with its line (own-line members) and the right comma."""
    entry = table.entries.get(key)
    if entry is None:
        return ()
    obj = _list(source, table.span.start)
    index = next((i for i, span in enumerate(obj.members) if span.start == entry.span.start), None)
    if index is None:
        index = next((i for i, name in enumerate(obj.keys) if name == key), None)
    if index is None:
        return ()
    return members.remove_members(source, _JSON, obj.open_pos, obj.close_pos, obj.members, [index])


def append_item(source: bytes, array: Array, value: Mapping[str, object]) -> tuple[Edit, ...]:
    """Edits that add the object `value` as the last element of `array`, laid out like the elements."""
    items = _list(source, array.span.start)
    nl = layout.newline(source)
    unit = layout.indent_unit(source)
    last = source[items.members[-1].start : items.members[-1].end] if items.members else b"\n"
    padded = last.startswith(b"{ ") or not items.members
    trailing = _trailing(source)

    def render(indent: str | None) -> str:
        if indent is None or b"\n" not in last:
            return json_inline(dict(value), padded)
        return json_block(dict(value), indent, unit, nl, trailing)

    expand = b"\n" in source
    return members.append_member(source, _JSON, items.open_pos, items.close_pos, items.members, render, "", expand)


def _list(source: bytes, offset: int) -> JsonList:
    return scan_list(source, first_value(source, offset))


def _trailing(source: bytes) -> bool:
    """Whether the file writes trailing commas (a comma before a closing bracket on the next line)."""
    return _TRAILING.search(source) is not None


def _padded(source: bytes, obj: JsonList) -> bool:
    """Whether a one-line object writes a space inside its braces (`{ "a": 1 }`); yes for an empty one."""
    if not obj.members:
        return True
    return source[obj.open_pos + 1 : obj.open_pos + 2] in (b" ", b"\t")


def _is_block(value: object) -> bool:
    return (isinstance(value, Mapping) and bool(value)) or (
        isinstance(value, list) and any(isinstance(item, Mapping) for item in value)
    )
