"""The server's whole capability surface: every LSP method and the handler that serves it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lsprotocol import types

from wrangler_lsp.features.code_actions import FIX_ALL
from wrangler_lsp.lsp.handlers import code_actions, commands, documents, hover, inlay_hints, lifecycle
from wrangler_lsp.lsp.session import Server, guarded

HANDLERS: tuple[tuple[str, Callable[..., Any], Any], ...] = (
    (types.INITIALIZE, lifecycle.initialize, None),
    (types.INITIALIZED, lifecycle.initialized, None),
    (types.WORKSPACE_DID_CHANGE_CONFIGURATION, lifecycle.did_change_configuration, None),
    (types.TEXT_DOCUMENT_DID_OPEN, documents.did_open, None),
    (types.TEXT_DOCUMENT_DID_CHANGE, documents.did_change, None),
    (types.TEXT_DOCUMENT_DID_CLOSE, documents.did_close, None),
    (
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        documents.diagnostic,
        types.DiagnosticOptions(inter_file_dependencies=False, workspace_diagnostics=False),
    ),
    (
        types.TEXT_DOCUMENT_CODE_ACTION,
        code_actions.code_action,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    ),
    (types.TEXT_DOCUMENT_HOVER, hover.hover, None),
    (types.TEXT_DOCUMENT_INLAY_HINT, inlay_hints.inlay_hint, None),
)

COMMANDS: tuple[tuple[str, Callable[..., Any]], ...] = ((commands.EXPLAIN, commands.explain),)


def create_server() -> Server:
    server = Server()
    for method, handler, options in HANDLERS:
        server.feature(method, options)(guarded(handler))
    for name, handler in COMMANDS:
        server.command(name)(guarded(handler))
    return server


def serve() -> None:
    """Run the server over stdio until the client says `exit`."""
    create_server().start_io()
