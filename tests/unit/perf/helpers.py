"""Comparing an incrementally analysed document with a fresh one: findings and config trees, spans included;
and counting the env views the rules run."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from wrangler_lsp import config, rules
from wrangler_lsp.document import Document
from wrangler_lsp.rules import Finding, by_env
from wrangler_lsp.rules.api import Fix
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit


def finding_key(finding: Finding) -> tuple[object, ...]:
    """Everything a finding says, its fixes by title, preference and edits (built now)."""
    fixes = tuple((fix.title, fix.preferred, _edits(fix)) for fix in finding.fixes)
    return (
        finding.code,
        finding.severity,
        finding.origin,
        finding.span,
        finding.message,
        finding.env,
        finding.path,
        finding.related,
        repr(dict(finding.data)),
        fixes,
    )


def _edits(fix: Fix) -> object:
    """A fix's edits, or the exception building them raises (some builders fail on broken values)."""
    try:
        return fix.edits()
    except Exception as error:  # compared, not hidden: a fresh document must fail alike
        return ("raises", type(error).__name__, str(error))


def tree_key(node: config.Node) -> list[tuple[object, ...]]:
    """Every node of a tree: path, type, span, style, entries' spans, sections, scalar kind and value."""
    out: list[tuple[object, ...]] = []
    for item in config.walk(node):
        row: tuple[object, ...] = (item.path, type(item).__name__, item.span)
        if isinstance(item, config.Table):
            entries = tuple((k, e.key_span, e.full_key_span, e.span) for k, e in item.entries.items())
            row += (item.style, entries, tuple(item.sections))
        elif isinstance(item, config.Array):
            row += (item.style, len(item.items))
        elif isinstance(item, config.Scalar):
            row += (item.kind, repr(item.value))
        out.append(row)
    return out


def assert_same_analysis(doc: Document, *, fixes: bool = True) -> None:
    """`doc` (edited incrementally) has the config and findings of a fresh document of its text."""
    fresh = Document(doc.uri, doc.format, doc.source, doc.version)
    assert doc.config.issues == fresh.config.issues
    assert config.to_python(doc.config.root) == config.to_python(fresh.config.root)
    assert tree_key(doc.config.root) == tree_key(fresh.config.root)
    got, want = doc.findings(Settings()), fresh.findings_with_fixes(Settings())
    # The by-env path reuses findings: everything equal, fixes by title and preference.
    titles = [(*finding_key(f)[:-1], [(fix.title, fix.preferred) for fix in f.fixes]) for f in got]
    assert titles == [(*finding_key(f)[:-1], [(fix.title, fix.preferred) for fix in f.fixes]) for f in want]
    if fixes:
        whole = doc.findings_with_fixes(Settings())
        assert [finding_key(f) for f in whole] == [finding_key(f) for f in want]


def assert_same_after_each(doc: Document, edits: Sequence[TextEdit]) -> Document:
    """`doc` edited by `edits`, one version each (numbered from 1), each checked against a fresh document."""
    for version, edit in enumerate(edits, 1):
        doc = doc.edited(version, [edit])
        assert_same_analysis(doc)
    return doc


def count_views(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The list the env views the rules run from now on are noted in, by env name (None: the top level)."""
    ran: list[str | None] = []
    real = by_env._view_context

    def counting(ctx: rules.Context, env_name: str | None) -> rules.Context:
        ran.append(env_name)
        return real(ctx, env_name)

    monkeypatch.setattr(by_env, "_view_context", counting)
    return ran
