"""Running one cross-Worker rule on a config with a workspace index of other configs."""

from __future__ import annotations

from wrangler_lsp import config, rules, syntax
from wrangler_lsp.rules.api import Rule
from wrangler_lsp.settings import Settings
from wrangler_lsp.workspace import WorkspaceIndex


def check_cross_worker(
    rule: Rule, text: str, others: dict[str, str], fmt: syntax.Format = syntax.Format.TOML
) -> list[tuple[str, str, str]]:
    """(code, flagged text, message) of each finding of `rule` on `text`, with `others` (uri -> TOML) indexed."""
    index = WorkspaceIndex()
    for uri, other in others.items():
        index.update(uri, syntax.Format.TOML, other.encode())
    source = text.encode()
    context = rules.Context(fmt, source, config.build(syntax.parse(fmt, source)), workspace=index)
    findings = rules.check(context, Settings(), [rule])
    return [(f.code, source[f.span.start : f.span.end].decode(), f.message) for f in findings]
