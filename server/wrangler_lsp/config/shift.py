"""Moving spans and syntax issues past an edit inside one token (for `config.patch`)."""

from __future__ import annotations

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
