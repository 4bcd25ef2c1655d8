"""Text sync and diagnostics over stdio, as VS Code and Neovim drive the server."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.e2e.helpers import change, diagnostics, encoding, open_doc, rng

URI = "file:///project/wrangler.toml"


async def test_syntax_error_is_reported_at_the_broken_line(client: LanguageClient) -> None:
    open_doc(client, URI, 'name = "w"\nmain = \n[env.staging]\nname = "s"\n')
    found = await diagnostics(client, URI, 1)
    assert [(d.code, d.source, d.range.start.line) for d in found] == [("WL001", "wrangler-lsp", 1)]


async def test_incremental_edit_fixes_the_error(client: LanguageClient) -> None:
    open_doc(client, URI, 'name = "w"\nmain = \n')
    assert await diagnostics(client, URI, 1)
    change(client, URI, 2, rng("1:7-1:7"), '"src/index.ts"')
    assert await diagnostics(client, URI, 2) == []


async def test_positions_count_in_the_negotiated_encoding(client: LanguageClient) -> None:
    # The emoji is 4 bytes, 2 UTF-16 units, 1 UTF-32 unit; the CJK character 3 bytes, 1 unit.
    text = 'name = "w"\n[vars]\nA = "😀漢" "x"\n'
    open_doc(client, URI, text)
    found = await diagnostics(client, URI, 1)
    assert found, "a second value after a pair is a syntax error"
    expected = {"utf-8": 14, "utf-16": 10, "utf-32": 9}[encoding(client)]
    assert (2, expected) in [(d.range.start.line, d.range.start.character) for d in found]


async def test_edit_after_non_ascii_text_lands_in_the_right_place(client: LanguageClient) -> None:
    text = '[vars]\nA = "😀漢"\n'
    open_doc(client, URI, text)
    await diagnostics(client, URI, 1)
    col = {"utf-8": 13, "utf-16": 9, "utf-32": 8}[encoding(client)]
    # Insert a second value on the same line, right after the closing quote: a syntax error there.
    change(client, URI, 2, rng(f"1:{col}-1:{col}"), ' "x"')
    found = await diagnostics(client, URI, 2)
    assert types.Position(line=1, character=col + 1) in [d.range.start for d in found]


async def test_change_for_an_unopened_document_is_ignored(client: LanguageClient) -> None:
    change(client, "file:///nowhere/wrangler.toml", 3, rng("0:0-0:0"), "x")
    open_doc(client, URI, 'name = "w"\n')
    assert await diagnostics(client, URI, 1) == []


async def test_jsonc_document(client: LanguageClient) -> None:
    uri = "file:///project/wrangler.jsonc"
    open_doc(client, uri, '{\n  // comment\n  "name": "w",\n  "main": \n}\n')
    found = await diagnostics(client, uri, 1)
    assert found and all(d.code == "WL004" for d in found)
