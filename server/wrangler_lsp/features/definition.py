"""Feature: go to definition and find references, across the Workers of the workspace.

Definition: a `script_name` (or `from_script`, a service's `service`) goes to the config of the Worker
it names, on its `name` (or the env's key when the name is implied); a `class_name` goes to the
migration (or export) that creates the class in the Worker it belongs to, and to `export class X` in
that Worker's source (read through a callback: the IO is the LSP layer's). References of a class name:
every binding, migration and export naming it, in this file and across the workspace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from wrangler_lsp import config, model
from wrangler_lsp.features import query
from wrangler_lsp.text import Span
from wrangler_lsp.workspace import SourceClass, WorkspaceIndex, class_sites_of

SourceClasses = Callable[[str, str], Sequence[SourceClass]]

_WORKER_KEYS = ("script_name", "from_script", "service")
_CLASS_LIST_KEYS = ("new_classes", "new_sqlite_classes", "deleted_classes", "from", "to")


@dataclass(frozen=True, slots=True)
class Location:
    uri: str
    span: Span


def definition(
    worker: model.Worker,
    uri: str,
    offset: int,
    index: WorkspaceIndex | None = None,
    source_classes: SourceClasses | None = None,
) -> tuple[Location, ...]:
    """Where the Worker or class named at byte `offset` is defined (config first, then source)."""
    found = query.at(worker, offset)
    if found is None or found.on_key or not isinstance(found.node, config.Scalar):
        return ()
    value = model.string_value(found.node)
    keys_ = [key for key in found.path if isinstance(key, str)]
    if value is None or not keys_:
        return ()
    if keys_[-1] in _WORKER_KEYS:
        return tuple(_worker_sites(worker, uri, value, index))
    owner: str | None = None
    if found.binding is not None and keys_[-1] == "class_name":
        owner = found.binding.target_worker
    elif "migrations" in keys_ and keys_[-1] in _CLASS_LIST_KEYS:
        owner = found.env.worker_name
    else:
        return ()
    return _dedupe(_class_sites(worker, uri, found.env, owner, value, index, source_classes))


def references(
    worker: model.Worker, uri: str, offset: int, index: WorkspaceIndex | None = None
) -> tuple[Location, ...]:
    """Every binding, migration and export naming the class at byte `offset`, across the workspace."""
    found = query.at(worker, offset)
    if found is None:
        return ()
    name = _class_at(found)
    if name is None:
        return ()
    own = [Location(site.uri, site.span) for site in class_sites_of(uri, worker) if site.class_name == name]
    others = [] if index is None else index.class_sites(name)
    return _dedupe([*own, *(Location(site.uri, site.span) for site in others if site.uri != uri)])


def _class_at(found: query.Query) -> str | None:
    keys_ = [key for key in found.path if isinstance(key, str)]
    if not keys_:
        return None
    if found.on_key and len(keys_) >= 2 and keys_[-2] == "exports":
        return keys_[-1]
    value = model.string_value(found.node) if isinstance(found.node, config.Scalar) else None
    if found.binding is not None and keys_[-1] == "class_name":
        return value
    if "migrations" in keys_ and keys_[-1] in _CLASS_LIST_KEYS:
        return value
    return None


def _worker_sites(worker: model.Worker, uri: str, name: str, index: WorkspaceIndex | None) -> Iterator[Location]:
    own = [env for env in worker.all_envs if env.worker_name == name]
    for env in own:
        yield Location(uri, _name_span(worker, env))
    if index is None:
        return
    for entry in index.workers_named(name):
        if entry.uri != uri:
            yield Location(entry.uri, entry.name_span)


def _name_span(worker: model.Worker, env: model.Env) -> Span:
    node = env.table.get("name") if env.worker_name_explicit else None
    if node is None and env.is_top:
        node = worker.root.get("name")
    return node.span if node is not None else env.key_span


def _class_sites(
    worker: model.Worker,
    uri: str,
    env: model.Env,
    owner: str | None,
    class_name: str,
    index: WorkspaceIndex | None,
    source_classes: SourceClasses | None,
) -> Iterator[Location]:
    homes: list[tuple[str, str | None]] = []
    own = [each for each in worker.all_envs if owner is not None and each.worker_name == owner] or [env]
    if owner is None or any(each.worker_name == owner for each in worker.all_envs):
        for each in own:
            live = each.live_class(class_name)
            if live is not None:
                yield Location(uri, live.node.span)
            homes.append((uri, model.string_value(each.resolved("main"))))
    elif index is not None:
        for entry in index.workers_named(owner):
            span = entry.class_span(class_name)
            if span is not None:
                yield Location(entry.uri, span)
            homes.append((entry.uri, entry.main))
    if source_classes is None:
        return
    for home_uri, main in dict.fromkeys(homes):
        if main is None:
            continue
        for cls in source_classes(home_uri, main):
            if cls.name == class_name:
                yield Location(cls.uri, cls.span)


def _dedupe(locations: Iterator[Location] | list[Location]) -> tuple[Location, ...]:
    return tuple(dict.fromkeys(locations))
