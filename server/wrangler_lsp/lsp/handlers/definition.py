"""`textDocument/definition` and `textDocument/references`, across the Workers of the workspace."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types

from wrangler_lsp.features import definition as feature
from wrangler_lsp.lsp import cancellation, convert
from wrangler_lsp.lsp import workspace as ws
from wrangler_lsp.lsp.session import Server


async def definition(ls: Server, params: types.DefinitionParams) -> list[types.Location] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc)
    offset = convert.offset(doc.line_index, params.position, ls.encoding)
    found = feature.definition(doc.context.worker, doc.uri, offset, ws.index(ls), ws.source_reader(ls))
    return _locations(ls, found) or None


async def references(ls: Server, params: types.ReferenceParams) -> list[types.Location] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc)
    offset = convert.offset(doc.line_index, params.position, ls.encoding)
    return _locations(ls, feature.references(doc.context.worker, doc.uri, offset, ws.index(ls))) or None


def _locations(ls: Server, found: Iterable[feature.Location]) -> list[types.Location]:
    result: list[types.Location] = []
    for location in found:
        index = ws.line_index(ls, location.uri)
        if index is not None:
            result.append(types.Location(uri=location.uri, range=convert.to_range(index, location.span, ls.encoding)))
    return result
