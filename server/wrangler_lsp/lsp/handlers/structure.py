"""`textDocument/foldingRange` and `textDocument/selectionRange`."""

from __future__ import annotations

from lsprotocol import types

from wrangler_lsp.features.folding import FoldKind, folding_ranges
from wrangler_lsp.features.selection import selection_ranges
from wrangler_lsp.lsp import cancellation, convert
from wrangler_lsp.lsp.session import Server


async def folding_range(ls: Server, params: types.FoldingRangeParams) -> list[types.FoldingRange] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc, worker=False)
    result: list[types.FoldingRange] = []
    for fold in folding_ranges(doc.config.root, doc.format, doc.source):
        start, end = doc.line_index.line_of(fold.span.start), doc.line_index.line_of(fold.span.end)
        if end > start:
            kind = types.FoldingRangeKind.Comment if fold.kind is FoldKind.COMMENT else types.FoldingRangeKind.Region
            result.append(types.FoldingRange(start_line=start, end_line=end, kind=kind))
    return result


async def selection_range(ls: Server, params: types.SelectionRangeParams) -> list[types.SelectionRange] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc, worker=False)
    enc, index = ls.encoding, doc.line_index
    offsets = tuple(convert.offset(index, position, enc) for position in params.positions)
    result: list[types.SelectionRange] = []
    for chain in selection_ranges(doc.config.root, len(doc.source), offsets):
        selection: types.SelectionRange | None = None
        for span in reversed(chain):
            selection = types.SelectionRange(range=convert.to_range(index, span, enc), parent=selection)
        assert selection is not None
        result.append(selection)
    return result
