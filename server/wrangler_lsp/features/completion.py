"""Feature: completion — keys valid at the cursor, and values (classes, Worker names, env names, enums).

The context comes from the text (`features/cursor.py`, tolerant of half-typed lines) and the keys
already present from the config tree. Keys: top-level keys at the top level, env-capable keys inside
`env.X`, binding and migration fields inside their entries (with snippet placeholders), never one that
is already there. Values: `class_name` from the classes the target Worker's migrations and exports create
and from the classes its source exports, `script_name` from the workspace's Worker names, env names,
booleans and enum values from the key catalogue. Works in TOML sections, inline tables and JSON objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from wrangler_lsp import config, model, syntax
from wrangler_lsp.features.cursor import Cursor, Place, cursor_at
from wrangler_lsp.model import keys
from wrangler_lsp.text import Span
from wrangler_lsp.workspace import SourceClass, WorkspaceIndex

SourceClasses = Callable[[str, str], Sequence[SourceClass]]
"""Reads the exported classes of a Worker's source: (config URI, `main`) -> classes (IO lives in `lsp/`)."""


class ItemKind(Enum):
    KEY = "key"
    FIELD = "field"
    VALUE = "value"
    CLASS = "class"
    WORKER = "worker"
    ENV = "env"


@dataclass(frozen=True, slots=True)
class CompletionItem:
    label: str
    kind: ItemKind
    detail: str
    documentation: str
    insert: str
    snippet: bool
    span: Span
    """The text the item replaces (the partial word or string under the cursor)."""
    filter: str


def completion(
    worker: model.Worker,
    uri: str,
    source: bytes,
    offset: int,
    index: WorkspaceIndex | None = None,
    source_classes: SourceClasses | None = None,
    first_issue: int | None = None,
) -> tuple[CompletionItem, ...]:
    """The completion items at byte `offset` of the config `worker` was resolved from.

    `first_issue`: where the config's first syntax issue starts (its length if none), when known; it lets
    the cursor scan of a JSON file start near the cursor (`cursor.cursor_at`).
    """
    tree = (worker.root, first_issue) if first_issue is not None else None
    cursor = cursor_at(worker.format, source, offset, tree)
    if cursor is None:
        return ()
    env_name, rel = _split_env(cursor.path)
    env = worker.top if env_name is None else worker.env(env_name)
    if env is None:
        env = worker.top
    if cursor.place is Place.VALUE:
        items = _values(worker, uri, env, rel, cursor, index, source_classes)
    else:
        items = _keys(worker, env_name, rel, cursor)
    return tuple(item for item in items if item.label.lower().startswith(cursor.prefix.lower()))


def _split_env(path: config.KeyPath) -> tuple[str | None, config.KeyPath]:
    name = config.env_name(path)
    return (name, path[2:]) if name is not None else (None, path)


# Keys.


def _keys(worker: model.Worker, env_name: str | None, rel: config.KeyPath, cursor: Cursor) -> Iterator[CompletionItem]:
    json = worker.format is syntax.Format.JSON
    present = _present_keys(worker.root, cursor)
    if cursor.place is Place.HEADER and cursor.path == ("env",):
        for name in (env.name for env in worker.envs if env.name is not None):
            yield CompletionItem(name, ItemKind.ENV, "environment", "", name, False, cursor.replace, name)
        return
    if env_name is None and cursor.path == ("env",):
        return
    if rel == ():
        catalogue = keys.top_level_keys() if env_name is None else keys.env_keys()
        for info in catalogue:
            if info.name in present:
                continue
            if cursor.place is Place.HEADER and info.type not in _TABLE_TYPES:
                continue
            yield _key_item(info.name, info.type, info.doc, ItemKind.KEY, cursor, json, info.scope.value)
        return
    for field in _fields(rel):
        if field.name not in present and cursor.place is Place.KEY:
            detail = "required" if field.required else field.type.value
            yield _key_item(field.name, field.type, field.doc, ItemKind.FIELD, cursor, json, detail)


