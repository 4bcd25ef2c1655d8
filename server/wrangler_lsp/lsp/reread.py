"""Once edits pause, a big broken document is re-read as a fresh open would read it (`Document.reread`).

While typing, a broken text above `document.FRESH_REPARSE_BYTES` keeps tree-sitter's incremental reparse,
whose error recovery can read the text unlike a fresh parse. `REREAD_DELAY` after a document's last
change, its text is parsed afresh; if that reads it differently, the document read afresh (same version)
replaces it, its last pull report is forgotten (being of the same version) and `resend` sends its
diagnostics again (pushed, or the client is asked to pull).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from wrangler_lsp.lsp.session import Server, detached

REREAD_DELAY = 0.3
"""Seconds without a change to a document before it is re-read."""

Resend = Callable[[Server, list[str]], None]


def schedule(ls: Server, uri: str, resend: Resend) -> None:
    """Re-read `uri` once it has not changed for `REREAD_DELAY` (a later change reschedules it)."""
    cancel(ls, uri)
    doc = ls.documents.get(uri)
    if doc is None:
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    ls.rereading[uri] = loop.call_later(REREAD_DELAY, _reread, ls, uri, doc.version, resend, context=detached())


def cancel(ls: Server, uri: str) -> None:
    """Drop `uri`'s pending re-read, if any (it changed again, or was closed)."""
    pending = ls.rereading.pop(uri, None)
    if pending is not None:
        pending.cancel()


def _reread(ls: Server, uri: str, version: int | None, resend: Resend) -> None:
    ls.rereading.pop(uri, None)
    doc = ls.documents.get(uri)
    if doc is None or doc.version != version:
        return
    fresh = doc.reread()
    if fresh is None:
        return
    ls.documents[uri] = fresh
    ls.reports.forget(uri)
    ls.log(f"wrangler-lsp: {uri} version {version} read afresh: its broken text parses otherwise incrementally")
    resend(ls, [uri])
