"""Severity and the syntax issues that parsing and tree building report."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from wrangler_lsp.text import Span


class Severity(Enum):
    """Diagnostic severities, most severe first; `value` orders them (1 = error, as LSP does)."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4

    @property
    def label(self) -> str:
        return self.name.lower() if self is not Severity.INFORMATION else "info"


@dataclass(frozen=True, slots=True)
class SyntaxIssue:
    """A problem with the text itself (not with what it configures), at the offending token.

    Codes (stable, registered in `rules/registry.py` with the other rules):
    `WL001` TOML syntax, `WL002` invalid TOML value (escape, number, date, control character),
    `WL003` TOML key defined twice or table redefined, `WL004` JSON syntax, `WL005` JSON5-only syntax,
    `WL006` duplicate JSON key, `WL007` unsupported encoding or byte-order mark, `WL008` nesting too deep
    to analyse, `WL009` file too large to analyse.
    """

    code: str
    span: Span
    message: str
    severity: Severity = Severity.ERROR
