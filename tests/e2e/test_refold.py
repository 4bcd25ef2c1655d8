"""The 0.3 s refold of edited open documents into the workspace index, over stdio (push mode): the other
open documents are re-checked against the new entry; the edited one is not re-sent (its rules never
read its own entry)."""

from __future__ import annotations

import asyncio
import time

from tests.robustness.lsp import SyncServer

ROOMS = "file:///refold/rooms/wrangler.toml"
API = "file:///refold/api/wrangler.toml"
ROOMS_TEXT = 'name = "rooms"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom"]\n'
API_TEXT = 'name = "api"\n[[durable_objects.bindings]]\nname = "R"\nclass_name = "ChatRoom"\nscript_name = "rooms"\n'


def _codes(server: SyncServer, uri: str, version: int) -> list[str]:
    publish = server.call(server.client.wait_publish(uri, 0, version))
    return [d["code"] for d in publish.diagnostics]


def test_an_edited_worker_re_checks_the_others_not_itself() -> None:
    server = SyncServer(pull=False)
    try:
        server.open(ROOMS, ROOMS_TEXT)
        server.open(API, API_TEXT)
        assert "WL501" not in _codes(server, API, 1)
        at = ROOMS_TEXT.index("ChatRoom") + len("ChatRoom")
        span = {"start": {"line": 3, "character": at - ROOMS_TEXT.rindex("\n", 0, at) - 1}}
        span["end"] = span["start"]
        change = {"textDocument": {"uri": ROOMS, "version": 2}, "contentChanges": [{"range": span, "text": "X"}]}
        server.client.notify("textDocument/didChange", change)
        server.call(server.client.wait_publish(ROOMS, 0, 2))
        mark = len(server.client.publishes)
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline and not any(p.uri == API for p in server.client.publishes[mark:]):
            server.call(asyncio.sleep(0.05))
        server.call(asyncio.sleep(0.3))
        after = server.client.publishes[mark:]
        assert [p.uri for p in after] == [API]  # the refold re-checked `api` only
        assert "WL501" in [d["code"] for d in after[0].diagnostics]  # `rooms` no longer creates ChatRoom
        assert server.errors() == []
    finally:
        server.stop()
