"""Syntax layer: incremental concrete syntax trees (tree-sitter) and syntax issues.

API boundary: `parse`, `reparse`, `same_reading`, `Parse`, `Format`, `SyntaxIssue`, `Severity`. Nothing here knows about
wrangler or LSP.
"""

from wrangler_lsp.syntax.issue import Severity, SyntaxIssue
from wrangler_lsp.syntax.parse import Format, Parse, format_for_path, parse, reparse, same_reading

__all__ = ["Format", "Parse", "Severity", "SyntaxIssue", "format_for_path", "parse", "reparse", "same_reading"]
