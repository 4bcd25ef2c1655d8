"""The server object: open documents, negotiated encoding, settings, and the crash guard for handlers."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
import json
import sys
import traceback
from collections.abc import Callable, Generator, Mapping
from typing import Any, BinaryIO, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import JsonRPCNotification, LanguageServerProtocol, lsp_method
from pygls.protocol.json_rpc import MsgId

from wrangler_lsp import __version__
from wrangler_lsp.document import Document
from wrangler_lsp.lsp import convert
from wrangler_lsp.lsp.reports import Reports
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import PositionEncoding

F = TypeVar("F", bound=Callable[..., Any])
_WRITES: set[asyncio.Future[Any]] = set()
"""Writes in flight (asynchronous writers), kept referenced until done."""
_DISPATCHED: contextvars.ContextVar[Mapping[str, Document] | None] = contextvars.ContextVar("documents", default=None)
"""The open documents when the request being handled was read (see `Server.document`)."""


def forget_documents() -> None:
    """Drop this context's record of the open documents (at the end of a request)."""
    _DISPATCHED.set(None)


def detached() -> contextvars.Context:
    """An empty context for a timer or task that outlives the request scheduling it: asyncio keeps the
    context a callback was scheduled in, and a request's holds the documents of its time."""
    return contextvars.Context()


