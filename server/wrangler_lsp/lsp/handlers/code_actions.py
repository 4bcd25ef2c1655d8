"""`textDocument/codeAction`: quick fixes replayed from `Diagnostic.data`, fixes at the cursor, fix-all.

A diagnostic the client sends back carries its fixes (in LSP terms) in `data`, stamped with the document
version: when that version is current, the fix is replayed as is (ruff-lsp's way). Findings in the range
that the client did not send (a filtered severity, a hint the editor hides) are offered from the analysis.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from wrangler_lsp.features import code_actions as feature
from wrangler_lsp.lsp import convert
from wrangler_lsp.lsp.session import Server


def code_action(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    doc = ls.documents.get(params.text_document.uri)
    if doc is None:
        return None
    enc = ls.encoding
    only = frozenset(str(kind) for kind in params.context.only) if params.context.only else None
    result: list[types.CodeAction] = []
    replayed: set[tuple[str, int, int]] = set()
    for diag in params.context.diagnostics:
        data = diag.data if isinstance(diag.data, dict) else None
        if diag.source != convert.SOURCE or data is None or data.get("version") != doc.version:
            continue
        if only is not None and not any(feature.QUICKFIX.startswith(kind) for kind in only):
            continue
        for fix in data.get("fixes", []):
            result.append(_replay(ls, doc.uri, doc.version, diag, fix))
        replayed.add((str(diag.code), diag.range.start.line, diag.range.start.character))
    span = convert.to_span(doc.line_index, params.range, enc)
    for action in feature.code_actions(doc, span, ls.settings, only):
        if action.finding is not None:
            start = convert.position(doc.line_index, action.finding.span.start, enc)
            if (action.finding.code, start.line, start.character) in replayed:
                continue
        result.append(convert.to_code_action(ls, doc, action, enc))
    return result or None


def _replay(
    ls: Server, uri: str, version: int | None, diag: types.Diagnostic, fix: dict[str, Any]
) -> types.CodeAction:
    edits = [
        types.TextEdit(range=convert.range_from_json(edit["range"]), new_text=edit["newText"])
        for edit in fix["edits"]
    ]
    return types.CodeAction(
        title=fix["title"],
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=bool(fix.get("preferred")) or None,
        edit=convert.workspace_edit(ls, uri, version, edits),
    )
