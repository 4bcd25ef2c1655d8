"""`textDocument/hover`."""

from __future__ import annotations

from lsprotocol import types

from wrangler_lsp.features.hover import hover as feature
from wrangler_lsp.lsp import cancellation, convert, workspace
from wrangler_lsp.lsp.session import Server


async def hover(ls: Server, params: types.HoverParams) -> types.Hover | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc)
    offset = convert.offset(doc.line_index, params.position, ls.encoding)
    result = feature(doc.context.worker, offset, workspace.index(ls))
    if result is None:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=result.markdown),
        range=convert.to_range(doc.line_index, result.span, ls.encoding),
    )
