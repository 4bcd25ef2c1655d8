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

    @property
    def key(self) -> object:
        """Equal for two `OtherFiles` while they answer the same: the directory, and its changes to files
        other than `uri` (refolding `uri` itself changes nothing here). A fresh object (equal to nothing)
        when the directory does not count its changes."""
        changes = getattr(self.directory, "generation_without", None)
        return (id(self.directory), self.uri, changes(self.uri)) if changes is not None else object()


class Context:
    """The analysed document a rule checks. The Worker model is resolved once, on first use.

    `workspace` is the index of the workspace's Workers when the document is analysed inside one (the
    language server); cross-Worker rules report nothing without it. `shared`, a context of the same config
    whose model to use (resolved there when first needed); `own_worker_names`, the names of the Workers
    the whole file deploys (given to a context that sees only part of the config, see `rules/by_env.py`).
    """

    def __init__(
        self,
        fmt: Format,
        source: bytes,
        config: Config,
        *,
        workspace: WorkerDirectory | None = None,
        file_name: str | None = None,
        shared: Context | None = None,
        own_worker_names: frozenset[str] | None = None,
    ) -> None:
        self.format = fmt
        self.source = source
        self.config = config
        self.workspace = workspace
        self.file_name = file_name or ("wrangler.toml" if fmt is Format.TOML else "wrangler.jsonc")
        """The file's name as wrangler's messages spell it (`wrangler.json`, `wrangler.jsonc`, ...)."""
        self._shared = shared
        if own_worker_names is not None:
            self.__dict__["own_worker_names"] = own_worker_names

    @cached_property
    def worker(self) -> model.Worker:
        if self._shared is not None:
            return self._shared.worker
        return model.resolve(self.config.root, self.format)

    @cached_property
    def own_worker_names(self) -> frozenset[str]:
        """The names of the Workers this config deploys (every env's), read without resolving the model."""
        return model.worker_names(self.config.root)
