"""`textDocument/codeAction`: the quick fixes of the findings in the range, and fix-all.

Each diagnostic names its fixes in `data` (titles, version, env, path, and the rule's data); the edits
are built here, on demand, from the same analysis of the same version (cached per version), so a fix
always matches the diagnostic it came with. The client's own diagnostic object is attached to the
action when it sent one back, so editors group the fix with its squiggle.
"""

from __future__ import annotations

from lsprotocol import types

from wrangler_lsp.document import Document
from wrangler_lsp.features import code_actions as feature
from wrangler_lsp.lsp import cancellation, convert
from wrangler_lsp.lsp.session import Server


async def code_action(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    """Cancellable after parsing and after the rules (`lsp/cancellation.py`), and between ranges."""
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    await cancellation.prepared(ls, doc, worker=False)
    doc.findings_with_fixes(ls.settings)  # the whole run the feature reads (cached per version)
    enc = ls.encoding
    only = frozenset(str(kind) for kind in params.context.only) if params.context.only else None
    sent = {
        (str(diag.code), diag.range.start.line, diag.range.start.character): diag
        for diag in params.context.diagnostics
        if diag.source == convert.SOURCE
    }
    # The range, and each of our diagnostics the client sent back (which may lie outside the range).
    spans = [convert.to_span(doc.line_index, params.range, enc)]
    spans += [convert.to_span(doc.line_index, diag.range, enc) for diag in sent.values()]
    result = []
    seen: set[tuple[str, object]] = set()
    for span in spans:
        await cancellation.checkpoint(ls, doc)
        for action in feature.code_actions(doc, span, ls.settings, only):
            key = (action.title, action.finding.span if action.finding is not None else None)
            if key not in seen:
                seen.add(key)
                result.append(_convert(ls, doc, action, sent))
    return result or None


def _convert(
    ls: Server,
    doc: Document,
    action: feature.Action,
    sent: dict[tuple[str, int, int], types.Diagnostic],
) -> types.CodeAction:
    enc = ls.encoding
    code_action = convert.to_code_action(ls, doc, action, enc)
    if action.finding is not None:
        start = convert.position(doc.line_index, action.finding.span.start, enc)
        client_diag = sent.get((action.finding.code, start.line, start.character))
        if client_diag is not None:
            code_action.diagnostics = [client_diag]
    return code_action
