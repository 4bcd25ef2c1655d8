"""Lowering a TOML tree-sitter tree to the config tree (placeholder: reports ERROR nodes only)."""

from __future__ import annotations

from wrangler_lsp.config.tree import Table, TableStyle
from wrangler_lsp.syntax import Parse, SyntaxIssue
from wrangler_lsp.text import Span


def build(parse: Parse, memo: object) -> tuple[Table, list[SyntaxIssue], object]:
    """The root table of `parse`, its issues, and the memo for the next build."""
    root = Table((), Span(0, len(parse.source)), TableStyle.ROOT)
    issues = [
        SyntaxIssue("WL001", Span(node.start_byte, node.end_byte), "syntax error")
        for node in _errors(parse)
    ]
    return root, issues, None


def _errors(parse: Parse) -> list:  # type: ignore[type-arg]
    out = []
    stack = [parse.tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            out.append(node)
        elif node.has_error:
            stack.extend(node.children)
    return out
