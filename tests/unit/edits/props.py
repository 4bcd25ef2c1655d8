"""The properties every edit keeps, checked on any file: it parses, the change is where asked, nothing else moves.

`check_*` take a source and a table (or path) of its tree, apply one operation and compare
`config.to_python` of the result with the expected plain value. Returned `False` means the operation
does not apply to that spot (nothing was checked).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from wrangler_lsp import config, edits
from wrangler_lsp.syntax import Format

from .helpers import build

Plain = object


def check_set_key(fmt: Format, source: bytes, root: config.Table, table: config.Table, key: str, value: object) -> None:
    before = config.to_python(root)
    expected = copy.deepcopy(before)
    _at(expected, table.path)[key] = value  # type: ignore[index]
    _check(fmt, source, edits.set_key(source, fmt, table, key, value), expected)


def check_remove_key(fmt: Format, source: bytes, root: config.Table, table: config.Table, key: str) -> None:
    before = config.to_python(root)
    expected = copy.deepcopy(before)
    target = _at(expected, table.path)
    assert isinstance(target, dict)
    del target[key]
    _check(fmt, source, edits.remove_key(source, fmt, table, key), expected, prune=table.path)


def check_append(
    fmt: Format, source: bytes, root: config.Table, path: Sequence[str], entries: dict[str, object]
) -> None:
    before = config.to_python(root)
    expected = copy.deepcopy(before)
    parent: object = expected
    for key in path[:-1]:
        assert isinstance(parent, dict)
        parent = parent.setdefault(key, {})
        if isinstance(parent, list):
            parent = parent[-1]
    assert isinstance(parent, dict)
    parent.setdefault(path[-1], []).append(entries)
    _check(fmt, source, edits.append_array_table(source, fmt, root, path, entries), expected)


def _check(
    fmt: Format, source: bytes, changes: Sequence[edits.Edit], expected: Plain, prune: config.KeyPath | None = None
) -> None:
    out = edits.apply_edits(source, changes)
    after = build(fmt, out)
    assert after.issues == (), (after.issues, out.decode(errors="replace"))
    got = config.to_python(after.root)
    if prune is not None and got != expected:
        # Removing the last key of a dotted or implicit table removes the table's only trace in the text.
        _prune_empty(expected, prune)
    assert got == expected, out.decode(errors="replace")


def _at(plain: Plain, path: config.KeyPath) -> Plain:
    for key in path:
        plain = plain[key]  # type: ignore[index]
    return plain


def _prune_empty(plain: Plain, path: config.KeyPath) -> None:
    for depth in range(len(path), 0, -1):
        parent = _at(plain, path[: depth - 1])
        child = _at(plain, path[:depth])
        if child in ({}, []) and isinstance(parent, dict):
            del parent[path[depth - 1]]