class Json:
    """A handler's result that is already JSON text: sent as it is (`Protocol._send_response`)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Failure:
    """A handler's result that is a JSON-RPC error (ServerCancelled, ...): sent as an error response.

    Returned rather than raised: pygls logs a raised error's traceback (`_send_handler_result`).
    """

    __slots__ = ("code", "data", "message")

    def __init__(self, code: int, message: str, data: Any = None) -> None:
        self.code, self.message, self.data = code, message, data


class Protocol(LanguageServerProtocol):
    """pygls's protocol without its own copy of each document.

    pygls keeps every open document as Python lines and applies each change to them; we keep bytes
    and a tree-sitter tree instead (`Document`), so the built-in text sync only forwards to our handlers.
    """

    def structure_message(self, data: dict[str, Any]) -> Any:
        """Answer a request whose params do not deserialise with its error, instead of dropping it.

        pygls raises while reading such a message and loses the request id, so the client would wait
        forever; here the error goes back to the client and the message becomes a no-op notification.
        """
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data:
                self._send_response(data["id"], error=error.to_response_error())
                return JsonRPCNotification(method="$/wrangler-lsp/invalidRequest", params=None, jsonrpc="2.0")
            raise

    def send_text(self, body: str) -> None:
        """Send a message already encoded as JSON text (diagnostics, the hot path): no cattrs, no dumps.

        Framed as pygls frames its own messages (`JsonRPCProtocol._send_data`).
        """
        if self.writer is None:
            return
        payload = body.encode(self.CHARSET)
        header = f"Content-Length: {len(payload)}\r\nContent-Type: {self.CONTENT_TYPE}; charset={self.CHARSET}\r\n\r\n"
        result = self.writer.write(header.encode(self.CHARSET) + payload if self._include_headers else payload)
        if inspect.isawaitable(result):
            write = asyncio.ensure_future(result)
            _WRITES.add(write)
            write.add_done_callback(_WRITES.discard)

    def _send_response(self, msg_id: Any, result: Any | None = None, error: Any | None = None) -> None:
        """Send a `Json` result as it is, a `Failure` as an error response; anything else the pygls way."""
        if isinstance(result, Json) and error is None:
            self._result_types.pop(msg_id, None)
            self.send_text(f'{{"jsonrpc": "2.0", "id": {json.dumps(msg_id)}, "result": {result.text}}}')
            return
        if isinstance(result, Failure) and error is None:
            self._result_types.pop(msg_id, None)
            error = types.ResponseError(code=result.code, message=result.message, data=result.data)
            result = None
        super()._send_response(msg_id, result, error)

    def _handle_request(self, msg_id: MsgId, method_name: str, params: Any) -> None:
        """Handle a request, remembering the open documents as they are now (its handler may run later).

        pygls runs each message in a context of its own, which the handler's task inherits.
        """
        server = self._server
        if isinstance(server, Server):
            _DISPATCHED.set(dict(server.documents))
        super()._handle_request(msg_id, method_name, params)

    def _forward(self, method: str, params: Any) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._forward(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._forward(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._forward(types.TEXT_DOCUMENT_DID_CLOSE, params)


class Server(LanguageServer):
    """The language server and its state. Handlers live in `lsp/handlers/`, wired in `lsp/server.py`."""

    def __init__(self) -> None:
        super().__init__(
            "wrangler-lsp",
            __version__,
            protocol_cls=Protocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.documents: dict[str, Document] = {}
        self.encoded: dict[str, convert.EncodedDiagnostics] = {}
        """Each open document's last diagnostics, encoded (see `convert.EncodedDiagnostics`)."""
        self.reports = Reports()
        """Each open document's last pull report (`lsp/reports.py`)."""
        self.settings = Settings()
        self.push_diagnostics = True
        self.configured: asyncio.Event | None = None
        """Set once the client's initial settings are read (or known not to come)."""
        self.sweep: asyncio.TimerHandle | None = None
        """The pending full garbage collection (`lsp/memory.py`)."""
        self.rereading: dict[str, asyncio.TimerHandle] = {}
        """Each changed document's pending re-read (`lsp/reread.py`)."""

    def document(self, uri: str) -> Document | None:
        """The open document `uri` as it was when the current request was read (now, outside requests).

        Requests run after every message read before them (`lsp/cancellation.py`), so a `didChange`
        sent after a request may already be applied when it runs: its positions are in this version.
        """
        dispatched = _DISPATCHED.get()
        return (self.documents if dispatched is None else dispatched).get(uri)

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """Serve over stdio, reading with `lsp/transport.py` (which lets cancellations be read in time)."""
        from wrangler_lsp.lsp import transport

        transport.serve(self, stdin or sys.stdin.buffer, stdout or sys.stdout.buffer)

    @property
    def encoding(self) -> PositionEncoding:
        kind = self.protocol.workspace.position_encoding if self.protocol._workspace else None
        return convert.encoding(kind) if kind is not None else PositionEncoding.UTF16

    async def until_configured(self, timeout: float = 2.0) -> None:
        """Wait (briefly) for the client's initial settings, so the first diagnostics use them."""
        if self.configured is None or self.configured.is_set():
            return
        try:
            await asyncio.wait_for(self.configured.wait(), timeout)
        except TimeoutError:
            self.log("wrangler-lsp: no workspace/configuration answer in time; using default settings")

    def send_text(self, body: str) -> None:
        """Send a message already encoded as JSON text (see `Protocol.send_text`)."""
        protocol = self.protocol
        assert isinstance(protocol, Protocol)
        protocol.send_text(body)

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


def guarded(handler: F) -> F:
    """Run `handler`; on an exception, log the traceback to the client and answer None.

    One bug in one feature must not take the server down or fail the client's request loudly.
    """
    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def async_wrapper(ls: Server, *args: Any) -> Any:
            try:
                return await handler(ls, *args)
            except Exception:
                _report(ls, handler, args)
                return None

        return async_wrapper  # type: ignore[return-value]

    @functools.wraps(handler)
    def wrapper(ls: Server, *args: Any) -> Any:
        try:
            return handler(ls, *args)
        except Exception:
            _report(ls, handler, args)
            return None

    return wrapper  # type: ignore[return-value]


def _report(ls: Server, handler: Callable[..., Any], args: tuple[Any, ...]) -> None:
    message = f"wrangler-lsp: {handler.__name__} failed for {_uri_of(args)}:\n{traceback.format_exc()}"
    ls.log(message, types.MessageType.Error)


def _uri_of(args: tuple[Any, ...]) -> str:
    for arg in args:
        document = getattr(arg, "text_document", None)
        if document is not None:
            return str(getattr(document, "uri", "?"))
    return "?"
