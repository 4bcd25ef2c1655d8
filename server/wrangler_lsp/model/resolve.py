"""Resolving the Worker model from the config tree: envs, implied Worker names, inheritance.

Follows wrangler's `normalizeAndValidateConfig`: an env's `name` is its own string `name`, else
`<top name>-<env>`; `migrations` and `exports` are inherited whole (an env's own value replaces the
top level's); `durable_objects` is not inherited. Never raises: values of the wrong type are left out
of the typed fields and stay visible to rules through the config nodes.
"""

from __future__ import annotations

from collections.abc import Collection

from wrangler_lsp.config import Array, Entry, KeyPath, Node, Scalar, ScalarKind, Table
from wrangler_lsp.model.js import truthy
from wrangler_lsp.model.lifecycle import live_classes
from wrangler_lsp.model.worker import (
    ClassName,
    DoBinding,
    Env,
    Export,
    Migration,
    Rename,
    Transfer,
    Worker,
)
from wrangler_lsp.syntax import Format


def resolve(root: Table, fmt: Format) -> Worker:
    """The Worker model of a config: its top level and every env whose value is a table."""
    top = _env(None, root, root, None, None)
    envs: list[Env] = []
    env_table = root.get("env")
    if isinstance(env_table, Table):
        for env_name, entry in env_table.entries.items():
            if isinstance(entry.value, Table):
                envs.append(_env(env_name, entry.value, root, entry, top))
    return Worker(fmt, root, top, tuple(envs))


def update(previous: Worker, changed: Collection[str]) -> Worker:
    """`previous` with the envs named in `changed` resolved again, the others kept.

    For a config changed in place (`config.patch`) only inside those envs: the tables are the same
    objects, the top level and the other envs unchanged, and the model reads spans from the nodes.
    """
    top = previous.top
    root = previous.root
    places = previous.places()
    envs = list(previous.envs)
    for name in changed:
        idx = places.get(name)
        if idx is not None:
            env = envs[idx]
            envs[idx] = _env(env.name, env.table, root, env.key_entry, top)
    return Worker(previous.format, root, top, tuple(envs), places)


def worker_names(root: Table) -> frozenset[str]:
    """The names the config's Workers deploy as (top level and every env), read without resolving the
    model: what the cross-Worker rules call the config's own Workers."""
    top = string_value(root.get("name"))
    names = {top} if top else set()
    env_table = root.get("env")
    if isinstance(env_table, Table):
        for env_name, entry in env_table.entries.items():
            if isinstance(entry.value, Table):
                name = _worker_name(env_name, string_value(entry.value.get("name")), top)
                if name:
                    names.add(name)
    return frozenset(names)


def string_value(node: Node | None) -> str | None:
    """The value of a string scalar, else None."""
    if isinstance(node, Scalar) and node.kind is ScalarKind.STRING and isinstance(node.value, str):
        return node.value
    return None


def _env(name: str | None, table: Table, root: Table, key_entry: Entry | None, top: Env | None) -> Env:
    prefix: KeyPath = () if name is None else ("env", name)
    own_name = string_value(table.get("name"))
    worker_name = _worker_name(name, own_name, top.worker_name if top is not None else None)
    migrations_node, migrations_inherited = _inherit(table, root, "migrations", top)
    exports_node, exports_inherited = _inherit(table, root, "exports", top)
    migrations = _migrations(migrations_node)
    exports = _exports(exports_node)
    bindings = _do_bindings(table, prefix, worker_name, top)
    return Env(
        name=name,
        table=table,
        top_table=root,
        key_entry=key_entry,
        path_prefix=prefix,
        worker_name=worker_name,
        worker_name_explicit=own_name is not None,
        do_bindings=bindings,
        migrations=migrations,
        migrations_node=migrations_node,
        migrations_inherited=migrations_inherited,
        exports=exports,
        exports_node=exports_node,
        exports_inherited=exports_inherited,
        live_classes=live_classes(migrations, exports),
    )


def _worker_name(name: str | None, own: str | None, top_name: str | None) -> str | None:
    """The name env `name` (None: the top level) deploys as: its own `name` (`own`), else `<top name>-<env>`."""
    if own is not None or name is None:
        return own
    return f"{top_name}-{name}" if top_name else None


