"""Feature: selection ranges — from the word under the cursor out to the value, the pair, the table, the file.

For each offset, a chain of nested spans, innermost first, each containing the one before.
"""

from __future__ import annotations

from wrangler_lsp import config
from wrangler_lsp.features.query import extent
from wrangler_lsp.text import Span


def selection_ranges(root: config.Table, source_length: int, offsets: tuple[int, ...]) -> tuple[tuple[Span, ...], ...]:
    """One chain of spans per offset, innermost first, ending with the whole file."""
    return tuple(_chain(root, source_length, offset) for offset in offsets)


def _chain(root: config.Table, source_length: int, offset: int) -> tuple[Span, ...]:
    outer_first = [Span(0, source_length)]
    node: config.Node = root
    while True:
        step = _step(node, offset)
        if step is None:
            break
        spans, child = step
        outer_first.extend(spans)
        if child is None:
            break
        node = child
    chain: list[Span] = []
    for span in reversed(outer_first):
        if span.contains(offset) and (not chain or (span != chain[-1] and _inside(chain[-1], span))):
            chain.append(span)
    return tuple(chain)


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _step(node: config.Node, offset: int) -> tuple[list[Span], config.Node | None] | None:
    if isinstance(node, config.Table):
        for entry in node.entries.values():
            value_extent = extent(entry.value)
            if entry.key_span.contains(offset):
                return [entry.span.cover(value_extent), entry.full_key_span, entry.key_span], None
            if value_extent.contains(offset) or entry.span.contains(offset):
                spans = [entry.span.cover(value_extent)] if entry.span.contains(offset) else []
                return [*spans, value_extent], entry.value
        section = next((s.body for s in node.sections if s.body.contains(offset)), None)
        return ([section], None) if section is not None else None
    if isinstance(node, config.Array):
        for item in node.items:
            item_extent = extent(item)
            if item_extent.contains(offset):
                return [item_extent], item
    return None
