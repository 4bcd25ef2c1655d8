"""A minimal asyncio JSON-RPC client for language servers over stdio, for benchmarks and hostile tests.

It speaks the LSP base protocol (Content-Length framing) to a subprocess, answers the server's own
requests (`workspace/configuration`, `client/registerCapability`, ...) with empty results, records every
`publishDiagnostics` with its arrival time, and reads the process's peak RSS from /proc.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class RpcError(Exception):
    """The server answered a request with a JSON-RPC error."""

    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(f"{error.get('code')}: {error.get('message')}")
        self.error = error


@dataclass
class Publish:
    """One `textDocument/publishDiagnostics` notification and when it arrived."""

    uri: str
    version: int | None
    diagnostics: list[dict[str, Any]]
    at: float
    size: int = 0
    """The message's length on the wire (bytes of its JSON body)."""
    decode_ms: float = 0.0
    """How long this client took to parse its JSON (part of `at`, as in an editor)."""


@dataclass
class Client:
    """A language server process and the client end of its stdio connection."""

    proc: asyncio.subprocess.Process
    started: float
    publishes: list[Publish] = field(default_factory=list)
    logs: list[dict[str, Any]] = field(default_factory=list)
    _next_id: int = 0
    _pending: dict[int, asyncio.Future[Any]] = field(default_factory=dict)
    _published: asyncio.Event = field(default_factory=asyncio.Event)
    _reader: asyncio.Task[None] | None = None
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    last_size: int = 0
    """The length of the last response's JSON body, in bytes."""
    last_decode_ms: float = 0.0
    """How long this client took to parse the last response's JSON."""

    @classmethod
    async def spawn(cls, command: list[str], cwd: str | None = None, env: dict[str, str] | None = None) -> Client:
        started = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            limit=1 << 30,
        )
        client = cls(proc, started)
        client._reader = asyncio.create_task(client._read_loop())
        return client

    # -- sending ---------------------------------------------------------------------------------
    def send_raw(self, payload: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(payload)

    def send(self, message: dict[str, Any]) -> None:
        self.send_raw(frame(message))

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_future(self, method: str, params: Any = None) -> tuple[int, asyncio.Future[Any]]:
        self._next_id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = future
        self.send({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        return self._next_id, future

    async def request(self, method: str, params: Any = None, timeout: float = 60.0) -> Any:
        _, future = self.request_future(method, params)
        return await asyncio.wait_for(future, timeout)

    async def timed(self, method: str, params: Any = None, timeout: float = 60.0) -> tuple[float, Any]:
        """The request's round trip in milliseconds, and its result."""
        start = time.perf_counter()
        result = await self.request(method, params, timeout)
        return (time.perf_counter() - start) * 1000, result

    # -- diagnostics -----------------------------------------------------------------------------
    async def wait_publish(self, uri: str, after: int, version: int | None = None, timeout: float = 30.0) -> Publish:
        """The first publish for `uri` among those after index `after` (for `version` if the server sends one)."""
        deadline = time.perf_counter() + timeout
        seen = after
        while True:
            for publish in self.publishes[seen:]:
                if publish.uri == uri and (publish.version is None or version is None or publish.version == version):
                    return publish
            seen = len(self.publishes)
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or self.closed.is_set():
                raise TimeoutError(f"no diagnostics for {uri} version {version}")
            self._published.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._published.wait(), remaining)

    async def quiet(self, uri: str, seconds: float) -> None:
        """Wait until no publish for `uri` has arrived for `seconds`."""
        while True:
            mark = len(self.publishes)
            await asyncio.sleep(seconds)
            if not any(publish.uri == uri for publish in self.publishes[mark:]):
                return

    # -- lifecycle -------------------------------------------------------------------------------
    def peak_rss_mb(self) -> float | None:
        """Peak resident set size (VmHWM) of the server process and its children, in MB."""
        total = 0
        for pid in _tree(self.proc.pid):
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1])
        return total / 1024 if total else None

    async def stop(self, timeout: float = 5.0) -> int | None:
        """`shutdown` then `exit`; kill the process if it does not end in time. Its exit code."""
        if self.proc.returncode is None:
            with contextlib.suppress(Exception):
                await self.request("shutdown", None, timeout)
                self.notify("exit")
        return await self.wait_exit(timeout)

    async def wait_exit(self, timeout: float = 5.0) -> int | None:
        try:
            await asyncio.wait_for(self.proc.wait(), timeout)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
        return self.proc.returncode

    async def _read_loop(self) -> None:
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            while True:
                length = None
                while True:
                    line = await stdout.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    continue
                body = await stdout.readexactly(length)
                start = time.perf_counter()
                message = json.loads(body)
                self._dispatch(message, len(body), (time.perf_counter() - start) * 1000)
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        finally:
            self.closed.set()
            self._published.set()
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(ConnectionError("server closed the connection"))

    def _dispatch(self, message: dict[str, Any], size: int, decode_ms: float) -> None:
        method = message.get("method")
        if method is None:
            self.last_size, self.last_decode_ms = size, decode_ms
            future = self._pending.pop(message.get("id"), None)  # type: ignore[arg-type]
            if future is not None and not future.done():
                if "error" in message:
                    future.set_exception(RpcError(message["error"]))
                else:
                    future.set_result(message.get("result"))
        elif "id" in message:
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": _answer(method, message.get("params"))})
        elif method == "textDocument/publishDiagnostics":
            params = message["params"]
            at = time.perf_counter()
            publish = Publish(params["uri"], params.get("version"), params["diagnostics"], at, size, decode_ms)
            self.publishes.append(publish)
            self._published.set()
        elif method in ("window/logMessage", "window/showMessage"):
            self.logs.append(message["params"])


