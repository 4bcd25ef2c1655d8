"""Keeping Python's cyclic garbage collector off the keystroke path.

A big config is a million Python objects (50,000 lines), and each edit that is built makes a hundred
thousand more that live on (the new tree). CPython then runs a full collection every few edits, which
walks every object: 0.8-1 s at 50,000 lines, 0.15 s at 10,000, in the middle of a keystroke (measured:
a 50,000-line syntax-error edit took 150-270 ms, and 0.9-1.1 s one time in three). So after each
analysis the young generations are collected (cheap: only what was made since) and the objects alive
are frozen (`gc.freeze`): later collections skip them. The trees hold no reference cycles (a full
collection after 300 edits found nothing to free), so freezing loses little; what dies in a cycle once
frozen (an exception's frames, say) is swept by a full collection once analyses pause (`SWEEP_AFTER`).
Timers and tasks that outlive a request are scheduled in an empty context (`session.detached`): a
request's context holds the documents of its time.
"""

from __future__ import annotations

import asyncio
import gc

from wrangler_lsp.lsp.session import Server, detached

SWEEP_AFTER = 5.0
"""Seconds without an analysis before a full collection of everything (frozen objects included)."""


def settle(ls: Server) -> None:
    """After an analysis: freeze what is alive, and sweep everything once edits pause."""
    gc.collect(1)  # the young garbage first (a request's cycles): it must not be frozen
    gc.freeze()
    if ls.sweep is not None:
        ls.sweep.cancel()
    try:
        ls.sweep = asyncio.get_running_loop().call_later(SWEEP_AFTER, _sweep, ls, context=detached())
    except RuntimeError:  # no event loop (a direct call in a test): nothing to schedule
        ls.sweep = None


def _sweep(ls: Server) -> None:
    ls.sweep = None
    gc.unfreeze()
    gc.collect()
    gc.freeze()
