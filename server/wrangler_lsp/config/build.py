"""Building the config tree from a parse, reusing the previous build where the text did not change."""

from __future__ import annotations

from dataclasses import dataclass, field

from wrangler_lsp.config import build_json, build_toml
from wrangler_lsp.config.tree import Table
from wrangler_lsp.syntax import Format, Parse, SyntaxIssue


@dataclass(frozen=True, slots=True, eq=False)
class Config:
    """A document's config tree and every syntax issue found while parsing and building it.

    `memo` is the builder's private cache (for example lowered sections keyed by their text), handed to
    the next build of the same document so that untouched parts are not lowered again.
    """

    root: Table
    issues: tuple[SyntaxIssue, ...]
    memo: object = field(default=None, repr=False)


def build(parse: Parse, previous: Config | None = None) -> Config:
    """The config tree of `parse`; never raises, whatever the text."""
    memo = previous.memo if previous is not None else None
    if parse.format is Format.TOML:
        root, issues, memo = build_toml.build(parse, memo)
    else:
        root, issues, memo = build_json.build(parse, memo)
    return Config(root, tuple(sorted(issues, key=lambda issue: (issue.span, issue.code))), memo)
