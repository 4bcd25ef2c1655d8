"""`textDocument/documentSymbol` (the outline) and `workspace/symbol` (Workers and classes by name)."""

from __future__ import annotations

from lsprotocol import types

from wrangler_lsp.features.symbols import Symbol, SymbolKind, document_symbols, workspace_symbols
from wrangler_lsp.lsp import cancellation, convert
from wrangler_lsp.lsp import workspace as ws
from wrangler_lsp.lsp.session import Server
from wrangler_lsp.text import LineIndex, PositionEncoding

_KIND = {
    SymbolKind.NAMESPACE: types.SymbolKind.Namespace,
    SymbolKind.GROUP: types.SymbolKind.Array,
    SymbolKind.BINDING: types.SymbolKind.Variable,
    SymbolKind.MIGRATION: types.SymbolKind.Event,
    SymbolKind.PROPERTY: types.SymbolKind.Property,
    SymbolKind.WORKER: types.SymbolKind.Module,
    SymbolKind.CLASS: types.SymbolKind.Class,
}


async def document_symbol(ls: Server, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc)
    return [_symbol(doc.line_index, symbol, ls.encoding) for symbol in document_symbols(doc.context.worker)]


def workspace_symbol(ls: Server, params: types.WorkspaceSymbolParams) -> list[types.WorkspaceSymbol] | None:
    result: list[types.WorkspaceSymbol] = []
    for symbol in workspace_symbols(ws.index(ls), params.query):
        index = ws.line_index(ls, symbol.uri)
        if index is None:
            continue
        location = types.Location(uri=symbol.uri, range=convert.to_range(index, symbol.span, ls.encoding))
        result.append(
            types.WorkspaceSymbol(
                name=symbol.name, kind=_KIND[symbol.kind], location=location, container_name=symbol.container
            )
        )
    return result


def _symbol(index: LineIndex, symbol: Symbol, enc: PositionEncoding) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=symbol.name,
        detail=symbol.detail or None,
        kind=_KIND[symbol.kind],
        range=convert.to_range(index, symbol.span, enc),
        selection_range=convert.to_range(index, symbol.selection, enc),
        children=[_symbol(index, child, enc) for child in symbol.children] or None,
    )