_TABLE_TYPES = (keys.ValueType.TABLE, keys.ValueType.TABLE_ARRAY, keys.ValueType.STRING_MAP)


def _fields(rel: config.KeyPath) -> tuple[keys.FieldInfo, ...]:
    names = tuple(key for key in rel if isinstance(key, str))
    shape = tuple(isinstance(key, int) for key in rel)
    if rel == ("durable_objects",):
        return (keys.FieldInfo("bindings", keys.ValueType.TABLE_ARRAY, "The Durable Object bindings"),)
    if names == ("durable_objects", "bindings") and shape == (False, False, True):
        return keys.DURABLE_OBJECT_BINDING_FIELDS
    if names == ("migrations",) and shape == (False, True):
        return keys.MIGRATION_FIELDS
    if names == ("migrations", "renamed_classes") and shape == (False, True, False, True):
        return keys.RENAMED_CLASS_FIELDS
    if names == ("migrations", "transferred_classes") and shape == (False, True, False, True):
        return keys.TRANSFERRED_CLASS_FIELDS
    kind_key = ".".join(names)
    kind = keys.binding_kind(kind_key)
    if kind is None or kind.name_key is None:
        return ()
    is_item = kind.shape is keys.BindingShape.ARRAY and shape[-1:] == (True,)
    if is_item or (kind.shape is keys.BindingShape.SINGLE and not any(shape)):
        doc = f"The name of the {kind.display} binding in the Worker's `env`"
        return (keys.FieldInfo(kind.name_key, keys.ValueType.STRING, doc, required=True),)
    return ()


def _present_keys(root: config.Table, cursor: Cursor) -> set[str]:
    node: config.Node | None = root
    for key in cursor.path:
        if isinstance(node, config.Table) and isinstance(key, str):
            node = node.get(key)
        elif isinstance(node, config.Array) and isinstance(key, int) and key < len(node.items):
            node = node.items[key]
        else:
            return set()
    if not isinstance(node, config.Table):
        return set()
    return {key for key, entry in node.entries.items() if not _overlaps(entry.key_span, cursor.replace)}


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < max(b.end, b.start + 1) and b.start < max(a.end, a.start + 1)


_VALUE_SNIPPETS = {
    keys.ValueType.STRING: ('"$1"', '"$1"'),
    keys.ValueType.BOOLEAN: ("${1|true,false|}", "${1|true,false|}"),
    keys.ValueType.INTEGER: ("$1", "$1"),
    keys.ValueType.STRING_ARRAY: ('["$1"]', '["$1"]'),
    keys.ValueType.ARRAY: ("[$1]", "[$1]"),
    keys.ValueType.TABLE: ("{ $1 }", "{$1}"),
    keys.ValueType.STRING_MAP: ("{ $1 }", "{$1}"),
    keys.ValueType.STRING_OR_TABLE: ('"$1"', '"$1"'),
    keys.ValueType.TABLE_ARRAY: ("[{ $1 }]", "[{$1}]"),
}


def _key_item(
    name: str, type_: keys.ValueType, doc: str, kind: ItemKind, cursor: Cursor, json: bool, detail: str
) -> CompletionItem:
    bare = all(ch.isalnum() or ch in "_-" for ch in name)
    key = f'"{name}"' if json or not bare else name
    escaped = key.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}")
    if cursor.place is Place.HEADER or cursor.followed_by_separator:
        return CompletionItem(name, kind, detail, doc, escaped, True, cursor.replace, key)
    toml_value, json_value = _VALUE_SNIPPETS[type_]
    insert = f"{escaped}: {json_value}" if json else f"{escaped} = {toml_value}"
    return CompletionItem(name, kind, detail, doc, insert, True, cursor.replace, key)


# Values.


