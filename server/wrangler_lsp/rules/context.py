"""What rules read: the document's format, text, config tree, the Worker model, and the workspace's Workers.

Rules cannot import the workspace layer (it sits above them), so the workspace index is seen here through
two small protocols, `KnownWorker` and `WorkerDirectory`, which `workspace.WorkspaceIndex` satisfies.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Protocol

from wrangler_lsp import model
from wrangler_lsp.config import Config
from wrangler_lsp.syntax import Format


class KnownWorker(Protocol):
    """One env of one config of the workspace, as the Worker it deploys as."""

    @property
    def name(self) -> str: ...
    @property
    def uri(self) -> str: ...
    @property
    def env(self) -> str | None: ...
    @property
    def classes(self) -> tuple[str, ...]: ...


class WorkerDirectory(Protocol):
    """The Workers of the workspace by name (the workspace index)."""

    def workers_named(self, name: str) -> Sequence[KnownWorker]: ...


class OtherFiles:
    """The Workers of `directory` declared in files other than `uri`.

    A document's own Workers come from its model, current with every keystroke; the index may hold an
    older version of the same file (it is refolded when edits pause), which must not answer for it.
    """

    def __init__(self, directory: WorkerDirectory, uri: str) -> None:
        self.directory = directory
        self.uri = uri

    def workers_named(self, name: str) -> Sequence[KnownWorker]:
        return tuple(worker for worker in self.directory.workers_named(name) if worker.uri != self.uri)


class Context:
    """The analysed document a rule checks. The Worker model is resolved once, on first use.

    `workspace` is the index of the workspace's Workers when the document is analysed inside one (the
    language server); cross-Worker rules report nothing without it.
    """

    def __init__(
        self,
        fmt: Format,
        source: bytes,
        config: Config,
        *,
        workspace: WorkerDirectory | None = None,
        file_name: str | None = None,
    ) -> None:
        self.format = fmt
        self.source = source
        self.config = config
        self.workspace = workspace
        self.file_name = file_name or ("wrangler.toml" if fmt is Format.TOML else "wrangler.jsonc")
        """The file's name as wrangler's messages spell it (`wrangler.json`, `wrangler.jsonc`, ...)."""

    @cached_property
    def worker(self) -> model.Worker:
        return model.resolve(self.config.root, self.format)
