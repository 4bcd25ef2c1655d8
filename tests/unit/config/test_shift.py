"""Moving spans and issues past an edit inside a token (`config.shift`)."""

from __future__ import annotations

from wrangler_lsp.config import shift
from wrangler_lsp.syntax import SyntaxIssue
from wrangler_lsp.text import Span


def test_spans_after_move_and_spans_holding_grow() -> None:
    assert shift.moved(Span(10, 12), 5, 3) == Span(13, 15)
    assert shift.moved(Span(2, 8), 5, -1) == Span(2, 7)
    before = Span(0, 5)
    assert shift.moved(before, 5, 3) is before


def test_an_issue_on_the_edited_text_stops_the_patch_whatever_the_length() -> None:
    issues = (SyntaxIssue("WL002", Span(4, 9), "bad"),)
    for delta in (-1, 0, 2):  # a replacement of the same length (delta 0) too
        assert shift.moved_issues(issues, 6, delta) is None


def test_issues_elsewhere_move() -> None:
    issues = (SyntaxIssue("WL001", Span(0, 2), "a"), SyntaxIssue("WL001", Span(20, 21), "b"))
    moved = shift.moved_issues(issues, 10, 2)
    assert moved is not None
    assert [issue.span for issue in moved] == [Span(0, 2), Span(22, 23)]
    assert moved[0] is issues[0]
