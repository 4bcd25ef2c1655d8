"""`textDocument/completion`: keys and values at the cursor (see `features/completion.py`)."""

from __future__ import annotations

from lsprotocol import types

from wrangler_lsp.features.completion import ItemKind
from wrangler_lsp.features.completion import completion as feature
from wrangler_lsp.lsp import cancellation, convert
from wrangler_lsp.lsp import workspace as ws
from wrangler_lsp.lsp.session import Server

TRIGGER_CHARACTERS = ['"', "=", ".", "[", " "]

_KIND = {
    ItemKind.KEY: types.CompletionItemKind.Property,
    ItemKind.FIELD: types.CompletionItemKind.Field,
    ItemKind.VALUE: types.CompletionItemKind.Value,
    ItemKind.CLASS: types.CompletionItemKind.Class,
    ItemKind.WORKER: types.CompletionItemKind.Module,
    ItemKind.ENV: types.CompletionItemKind.EnumMember,
}


async def completion(ls: Server, params: types.CompletionParams) -> types.CompletionList | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc)
    enc, index = ls.encoding, doc.line_index
    offset = convert.offset(index, params.position, enc)
    items = feature(
        doc.context.worker,
        doc.uri,
        doc.source,
        offset,
        ws.index(ls),
        lambda uri, main: ws.source_classes(ls, uri, main),
        min((issue.span.start for issue in doc.config.issues), default=len(doc.source)),
    )
    return types.CompletionList(
        is_incomplete=not ws.state(ls).done,
        items=[
            types.CompletionItem(
                label=item.label,
                kind=_KIND[item.kind],
                detail=item.detail or None,
                documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=item.documentation)
                if item.documentation
                else None,
                filter_text=item.filter,
                insert_text_format=types.InsertTextFormat.Snippet if item.snippet else types.InsertTextFormat.PlainText,
                text_edit=types.TextEdit(range=convert.to_range(index, item.span, enc), new_text=item.insert),
                sort_text=f"{order:04d}",
            )
            for order, item in enumerate(items)
        ],
    )
