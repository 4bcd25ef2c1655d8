"""Reading the client over stdio: a thread reads bytes, the event loop dispatches every message read.

pygls's own stdin reader (`pygls.io_.StdinAsyncReader`) makes one executor call per header line and per
body, so the event loop runs other work between two messages, and even between a message's header and
its body: a request's handler could start before the `$/cancelRequest` sent right after it was read.
Here a thread reads whatever bytes arrive and hands them to the loop; `readline` and `readexactly`
return at once while bytes are buffered, so pygls's message loop (`pygls.io_.run_async`, used as it is)
dispatches every message already received before any handler runs (see `lsp/cancellation.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from typing import TYPE_CHECKING, BinaryIO

from pygls.io_ import StdoutWriter, run_async

if TYPE_CHECKING:
    from wrangler_lsp.lsp.session import Server

logger = logging.getLogger(__name__)
CHUNK = 1 << 16


class StdinReader:
    """An asynchronous reader of a binary stream, fed by a daemon thread (pygls's `AsyncReader` interface)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._buffer = bytearray()
        self._scanned = 0
        """How far `_buffer` is known to hold no line break."""
        self._eof = False
        self._waiter: asyncio.Future[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        threading.Thread(target=self._run, name="wrangler-lsp-stdin", daemon=True).start()

    def _run(self) -> None:
        # The file descriptor, not the buffered stream: a daemon thread blocked inside a buffered read holds
        # its lock, and the interpreter aborts at exit when it cannot take that lock to close stdin.
        try:
            fd = self._stream.fileno()
        except (OSError, ValueError, AttributeError):
            fd = -1
        while True:
            try:
                chunk = os.read(fd, CHUNK) if fd >= 0 else self._stream.read1(CHUNK)  # type: ignore[attr-defined]
            except (OSError, ValueError):
                chunk = b""
            assert self._loop is not None
            try:
                self._loop.call_soon_threadsafe(self._feed, chunk)
            except RuntimeError:  # the loop is closed: the server has stopped
                return
            if not chunk:
                return

    def _feed(self, chunk: bytes) -> None:
        if chunk:
            self._buffer += chunk
        else:
            self._eof = True
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def _more(self) -> None:
        assert self._loop is not None
        self._waiter = self._loop.create_future()
        await self._waiter

    async def readline(self) -> bytes:
        """The next line with its `\\n`; at the end of the stream, what is left (`b""` when nothing is)."""
        while True:
            end = self._buffer.find(b"\n", self._scanned)
            if end >= 0:
                return self._take(end + 1)
            self._scanned = len(self._buffer)
            if self._eof:
                return self._take(len(self._buffer))
            await self._more()

    async def readexactly(self, n: int) -> bytes:
        """The next `n` bytes; at the end of the stream, fewer (as `BinaryIO.read` would)."""
        while len(self._buffer) < n and not self._eof:
            await self._more()
        return self._take(min(n, len(self._buffer)))

    def _take(self, n: int) -> bytes:
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._scanned = max(0, self._scanned - n)
        return data


def serve(server: Server, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Serve over `stdin`/`stdout` until `exit` or the end of input (pygls's `start_io`, another reader)."""
    server._stop_event = stop = threading.Event()
    server.protocol.set_writer(StdoutWriter(stdout))

    async def main() -> None:
        reader = StdinReader(stdin)
        reader.start(asyncio.get_running_loop())
        await run_async(
            stop_event=stop,
            reader=reader,
            protocol=server.protocol,
            logger=logger,
            error_handler=server.report_server_error,
        )

    try:
        asyncio.run(main())
    except BrokenPipeError:
        logger.error("Connection to the client is lost! Shutting down the server.")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        with contextlib.suppress(Exception):
            server.shutdown()  # type: ignore[no-untyped-call]
