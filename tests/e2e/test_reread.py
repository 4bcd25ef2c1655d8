"""A big broken document, once edits pause, is re-read and gets the diagnostics of a fresh open of its text
(`lsp/reread.py`): tree-sitter's incremental reparse can read broken text otherwise, and above 64 KB it is
kept while typing."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from tests.robustness.lsp import SyncServer, normalized, position
from tests.unit.perf.test_incremental_equivalence import DIVERGING, DIVERGING_EDITS, PADDING

URI = "file:///reread/api/wrangler.toml"
FRESH = "file:///reread/fresh/wrangler.toml"


def _type(server: SyncServer, pull: bool, text: str) -> str:
    """Send `DIVERGING_EDITS` (byte offsets) as ranged changes, one version each, each analysed before the
    next (as the hypothesis example was); the text after them."""
    source = text.encode()
    for version, edit in enumerate(DIVERGING_EDITS, 2):
        before = source.decode()
        start = len(source[: edit.start].decode())
        end = len(source[: edit.old_end].decode())
        span = {"start": position(before, start), "end": position(before, end)}
        change = {"range": span, "text": edit.new_text.decode()}
        params = {"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}
        server.client.notify("textDocument/didChange", params)
        _diagnostics(server, pull, URI, version)
        source = source[: edit.start] + edit.new_text + source[edit.old_end :]
    return source.decode()


def _codes(diagnostics: list[dict[str, Any]]) -> list[str]:
    return [d["code"] for d in diagnostics]


def _diagnostics(server: SyncServer, pull: bool, uri: str, version: int) -> list[dict[str, Any]]:
    """Pulled now, or the push for `version` (waited for)."""
    if pull:
        return server.pull(uri)
    return server.call(server.client.wait_publish(uri, 0, version)).diagnostics


def _latest(server: SyncServer, pull: bool, uri: str) -> list[dict[str, Any]]:
    """Pulled now, or the last push."""
    if pull:
        return server.pull(uri)
    return [p for p in server.client.publishes if p.uri == uri][-1].diagnostics


@pytest.mark.parametrize("pull", [True, False], ids=["pull", "push"])
def test_a_big_broken_document_is_reread_for_a_fresh_opens_diagnostics(pull: bool) -> None:
    text = (DIVERGING.read_bytes() + PADDING).decode()
    last = len(DIVERGING_EDITS) + 1
    server = SyncServer(pull=pull)
    try:
        server.open(URI, text)
        _diagnostics(server, pull, URI, 1)
        edited = _type(server, pull, text)
        typed = _diagnostics(server, pull, URI, last)
        assert _codes(typed).count("WL001") == 3  # the incremental reading, kept while typing
        server.open(FRESH, edited)
        fresh = _diagnostics(server, pull, FRESH, 1)
        assert _codes(fresh).count("WL001") == 1
        deadline = time.perf_counter() + 5
        while normalized(_latest(server, pull, URI)) != normalized(fresh) and time.perf_counter() < deadline:
            server.call(asyncio.sleep(0.05))
        assert normalized(_latest(server, pull, URI)) == normalized(fresh)
        if not pull:
            assert [p.version for p in server.client.publishes if p.uri == URI][-1] == last  # the same version
        assert server.errors() == []
    finally:
        server.stop()
