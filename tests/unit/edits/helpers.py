"""The one caller of the edit API in the unit tests: build the tree, run an edit, apply it, check the result."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wrangler_lsp import config, edits, syntax
from wrangler_lsp.syntax import Format

Op = Callable[[bytes, config.Table], Sequence[edits.Edit]]


def build(fmt: Format, source: bytes) -> config.Config:
    return config.build(syntax.parse(fmt, source))


def node(root: config.Node, *path: str | int) -> config.Node:
    for key in path:
        if isinstance(key, int):
            assert isinstance(root, config.Array)
            root = root.items[key]
        else:
            assert isinstance(root, config.Table)
            root = root.entries[key].value
    return root


def table(root: config.Node, *path: str | int) -> config.Table:
    found = node(root, *path)
    assert isinstance(found, config.Table)
    return found


def check(fmt: Format, before: str, op: Op, after: str) -> None:
    """`op` on `before` gives exactly `after`, which parses with no syntax issue."""
    source = before.encode()
    tree = build(fmt, source)
    assert tree.issues == (), tree.issues
    out = edits.apply_edits(source, op(source, tree.root))
    assert out.decode() == after
    assert build(fmt, out).issues == ()
