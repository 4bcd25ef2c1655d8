"""The format-neutral config tree: tables, arrays and scalar values with key paths and source spans.

TOML and JSON(C) both lower to this tree (`config/build.py`), and every layer above reads only it.
A TOML table assembled from several places (`[env.a]`, then `[env.a.vars]`, dotted keys, implicit
parents) is one `Table` here; its `sections` remember each header section that built it, which is
what the edit layer needs to insert keys in the user's style.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from wrangler_lsp.text import Span

Key = str | int
"""One step of a key path: a table key, or an array index."""

KeyPath = tuple[Key, ...]

ScalarValue = str | int | float | bool | dt.datetime | dt.date | dt.time | None


class ScalarKind(Enum):
    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"
    OFFSET_DATETIME = "offset datetime"
    LOCAL_DATETIME = "local datetime"
    LOCAL_DATE = "local date"
    LOCAL_TIME = "local time"
    NULL = "null"
    INVALID = "invalid"
    """A value the parser could not read (broken text); its `value` is None."""


class TableStyle(Enum):
    """How a table is written, which decides how an edit adds a key to it."""

    ROOT = "root"
    """The document itself (TOML keys before the first header, or the top-level JSON object)."""
    HEADER = "header"
    """A TOML `[a.b]` section."""
    ARRAY_ITEM = "array item"
    """One TOML `[[a.b]]` section."""
    IMPLICIT = "implicit"
    """A TOML table that exists only as a prefix of headers, e.g. `a` for `[a.b]`."""
    DOTTED = "dotted"
    """A TOML table made by dotted keys, e.g. `a` for `a.b = 1`."""
    INLINE = "inline"
    """A TOML inline table `{ ... }`."""
    OBJECT = "object"
    """A JSON object."""


class ArrayStyle(Enum):
    INLINE = "inline"
    """A TOML `[ ... ]` value or a JSON array."""
    TABLES = "tables"
    """A TOML array of tables, written as `[[a.b]]` sections."""


@dataclass(frozen=True, slots=True)
class Section:
    """One place in the text that contributes keys to a table.

    For a TOML `[a.b]` / `[[a.b]]` section: `header` is the bracketed header, `body` runs from the header
    to the end of the section's last key/value pair (comments and blank lines after it are not part of
    it). For an inline table or a JSON object, `header` is None and `body` is the braces. For the root,
    `header` is None and `body` covers the pairs before the first header.
    """

    header: Span | None
    body: Span


@dataclass(eq=False, slots=True)
class Node:
    """Any value. `path` is its key path from the root; `span` is where it is written.

    For a table or array written with TOML headers, `span` is the first header naming it.
    """

    path: KeyPath
    span: Span


@dataclass(eq=False, slots=True)
class Scalar(Node):
    kind: ScalarKind
    value: ScalarValue


@dataclass(eq=False, slots=True)
class Array(Node):
    style: ArrayStyle
    items: list[Node] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Entry:
    """A key of a table and its value.

    `key_span` is the key's last part as written (for `a.b.c = 1` or `[a.b.c]`, the `c`); `full_key_span`
    the whole key as written (`a.b.c`); `span` the whole pair (`a.b.c = 1`, `"k": v`), or for a TOML
    header table, its header.
    """

    key: str
    key_span: Span
    full_key_span: Span
    span: Span
    value: Node


@dataclass(eq=False, slots=True)
class Table(Node):
    style: TableStyle
    entries: dict[str, Entry] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry.value if entry is not None else None


def walk(node: Node) -> Iterator[Node]:
    """`node` and every node below it, depth first, in source order of entries."""
    yield node
    if isinstance(node, Table):
        for entry in node.entries.values():
            yield from walk(entry.value)
    elif isinstance(node, Array):
        for item in node.items:
            yield from walk(item)


def to_python(node: Node) -> object:
    """The plain Python value of `node` (dicts, lists, scalars), as wrangler's parser would produce it."""
    if isinstance(node, Table):
        return {key: to_python(entry.value) for key, entry in node.entries.items()}
    if isinstance(node, Array):
        return [to_python(item) for item in node.items]
    assert isinstance(node, Scalar)
    return node.value


def format_path(path: KeyPath) -> str:
    """A key path the way wrangler's messages and our JSON output spell it: `env.x.bindings[0].name`."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        elif out:
            out += f".{key}"
        else:
            out = key
    return out
