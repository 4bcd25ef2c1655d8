"""Text synchronisation (open, change, close) and diagnostics, pushed or pulled.

Diagnostics are pushed after each change unless the client pulls them (`textDocument/diagnostic`,
LSP 3.17). A push is scheduled, not sent at once: when it runs, a document that has moved on to a newer
version is skipped, so a burst of edits is analysed once, for its last version.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import PurePosixPath

from lsprotocol import types

from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.lsp import cancellation, convert, memory, reread, workspace
from wrangler_lsp.lsp.session import Json, Server
from wrangler_lsp.uris import to_path

CONFIG_NAME = re.compile(r"wrangler(\.[^/]+)?\.(toml|json|jsonc)", re.IGNORECASE)


def did_open(ls: Server, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    path = to_path(item.uri)
    fmt = syntax.format_for_path(path) or _format_of_language(item.language_id)
    if fmt is None or not CONFIG_NAME.fullmatch(PurePosixPath(path).name):
        # Editors that pick servers by language send every TOML/JSON file: only wrangler configs are ours.
        ls.log(f"wrangler-lsp: ignoring {item.uri}: not a wrangler.toml, wrangler.json or wrangler.jsonc file")
        return
    ls.documents[item.uri] = Document.from_text(item.uri, fmt, item.text, item.version)
    schedule_diagnostics(ls, item.uri)


def did_change(ls: Server, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    doc = ls.documents.get(uri)
    if doc is None:
        ls.log(f"wrangler-lsp: didChange for {uri}, which is not open; ignored")
        return
    ls.documents[uri] = convert.apply_changes(doc, params.text_document.version, params.content_changes, ls.encoding)
    schedule_diagnostics(ls, uri)
    reread.schedule(ls, uri, publish_all)


def did_close(ls: Server, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.encoded.pop(uri, None)
    ls.reports.forget(uri)
    reread.cancel(ls, uri)
    if ls.documents.pop(uri, None) is not None and ls.push_diagnostics:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


async def diagnostic(ls: Server, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport | Json:
    """Pull diagnostics: the full report, or `unchanged` when the client's report has the same items
    (`lsp/reports.py`): after an edit that changes no diagnostic, only the ids cross the wire.

    The first pull waits (briefly) for the client's initial settings, so it reports with them. A pull
    whose document changed before it was answered is answered ServerCancelled, to be pulled again; a
    cancel is honoured between parsing, the rules and encoding (`lsp/cancellation.py`).
    """
    await ls.until_configured()
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    known = ls.reports.current(doc.uri, doc.version, ls.settings)
    if known is not None and params.previous_result_id == known.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=known.result_id)
    cancellation.current(ls, doc)
    await cancellation.prepared(ls, doc, worker=False)
    cancellation.current(ls, doc)
    doc.findings(ls.settings, workspace.index(ls, defer=True))  # the rules; cached for `_encoded`
    await cancellation.checkpoint(ls, doc)
    cancellation.current(ls, doc)
    report = ls.reports.record(doc.uri, doc.version, ls.settings, _encoded(ls, doc))
    if params.previous_result_id == report.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=report.result_id)
    return Json(f'{{"kind": "full", "resultId": {json.dumps(report.result_id)}, "items": {report.items}}}')


def schedule_diagnostics(ls: Server, uri: str) -> None:
    if not ls.push_diagnostics:
        return
    doc = ls.documents[uri]
    asyncio.get_event_loop().call_soon(publish_diagnostics, ls, uri, doc.version)


def publish_diagnostics(ls: Server, uri: str, version: int | None) -> None:
    doc = ls.documents.get(uri)
    if doc is None or doc.version != version:
        return
    if ls.configured is not None and not ls.configured.is_set():
        return  # `initialized` publishes every open document once the client's settings are read.
    head = {"uri": uri} if version is None else {"uri": uri, "version": version}
    params = json.dumps(head)[:-1] + f', "diagnostics": {_encoded(ls, doc)}}}'
    ls.send_text(f'{{"jsonrpc": "2.0", "method": "{types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}", "params": {params}}}')


def _encoded(ls: Server, doc: Document) -> str:
    """The document's diagnostics as a JSON array, re-encoding only those that changed."""
    encoded = ls.encoded.setdefault(doc.uri, convert.EncodedDiagnostics())
    text = encoded.array(doc, doc.findings(ls.settings, workspace.index(ls, defer=True)), ls.encoding)
    memory.settle(ls)
    return text


def publish_all(ls: Server, uris: list[str] | None = None) -> None:
    """Re-send the open documents' diagnostics (all, or `uris`), or ask the client to re-pull (all: a pull
    whose items did not change is answered `unchanged`)."""
    if ls.push_diagnostics:
        for uri, doc in list(ls.documents.items()):
            if uris is None or uri in uris:
                publish_diagnostics(ls, uri, doc.version)
    elif _refresh_supported(ls):
        ls.workspace_diagnostic_refresh(None)


def _refresh_supported(ls: Server) -> bool:
    workspace = ls.client_capabilities.workspace
    diagnostics = workspace.diagnostics if workspace is not None else None
    return bool(diagnostics is not None and diagnostics.refresh_support)


def _format_of_language(language_id: str) -> syntax.Format | None:
    if language_id == "toml":
        return syntax.Format.TOML
    if language_id in ("json", "jsonc"):
        return syntax.Format.JSON
    return None
