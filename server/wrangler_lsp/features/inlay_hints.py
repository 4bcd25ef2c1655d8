"""Feature: inlay hints — the implied `script_name` of each env Durable Object binding that has none.

For a `[[env.x.durable_objects.bindings]]` section the hint sits at the end of the header; for an
inline table or a JSON object, just before its closing brace, as one more member (`, script_name = ...`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from wrangler_lsp import config, model, syntax
from wrangler_lsp.text import Span


@dataclass(frozen=True, slots=True)
class InlayHint:
    offset: int
    label: str
    tooltip: str
    padding_left: bool
    padding_right: bool


def inlay_hints(worker: model.Worker, span: Span) -> list[InlayHint]:
    """Hints for the bindings whose text lies in `span`."""
    hints: list[InlayHint] = []
    for env in worker.envs:
        for binding in env.do_bindings:
            if "script_name" in binding.node.entries or binding.target_worker is None:
                continue
            offset, inside = _anchor(binding.node)
            if not span.contains(offset):
                continue
            quoted = json.dumps(binding.target_worker, ensure_ascii=False)
            label = f"script_name = {quoted}" if worker.format is syntax.Format.TOML else f'"script_name": {quoted}'
            tooltip = (
                f"Implied: without `script_name`, `{binding.name}` binds to the class in this env's own Worker "
                f"`{binding.target_worker}`, not the top level's."
            )
            if inside:
                # Before a closing brace the hint reads as one more member: `, script_name = "..."`.
                hints.append(InlayHint(offset, f", {label}", tooltip, padding_left=False, padding_right=True))
            else:
                hints.append(InlayHint(offset, label, tooltip, padding_left=True, padding_right=False))
    return hints


def _anchor(node: config.Table) -> tuple[int, bool]:
    """Where the hint goes, and whether text follows it on the line (a closing brace)."""
    if node.style is config.TableStyle.ARRAY_ITEM and node.sections and node.sections[0].header is not None:
        return node.sections[0].header.end, False
    return max(node.span.start, node.span.end - 1), True
