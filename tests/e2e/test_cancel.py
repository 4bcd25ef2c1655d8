"""`$/cancelRequest`, superseded pulls and request ordering, through the real server over stdio.

Messages that must reach the server together are written in one `write` (`_batch`), after a round trip
that leaves the pipe empty, so the server reads them in one chunk: what is queued is then deterministic.
The 20k-line config (about 450 KB) takes the server over a second to parse, build and resolve.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from bench.generate import config

from tests.robustness.lsp import SyncServer

BIG = config(20_000, "toml")
REQUEST_CANCELLED = -32800
SERVER_CANCELLED = -32802


@pytest.fixture
def server() -> Iterator[SyncServer]:
    srv = SyncServer(pull=True, timeout=30.0)
    yield srv
    assert srv.errors() == []
    srv.stop()


def _debug_text(server: SyncServer, uri: str) -> Any:
    return server.request("workspace/executeCommand", {"command": "wrangler-lsp.debugText", "arguments": [uri]})


def _batch(server: SyncServer, messages: list[tuple[str, Any] | tuple[str, Any, None]]) -> list[asyncio.Future[Any]]:
    """Send `messages` in one write: `(method, params)` requests, `(method, params, None)` notifications.

    `"$cancel"` as a method cancels the request at that index of `messages`. Answers, in order of the
    requests, as futures of `(seconds after sending, result or error)`.
    """
    client, frames, ids = server.client, b"", []
    futures: list[asyncio.Future[Any]] = []
    for message in messages:
        method, params = message[0], message[1]
        if method == "$cancel":
            body: dict[str, Any] = {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": ids[params]}}
            ids.append(None)
        elif len(message) == 3:
            body = {"jsonrpc": "2.0", "method": method, "params": params}
            ids.append(None)
        else:
            client._next_id += 1
            future = server.loop.create_future()
            client._pending[client._next_id] = future
            futures.append(future)
            ids.append(client._next_id)
            body = {"jsonrpc": "2.0", "id": client._next_id, "method": method, "params": params}
        raw = json.dumps(body).encode()
        frames += b"Content-Length: %d\r\n\r\n" % len(raw) + raw
    client.send_raw(frames)
    start = time.perf_counter()

    async def timed(future: asyncio.Future[Any]) -> tuple[float, Any]:
        try:
            result: Any = await future
        except Exception as error:
            result = getattr(error, "error", error)
        return time.perf_counter() - start, result

    return [asyncio.ensure_future(timed(future), loop=server.loop) for future in futures]


def _answers(server: SyncServer, futures: list[asyncio.Future[Any]]) -> list[tuple[float, Any]]:
    async def gather() -> list[tuple[float, Any]]:
        return list(await asyncio.gather(*futures))

    return server.call(gather())


def _code(answer: Any) -> int | None:
    return answer.get("code") if isinstance(answer, dict) and "message" in answer else None


def _hover(uri: str, line: int, character: int = 2) -> tuple[str, Any]:
    return "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}


def _still_answers(server: SyncServer) -> None:
    small = "file:///cancel/small/wrangler.toml"
    server.open(small, '[vars]\nA = "1"\n')
    assert server.request(*_hover(small, 0, 2)) is not None
    server.close(small)
    assert server.errors() == []


def test_queued_requests_cancelled_before_they_run(server: SyncServer) -> None:
    """A pull on a cold 20k-line file, then requests queued behind it, three of them cancelled at once."""
    uri = "file:///cancel/queued/wrangler.toml"
    server.open(uri, BIG)
    assert _debug_text(server, uri)["lines"] == 20_001  # the pipe is empty: the batch arrives in one read
    doc = {"textDocument": {"uri": uri}}
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 20_000, "character": 0}}
    answers = _answers(
        server,
        _batch(
            server,
            [
                ("textDocument/diagnostic", doc),
                _hover(uri, 8997),
                ("textDocument/documentSymbol", doc),
                ("textDocument/inlayHint", {**doc, "range": whole}),
                _hover(uri, 8997),
                ("$cancel", 1),
                ("$cancel", 2),
                ("$cancel", 3),
            ],
        ),
    )
    (pull_at, pull), *cancelled, (_, hover) = answers
    assert pull["kind"] == "full" and pull["items"], pull
    assert hover is not None and "contents" in hover
    assert [_code(answer) for _, answer in cancelled] == [REQUEST_CANCELLED] * 3
    # Refused at once, without waiting behind (or doing) the parse of the 20k lines.
    assert max(at for at, _ in cancelled) < min(pull_at, 0.5), answers
    print(f"\nqueued: 3 cancelled within {max(at for at, _ in cancelled) * 1000:.0f} ms; pull {pull_at * 1000:.0f} ms")
    _still_answers(server)


def test_cold_request_cancelled_before_it_runs_computes_nothing(server: SyncServer) -> None:
    uri = "file:///cancel/cold/wrangler.toml"
    server.open(uri, BIG)
    _debug_text(server, uri)
    [(at, answer)] = _answers(server, _batch(server, [_hover(uri, 8997), ("$cancel", 0)]))
    assert _code(answer) == REQUEST_CANCELLED
    assert at < 0.5, at  # a cold hover parses 20k lines first (over a second)
    _still_answers(server)


def test_in_flight_pull_cancelled_between_steps(server: SyncServer) -> None:
    uri = "file:///cancel/flight/wrangler.toml"
    server.open(uri, BIG)
    _debug_text(server, uri)
    [pending] = _batch(server, [("textDocument/diagnostic", {"textDocument": {"uri": uri}})])
    server.call(asyncio.sleep(0.3))  # the pull is parsing by now
    sent = time.perf_counter()
    server.client.notify("$/cancelRequest", {"id": server.client._next_id})
    [(_, answer)] = _answers(server, [pending])
    at = time.perf_counter() - sent
    assert _code(answer) == REQUEST_CANCELLED, answer
    print(f"\npull cancelled 0.3 s after it was sent: answered {at * 1000:.0f} ms after the cancel")
    assert server.pull(uri), "the next pull is answered in full"
    _still_answers(server)


def test_superseded_pull_is_server_cancelled_with_retrigger(server: SyncServer) -> None:
    uri = "file:///cancel/superseded/wrangler.toml"
    server.open(uri, 'name = "w"\n[vars]\nA = "1"\n')
    _debug_text(server, uri)
    edit = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# c\n"}
    change = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [edit]}
    [(_, answer)] = _answers(
        server,
        _batch(
            server,
            [("textDocument/diagnostic", {"textDocument": {"uri": uri}}), ("textDocument/didChange", change, None)],
        ),
    )
    assert _code(answer) == SERVER_CANCELLED, answer
    assert answer["data"] == {"retriggerRequest": True}
    report = server.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    assert report["kind"] == "full"
    assert _debug_text(server, uri)["version"] == 2
    _still_answers(server)


def test_a_request_sees_the_version_it_was_sent_for(server: SyncServer) -> None:
    """A hover sent before a didChange but run after it answers for the text it was sent for."""
    text = 'name = "w"\n[vars]\nA = "1"\n'
    uri, fresh = "file:///cancel/order/wrangler.toml", "file:///cancel/order-fresh/wrangler.toml"
    server.open(uri, text)
    server.open(fresh, text)
    expected = server.request(*_hover(fresh, 1, 2))  # `vars`; after the edit line 1 is a comment
    assert expected is not None
    _debug_text(server, uri)
    edit = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "#\n#\n"}
    change = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [edit]}
    before, after = _answers(
        server, _batch(server, [_hover(uri, 1, 2), ("textDocument/didChange", change, None), _hover(uri, 1, 2)])
    )
    assert before[1] == expected
    assert after[1] is None
    assert _debug_text(server, uri)["version"] == 2
    _still_answers(server)


def test_debug_text_fingerprints_the_server_copy(server: SyncServer) -> None:
    uri = "file:///cancel/debug/wrangler.toml"
    text = 'name = "w"\r\n[vars]\rA = "😀é"\n'
    server.open(uri, text, version=7)
    answer = _debug_text(server, uri)
    assert answer == {
        "uri": uri,
        "version": 7,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "length": len(text.encode("utf-16-le")) // 2,
        "lines": 4,
    }
    assert _debug_text(server, "file:///cancel/not-open/wrangler.toml") is None
