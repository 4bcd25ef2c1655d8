"""The workspace index on a hostile tree: a symlink out of the folder, invalid UTF-8, binary and huge files.

Nothing outside the workspace folder is indexed, unreadable bytes do not stop indexing, files over 5 MB
are skipped, and the server keeps answering.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "wrangler_lsp", "serve"]


def _tree(base: Path) -> Path:
    outside = base / "outside"
    (outside / "secret").mkdir(parents=True)
    (outside / "secret" / "wrangler.toml").write_text('name = "outside-worker"\n')
    root = base / "repo"
    for folder in ("good", "bad-utf8", "binary", "huge"):
        (root / folder).mkdir(parents=True)
    (root / "good" / "wrangler.toml").write_text('name = "good"\n[env.staging]\n')
    (root / "bad-utf8" / "wrangler.toml").write_bytes(b'name = "latin\xe9"\n[env.x]\nname = "utf8-env"\n')
    (root / "binary" / "wrangler.json").write_bytes(bytes(range(256)) * 64)
    (root / "huge" / "wrangler.toml").write_bytes(b'name = "huge"\n' + b"# padding\n" * 600_000)
    (root / "escape").symlink_to(outside / "secret", target_is_directory=True)
    (root / "linked.toml").symlink_to(outside / "secret" / "wrangler.toml")
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=["visual-studio-code"])
async def client(
    request: pytest.FixtureRequest, lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[None]:
    root = _tree(tmp_path_factory.mktemp("hostile"))

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        return None

    folder = types.WorkspaceFolder(uri=root.as_uri(), name="repo")
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param), root_uri=root.as_uri(), workspace_folders=[folder]
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_index_stays_inside_and_survives_bad_files(client: LanguageClient) -> None:
    names: set[str] = set()
    for _ in range(200):
        found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=""))
        names = {symbol.name for symbol in found or []}
        if {"good", "good-staging", "utf8-env"} <= names:
            break
        await asyncio.sleep(0.05)
    assert {"good", "good-staging", "utf8-env"} <= names
    assert "outside-worker" not in names  # behind a symlink that leaves the folder
    assert "huge" not in names  # over 5 MB: skipped
