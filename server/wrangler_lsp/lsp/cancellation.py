"""`$/cancelRequest`: every request runs as a task that a cancel can stop before it starts or at a checkpoint.

pygls runs a coroutine handler as an asyncio task, keeps the task in `_request_futures`, cancels it on
`$/cancelRequest` and then answers RequestCancelled (-32800); a synchronous handler has no such task and
runs as soon as it is read. So every request handler runs as a coroutine (`cancellable`), and the reader
(`lsp/transport.py`) dispatches every message already received before any handler runs: a request
cancelled while it waits behind other work never starts. Handlers are synchronous code, so a cancel sent
while one computes is read only when it yields: a long handler calls `checkpoint` between its steps
(parse and build, the Worker model, the rules), which yields to the event loop long enough for the
reader to dispatch what arrived meanwhile; a cancel for this request then raises `CancelledError` there.

A request sees the documents as they were when it was read (`Server.document`), even if a `didChange`
read after it is applied before it runs. A checkpoint does not yield once its document is superseded:
the newer version's analysis (a push, another request) would reuse the older version's config and make
this request rebuild it from scratch; the request finishes at once instead. A diagnostic pull whose
document is superseded is answered ServerCancelled (-32802) with `retriggerRequest` (LSP 3.17), so the
client pulls again for the new version (`current`).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from wrangler_lsp.document import Document
from wrangler_lsp.lsp.session import Failure, Server, forget_documents

F = TypeVar("F", bound=Callable[..., Any])
SERVER_CANCELLED = -32802
YIELDS = 2
"""Loop turns per checkpoint: one for the reader's bytes to reach its buffer, one for it to dispatch them."""


class Superseded(Exception):
    """The request's document has a newer version: answered ServerCancelled (see `cancellable`)."""

    def __init__(self, retrigger: bool) -> None:
        super().__init__("the document changed; ask again")
        self.retrigger = retrigger


def cancellable(handler: F) -> F:
    """`handler` (synchronous or not) as a coroutine function, so pygls runs it as a cancellable task."""

    @functools.wraps(handler)
    async def run(ls: Server, *args: Any) -> Any:
        try:
            result = handler(ls, *args)
            return await result if inspect.isawaitable(result) else result
        except Superseded as superseded:
            data = {"retriggerRequest": superseded.retrigger}
            return Failure(SERVER_CANCELLED, str(superseded), data)
        finally:
            # A finished task can outlive its request (asyncio keeps reference cycles to it): it must not
            # keep the documents of its time alive through its context (`lsp/memory.py` freezes cycles).
            forget_documents()

    return run  # type: ignore[return-value]


def superseded(ls: Server, doc: Document) -> bool:
    return ls.documents.get(doc.uri) is not doc


async def checkpoint(ls: Server, doc: Document | None = None) -> None:
    """Let a `$/cancelRequest` that arrived meanwhile be read: raises `CancelledError` if it was for us."""
    for _ in range(YIELDS):
        if doc is not None and superseded(ls, doc):
            return
        await asyncio.sleep(0)


def current(ls: Server, doc: Document) -> None:
    """Raise `Superseded` when `doc` is no longer the open version (retrigger unless it was closed)."""
    if superseded(ls, doc):
        raise Superseded(retrigger=doc.uri in ls.documents)


async def prepared(ls: Server, doc: Document, *, worker: bool = True) -> Document:
    """`doc` parsed and built (and its Worker model resolved), with a checkpoint around each step."""
    await checkpoint(ls, doc)
    _ = doc.config
    await checkpoint(ls, doc)
    if worker:
        _ = doc.context.worker
        await checkpoint(ls, doc)
    return doc
