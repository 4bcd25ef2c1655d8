"""Pull diagnostics' result ids over stdio: `unchanged` whenever the items are, across versions.

As VS Code's and Neovim's clients do, each pull sends the `resultId` of the last report the client holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.robustness.lsp import SyncServer

URI = "file:///tmp/pull-reports/wrangler.toml"
TEXT = """name = "w"
main = "src/index.ts"
compatibility_date = "2025-01-01"

[vars]
GREETING = "héllo 😀 there"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
"""


@pytest.fixture
def server() -> Iterator[SyncServer]:
    srv = SyncServer(pull=True)
    srv.open(URI, TEXT)
    yield srv
    assert srv.errors() == []
    srv.stop()


def _pull(server: SyncServer, previous: str | None) -> dict[str, Any]:
    report = server.request("textDocument/diagnostic", {"textDocument": {"uri": URI}, "previousResultId": previous})
    assert isinstance(report, dict)
    return report


def _change(server: SyncServer, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
    span = {
        "start": {"line": start[0], "character": start[1]},
        "end": {"line": end[0], "character": end[1]},
    }
    params = {"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"range": span, "text": text}]}
    server.client.notify("textDocument/didChange", params)


def test_a_report_is_unchanged_while_its_items_are(server: SyncServer) -> None:
    first = _pull(server, None)
    assert first["kind"] == "full" and first["items"]
    assert _pull(server, first["resultId"]) == {"kind": "unchanged", "resultId": first["resultId"]}
    # Typed inside the string after "😀" (two UTF-16 units): no diagnostic changes, so nothing is resent.
    _change(server, 2, (5, 20), (5, 20), "x")
    assert _pull(server, first["resultId"]) == {"kind": "unchanged", "resultId": first["resultId"]}
    # A client that holds no report (or another one) gets the items, under the same id.
    again = _pull(server, None)
    assert again == {"kind": "full", "resultId": first["resultId"], "items": first["items"]}


def test_a_report_whose_items_moved_is_sent_in_full_under_a_new_id(server: SyncServer) -> None:
    first = _pull(server, None)
    _change(server, 2, (0, 0), (0, 0), "# a comment\n")
    moved = _pull(server, first["resultId"])
    assert moved["kind"] == "full" and moved["resultId"] != first["resultId"]
    assert [d["range"]["start"]["line"] for d in moved["items"]] == [
        d["range"]["start"]["line"] + 1 for d in first["items"]
    ]
    # The stale id still gets the full report; the current one gets `unchanged`.
    assert _pull(server, first["resultId"])["kind"] == "full"
    assert _pull(server, moved["resultId"])["kind"] == "unchanged"
    _change(server, 3, (0, 0), (1, 0), "")
    back = _pull(server, moved["resultId"])
    assert back["kind"] == "full" and back["items"] == first["items"]


def test_a_reopened_document_is_reported_in_full(server: SyncServer) -> None:
    first = _pull(server, None)
    server.close(URI)
    server.open(URI, TEXT)
    report = _pull(server, first["resultId"])
    assert report["kind"] == "full" and report["items"] == first["items"]
