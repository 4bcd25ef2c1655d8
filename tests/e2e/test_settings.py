"""Settings from the client (`wranglerLsp` section): severity overrides per rule and the inlay-hint switch."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.e2e.helpers import diagnostics, open_doc

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "chat-toml" / "wrangler.toml"
URI = "file:///project/wrangler.toml"
SETTINGS = {"severity": {"WL101": "error", "WL220": "off"}, "inlayHints": {"enabled": False}}


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "wrangler_lsp", "serve"]),
    params=["visual-studio-code", "neovim@v0.11.0"],
)
async def client(request: pytest.FixtureRequest, lsp_client: LanguageClient) -> AsyncIterator[None]:
    from tests.e2e.conftest import _accept_registrations, _record_diagnostic_versions

    _record_diagnostic_versions(lsp_client)
    _accept_registrations(lsp_client)
    lsp_client.set_configuration({"wranglerLsp": SETTINGS})
    capabilities = client_capabilities(request.param)
    if capabilities.workspace is not None:
        capabilities.workspace.configuration = True
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def test_severity_overrides_and_inlay_switch(client: LanguageClient) -> None:
    open_doc(client, URI, EXAMPLE.read_text())
    found = []
    for _attempt in range(3):  # the configuration arrives right after initialization
        found = await diagnostics(client, URI, 1)
        if all(d.code != "WL220" for d in found):
            break
    codes = {(d.code, d.severity) for d in found}
    assert ("WL101", types.DiagnosticSeverity.Error) in codes
    assert all(code != "WL220" for code, _ in codes)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=99, character=0)),
        )
    )
    assert hints is None


async def test_initialization_options_are_read(client: LanguageClient) -> None:
    # Same settings through workspace/configuration; a second document sees them at once.
    open_doc(client, "file:///project/b/wrangler.toml", EXAMPLE.read_text())
    found = await diagnostics(client, "file:///project/b/wrangler.toml", 1)
    assert any(d.code == "WL101" and d.severity == types.DiagnosticSeverity.Error for d in found)
