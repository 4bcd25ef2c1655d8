"""Applying one fix and judging the result: parses, target gone, nothing new (shared by the fix tests)."""

from __future__ import annotations

from dataclasses import dataclass

from wrangler_lsp import rules, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.edits import apply_edits
from wrangler_lsp.settings import Settings

Key = tuple[str, str | None, str, str]


@dataclass(frozen=True)
class Outcome:
    title: str
    code: str
    problem: str | None
    carried: int = 0
    """New findings a copy-from-the-top-level fix carried over: the top level has the same problem."""


def key(finding: rules.Finding) -> Key:
    return (finding.code, finding.env, finding.path, finding.message)


def check_all_fixes(uri: str, fmt: syntax.Format, source: bytes) -> list[Outcome]:
    """Apply every fix of every finding of `source`, each on its own, and judge the result."""
    doc = Document(uri, fmt, source)
    before = doc.findings(Settings())
    # A finding at the same code, env and path is not new even if its message changed: a fix that makes
    # one class non-local shortens WL212's list of classes, say.
    before_places = {key(f)[:3] for f in before}
    before_syntax = {key(f) for f in before if f.code.startswith("WL0")}
    top_level_codes = {f.code for f in before if f.env is None}
    outcomes = []
    for finding in before:
        for fix in finding.fixes:
            edits = fix.edits()
            if not edits:
                continue
            after_doc = Document(uri, fmt, apply_edits(source, edits))
            after = after_doc.findings(Settings())
            problem = None
            carried = 0
            syntax_errors = [f for f in after if f.code.startswith("WL0") and key(f) not in before_syntax]
            if syntax_errors:
                problem = f"does not parse: {syntax_errors[0].message}"
            elif key(finding) in {key(f) for f in after}:
                problem = "the finding is still there"
            else:
                new = [f for f in after if key(f)[:3] not in before_places and not f.code.startswith("WL0")]
                copying = fix.title.startswith(("Add ", "Copy "))
                carried = sum(1 for f in new if copying and f.code in top_level_codes)
                new = [f for f in new if not (copying and f.code in top_level_codes)]
                if new:
                    problem = f"new finding {new[0].code}: {new[0].message.splitlines()[0]}"
            outcomes.append(Outcome(fix.title, finding.code, problem, carried))
    return outcomes
