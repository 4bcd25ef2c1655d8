"""The format-neutral config tree: tables, arrays and scalar values with key paths and source spans.

TOML and JSON(C) both lower to this tree (`config/build.py`), and every layer above reads only it.
A TOML table assembled from several places (`[env.a]`, then `[env.a.vars]`, dotted keys, implicit
parents) is one `Table` here; its `sections` remember each header section that built it, which is
what the edit layer needs to insert keys in the user's style.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
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


class Anchor:
    """Where a TOML section starts now. Spans of nodes lowered from it are stored relative to it.

    The TOML builder reuses a section's nodes when the section only moved (an edit before it): it sets
    `base` and every span below follows, in O(1). **Invariant:** a build that reuses a previous build's
    nodes moves them, so the previous `Config`'s spans are no longer valid afterwards
    (`config.build.is_stale` tells; `Document` rebuilds a stale config when asked again).
    """

    __slots__ = ("base",)

    def __init__(self, base: int) -> None:
        self.base = base


_new = object.__new__
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


def absolute(span: Span, anchor: Anchor | None) -> Span:
    """`span` (relative to `anchor`, or absolute when `anchor` is None) in absolute byte offsets."""
    if anchor is None:
        return span
    base = anchor.base
    out: Span = _new(Span)  # `Span(...)` without its checks: offsets from tree-sitter are ordered
    _set_start(out, span.start + base)
    _set_end(out, span.end + base)
    return out


class Section:
    """One place in the text that contributes keys to a table.

    For a TOML `[a.b]` / `[[a.b]]` section: `header` is the bracketed header, `body` runs from the header
    to the end of the section's last key/value pair (comments and blank lines after it are not part of
    it). For an inline table or a JSON object, `header` is None and `body` is the braces. For the root,
    `header` is None and `body` covers the pairs before the first header. Immutable; equal by value.
    """

    __slots__ = ("_anchor", "_body", "_header")

    def __init__(self, header: Span | None, body: Span, *, anchor: Anchor | None = None) -> None:
        self._header = header
        self._body = body
        self._anchor = anchor

    @property
    def header(self) -> Span | None:
        return None if self._header is None else absolute(self._header, self._anchor)

    @property
    def body(self) -> Span:
        return absolute(self._body, self._anchor)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Section):
            return NotImplemented
        return (self.header, self.body) == (other.header, other.body)

    def __hash__(self) -> int:
        return hash((self.header, self.body))

    def __repr__(self) -> str:
        return f"Section(header={self.header!r}, body={self.body!r})"


class Node:
    """Any value. `path` is its key path from the root; `span` is where it is written.

    For a table or array written with TOML headers, `span` is the first header naming it.
    """

    __slots__ = ("_anchor", "_span", "path")

    def __init__(self, path: KeyPath, span: Span, *, anchor: Anchor | None = None) -> None:
        self.path = path
        self._span = span
        self._anchor = anchor

    @property
    def span(self) -> Span:
        return absolute(self._span, self._anchor)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={self.path!r}, span={self.span!r})"


class Scalar(Node):
    __slots__ = ("kind", "value")

    def __init__(
        self, path: KeyPath, span: Span, kind: ScalarKind, value: ScalarValue, *, anchor: Anchor | None = None
    ) -> None:
        self.path = path
        self._span = span
        self._anchor = anchor
        self.kind = kind
        self.value = value


class Array(Node):
    __slots__ = ("items", "style")

    def __init__(
        self,
        path: KeyPath,
        span: Span,
        style: ArrayStyle,
        items: list[Node] | None = None,
        *,
        anchor: Anchor | None = None,
    ) -> None:
        self.path = path
        self._span = span
        self._anchor = anchor
        self.style = style
        self.items: list[Node] = [] if items is None else items


class Entry:
    """A key of a table and its value.

    `key_span` is the key's last part as written (for `a.b.c = 1` or `[a.b.c]`, the `c`); `full_key_span`
    the whole key as written (`a.b.c`); `span` the whole pair (`a.b.c = 1`, `"k": v`), or for a TOML
    header table, its header.
    """

    __slots__ = ("_anchor", "_full_key_span", "_key_span", "_span", "key", "value")

    def __init__(
        self,
        key: str,
        key_span: Span,
        full_key_span: Span,
        span: Span,
        value: Node,
        *,
        anchor: Anchor | None = None,
    ) -> None:
        self.key = key
        self._key_span = key_span
        self._full_key_span = full_key_span
        self._span = span
        self.value = value
        self._anchor = anchor

    @property
    def key_span(self) -> Span:
        return absolute(self._key_span, self._anchor)

    @property
    def full_key_span(self) -> Span:
        return absolute(self._full_key_span, self._anchor)

    @property
    def span(self) -> Span:
        return absolute(self._span, self._anchor)

    def __repr__(self) -> str:
        return f"Entry(key={self.key!r}, span={self.span!r}, value={self.value!r})"


class Table(Node):
    __slots__ = ("entries", "sections", "style")

    def __init__(
        self,
        path: KeyPath,
        span: Span,
        style: TableStyle,
        entries: dict[str, Entry] | None = None,
        sections: list[Section] | None = None,
        *,
        anchor: Anchor | None = None,
    ) -> None:
        self.path = path
        self._span = span
        self._anchor = anchor
        self.style = style
        self.entries: dict[str, Entry] = {} if entries is None else entries
        self.sections: list[Section] = [] if sections is None else sections

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


def env_name(path: KeyPath | None) -> str | None:
    """The env a key path lies in (`env.<name>...`), or None for the top level."""
    if path is not None and len(path) >= 2 and path[0] == "env" and isinstance(path[1], str):
        return path[1]
    return None


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
