"""Feature: code actions — the fixes of the findings at a range, and fix-all.

Quick fixes come from the findings themselves (each `Finding` carries its `Fix`es), so a diagnostic and
its fix never disagree. Fix-all applies every preferred fix whose edits do not overlap an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass

from wrangler_lsp import rules
from wrangler_lsp.document import Document
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import Span

QUICKFIX = "quickfix"
FIX_ALL = "source.fixAll.wrangler-lsp"


@dataclass(frozen=True, slots=True)
class Action:
    """A titled set of edits; `finding` is the finding it fixes (None for fix-all)."""

    title: str
    kind: str
    edits: tuple[rules.Edit, ...]
    preferred: bool
    finding: rules.Finding | None


def code_actions(doc: Document, span: Span, settings: Settings, only: frozenset[str] | None = None) -> list[Action]:
    """Quick fixes for every finding touching `span`, then fix-all when there is anything to fix."""
    actions: list[Action] = []
    findings = doc.findings_with_fixes(settings)
    if only is None or any(kind.startswith(QUICKFIX) or QUICKFIX.startswith(kind) for kind in only):
        for finding in findings:
            if finding.span.start <= span.end and span.start <= finding.span.end:
                for fix in finding.fixes:
                    fix_edits = fix.edits()
                    if fix_edits:
                        actions.append(Action(fix.title, QUICKFIX, fix_edits, fix.preferred, finding))
    if only is None or any(FIX_ALL.startswith(kind) for kind in only):
        edits = fix_all_edits(findings)
        if edits:
            actions.append(Action("Fix all auto-fixable wrangler-lsp problems", FIX_ALL, edits, False, None))
    return actions


def fix_all_edits(findings: list[rules.Finding]) -> tuple[rules.Edit, ...]:
    """The edits of every preferred fix, skipping a fix that overlaps one already taken."""
    taken: list[rules.Edit] = []
    for finding in findings:
        for fix in finding.fixes:
            if not fix.preferred:
                continue
            fix_edits = fix.edits()
            if not fix_edits or any(_overlaps(edit.span, other.span) for edit in fix_edits for other in taken):
                continue
            taken.extend(fix_edits)
            break
    return tuple(sorted(taken, key=lambda edit: edit.span))


def _overlaps(a: Span, b: Span) -> bool:
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end
