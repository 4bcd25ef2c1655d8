"""The workspace index: every Worker config's Worker names (one per env), classes and class mentions.

Fed with `(uri, format, bytes)` (a file read by the LSP layer) or with an already built config (an open
document), it keeps a small summary per config, not the config tree: the resolved Worker name of each
env, the classes its migrations and exports create, where `name` is written, and every place a class
name appears (Durable Object bindings, migrations). Lookups by Worker name and by class name are dict
reads, so requests answer from whatever is indexed so far while the background walk goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from wrangler_lsp import config, model, syntax
from wrangler_lsp.model.worker import Env
from wrangler_lsp.text import LineIndex, Span

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WorkerEntry:
    """One env of one config, as the Worker it deploys as.

    `name_span` is the `name` value that names it, or the env's key when the name is implied
    (`<name>-<env>`). `classes` are the Durable Object classes its migrations and exports leave live,
    with `class_spans` the string (or export key) that creates each one.
    """

    name: str
    uri: str
    env: str | None
    name_span: Span
    classes: tuple[str, ...]
    class_spans: tuple[Span, ...]
    main: str | None

    def class_span(self, class_name: str) -> Span | None:
        pairs = zip(self.classes, self.class_spans, strict=True)
        return next((span for name, span in pairs if name == class_name), None)


@dataclass(frozen=True, slots=True)
class ClassSite:
    """A place where a class name is written: a binding's `class_name`, or a migration's class list."""

    class_name: str
    uri: str
    span: Span
    kind: str
    """`binding`, `migration` or `export`."""
    env: str | None
    worker: str | None
    """The Worker the class belongs to: a binding's target Worker, or the env's own Worker."""


@dataclass(frozen=True, slots=True)
class ConfigEntry:
    """The summary of one config file."""

    uri: str
    format: syntax.Format
    workers: tuple[WorkerEntry, ...]
    sites: tuple[ClassSite, ...]
    line_index: LineIndex
    env_names: tuple[str, ...]


def summarize(uri: str, worker: model.Worker, line_index: LineIndex) -> ConfigEntry:
    """The index entry of a resolved config."""
    workers = tuple(_worker_entry(uri, worker, env) for env in worker.all_envs if env.worker_name)
    sites = class_sites_of(uri, worker)
    env_names = tuple(env.name for env in worker.envs if env.name is not None)
    return ConfigEntry(uri, worker.format, workers, sites, line_index, env_names)


def class_sites_of(uri: str, worker: model.Worker) -> tuple[ClassSite, ...]:
    """Every binding, migration and export entry of `worker` that names a class."""
    return tuple(site for env in worker.all_envs for site in _sites(uri, env))


class WorkspaceIndex:
    """Configs by URI, Worker entries by name and class sites by class name; updated one file at a time."""

    def __init__(self) -> None:
        self._configs: dict[str, ConfigEntry] = {}
        self._by_name: dict[str, list[WorkerEntry]] = {}
        self._by_class: dict[str, list[ClassSite]] = {}
        self.generation = 0
        """Bumped on every change, so callers can tell whether what they computed is stale."""
        self._changes: dict[str, int] = {}
        """How many of those changes were to each URI."""

    def __len__(self) -> int:
        return len(self._configs)

    def __contains__(self, uri: object) -> bool:
        return uri in self._configs

    def update(self, uri: str, fmt: syntax.Format, source: bytes) -> ConfigEntry:
        """Parse, resolve and index the text of a config file (replacing what was indexed for `uri`)."""
        built = config.build(syntax.parse(fmt, source))
        return self.put(summarize(uri, model.resolve(built.root, fmt), LineIndex(source)))

    def put(self, entry: ConfigEntry) -> ConfigEntry:
        """Index `entry`, replacing the previous summary of its URI."""
        self.remove(entry.uri)
        self._configs[entry.uri] = entry
        for worker in entry.workers:
            self._by_name.setdefault(worker.name, []).append(worker)
        for site in entry.sites:
            self._by_class.setdefault(site.class_name, []).append(site)
        self._changed(entry.uri)
        return entry

    def remove(self, uri: str) -> None:
        old = self._configs.pop(uri, None)
        if old is None:
            return
        _drop(self._by_name, [(worker.name, worker) for worker in old.workers])
        _drop(self._by_class, [(site.class_name, site) for site in old.sites])
        self._changed(uri)

    def generation_without(self, uri: str) -> int:
        """The changes made to other URIs than `uri`: unchanged while only `uri` is refolded."""
        return self.generation - self._changes.get(uri, 0)

    def _changed(self, uri: str) -> None:
        self.generation += 1
        self._changes[uri] = self._changes.get(uri, 0) + 1

    def get(self, uri: str) -> ConfigEntry | None:
        return self._configs.get(uri)

    def configs(self) -> Iterator[ConfigEntry]:
        return iter(tuple(self._configs.values()))

    def workers(self) -> Iterator[WorkerEntry]:
        """Every Worker entry of every config."""
        for entry in tuple(self._configs.values()):
            yield from entry.workers

    def workers_named(self, name: str) -> tuple[WorkerEntry, ...]:
        """The envs (of any config) that deploy as Worker `name`."""
        return tuple(self._by_name.get(name, ()))

    def worker_names(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_name))

    def class_sites(self, class_name: str) -> tuple[ClassSite, ...]:
        """Every binding and migration entry naming `class_name`, across the workspace."""
        return tuple(self._by_class.get(class_name, ()))

    def class_names(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_class))


def _drop(table: dict[str, list[T]], pairs: list[tuple[str, T]]) -> None:
    """Remove every (key, item) pair from `table`, filtering each key's list once (not once per item)."""
    by_key: dict[str, set[int]] = {}
    for key, item in pairs:
        by_key.setdefault(key, set()).add(id(item))
    for key, ids in by_key.items():
        items = table.get(key)
        if items is None:
            continue
        items[:] = [each for each in items if id(each) not in ids]
        if not items:
            del table[key]


def _worker_entry(uri: str, worker: model.Worker, env: Env) -> WorkerEntry:
    assert env.worker_name is not None
    name_node = env.table.get("name") if env.worker_name_explicit else None
    if name_node is None and env.is_top:
        name_node = worker.root.get("name")
    name_span = name_node.span if name_node is not None else env.key_span
    spans = tuple(_live_span(live) for live in env.live_classes)
    main = model.string_value(env.resolved("main"))
    classes = tuple(live.name for live in env.live_classes)
    return WorkerEntry(env.worker_name, uri, env.name, name_span, classes, spans, main)


def _live_span(live: model.LiveClass) -> Span:
    node = live.node
    return node.span


def _sites(uri: str, env: Env) -> Iterator[ClassSite]:
    for binding in env.do_bindings:
        node = binding.node.get("class_name")
        if binding.class_name is not None and node is not None:
            yield ClassSite(binding.class_name, uri, node.span, "binding", env.name, binding.target_worker)
    if env.migrations_inherited:
        return
    for migration in env.migrations:
        names = [*migration.new_classes, *migration.new_sqlite_classes, *migration.deleted]
        names += [each for rename in migration.renamed for each in (rename.from_, rename.to)]
        names += [transfer.to for transfer in migration.transferred]
        for name in names:
            yield ClassSite(name.name, uri, name.node.span, "migration", env.name, env.worker_name)
    if env.exports_inherited:
        return
    for export in env.exports:
        if export.is_durable_object:
            yield ClassSite(export.class_name, uri, export.key_span, "export", env.name, env.worker_name)
