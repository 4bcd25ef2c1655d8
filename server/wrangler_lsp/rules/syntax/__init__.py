"""Syntax rules (WL0xx): each reports the syntax issues of its code that parsing and tree building found."""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Report, Rule
from wrangler_lsp.rules.context import Context


def issues_with_code(ctx: Context, code: str) -> Iterator[Report]:
    """The config's syntax issues of `code`, as reports."""
    for issue in ctx.config.issues:
        if issue.code == code:
            yield Report(issue.span, issue.message)


def _rules() -> tuple[Rule, ...]:
    from wrangler_lsp.rules.syntax import (
        wl001_toml_syntax_error,
        wl002_invalid_toml_value,
        wl003_toml_duplicate_key,
        wl004_json_syntax_error,
        wl005_json5_only_syntax,
        wl006_json_duplicate_key,
        wl007_unsupported_encoding,
        wl008_nesting_too_deep,
        wl009_file_too_large,
    )

    return (
        wl001_toml_syntax_error.check,
        wl002_invalid_toml_value.check,
        wl003_toml_duplicate_key.check,
        wl004_json_syntax_error.check,
        wl005_json5_only_syntax.check,
        wl006_json_duplicate_key.check,
        wl007_unsupported_encoding.check,
        wl008_nesting_too_deep.check,
        wl009_file_too_large.check,
    )


RULES: tuple[Rule, ...] = _rules()
