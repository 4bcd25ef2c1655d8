"""Moving the nodes of the JSON config tree: reused members (`build_json`) and the in-place patch.

A JSON build anchors each top-level member and each env (`build_json`). A reused member that moved is
moved in place by its anchor (`move_member`); a member nested deeper is copied relative to the anchor of
the member it is now in (`copy_entry`). The root object and the `env` member and object keep absolute
spans, moved directly (`move_absolute`).
"""

from __future__ import annotations

from collections.abc import Callable

from wrangler_lsp.config import shift
from wrangler_lsp.config.tree import Anchor, Array, Entry, Node, Scalar, Section, Table
from wrangler_lsp.text import Span

# Spans are made without the dataclass constructor (its checks already hold for the shifted copy).

_new = object.__new__
_set_start: Callable[[Span, int], None] = Span.__dict__["start"].__set__
_set_end: Callable[[Span, int], None] = Span.__dict__["end"].__set__


def _moved_span(old: Span, delta: int) -> Span:
    span: Span = _new(Span)
    _set_start(span, old.start + delta)
    _set_end(span, old.end + delta)
    return span


def copy_entry(entry: Entry, delta: int, anchor: Anchor | None) -> Entry:
    """A copy of `entry` relative to `anchor` (absolute when None): `delta` is added to its absolute
    offsets (the move minus the anchor's base)."""
    moved = _moved_span
    key_span = moved(entry.key_span, delta)
    span = moved(entry.span, delta)
    value = entry.value
    if type(value) is Scalar:
        value = Scalar(value.path, moved(value.span, delta), value.kind, value.value, anchor=anchor)
    else:
        value = _copy(value, delta, anchor)
    return Entry(entry.key, key_span, key_span, span, value, anchor=anchor)


def _copy(node: Node, delta: int, anchor: Anchor | None) -> Node:
    span = _moved_span(node.span, delta)
    if type(node) is Scalar:
        return Scalar(node.path, span, node.kind, node.value, anchor=anchor)
    if type(node) is Table:
        shift_entry = copy_entry
        entries = {key: shift_entry(entry, delta, anchor) for key, entry in node.entries.items()}
        return Table(node.path, span, node.style, entries, [Section(None, span, anchor=anchor)], anchor=anchor)
    assert type(node) is Array
    return Array(node.path, span, node.style, [_copy(item, delta, anchor) for item in node.items], anchor=anchor)


def move_member(entry: Entry, delta: int) -> None:
    """Move an anchored member (its anchor), or the `env` member (its own spans, then each env's anchor)."""
    if entry._anchor is not None:
        entry._anchor.base += delta
        return
    move_absolute(entry, delta)
    for env in entry.value.entries.values():  # type: ignore[attr-defined]
        move_member(env, delta)


def move_absolute(obj: Entry | Table, delta: int, at: int = -1) -> None:
    """Move the absolute spans of the `env` member or object, or of the root (`shift.moved` past `at`)."""
    if isinstance(obj, Entry):
        obj._key_span = shift.moved(obj._key_span, at, delta)
        obj._full_key_span = obj._key_span
        obj._span = shift.moved(obj._span, at, delta)
        move_absolute(obj.value, delta, at)  # type: ignore[arg-type]
        return
    obj._span = shift.moved(obj._span, at, delta)
    obj.sections[:] = [Section(None, obj._span)]
