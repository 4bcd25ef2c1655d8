"""`workspace/executeCommand`: `wrangler-lsp.explain` (the explain table of an open document) and
`wrangler-lsp.debugText` (a fingerprint of the server's copy of a document, for tests and bug reports).
"""

from __future__ import annotations

import hashlib
from typing import Any

from wrangler_lsp.features.explain import explain as feature
from wrangler_lsp.lsp import cancellation
from wrangler_lsp.lsp.session import Server

EXPLAIN = "wrangler-lsp.explain"
DEBUG_TEXT = "wrangler-lsp.debugText"


async def explain(ls: Server, *args: Any) -> str | None:
    """Arguments: the document URI, optionally an env name. Answers the table as plain text."""
    flat = _flat(args)
    doc = ls.document(_uri(flat[0])) if flat else None
    if doc is None:
        return None
    env = flat[1] if len(flat) > 1 and isinstance(flat[1], str) else None
    await cancellation.prepared(ls, doc)
    return feature(doc.context.worker, env)


def debug_text(ls: Server, *args: Any) -> dict[str, Any] | None:
    """Argument: the document URI. Answers what the server holds as that document's text.

    `{"uri", "version", "sha256" (hex digest of the text in UTF-8), "length" (UTF-16 code units),
    "lines"}`, or null when the document is not open. A client compares `sha256` with its own text's.
    """
    flat = _flat(args)
    doc = ls.document(_uri(flat[0])) if flat else None
    if doc is None:
        return None
    text = doc.source.decode("utf-8", "surrogatepass")
    return {
        "uri": doc.uri,
        "version": doc.version,
        "sha256": hashlib.sha256(doc.source).hexdigest(),
        "length": len(text.encode("utf-16-le", "surrogatepass")) // 2,
        "lines": doc.line_index.line_count,
    }


def _flat(args: tuple[Any, ...]) -> list[Any]:
    return list(args[0]) if len(args) == 1 and isinstance(args[0], list | tuple) else list(args)


def _uri(argument: Any) -> str:
    """A URI given as a string or as a `TextDocumentIdentifier`-like object."""
    if isinstance(argument, str):
        return argument
    if isinstance(argument, dict):
        return str(argument.get("uri", ""))
    return str(getattr(argument, "uri", argument))
