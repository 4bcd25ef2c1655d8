"""Rules layer: diagnostics with stable codes, one module per rule, registered in `registry.py`.

API boundary: `check(Context, Settings) -> list[Finding]`, `RULES`, `by_code`, and the types of `api.py`.
"""

from wrangler_lsp.edits import Edit
from wrangler_lsp.rules.api import Finding, Fix, Origin, Related, Report, Rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.registry import RULES, by_code
from wrangler_lsp.rules.run import check

__all__ = [
    "RULES",
    "Context",
    "Edit",
    "Finding",
    "Fix",
    "Origin",
    "Related",
    "Report",
    "Rule",
    "by_code",
    "check",
]
