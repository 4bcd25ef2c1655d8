"""Feature: hover — the Worker a Durable Object binding really binds to, env Worker names, key docs.

Markdown, short, and specific to the env under the cursor.
"""

from __future__ import annotations

from dataclasses import dataclass

from wrangler_lsp import config, model
from wrangler_lsp.features import query
from wrangler_lsp.features.describe import binding_lines, env_lines, key_lines, script_name_lines
from wrangler_lsp.text import Span
from wrangler_lsp.workspace import WorkspaceIndex


@dataclass(frozen=True, slots=True)
class HoverResult:
    markdown: str
    span: Span


def hover(worker: model.Worker, offset: int, index: WorkspaceIndex | None = None) -> HoverResult | None:
    """The hover at byte `offset`, or None when there is nothing to say.

    With the workspace `index`, a hover on `script_name` also says where that Worker's config is.
    """
    found = query.at(worker, offset)
    if found is None:
        return None
    span = _span(found)
    if found.binding is not None:
        lines = binding_lines(worker, found.env, found.binding)
        if index is not None and found.path[-1] == "script_name" and found.binding.script_name:
            lines += script_name_lines(index, found.binding.script_name)
        return HoverResult("\n".join(lines), span)
    path = found.path
    if len(path) == 2 and path[0] == "env" and found.on_key and not found.env.is_top:
        return HoverResult("\n".join(env_lines(worker, found.env)), span)
    if found.on_key and isinstance(path[-1], str):
        lines = key_lines(worker, found.env, path)
        if lines:
            return HoverResult("\n".join(lines), span)
    return None


def _span(found: query.Query) -> Span:
    entry = found.entry
    if entry is None:
        return found.node.span
    if found.on_key:
        return entry.key_span
    if isinstance(found.node, config.Scalar):
        return found.node.span
    return entry.key_span
