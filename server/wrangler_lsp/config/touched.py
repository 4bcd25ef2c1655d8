"""Which envs' text a range of the source lies in, read from the build memo (for `rules/by_env.py`).

An edit that the in-place patch cannot take (a key, a bracket, a syntax error typed) is built; if the
text it replaced and the text it wrote lie only in sections (TOML) or members (JSON) of envs, the other
envs and the top level are unchanged and their findings can be kept. `touched(config, start, end)`
names the envs whose sections or members meet `[start, end]` (ends included: text next to a section may
join it), by bisecting the memo's list of sections or members in source order. None means the range
meets something else: the top level, a broken item, the `env` object's own text, or a memo that cannot
tell (stale, or a JSON file the memo does not list whole).
"""

from __future__ import annotations

from bisect import bisect_right

from wrangler_lsp.config.build import Config
from wrangler_lsp.config.build_toml import _Memo as TomlMemo
from wrangler_lsp.config.build_toml import _Placed as Placed
from wrangler_lsp.config.json_memo import Memo as JsonMemo
from wrangler_lsp.config.tree import KeyPath


def touched(config: Config, source: bytes, start: int, end: int) -> frozenset[str] | None:
    """The envs whose text meets `[start, end]` of `source` (`config`'s), or None if anything else does.

    TOML: an item with a syntax error counts only if no line of it but its own header opens a table
    (tree-sitter's recovery can swallow the sections after an error: an unclosed `[`); a broken item
    without a header (an ERROR) counts as the text of the table the header before it opens.
    """
    memo = config.memo
    if isinstance(memo, TomlMemo):
        return _toml(memo, source, start, end)
    if isinstance(memo, JsonMemo):
        return _json(memo, start, end)
    return None


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
        if section.issues and _holds_a_header(source, placed):
            return None  # tree-sitter's recovery may have swallowed another section
        name = _env(_header_before(order, idx) if section.kind == "none" else _path(placed))
        if name is None:
            return None
        envs.add(name)
        idx -= 1
    return frozenset(envs)


def _holds_a_header(source: bytes, placed: Placed) -> bool:
    """Whether a broken item's text has a line opening a table, besides its own header line."""
    base = placed.anchor.base
    lines = source[base : base + placed.size].splitlines()
    return any(line.lstrip().startswith(b"[") for line in lines[1 if placed.header is not None else 0 :])


def _path(placed: Placed) -> KeyPath | None:
    if placed.path is None and placed.parts:
        return tuple(part for part, _, _ in placed.parts)
    return placed.path


def _header_before(order: list[Placed], idx: int) -> KeyPath | None:
    """The path of the table the header before item `idx` opens (None before the first header)."""
    while idx > 0:
        idx -= 1
        if order[idx].header is not None:
            return _path(order[idx])
    return None


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
        name = _env(entry.value.path)
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


def _env(path: KeyPath | None) -> str | None:
    if path is not None and len(path) >= 2 and path[0] == "env" and isinstance(path[1], str):
        return path[1]
    return None
