"""The text a view of the config is written in (its *pieces*), and its signature for reuse.

A view's findings are reused when the bytes of its pieces (and their layout) are unchanged
(`rules/by_env.py`). Not when a syntax issue lies in them: tree-sitter's error recovery can read the same
bytes differently depending on what comes before (a broken header may turn the `[[x]]` after it into a
`[x]`), so broken text is never taken for its old self.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from wrangler_lsp import config
from wrangler_lsp.config import Array, ArrayStyle, Table, TableStyle
from wrangler_lsp.syntax import SyntaxIssue
from wrangler_lsp.text import Span

Signature = tuple[tuple[bytes, ...], tuple[int, ...]]
"""The pieces' bytes, and their layout."""


class Issues:
    """The syntax issues of a config, to ask whether any lies in a view's pieces."""

    def __init__(self, issues: Sequence[SyntaxIssue]) -> None:
        spans = sorted((issue.span.start, issue.span.end) for issue in issues)
        self._starts = [start for start, _ in spans]
        self._reach: list[int] = []
        """The furthest end of the issues up to each (sorted by start)."""
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def meet(self, pieces: Sequence[Span]) -> bool:
        """Whether an issue lies in (or touches) one of `pieces`."""
        if not self._starts:
            return False
        for piece in pieces:
            before = bisect_left(self._starts, piece.end + 1)  # the issues starting at or before its end
            if before and self._reach[before - 1] >= piece.start:
                return True
        return False


def top_pieces(root: Table, *, toml: bool) -> list[Span]:
    # A TOML root's section is its pairs before the first header; a JSON root's is the whole file, whose
    # members are the pieces instead.
    spans = [section.body for section in root.sections] if toml else []
    for key, entry in root.entries.items():
        if key != "env":
            spans.append(entry.span)
            node_pieces(entry.value, spans)
    env = root.entries.get("env")
    if toml and env is not None and isinstance(env.value, Table):
        # The `env` table's own text (a `[env]` section with dotted `x.y` pairs) belongs to the top level.
        # (In JSON the env object's braces only hold the env members, which are the envs' own pieces.)
        spans += [section.body for section in env.value.sections]
    return merge(spans)


_HEADED = (TableStyle.HEADER, TableStyle.ARRAY_ITEM, TableStyle.IMPLICIT, TableStyle.DOTTED)


def node_pieces(node: config.Node, spans: list[Span]) -> list[Span]:
    """Every span of text that writes `node`: its sections, and its sub-tables' (recursively).

    Inside a `[header]` section only sub-tables with sections of their own are visited: everything else
    (pairs, dotted keys, inline values) lies within the section.
    """
    if isinstance(node, Table):
        style = node.style
        if style is TableStyle.INLINE or style is TableStyle.OBJECT:
            spans.append(node.span)
            return spans
        spans.extend(section.body for section in node.sections)
        loose = style is TableStyle.IMPLICIT or style is TableStyle.DOTTED
        for entry in node.entries.values():
            value = entry.value
            if loose:
                spans.append(entry.span)
            if isinstance(value, Table):
                if value.style in _HEADED:
                    node_pieces(value, spans)
            elif isinstance(value, Array) and value.style is ArrayStyle.TABLES:
                for item in value.items:
                    node_pieces(item, spans)
    elif isinstance(node, Array) and node.style is ArrayStyle.TABLES:
        for item in node.items:
            node_pieces(item, spans)
    else:
        spans.append(node.span)
    return spans


def merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def signature(source: bytes, pieces: Sequence[Span], issues: Issues) -> Signature | None:
    """The signature of `pieces` of `source`; None (equal to no other) if a syntax issue lies in them."""
    if issues.meet(pieces):
        return None
    first = pieces[0].start if pieces else 0
    return tuple(source[p.start : p.end] for p in pieces), tuple(p.start - first for p in pieces)
