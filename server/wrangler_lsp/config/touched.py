"""Which envs' text an edit changed, read from the build memo (for `rules/by_env.py`).

An edit the in-place patch cannot take (a key, a bracket, a syntax error typed) is built. If what it
changed lies only in envs, the other envs and the top level are unchanged and their findings can be
kept. Two questions, asked of the memo:

- `touched(config, source, start, end)`, before the build: the envs whose sections (TOML) or members
  (JSON) meet `[start, end]` (ends included: text next to a section may join it), by bisecting the
  memo's sections or members in source order. None if the range meets anything else.
- `changed_envs(config, source, start, end)`, after the build. TOML: the envs of every section the
  build placed afresh or dropped, and of the header before each (a header added or dropped moves the
  pairs after it to another table); tree-sitter's recovery can reparse lines far from the edit (a line
  broken before an inline array makes it a table header), so the diff is read, not the edited range.
  JSON: `touched` on the new text, all of it covered by env members, and the anchored members (top-level
  members and envs, `layout`) other than those meeting the edit where they were, moved past it: a quote
  typed changes how the text after it is tokenized, and the parser's recovery can end a member elsewhere
  and hand what follows to another member or the top level (hypothesis found a migration's key become a
  top-level one).

None means the answer includes the top level, a broken item before any header, the `env` object's own
text, or a memo that cannot tell (stale, or a JSON file the memo does not list whole).
"""

from __future__ import annotations

from bisect import bisect_right

from wrangler_lsp.config.build import Config
from wrangler_lsp.config.build_toml import _header_before, _table_path
from wrangler_lsp.config.build_toml import _Memo as TomlMemo
from wrangler_lsp.config.json_memo import Memo as JsonMemo
from wrangler_lsp.config.tree import KeyPath, env_name
from wrangler_lsp.text import TextEdit


def touched(config: Config, source: bytes, start: int, end: int) -> frozenset[str] | None:
    """The envs whose text meets `[start, end]` of `source` (`config`'s), or None if anything else does.

    TOML: a broken item must not hold a line opening a table besides its own header (tree-sitter's
    recovery can swallow the sections after an error); one without a header (an ERROR) counts as the
    text of the table the header before it opens.
    """
    memo = config.memo
    if isinstance(memo, TomlMemo):
        return _toml(memo, source, start, end)
    if isinstance(memo, JsonMemo):
        return _json(memo, start, end)
    return None


Layout = tuple[tuple[KeyPath, int, int], ...]
"""A JSON config's anchored members (top-level members and envs) in source order: path, start, end."""


def layout(config: Config) -> Layout | None:
    """The JSON config's anchored members, to compare after the next build (`changed_envs`); None for
    TOML (its build diff says what moved) and for a memo that does not list every member."""
    memo = config.memo
    if not isinstance(memo, JsonMemo) or memo.consumed or not memo.patchable:
        return None
    out = []
    for entry in memo.order:  # `entry.span` without building a Span: a built keystroke reads every member
        base = entry._anchor.base if entry._anchor is not None else 0
        out.append((entry.value.path, base + entry._span.start, base + entry._span.end))
    return tuple(out)


def changed_envs(config: Config, source: bytes, edit: TextEdit, before: Layout | None = None) -> frozenset[str] | None:
    """After a build from the previous config, for `edit` (its old range, `before` the previous config's
    `layout`): the envs whose text the build changed (see the module)."""
    start, end = edit.start, edit.start + len(edit.new_text)
    memo = config.memo
    if isinstance(memo, TomlMemo):
        if memo.consumed or memo.changed is None:
            return None
        envs = set()
        for path in memo.changed:
            name = env_name(path)
            if name is None:
                return None
            envs.add(name)
        return frozenset(envs)
    after = layout(config)
    if before is None or after is None:
        return None
    delta = end - edit.old_end
    if _apart(before, start, edit.old_end, delta) != _apart(after, start, end, 0):
        return None
    return touched(config, source, start, end)


def _apart(members: Layout, start: int, end: int, delta: int) -> list[tuple[KeyPath, int, int]]:
    """The members that do not meet `[start, end]`, those after it moved by `delta`."""
    out = []
    for path, first, last in members:
        if last < start:
            out.append((path, first, last))
        elif first > end:
            out.append((path, first + delta, last + delta))
    return out


def _toml(memo: TomlMemo, source: bytes, start: int, end: int) -> frozenset[str] | None:
    if memo.consumed:
        return None
    order = memo.order
    envs: set[str] = set()
    idx = bisect_right(order, end, key=lambda placed: placed.anchor.base) - 1
    while idx >= 0 and order[idx].anchor.base + order[idx].size >= start:
        placed = order[idx]
        section = placed.section
        if section.kind == "none" and not section.issues:
            idx -= 1
            continue  # a comment: in no env's text and no view's
        base = placed.anchor.base
        lines = source[base : base + placed.size].splitlines()[1 if placed.header is not None else 0 :]
        if section.issues and any(line.lstrip().startswith(b"[") for line in lines):
            return None  # tree-sitter's recovery may have swallowed another section
        name = env_name(_header_before(order, idx) if section.kind == "none" else _table_path(placed))
        if name is None:
            return None
        envs.add(name)
        idx -= 1
    return frozenset(envs)


def _json(memo: JsonMemo, start: int, end: int) -> frozenset[str] | None:
    if memo.consumed or not memo.patchable:
        return None
    order = memo.order
    idx = bisect_right(order, end, key=lambda entry: entry._anchor.base) - 1  # type: ignore[union-attr]
    if idx < 0:
        return None
    envs: set[str] = set()
    low = idx
    while low >= 0:
        entry = order[low]
        base = entry._anchor.base  # type: ignore[union-attr]
        if base + entry._span.end < start:
            break
        name = env_name(entry.value.path)
        if name is None:
            return None
        envs.add(name)
        low -= 1
    # Every byte of [start, end] must lie in one of those members: text between them (the `env` object's
    # braces and commas, the root's) belongs to no env.
    spans = sorted(
        (order[i]._anchor.base, order[i]._anchor.base + order[i]._span.end)  # type: ignore[union-attr]
        for i in range(low + 1, idx + 1)
    )
    covered = start
    for first, last in spans:
        if first > covered:
            return None
        covered = max(covered, last)
    return frozenset(envs) if covered >= end else None
