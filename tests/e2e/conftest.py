"""pytest-lsp fixtures: the real server over stdio, initialised as VS Code and as Neovim 0.11 do.

VS Code's recorded profile (1.65) has push diagnostics and UTF-16; Neovim 0.11's pulls diagnostics
(`textDocument/diagnostic`) and prefers UTF-8, so the two profiles cover both paths.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "wrangler_lsp", "serve"]
PROFILES = ["visual-studio-code", "neovim@v0.11.0"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=PROFILES)
async def client(request: pytest.FixtureRequest, lsp_client: LanguageClient) -> AsyncIterator[None]:
    _record_diagnostic_versions(lsp_client)
    _accept_registrations(lsp_client)
    lsp_client.init_result = await lsp_client.initialize_session(  # type: ignore[attr-defined]
        types.InitializeParams(capabilities=client_capabilities(request.param), root_uri=None)
    )
    yield
    await lsp_client.shutdown_session()


def _record_diagnostic_versions(lsp_client: LanguageClient) -> None:
    """Make the client remember which document version each push of diagnostics was for."""
    features = lsp_client.protocol.fm.features
    store = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]
    versions: dict[str, int | None] = {}
    lsp_client.diagnostic_versions = versions  # type: ignore[attr-defined]

    def record(params: types.PublishDiagnosticsParams) -> None:
        store(params)
        versions[params.uri] = params.version

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record


def _accept_registrations(lsp_client: LanguageClient) -> None:
    """Answer `client/registerCapability` (the server registers its file watcher) as editors do."""
    if types.CLIENT_REGISTER_CAPABILITY in lsp_client.protocol.fm.features:
        return

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        return None
