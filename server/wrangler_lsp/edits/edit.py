"""The edit record every function of `edits` returns, and applying a batch of them to a source."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from wrangler_lsp.text import Span


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the bytes of `span` (UTF-8 byte offsets) with `new_text`."""

    span: Span
    new_text: str


def apply_edits(source: bytes, edits: Iterable[Edit]) -> bytes:
    """`source` with every edit applied; the edits are in `source`'s offsets and must not overlap."""
    ordered = sorted(edits, key=lambda edit: (edit.span.start, edit.span.end))
    for before, after in itertools.pairwise(ordered):
        assert before.span.end <= after.span.start, (before, after)
        assert before.span != after.span or before.span.length > 0, (before, after)
    out = source
    for edit in reversed(ordered):
        out = out[: edit.span.start] + edit.new_text.encode() + out[edit.span.end :]
    return out


def insert(offset: int, text: str) -> Edit:
    """An edit that inserts `text` at `offset`."""
    return Edit(Span(offset, offset), text)