def _inherit(table: Table, root: Table, key: str, top: Env | None) -> tuple[Node | None, bool]:
    """An inheritable value: the env's own unless absent or JSON null (wrangler's `??`), else the top's."""
    own = table.get(key)
    if top is None or (own is not None and not _is_null(own)):
        return own, False
    inherited = root.get(key)
    return (inherited, True) if inherited is not None else (own, False)


def _is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.kind is ScalarKind.NULL


def _do_bindings(table: Table, prefix: KeyPath, worker_name: str | None, top: Env | None) -> tuple[DoBinding, ...]:
    container = table.get("durable_objects")
    items = container.get("bindings") if isinstance(container, Table) else None
    if not isinstance(items, Array):
        return ()
    bindings: list[DoBinding] = []
    for index, item in enumerate(items.items):
        if not isinstance(item, Table):
            continue
        name = string_value(item.get("name"))
        class_name = string_value(item.get("class_name"))
        script_name = string_value(item.get("script_name"))
        environment = string_value(item.get("environment"))
        target = script_name if script_name is not None else worker_name
        if item.get("script_name") is not None and script_name is None:
            target = None
        top_binding = None
        if top is not None and name is not None:
            top_binding = next((b for b in top.do_bindings if b.name == name), None)
        bindings.append(
            DoBinding(
                name=name,
                class_name=class_name,
                script_name=script_name,
                environment=environment,
                node=item,
                index=index,
                path=(*prefix, "durable_objects", "bindings", index),
                target_worker=target,
                explicit_script="script_name" in item.entries,
                is_local=not truthy(item.get("script_name")),
                top_level_binding=top_binding,
                shares_top_level_storage=_shares(target, class_name, environment, top_binding),
            )
        )
    return tuple(bindings)


def _shares(target: str | None, class_name: str | None, environment: str | None, top: DoBinding | None) -> bool | None:
    if top is None or None in (target, class_name, top.target_worker, top.class_name):
        return None
    return (target, class_name, environment) == (top.target_worker, top.class_name, top.environment)


def _migrations(node: Node | None) -> tuple[Migration, ...]:
    if not isinstance(node, Array):
        return ()
    migrations: list[Migration] = []
    for index, item in enumerate(node.items):
        if not isinstance(item, Table):
            continue
        migrations.append(
            Migration(
                tag=string_value(item.get("tag")),
                index=index,
                node=item,
                path=item.path,
                new_classes=_class_names(item.get("new_classes")),
                new_sqlite_classes=_class_names(item.get("new_sqlite_classes")),
                renamed=_renames(item.get("renamed_classes")),
                deleted=_class_names(item.get("deleted_classes")),
                transferred=_transfers(item.get("transferred_classes")),
            )
        )
    return tuple(migrations)


def _class_name(node: Node | None) -> ClassName | None:
    value = string_value(node)
    if value is None:
        return None
    assert isinstance(node, Scalar)
    return ClassName(value, node)


def _class_names(node: Node | None) -> tuple[ClassName, ...]:
    if not isinstance(node, Array):
        return ()
    names = (_class_name(item) for item in node.items)
    return tuple(name for name in names if name is not None)


def _renames(node: Node | None) -> tuple[Rename, ...]:
    if not isinstance(node, Array):
        return ()
    renames: list[Rename] = []
    for item in node.items:
        if isinstance(item, Table):
            from_, to = _class_name(item.get("from")), _class_name(item.get("to"))
            if from_ is not None and to is not None:
                renames.append(Rename(from_, to, item))
    return tuple(renames)


def _transfers(node: Node | None) -> tuple[Transfer, ...]:
    if not isinstance(node, Array):
        return ()
    transfers: list[Transfer] = []
    for item in node.items:
        if isinstance(item, Table):
            from_, to = _class_name(item.get("from")), _class_name(item.get("to"))
            script = string_value(item.get("from_script"))
            if from_ is not None and to is not None and script is not None:
                transfers.append(Transfer(from_, script, to, item))
    return tuple(transfers)


def _exports(node: Node | None) -> tuple[Export, ...]:
    if not isinstance(node, Table):
        return ()
    exports: list[Export] = []
    for class_name, entry in node.entries.items():
        value = entry.value
        if not isinstance(value, Table):
            continue
        state_node = value.get("state")
        state = "created" if state_node is None or _is_null(state_node) else (string_value(state_node) or "")
        exports.append(
            Export(
                class_name=class_name,
                entry=entry,
                node=value,
                path=value.path,
                type=string_value(value.get("type")),
                state=state,
                storage=string_value(value.get("storage")),
            )
        )
    return tuple(exports)
