"""Building the config tree from a parse, reusing the previous build where the text did not change."""

from __future__ import annotations

from dataclasses import dataclass, field

from wrangler_lsp.config import build_json, build_toml, json_memo
from wrangler_lsp.config.tree import Table, TableStyle
from wrangler_lsp.syntax import Format, Parse, Severity, SyntaxIssue
from wrangler_lsp.text import Span


@dataclass(frozen=True, slots=True, eq=False)
class Config:
    """A document's config tree and every syntax issue found while parsing and building it.

    `memo` is the builder's private cache (for example lowered sections keyed by their text), handed to
    the next build of the same document so that untouched parts are not lowered again.
    """

    root: Table
    issues: tuple[SyntaxIssue, ...]
    memo: object = field(default=None, repr=False)


TOO_DEEP = "WL008"
TOO_LARGE = "WL009"
MAX_ANALYSED_BYTES = 2_000_000
"""Files larger than this (about 70 times the largest of 304 real configs) are not analysed."""


def too_large(size: int) -> Config:
    """The config of a file too large to analyse: an empty tree and one information issue saying so."""
    root = Table((), Span(0, 0), TableStyle.ROOT)
    message = (
        f"this file is {size / 1_000_000:.1f} MB: wrangler-lsp analyses files up to "
        f"{MAX_ANALYSED_BYTES // 1_000_000} MB (real Wrangler configs are a few kilobytes)"
    )
    return Config(root, (SyntaxIssue(TOO_LARGE, Span(0, 0), message, Severity.INFORMATION),), None)


def is_stale(config: Config) -> bool:
    """Whether a later build reused (and so moved) this config's nodes: its spans are no longer valid.

    Only a build handed `config` as `previous` does that, once; `Document` then rebuilds on demand.
    """
    return build_toml.is_stale(config.memo) or json_memo.is_stale(config.memo)


def build(parse: Parse, previous: Config | None = None) -> Config:
    """The config tree of `parse`; never raises, whatever the text.

    Lowering is recursive. Nesting deeper than Python's stack allows (no real config comes close; a
    hostile one can nest 100,000 levels) gives an empty tree and one `WL008` issue instead of a crash.
    """
    memo = previous.memo if previous is not None else None
    try:
        if parse.format is Format.TOML:
            root, issues, memo = build_toml.build(parse, memo)
        else:
            root, issues, memo = build_json.build(parse, memo)
    except RecursionError:
        root = Table((), Span(0, len(parse.source)), TableStyle.ROOT)
        message = "nesting is too deep to analyse: only the first levels of this file were read"
        issues, memo = [SyntaxIssue(TOO_DEEP, _deepest_point(parse), message, Severity.WARNING)], None
    return Config(root, tuple(sorted(issues, key=lambda issue: (issue.span, issue.code))), memo)


def _deepest_point(parse: Parse) -> Span:
    """Where nesting first passes a depth no config needs (a zero-width span at that bracket)."""
    depth = 0
    for offset, byte in enumerate(parse.source):
        if byte in b"[{":
            depth += 1
            if depth > 100:
                return Span(offset, offset + 1)
        elif byte in b"]}":
            depth -= 1
    return Span(0, 0)
