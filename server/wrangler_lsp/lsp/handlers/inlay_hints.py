"""`textDocument/inlayHint` (turned off by the `wranglerLsp.inlayHints.enabled` setting)."""

from __future__ import annotations

from lsprotocol import types

from wrangler_lsp.features.inlay_hints import inlay_hints as feature
from wrangler_lsp.lsp import cancellation, convert
from wrangler_lsp.lsp.session import Server


async def inlay_hint(ls: Server, params: types.InlayHintParams) -> list[types.InlayHint] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None or not ls.settings.inlay_hints:
        return None
    await cancellation.prepared(ls, doc)
    span = convert.to_span(doc.line_index, params.range, ls.encoding)
    return [
        types.InlayHint(
            position=convert.position(doc.line_index, hint.offset, ls.encoding),
            label=hint.label,
            tooltip=hint.tooltip,
            padding_left=hint.padding_left,
            padding_right=hint.padding_right,
        )
        for hint in feature(doc.context.worker, span)
    ] or None
