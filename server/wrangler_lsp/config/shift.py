"""Moving spans and syntax issues past an edit inside one token (for `config.patch`)."""

from __future__ import annotations

from wrangler_lsp.config.tree import Anchor, Scalar, ScalarKind
from wrangler_lsp.syntax import SyntaxIssue
from wrangler_lsp.text import Span


def moved(span: Span, at: int, delta: int) -> Span:
    """`span` after an edit at offset `at` inside a token: moved if it starts after, grown if it holds it."""
    if span.start > at:
        return Span(span.start + delta, span.end + delta)
    if span.end > at:
        return Span(span.start, span.end + delta)
    return span


def moved_issues(issues: tuple[SyntaxIssue, ...], at: int, delta: int) -> tuple[SyntaxIssue, ...] | None:
    """The issues after the edit; None if one lies on the edited token's text (it may change)."""
    out = []
    for issue in issues:
        if issue.span.start <= at < issue.span.end:
            return None
        span = moved(issue.span, at, delta)
        out.append(issue if span is issue.span else SyntaxIssue(issue.code, span, issue.message, issue.severity))
    return tuple(out)


class Walk:
    """What a patch moves: the span attributes `(object, name)` of the nodes anchored to `anchor`, and the
    string scalar holding the edit `[at, old_end)` (offsets relative to the anchor). `patch_toml` and
    `patch_json` walk their trees and call `span` and `string`; `apply` then moves them all."""

    def __init__(self, anchor: Anchor, at: int, old_end: int) -> None:
        self.anchor = anchor
        self.at = at
        self.old_end = old_end
        self.spans: list[tuple[object, str]] = []
        self.found: Scalar | None = None

    def span(self, obj: object, attr: str) -> None:
        self.spans.append((obj, attr))

    def string(self, node: Scalar) -> None:
        """Note `node` if it is the string holding the edit."""
        if node.kind is ScalarKind.STRING:
            span = node._span
            if span.start < self.at and self.old_end < span.end:
                self.found = node

    def apply(self, delta: int) -> None:
        """Move every span collected past the edit (`moved`)."""
        for obj, attr in self.spans:
            span = getattr(obj, attr)
            if span is not None:
                setattr(obj, attr, moved(span, self.at, delta))
