"""Test-side helpers for driving the real server over stdio with the benchmark's plain JSON-RPC client.

pytest-lsp's fixtures are per test; hypothesis and the hostile-input tests want one long-lived server
per module driven from synchronous code, so these run the client on a private event loop.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Coroutine
from typing import Any, TypeVar

from bench.lsp_client import Client, capabilities

SERVER = [sys.executable, "-m", "wrangler_lsp", "serve"]
T = TypeVar("T")
_BREAK = re.compile(r"\r\n|\r|\n")


class SyncServer:
    """A server process and a client, driven synchronously: `call(coroutine)` runs it to completion."""

    def __init__(self, pull: bool = True, timeout: float = 20.0) -> None:
        self.loop = asyncio.new_event_loop()
        self.timeout = timeout
        self.client: Client = self.call(Client.spawn(SERVER))
        self.init = self.call(
            self.client.request(
                "initialize",
                {"processId": None, "rootUri": None, "capabilities": capabilities(pull)},
            )
        )
        self.client.notify("initialized", {})

    def call(self, coroutine: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        return self.loop.run_until_complete(asyncio.wait_for(coroutine, timeout or self.timeout))

    def request(self, method: str, params: Any, timeout: float | None = None) -> Any:
        return self.call(self.client.request(method, params, timeout or self.timeout), timeout)

    def open(self, uri: str, text: str, version: int = 1) -> None:
        language = "toml" if uri.endswith(".toml") else "jsonc"
        item = {"uri": uri, "languageId": language, "version": version, "text": text}
        self.client.notify("textDocument/didOpen", {"textDocument": item})

    def close(self, uri: str) -> None:
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def pull(self, uri: str, timeout: float | None = None) -> list[dict[str, Any]]:
        report = self.request("textDocument/diagnostic", {"textDocument": {"uri": uri}}, timeout)
        assert report["kind"] == "full", report
        return list(report["items"])

    def errors(self) -> list[str]:
        """Messages the server logged at error level (the crash guard logs tracebacks so)."""
        return [log["message"] for log in self.client.logs if log.get("type") == 1]

    def alive(self) -> bool:
        return self.client.proc.returncode is None and not self.client.closed.is_set()

    def stop(self) -> int | None:
        code = self.call(self.client.stop())
        self.loop.close()
        return code


def position(text: str, offset: int) -> dict[str, int]:
    """The LSP position (UTF-16) of code-point `offset` in `text`; lines end at \\r\\n, \\r or \\n."""
    line, start = 0, 0
    for match in _BREAK.finditer(text, 0, offset):
        if match.end() > offset:
            break
        line, start = line + 1, match.end()
    character = len(text[start:offset].encode("utf-16-le")) // 2
    return {"line": line, "character": character}


def normalized(diagnostics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Diagnostics without what legitimately differs between two URIs and versions of one text."""
    out = []
    for diagnostic in diagnostics:
        d = dict(diagnostic)
        if isinstance(d.get("data"), dict):
            d["data"] = {k: v for k, v in d["data"].items() if k != "version"}
        if d.get("relatedInformation"):
            d["relatedInformation"] = [
                {**rel, "location": {**rel["location"], "uri": "<uri>"}} for rel in d["relatedInformation"]
            ]
        out.append(d)
    return out
