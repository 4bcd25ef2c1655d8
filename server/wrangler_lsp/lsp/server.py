"""The server's whole capability surface: every LSP method and the handler that serves it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lsprotocol import types

from wrangler_lsp.features.code_actions import FIX_ALL
from wrangler_lsp.lsp.cancellation import cancellable
from wrangler_lsp.lsp.handlers import (
    code_actions,
    commands,
    completion,
    definition,
    documents,
    hover,
    inlay_hints,
    lifecycle,
    structure,
    symbols,
    workspace,
)
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
    (
        types.TEXT_DOCUMENT_COMPLETION,
        completion.completion,
        types.CompletionOptions(trigger_characters=completion.TRIGGER_CHARACTERS),
    ),
    (types.TEXT_DOCUMENT_DOCUMENT_SYMBOL, symbols.document_symbol, None),
    (types.WORKSPACE_SYMBOL, symbols.workspace_symbol, None),
    (types.TEXT_DOCUMENT_DEFINITION, definition.definition, None),
    (types.TEXT_DOCUMENT_REFERENCES, definition.references, None),
    (types.TEXT_DOCUMENT_FOLDING_RANGE, structure.folding_range, None),
    (types.TEXT_DOCUMENT_SELECTION_RANGE, structure.selection_range, None),
    (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, workspace.did_change_watched_files, None),
)

COMMANDS: tuple[tuple[str, Callable[..., Any]], ...] = (
    (commands.EXPLAIN, commands.explain),
    (commands.DEBUG_TEXT, commands.debug_text),
)


def create_server() -> Server:
    """The server with every handler; requests (but `initialize`) run as cancellable tasks."""
    server = Server()
    for method, handler, options in HANDLERS:
        request = types.METHOD_TO_TYPES[method][1] is not None and method != types.INITIALIZE
        server.feature(method, options)(guarded(cancellable(handler) if request else handler))
    for name, handler in COMMANDS:
        server.command(name)(guarded(cancellable(handler)))
    return server


def serve() -> int:
    """Run the server over stdio until the client says `exit`: 0 after `shutdown`, else 1 (LSP's rule)."""
    server = create_server()
    server.start_io()
    return 0 if server.protocol._shutdown else 1
