"""Running every registered rule over a document, with the user's severity overrides."""

from __future__ import annotations

from collections.abc import Iterable

from wrangler_lsp.rules.api import Finding, Report, Rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.registry import RULES
from wrangler_lsp.settings import Settings
from wrangler_lsp.syntax import Severity


def check(ctx: Context, settings: Settings, rules: Iterable[Rule] = RULES) -> list[Finding]:
    """Every finding of `rules` on `ctx`, sorted by position then code; rules turned off are skipped."""
    findings: list[Finding] = []
    for rule in rules:
        severity = settings.severity.get(rule.code, rule.severity)
        if severity is None:
            continue
        findings.extend(_stamp(rule, severity, report) for report in rule.check(ctx))
    findings.sort(key=lambda finding: (finding.span, finding.code))
    return findings


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