def _values(
    worker: model.Worker,
    uri: str,
    env: model.Env,
    rel: config.KeyPath,
    cursor: Cursor,
    index: WorkspaceIndex | None,
    source_classes: SourceClasses | None,
) -> Iterator[CompletionItem]:
    names = tuple(key for key in rel if isinstance(key, str))
    key = names[-1] if names else None
    json = worker.format is syntax.Format.JSON
    if names == ("durable_objects", "bindings", "class_name"):
        binding = _binding(env, rel)
        target = binding.script_name if binding is not None else None
        yield from _class_items(worker, uri, env, target, cursor, index, source_classes)
    elif names[:1] == ("migrations",) and key in ("new_classes", "new_sqlite_classes", "deleted_classes", "to"):
        yield from _class_items(worker, uri, env, None, cursor, index, source_classes)
    elif key in ("script_name", "from_script") or names == ("services", "service"):
        for name in _worker_names(worker, index):
            yield _string_item(name, ItemKind.WORKER, "Worker", cursor)
    elif key == "environment":
        for each in worker.envs:
            if each.name is not None:
                yield _string_item(each.name, ItemKind.ENV, "environment", cursor)
    elif len(names) == 1 and key is not None:
        info = keys.key_info(key)
        if info is not None:
            yield from _typed_values(info.type, info.enum, cursor, json)
    elif names[:2] == ("durable_objects", "bindings") and key == "remote":
        yield from _typed_values(keys.ValueType.BOOLEAN, (), cursor, json)


def _binding(env: model.Env, rel: config.KeyPath) -> model.DoBinding | None:
    index = next((key for key in rel if isinstance(key, int)), None)
    return next((b for b in env.do_bindings if b.index == index), None)


def _class_items(
    worker: model.Worker,
    uri: str,
    env: model.Env,
    script_name: str | None,
    cursor: Cursor,
    index: WorkspaceIndex | None,
    source_classes: SourceClasses | None,
) -> Iterator[CompletionItem]:
    seen: set[str] = set()
    home_uri, main = uri, model.string_value(env.resolved("main"))
    own = [each for each in worker.all_envs if script_name is None or each.worker_name == script_name]
    created: list[tuple[str, str]] = []
    if script_name is None:
        created = [(live.name, _origin(env.name, live.tag)) for live in env.live_classes]
    elif own:
        created = [(live.name, _origin(own[0].name, live.tag)) for live in own[0].live_classes]
    elif index is not None:
        for entry in index.workers_named(script_name):
            created += [(name, f"created by Worker `{script_name}`") for name in entry.classes]
            home_uri, main = entry.uri, entry.main
    for name, detail in created:
        if name not in seen:
            seen.add(name)
            yield _string_item(name, ItemKind.CLASS, detail, cursor)
    if source_classes is None or main is None:
        return
    for cls in source_classes(home_uri, main):
        if cls.name not in seen:
            seen.add(cls.name)
            yield _string_item(cls.name, ItemKind.CLASS, "exported class in the source", cursor)


def _origin(env_name: str | None, tag: str | None) -> str:
    where = "top level" if env_name is None else f"env.{env_name}"
    return f"migration `{tag}` ({where})" if tag is not None else f"exports ({where})"


def _worker_names(worker: model.Worker, index: WorkspaceIndex | None) -> list[str]:
    names = [env.worker_name for env in worker.all_envs if env.worker_name]
    if index is not None:
        names += index.worker_names()
    return sorted(set(names))


def _typed_values(type_: keys.ValueType, enum: tuple[str, ...], cursor: Cursor, json: bool) -> Iterator[CompletionItem]:
    if type_ is keys.ValueType.BOOLEAN and not cursor.in_string:
        for value in ("true", "false"):
            yield CompletionItem(value, ItemKind.VALUE, "boolean", "", value, False, cursor.replace, value)
    for value in enum:
        yield _string_item(value, ItemKind.VALUE, "value", cursor)


def _string_item(value: str, kind: ItemKind, detail: str, cursor: Cursor) -> CompletionItem:
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return CompletionItem(value, kind, detail, "", quoted, False, cursor.replace, quoted)
