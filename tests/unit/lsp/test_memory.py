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


def test_settle_freezes_and_the_sweep_frees_cycles_frozen_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "SWEEP_AFTER", 0.05)
    server = Server()

    async def scenario() -> None:
        garbage = _Cycle()
        ref = weakref.ref(garbage)
        del garbage  # a reference cycle: only the cyclic collector frees it
        memory.settle(server)
        assert gc.get_freeze_count() > 0 and server.sweep is not None
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
