"""Cross-Worker rules (WL5xx): Durable Object bindings checked against the other Workers of the workspace.

They read `Context.workspace` (the workspace index) and report nothing without it, so `wrangler-lsp
check` on a single file is unaffected. Wrangler checks none of this: it sees one config at a time.
"""

from __future__ import annotations

from wrangler_lsp.rules.api import Rule
from wrangler_lsp.rules.cross_worker import wl501_do_class_not_in_target_worker, wl502_do_script_name_unknown

RULES: tuple[Rule, ...] = (
    wl501_do_class_not_in_target_worker.check,
    wl502_do_script_name_unknown.check,
)
