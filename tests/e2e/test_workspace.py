"""Workspace intelligence over stdio: background index of a small monorepo, definition across Workers,
references, workspace symbols, completion of Worker names and classes, outline, folding, selection."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.e2e.helpers import open_doc

SERVER = [sys.executable, "-m", "wrangler_lsp", "serve"]
ROOMS = 'name = "rooms"\nmain = "src/index.ts"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom"]\n'
SOURCE = 'import { helper } from "./util";\nexport class ChatRoom {}\n'
UTIL = "export class Lobby {}\nexport function helper() {}\n"
API = (
    'name = "api"\n\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "ChatRoom"\nscript_name = "rooms"\n\n'
    "[env.staging]\n[[env.staging.durable_objects.bindings]]\n"
    'name = "ROOMS"\nclass_name = "Chat"\nscript_name = "rooms"\n'
)


def _repo(root: Path) -> None:
    (root / "rooms" / "src").mkdir(parents=True)
    (root / "rooms" / "wrangler.toml").write_text(ROOMS)
    (root / "rooms" / "src" / "index.ts").write_text(SOURCE)
    (root / "rooms" / "src" / "util.ts").write_text(UTIL)
    (root / "api").mkdir()
    (root / "api" / "wrangler.toml").write_text(API)
    (root / "node_modules" / "x").mkdir(parents=True)
    (root / "node_modules" / "x" / "wrangler.toml").write_text('name = "ignored"\n')
    (root / ".hidden").mkdir()
    (root / ".hidden" / "wrangler.toml").write_text('name = "hidden"\n')


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=["visual-studio-code", "neovim@v0.11.0"])
async def client(
    request: pytest.FixtureRequest, lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[None]:
    root = tmp_path_factory.mktemp("monorepo")
    _repo(root)
    lsp_client.root = root  # type: ignore[attr-defined]

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations = params.registrations  # type: ignore[attr-defined]

    folder = types.WorkspaceFolder(uri=root.as_uri(), name="monorepo")
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param), root_uri=root.as_uri(), workspace_folders=[folder]
        )
    )
    yield
    await lsp_client.shutdown_session()


async def _indexed(client: LanguageClient) -> list[types.WorkspaceSymbol | types.SymbolInformation]:
    """Workspace symbols once the background index holds both Workers (it starts on the first request)."""
    for _ in range(200):
        found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=""))
        assert isinstance(found, list | type(None))
        names = {symbol.name for symbol in found or []}
        if {"rooms", "api"} <= names:
            return list(found or [])
        await asyncio.sleep(0.05)
    raise AssertionError("the workspace was not indexed")


def _uri(client: LanguageClient, *parts: str) -> str:
    root: Path = client.root  # type: ignore[attr-defined]
    return root.joinpath(*parts).as_uri()


def _pos(text: str, needle: str, delta: int = 1) -> types.Position:
    index = text.index(needle) + delta
    return types.Position(line=text.count("\n", 0, index), character=index - text.rfind("\n", 0, index) - 1)


async def test_index_skips_node_modules_and_hidden_folders(client: LanguageClient) -> None:
    symbols = await _indexed(client)
    assert sorted({(s.name, s.kind) for s in symbols}) == [
        ("ChatRoom", types.SymbolKind.Class),
        ("api", types.SymbolKind.Module),
        ("api-staging", types.SymbolKind.Module),
        ("rooms", types.SymbolKind.Module),
    ]


async def test_definition_of_script_name_and_class_name(client: LanguageClient) -> None:
    api_uri, rooms_uri = _uri(client, "api", "wrangler.toml"), _uri(client, "rooms", "wrangler.toml")
    open_doc(client, api_uri, API)
    await _indexed(client)
    doc = types.TextDocumentIdentifier(uri=api_uri)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=_pos(API, '"rooms"'))
    )
    assert found == [types.Location(uri=rooms_uri, range=_range(0, 7, 0, 14))]
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=_pos(API, '"ChatRoom"'))
    )
    assert found == [
        types.Location(uri=rooms_uri, range=_range(4, 22, 4, 32)),
        types.Location(uri=_uri(client, "rooms", "src", "index.ts"), range=_range(1, 13, 1, 21)),
    ]


async def test_references_of_a_class_across_workers(client: LanguageClient) -> None:
    api_uri = _uri(client, "api", "wrangler.toml")
    open_doc(client, api_uri, API)
    await _indexed(client)
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=api_uri),
            position=_pos(API, '"ChatRoom"'),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert found is not None
    assert [(loc.uri.rsplit("/", 2)[-2], loc.range.start.line) for loc in found] == [("api", 4), ("rooms", 4)]


async def test_completion_of_classes_from_another_workers_migrations_and_source(client: LanguageClient) -> None:
    api_uri = _uri(client, "api", "wrangler.toml")
    text = API.replace('class_name = "Chat"', 'class_name = "')
    open_doc(client, api_uri, text)
    await _indexed(client)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=api_uri), position=_pos(text, 'class_name = "\n', 14)
        )
    )
    assert isinstance(result, types.CompletionList)
    assert [item.label for item in result.items] == ["ChatRoom", "Lobby"]


async def test_outline_folding_and_selection(client: LanguageClient) -> None:
    api_uri = _uri(client, "api", "wrangler.toml")
    open_doc(client, api_uri, API)
    doc = types.TextDocumentIdentifier(uri=api_uri)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
    assert symbols is not None
    assert [(s.name, s.kind) for s in symbols if isinstance(s, types.DocumentSymbol)] == [
        ("top level", types.SymbolKind.Namespace),
        ("env.staging", types.SymbolKind.Namespace),
    ]
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc))
    assert folds is not None and [(f.start_line, f.end_line) for f in folds] == [(2, 5), (8, 11)]
    selections = await client.text_document_selection_range_async(
        types.SelectionRangeParams(text_document=doc, positions=[_pos(API, '"ROOMS"')])
    )
    assert selections is not None and selections[0].range == _range(3, 7, 3, 14)
    assert selections[0].parent is not None and selections[0].parent.range == _range(3, 0, 3, 14)


def _range(sl: int, sc: int, el: int, ec: int) -> types.Range:
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))