def _answer(method: str, params: Any) -> Any:
    if method == "workspace/configuration":
        return [None for _ in (params or {}).get("items", [])]
    return None


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def frame(message: dict[str, Any]) -> bytes:
    """A message as sent on the wire (Content-Length header and JSON body): built before a timed send."""
    body = json.dumps(message, separators=(",", ":")).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def full_sync(capabilities: dict[str, Any]) -> bool:
    """Whether the server asked for the whole text on every change (`textDocumentSync` kind 1)."""
    sync = capabilities.get("textDocumentSync")
    kind = sync.get("change") if isinstance(sync, dict) else sync
    return kind == 1


@dataclass
class Edited:
    """The client's copy of an open document, and the `didChange` each edit sends, as an editor does:
    the edited range when the server syncs incrementally, the whole new text when it asked for full sync.

    Positions are counted in characters: the generated configs are ASCII, so UTF-16 units are the same.
    """

    uri: str
    text: str
    full: bool
    version: int = 1
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    def change(self, line: int, start: int, end: int, new: str) -> bytes:
        """Replace characters `start`..`end` of `line` by `new` (no line breaks): the framed `didChange`."""
        assert "\n" not in new
        at = self._starts[line]
        self.text = self.text[: at + start] + new + self.text[at + end :]
        delta = len(new) - (end - start)
        for idx in range(line + 1, len(self._starts)):
            self._starts[idx] += delta
        self.version += 1
        span = {"start": {"line": line, "character": start}, "end": {"line": line, "character": end}}
        change = {"text": self.text} if self.full else {"range": span, "text": new}
        identifier = {"uri": self.uri, "version": self.version}
        params = {"textDocument": identifier, "contentChanges": [change]}
        return frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params})


def capabilities(pull: bool) -> dict[str, Any]:
    """A plain editor's capabilities; `pull` declares `textDocument/diagnostic` support (LSP 3.17)."""
    text: dict[str, Any] = {
        "synchronization": {"dynamicRegistration": False, "didSave": False},
        "publishDiagnostics": {"versionSupport": True, "relatedInformation": True},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "completion": {"completionItem": {"snippetSupport": False}},
        "codeAction": {
            "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "refactor", "source"]}}
        },
    }
    if pull:
        text["diagnostic"] = {"dynamicRegistration": False, "relatedDocumentSupport": False}
    return {"textDocument": text, "general": {"positionEncodings": ["utf-16"]}, "workspace": {}}
