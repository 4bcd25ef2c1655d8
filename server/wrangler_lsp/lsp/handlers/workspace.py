"""`workspace/didChangeWatchedFiles`: keep the workspace index current when configs change on disk."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from wrangler_lsp.lsp import workspace as ws
from wrangler_lsp.lsp.session import Server
from wrangler_lsp.uris import to_path


def did_change_watched_files(ls: Server, params: types.DidChangeWatchedFilesParams) -> None:
    state = ws.state(ls)
    for change in params.changes:
        path = Path(to_path(change.uri))
        if path.name not in ws.CONFIG_NAMES:
            continue
        if change.type == types.FileChangeType.Deleted:
            state.index.remove(change.uri)
        else:
            ws.index_file(ls, path)
    ws.refresh_diagnostics(ls)
