"""Running every registered rule over a document, with the user's severity overrides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from wrangler_lsp import config
from wrangler_lsp.rules.api import CLEAN_TEXT_ONLY, Finding, Report, Rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.registry import RULES
from wrangler_lsp.settings import Settings
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import Span


@dataclass(slots=True)
class Broken:
    """Whether a run met a report that holds only in a file without syntax issues (`CLEAN_TEXT_ONLY`),
    kept or dropped: its result then depends on whether the file is broken."""

    matters: bool = False


def check(
    ctx: Context, settings: Settings, rules: Iterable[Rule] = RULES, broken: Broken | None = None
) -> list[Finding]:
    """Every finding of `rules` on `ctx`, sorted by position then code; rules turned off are skipped.

    In a file with syntax errors, a finding about a value the parser could not read (a half-typed
    `main = `) is dropped: the syntax error (never dropped) already says what is wrong there; so is a report that holds
    only for clean text (`CLEAN_TEXT_ONLY`, noted in `broken`).
    """
    findings: list[Finding] = []
    has_issues = bool(ctx.config.issues)
    unreadable: frozenset[Span] | None = None  # walked for at most once, when a rule reports in a broken file
    for rule in rules:
        severity = settings.severity.get(rule.code, rule.severity)
        if severity is None:
            continue
        syntax = rule.code.startswith("WL0")  # the syntax issues themselves are never dropped
        for report in rule.check(ctx):
            if has_issues and not syntax:
                if unreadable is None:
                    unreadable = _unreadable_spans(ctx)
                if report.span in unreadable:
                    continue
            if CLEAN_TEXT_ONLY in report.data:
                if broken is not None:
                    broken.matters = True
                if has_issues:
                    continue
                report = replace(report, data={k: v for k, v in report.data.items() if k != CLEAN_TEXT_ONLY})
            findings.append(_stamp(rule, severity, report))
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
