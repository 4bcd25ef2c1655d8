"""Running every registered rule over a document, with the user's severity overrides."""

from __future__ import annotations

from collections.abc import Iterable

from wrangler_lsp import config
from wrangler_lsp.rules.api import Finding, Report, Rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.registry import RULES
from wrangler_lsp.settings import Settings
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import Span


def check(ctx: Context, settings: Settings, rules: Iterable[Rule] = RULES) -> list[Finding]:
    """Every finding of `rules` on `ctx`, sorted by position then code; rules turned off are skipped.

    In a file with syntax errors, a finding about a value the parser could not read (a half-typed
    `main = `) is dropped: the syntax error already says what is wrong there.
    """
    findings: list[Finding] = []
    unreadable = _unreadable_spans(ctx) if ctx.config.issues else frozenset()
    for rule in rules:
        severity = settings.severity.get(rule.code, rule.severity)
        if severity is None:
            continue
        findings.extend(_stamp(rule, severity, report) for report in rule.check(ctx) if report.span not in unreadable)
    findings.sort(key=lambda finding: (finding.span, finding.code))
    return findings


def _unreadable_spans(ctx: Context) -> frozenset[Span]:
    return frozenset(
        node.span
        for node in config.walk(ctx.config.root)
        if isinstance(node, config.Scalar) and node.kind is config.ScalarKind.INVALID
    )


def _stamp(rule: Rule, severity: Severity, report: Report) -> Finding:
    return Finding(
        code=rule.code,
        severity=severity,
        origin=rule.origin,
        span=report.span,
        message=report.message,
        env=report.env,
        path=report.path,
        fixes=report.fixes,
        related=report.related,
        data=report.data,
    )
