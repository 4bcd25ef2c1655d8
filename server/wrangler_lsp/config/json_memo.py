"""What a JSON build leaves for the next build and for the in-place patch (`build_json`, `patch_json`)."""

from __future__ import annotations

from dataclasses import dataclass

from wrangler_lsp.config.tree import Entry, KeyPath, Table
from wrangler_lsp.syntax import SyntaxIssue

PREFIX = 40
"""Bytes of a member's text that index the memo (the rest is compared on a hit)."""


Dup = tuple[int, int, str, int]
"""A duplicate key: its span, the key, and the offset of the key's first definition."""


@dataclass(frozen=True, slots=True, eq=False)
class Chunk:
    """An error-free object member with an object or array value (its text starts at its key)."""

    path: KeyPath
    text: bytes
    entry: Entry
    dups: tuple[Dup, ...]
    """The duplicate keys inside it, offsets relative to its start."""
    key: tuple[KeyPath, bytes]
    descendants: tuple[Chunk, ...]
    """Every chunk lowered inside this one, at any depth, to carry into the next memo."""

    @property
    def offset(self) -> int:
        """Where it starts now (its entry's key, which follows its anchor when that moves)."""
        return self.entry.key_span.start


@dataclass(slots=True, eq=False)
class Memo:
    """What the next build (or `patch_json`) may reuse, as of `source`.

    `order` lists the anchored members (top-level members and envs) in source order; `patchable` says
    every node outside them is the root object or the `env` member and object (no duplicate keys, the
    root an object, `env` an object if present), which is what `patch_json` relies on. `consumed` is set
    once a build or patch has moved this memo's nodes: its config is stale, and the memo is not reused.
    """

    source: bytes
    index: dict[tuple[KeyPath, bytes], list[Chunk]]
    root: Table
    issues: tuple[SyntaxIssue, ...]
    order: list[Entry]
    patchable: bool
    consumed: bool = False


def is_stale(memo: object) -> bool:
    """Whether a later build or patch moved the nodes of the config built with `memo`."""
    return isinstance(memo, Memo) and memo.consumed
