"""Feature: folding ranges — TOML sections, multi-line inline tables, arrays and JSON objects, comment blocks.

Plain spans; the LSP layer turns them into lines and drops those on a single line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from wrangler_lsp import config, syntax
from wrangler_lsp.text import Span

_COMMENT_LINE = {
    syntax.Format.TOML: re.compile(rb"^[ \t]*#.*$", re.M),
    syntax.Format.JSON: re.compile(rb"^[ \t]*//.*$", re.M),
}


class FoldKind(Enum):
    REGION = "region"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class FoldRange:
    span: Span
    kind: FoldKind


def folding_ranges(root: config.Table, fmt: syntax.Format, source: bytes) -> tuple[FoldRange, ...]:
    """Every foldable region of the config, in source order."""
    spans = {span for node in config.walk(root) for span in _node_spans(node)}
    ranges = [FoldRange(span, FoldKind.REGION) for span in spans if b"\n" in source[span.start : span.end]]
    ranges += [FoldRange(span, FoldKind.COMMENT) for span in _comment_blocks(fmt, source)]
    return tuple(sorted(ranges, key=lambda fold: (fold.span, fold.kind.value)))


def _node_spans(node: config.Node) -> Iterator[Span]:
    if isinstance(node, config.Table):
        if node.style in (config.TableStyle.INLINE, config.TableStyle.OBJECT):
            yield node.span
        for section in node.sections:
            if section.header is not None:
                yield section.header.cover(section.body)
    elif isinstance(node, config.Array) and node.style is config.ArrayStyle.INLINE:
        yield node.span


def _comment_blocks(fmt: syntax.Format, source: bytes) -> Iterator[Span]:
    block: Span | None = None
    lines = 0
    for match in _COMMENT_LINE[fmt].finditer(source):
        span = Span(match.start(), match.end())
        if block is not None and source[block.end : span.start].strip(b" \t\r") == b"\n":
            block, lines = block.cover(span), lines + 1
            continue
        if block is not None and lines > 1:
            yield block
        block, lines = span, 1
    if block is not None and lines > 1:
        yield block
