"""Feature: document and workspace symbols — the outline of a config, and Workers and classes by name.

The outline has the top level and each env as a namespace; under each, bindings grouped by kind (one
child per binding, named by its binding name), migrations by tag, and the other keys. Workspace symbols
are the Worker names of every indexed config (one per env) and the classes their migrations create.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from wrangler_lsp import config, model
from wrangler_lsp.features.query import extent
from wrangler_lsp.model import keys
from wrangler_lsp.text import Span
from wrangler_lsp.workspace import WorkspaceIndex

MAX_WORKSPACE_SYMBOLS = 500


class SymbolKind(Enum):
    NAMESPACE = "namespace"
    GROUP = "group"
    BINDING = "binding"
    MIGRATION = "migration"
    PROPERTY = "property"
    WORKER = "worker"
    CLASS = "class"


@dataclass(frozen=True, slots=True)
class Symbol:
    name: str
    detail: str
    kind: SymbolKind
    span: Span
    selection: Span
    children: tuple[Symbol, ...] = ()


@dataclass(frozen=True, slots=True)
class WorkspaceSymbol:
    name: str
    kind: SymbolKind
    uri: str
    span: Span
    container: str


def document_symbols(worker: model.Worker) -> tuple[Symbol, ...]:
    """The outline: one namespace for the top level, one per env."""
    return tuple(_env_symbol(worker, env) for env in worker.all_envs)


def workspace_symbols(index: WorkspaceIndex, query: str) -> tuple[WorkspaceSymbol, ...]:
    """Worker names and created classes whose name contains `query` (case-insensitive), at most 500."""
    needle = query.lower()
    found: list[WorkspaceSymbol] = []
    for entry in index.workers():
        where = "top level" if entry.env is None else f"env.{entry.env}"
        if needle in entry.name.lower():
            found.append(WorkspaceSymbol(entry.name, SymbolKind.WORKER, entry.uri, entry.name_span, where))
        for name, span in zip(entry.classes, entry.class_spans, strict=True):
            if needle in name.lower():
                found.append(WorkspaceSymbol(name, SymbolKind.CLASS, entry.uri, span, f"{entry.name} ({where})"))
        if len(found) >= MAX_WORKSPACE_SYMBOLS:
            break
    return tuple(found[:MAX_WORKSPACE_SYMBOLS])


def _env_symbol(worker: model.Worker, env: model.Env) -> Symbol:
    entries = [entry for key, entry in env.table.entries.items() if not (env.is_top and key == "env")]
    children = tuple(child for entry in entries for child in _entry_symbols(env, entry))
    if env.is_top:
        span = _cover([child.span for child in children]) or Span(0, 0)
        name_entry = env.table.entries.get("name")
        selection = name_entry.span if name_entry is not None else Span(span.start, span.start)
        label = "top level"
    else:
        env_entry = _env_entry(worker, env)
        span = env_entry.span.cover(extent(env.table)) if env_entry is not None else extent(env.table)
        selection = env.key_span
        label = f"env.{env.name}"
    return Symbol(label, env.worker_name or "", SymbolKind.NAMESPACE, span, selection, children)


def _env_entry(worker: model.Worker, env: model.Env) -> config.Entry | None:
    envs = worker.root.get("env")
    return envs.entries.get(env.name) if isinstance(envs, config.Table) and env.name is not None else None


def _cover(spans: list[Span]) -> Span | None:
    if not spans:
        return None
    out = spans[0]
    for span in spans[1:]:
        out = out.cover(span)
    return out


def _entry_symbols(env: model.Env, entry: config.Entry) -> Iterator[Symbol]:
    span = entry.span.cover(extent(entry.value))
    if entry.key == "migrations":
        children = tuple(_migration_symbol(m) for m in env.migrations) if not env.migrations_inherited else ()
        yield Symbol(entry.key, f"{len(children)} migrations", SymbolKind.GROUP, span, entry.key_span, children)
        return
    groups = [kind for kind in keys.binding_kinds() if kind.key.split(".")[0] == entry.key]
    if not groups:
        yield Symbol(entry.key, _detail(entry.value), SymbolKind.PROPERTY, span, entry.key_span)
        return
    bindings = tuple(child for kind in groups for child in _binding_symbols(kind, entry.value))
    detail = f"{groups[0].display} bindings"
    yield Symbol(entry.key, detail, SymbolKind.GROUP, span, entry.key_span, bindings)


def _binding_symbols(kind: keys.BindingKind, value: config.Node) -> Iterator[Symbol]:
    node: config.Node | None = value
    for part in kind.key.split(".")[1:]:
        node = node.get(part) if isinstance(node, config.Table) else None
    if kind.shape is keys.BindingShape.MAP and isinstance(node, config.Table):
        for key, entry in node.entries.items():
            yield Symbol(key, _detail(entry.value), SymbolKind.BINDING, entry.span, entry.key_span)
    elif kind.shape is keys.BindingShape.SINGLE and isinstance(node, config.Table):
        name = model.string_value(node.get(kind.name_key or "binding"))
        if name is not None:
            yield Symbol(name, kind.display, SymbolKind.BINDING, extent(node), node.span)
    elif isinstance(node, config.Array):
        for item in node.items:
            if isinstance(item, config.Table):
                yield _item_symbol(kind, item)


def _item_symbol(kind: keys.BindingKind, item: config.Table) -> Symbol:
    name = model.string_value(item.get(kind.name_key or "binding")) or "(unnamed)"
    detail = model.string_value(item.get("class_name")) or kind.display
    script = model.string_value(item.get("script_name"))
    if script is not None:
        detail += f" of {script}"
    span = extent(item)
    name_node = item.get(kind.name_key or "binding")
    selection = name_node.span if name_node is not None else Span(span.start, span.start)
    return Symbol(name, detail, SymbolKind.BINDING, span, selection)


def _migration_symbol(migration: model.Migration) -> Symbol:
    created = [cls.name for cls in (*migration.new_classes, *migration.new_sqlite_classes)]
    created += [rename.to.name for rename in migration.renamed]
    detail = ("creates " + ", ".join(created)) if created else ""
    span = extent(migration.node)
    tag_node = migration.node.get("tag")
    selection = tag_node.span if tag_node is not None else Span(span.start, span.start)
    return Symbol(migration.tag or f"[{migration.index}]", detail, SymbolKind.MIGRATION, span, selection)


def _detail(node: config.Node) -> str:
    if isinstance(node, config.Scalar):
        return "" if node.value is None else str(node.value)[:60]
    if isinstance(node, config.Array):
        return f"{len(node.items)} items"
    return ""
