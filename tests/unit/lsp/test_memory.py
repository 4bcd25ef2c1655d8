"""`lsp.memory`: objects alive after an analysis are frozen, and a full collection follows a pause."""

from __future__ import annotations

import asyncio
import gc
import weakref

import pytest

from wrangler_lsp.lsp import memory
from wrangler_lsp.lsp.session import Server


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_settle_freezes_and_the_sweep_frees_cycles_that_died_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "SWEEP_AFTER", 0.05)
    server = Server()

    async def scenario() -> None:
        cycle = _Cycle()
        ref = weakref.ref(cycle)
        memory.settle(server)  # alive at the analysis: frozen
        assert gc.get_freeze_count() > 0 and server.sweep is not None
        del cycle  # now garbage, in a reference cycle: only the cyclic collector frees it
        gc.collect()  # an ordinary collection skips what is frozen
        assert ref() is not None
        memory.settle(server)  # another analysis postpones the sweep
        await asyncio.sleep(0.2)
        assert server.sweep is None
        assert ref() is None  # the sweep collected everything, frozen objects included

    try:
        asyncio.run(scenario())
    finally:
        gc.unfreeze()


def test_the_sweep_timer_does_not_keep_the_documents_of_the_request_that_scheduled_it() -> None:
    """asyncio keeps a callback's context; a request's context holds the open documents of its time."""
    from wrangler_lsp.lsp import session

    server = Server()

    async def scenario() -> None:
        session._DISPATCHED.set({"file:///w/wrangler.toml": object()})  # type: ignore[dict-item]
        memory.settle(server)
        assert server.sweep is not None
        assert server.sweep._context.get(session._DISPATCHED) is None  # type: ignore[attr-defined]
        server.sweep.cancel()

    try:
        asyncio.run(scenario())
    finally:
        gc.unfreeze()
