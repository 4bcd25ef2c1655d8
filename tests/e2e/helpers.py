"""Driving a pytest-lsp client: open, edit and read diagnostics whichever way the server sends them."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient


def pulls(client: LanguageClient) -> bool:
    caps = client.capabilities
    return caps is not None and caps.text_document is not None and caps.text_document.diagnostic is not None


def encoding(client: LanguageClient) -> str:
    result: types.InitializeResult = client.init_result  # type: ignore[attr-defined]
    return str(result.capabilities.position_encoding or "utf-16")


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    language = "toml" if uri.endswith(".toml") else "jsonc"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )


def change(client: LanguageClient, uri: str, version: int, rng: types.Range | None, text: str) -> None:
    event: types.TextDocumentContentChangeEvent
    if rng is None:
        event = types.TextDocumentContentChangeWholeDocument(text=text)
    else:
        event = types.TextDocumentContentChangePartial(range=rng, text=text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[event],
        )
    )


async def diagnostics(client: LanguageClient, uri: str, version: int, timeout: float = 10.0) -> list[types.Diagnostic]:
    """The diagnostics of `uri` at `version`: pulled, or waited for until a push for that version arrives."""
    if pulls(client):
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        return list(report.items)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        pushed = client.diagnostics.get(uri)
        versions = client.diagnostic_versions  # type: ignore[attr-defined]
        if pushed is not None and versions.get(uri) == version:
            return list(pushed)
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout}s")


def rng(text: str) -> types.Range:
    """A range from `"1:0-1:6"` (0-based line:character), as esbonio's tests write them."""
    start, end = text.split("-")
    sl, sc = (int(x) for x in start.split(":"))
    el, ec = (int(x) for x in end.split(":"))
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))
