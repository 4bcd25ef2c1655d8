"""`workspace/executeCommand`: `wrangler-lsp.explain` returns the explain table of an open document."""

from __future__ import annotations

from typing import Any

from wrangler_lsp.features.explain import explain as feature
from wrangler_lsp.lsp.session import Server

EXPLAIN = "wrangler-lsp.explain"


def explain(ls: Server, *args: Any) -> str | None:
    """Arguments: the document URI, optionally an env name. Answers the table as plain text."""
    flat = list(args[0]) if len(args) == 1 and isinstance(args[0], list | tuple) else list(args)
    if not flat:
        return None
    uri = flat[0] if isinstance(flat[0], str) else str(getattr(flat[0], "uri", flat[0]))
    env = flat[1] if len(flat) > 1 and isinstance(flat[1], str) else None
    doc = ls.documents.get(uri)
    if doc is None:
        return None
    return feature(doc.context.worker, env)
