"""The JSON half of `config.patch`: one string's new value, found and moved within its member.

The JSON builder anchors each top-level member and each env (`build_json`), and lists them in source
order in its memo. The member holding the edit is found by bisection; its nodes (all anchored to it)
move past the edit; members after it move by their anchor, in O(1) each; the root object and the `env`
member and object, the only absolute spans, move directly. The memo's reusable members that held the
edit (the chain from the top level down to the string) are dropped: their text changed. Nothing is
changed unless the whole patch applies.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from wrangler_lsp.config import shift
from wrangler_lsp.config.build import Config
from wrangler_lsp.config.json_memo import PREFIX, Memo
from wrangler_lsp.config.json_moves import move_absolute
from wrangler_lsp.config.tree import Array, Entry, KeyPath, Node, Scalar, Table, absolute
from wrangler_lsp.text import Span, TextEdit

_ENTRY_SPANS = ("_key_span", "_full_key_span", "_span")


def patch(
    previous: Config,
    source: bytes,
    new_source: bytes,
    edit: TextEdit,
    delta: int,
    new_value: Callable[[Span], str | None],
) -> tuple[Config, KeyPath] | None:
    memo = previous.memo
    if not isinstance(memo, Memo) or memo.consumed or not memo.patchable or not memo.order:
        return None
    order = memo.order
    idx = bisect_right(order, edit.start, key=_base) - 1
    if idx < 0:
        return None
    member = order[idx]
    anchor = member._anchor
    assert anchor is not None
    at = edit.start - anchor.base
    if at <= 0 or edit.old_end - anchor.base >= member._span.end:
        return None
    walk = _Walk(anchor, at, edit.old_end - anchor.base)
    if not walk.entry(member) or walk.found is None:
        return None
    value = new_value(absolute(walk.found._span, anchor))
    issues = shift.moved_issues(previous.issues, edit.start, delta)
    if value is None or issues is None:
        return None
    path = walk.found.path
    root = previous.root
    # From here on nothing fails: apply. (No span ends inside the string, so every move is valid.)
    _drop_chunks(memo, root, path, source)
    walk.apply(delta)
    walk.found.value = value
    for later in order[idx + 1 :]:
        later._anchor.base += delta  # type: ignore[union-attr]
    move_absolute(root, delta, edit.start)
    env = root.entries.get("env")
    if env is not None and env._anchor is None:
        move_absolute(env, delta, edit.start)
    memo.consumed = True
    following = Memo(new_source, memo.index, root, issues, order, patchable=True)
    return Config(root, issues, following), path


def _base(entry: Entry) -> int:
    return entry._anchor.base  # type: ignore[union-attr]


def _drop_chunks(memo: Memo, root: Table, path: KeyPath, source: bytes) -> None:
    """Forget the reusable members on `path` (from the top level down): the edit changed their text."""
    node: Node = root
    for key in path:
        if isinstance(key, str) and isinstance(node, Table):
            entry = node.entries[key]
            if isinstance(entry.value, Table | Array):
                start = entry.key_span.start
                chunks = memo.index.get((node.path, source[start : start + PREFIX]))
                if chunks:
                    chunks[:] = [chunk for chunk in chunks if chunk.entry is not entry]
            node = entry.value
        elif isinstance(key, int) and isinstance(node, Array):
            node = node.items[key]
        else:
            return


class _Walk(shift.Walk):
    """Collects the spans of one anchored member's nodes, and the string holding the edit."""

    def entry(self, entry: Entry) -> bool:
        """False if a node is not anchored to the member's anchor (then nothing may be patched)."""
        if entry._anchor is not self.anchor:
            return False
        for attr in _ENTRY_SPANS:
            self.span(entry, attr)
        return self.node(entry.value)

    def node(self, node: Node) -> bool:
        if node._anchor is not self.anchor:
            return False
        self.span(node, "_span")
        if isinstance(node, Table):
            for section in node.sections:
                self.span(section, "_body")
            return all(self.entry(entry) for entry in node.entries.values())
        if isinstance(node, Array):
            return all(self.node(item) for item in node.items)
        if isinstance(node, Scalar):
            self.string(node)
        return True
