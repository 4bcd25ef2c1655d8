"""Fix builders shared by rules: set or remove a key, copy top-level bindings or keys into an env,
add a migration. Each returns a lazy `Fix`; its edits are built when asked for.

Edits come from `edits/` (the only code that writes text), so every fix keeps the user's style. A change
that `edits/` cannot write as a small edit (it raises ValueError) gives no edits, and no action is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from wrangler_lsp import config, edits, syntax
from wrangler_lsp.model.worker import DoBinding, Env
from wrangler_lsp.rules.api import Fix
from wrangler_lsp.rules.context import Context
from wrangler_lsp.text import Span

Step = Callable[[bytes, config.Table], tuple[edits.Edit, ...]]


def set_key(ctx: Context, table: config.Table, key: str, value: object, title: str, *, preferred: bool) -> Fix:
    """A fix that writes `key = value` into `table` (or replaces the value already there)."""
    return Fix(title, _guard(lambda: edits.set_key(ctx.source, ctx.format, table, key, value)), preferred)


def remove_key(ctx: Context, table: config.Table, key: str, title: str, *, preferred: bool) -> Fix:
    return Fix(title, _guard(lambda: edits.remove_key(ctx.source, ctx.format, table, key)), preferred)


def set_script_name(ctx: Context, binding: DoBinding, worker: str, title: str, *, preferred: bool) -> Fix:
    return set_key(ctx, binding.node, "script_name", worker, title, preferred=preferred)


def copy_do_bindings(ctx: Context, env: Env, bindings: Sequence[DoBinding], *, share: bool) -> Fix | None:
    """Add copies of top-level Durable Object `bindings` to `env`.

    With `share`, each copy gets `script_name` = the top-level Worker, so the env uses the top level's
    objects; without, `script_name` = the env's own Worker: objects (and storage) of its own, said
    explicitly so that no "separate storage" hint follows the fix.
    """
    top_worker = ctx.worker.top.worker_name
    if not bindings or env.name is None or (share and not top_worker):
        return None
    path = ("env", env.name, "durable_objects", "bindings")
    steps: list[Step] = []
    for binding in bindings:
        entry = {k: v for k, v in _plain(binding.node).items() if k not in ("script_name", "environment")}
        # Either way the copy names its Worker: the split (or the sharing) is then written, not implied.
        worker = top_worker if share else env.worker_name
        if worker:
            entry["script_name"] = worker

        def step(source: bytes, root: config.Table, entry: Mapping[str, object] = entry) -> tuple[edits.Edit, ...]:
            return edits.append_array_table(source, ctx.format, root, path, entry)

        steps.append(step)
    names = ", ".join(f"`{b.name}`" for b in bindings)
    if share:
        title = f'Add {names} to env.{env.name}, sharing the top-level objects: script_name = "{top_worker}"'
    else:
        own = f': script_name = "{env.worker_name}"' if env.worker_name else ""
        title = f"Add {names} to env.{env.name} with objects of its own{own}"
    return Fix(title, _guard(lambda: _in_sequence(ctx, steps)), False)


def copy_array_binding(ctx: Context, env: Env, key: str, entry: config.Table, name: str) -> Fix | None:
    """Append a copy of the top-level `key` binding `entry` (e.g. a KV namespace) to `env`'s list."""
    if env.name is None:
        return None
    path = ("env", env.name, *key.split("."))
    value = _plain(entry)
    title = f"Copy the top-level `{name}` binding into env.{env.name}"
    return Fix(title, _guard(lambda: edits.append_array_table(ctx.source, ctx.format, ctx.config.root, path, value)))


def copy_table_keys(ctx: Context, env: Env, key: str, names: Sequence[str]) -> Fix | None:
    """Copy the top-level values of `names` from the `key` table (e.g. `vars`) into `env`'s `key` table."""
    top = ctx.worker.top.table.get(key)
    if env.name is None or not isinstance(top, config.Table):
        return None
    path = ("env", env.name, key)
    steps: list[Step] = []
    for name in names:
        top_entry = top.entries.get(name)
        if top_entry is None:
            continue
        value = config.to_python(top_entry.value)

        def step(source: bytes, root: config.Table, name: str = name, value: object = value) -> tuple[edits.Edit, ...]:
            table = _table_at(root, path)
            return edits.set_key(source, ctx.format, table, name, value)

        steps.append(step)
    shown = ", ".join(f"`{name}`" for name in names)
    return Fix(f"Copy {shown} from the top-level `{key}` into env.{env.name}", _guard(lambda: _in_sequence(ctx, steps)))


def copy_missing_keys(ctx: Context, env_name: str, key: str, missing: Sequence[str]) -> tuple[Fix, ...]:
    """The fix that copies the top-level values of `missing` names of table `key` into env `env_name`."""
    env = ctx.worker.env(env_name)
    fix = copy_table_keys(ctx, env, key, missing) if env is not None else None
    return (fix,) if fix is not None else ()


def copy_key(ctx: Context, env: Env, key: str) -> Fix | None:
    """Copy the top level's value of a non-inherited `key` into `env`."""
    value = ctx.worker.top.table.get(key)
    if value is None or env.name is None or not _writable(ctx, config.to_python(value)):
        return None
    title = f"Copy `{key}` from the top level into env.{env.name}"
    return set_key(ctx, env.table, key, config.to_python(value), title, preferred=False)


def add_migration(ctx: Context, env: Env, classes: Sequence[str]) -> Fix | None:
    """Add a migration with the next tag creating `classes` as SQLite-backed (Cloudflare's recommendation)."""
    if env.name is not None and env.migrations_inherited and env.migrations:
        return None  # An env list of its own would drop the inherited one: not a small, safe change.
    tag = next_tag([m.tag for m in env.migrations if m.tag is not None])
    entry: Mapping[str, object] = {"tag": tag, "new_sqlite_classes": list(dict.fromkeys(classes))}
    path: tuple[str, ...] = ("migrations",) if env.name is None else ("env", env.name, "migrations")
    where = "the top level" if env.name is None else f"env.{env.name}"
    names = ", ".join(f"`{c}`" for c in dict.fromkeys(classes))
    title = f"Add a migration `{tag}` creating {names} (SQLite-backed) in {where}"
    return Fix(title, _guard(lambda: edits.append_array_table(ctx.source, ctx.format, ctx.config.root, path, entry)))


def next_tag(tags: Sequence[str]) -> str:
    """The tag after the last one: `v3` after `v2`, `2024-02` gives `2024-03`, none gives `v1`."""
    if not tags:
        return "v1"
    match = re.fullmatch(r"(.*?)(\d+)", tags[-1])
    candidate = f"{match.group(1)}{int(match.group(2)) + 1}" if match else f"{tags[-1]}-2"
    while candidate in tags:
        candidate += "-next"
    return candidate


def _writable(ctx: Context, value: object) -> bool:
    """Whether `value` can be written in the file's format (TOML has no null; dates are written as read)."""
    if value is None:
        return ctx.format is not syntax.Format.TOML
    if isinstance(value, dict):
        return all(_writable(ctx, item) for item in value.values())
    if isinstance(value, list):
        return all(_writable(ctx, item) for item in value)
    return isinstance(value, str | int | float | bool)


def _guard(build: Callable[[], tuple[edits.Edit, ...]]) -> Callable[[], tuple[edits.Edit, ...]]:
    def guarded() -> tuple[edits.Edit, ...]:
        try:
            return build()
        except ValueError:
            return ()

    return guarded


def _in_sequence(ctx: Context, steps: Sequence[Step]) -> tuple[edits.Edit, ...]:
    """Run edit steps one after another, each on the text the previous produced, as one edit of the original."""
    source, root = ctx.source, ctx.config.root
    for idx, step in enumerate(steps):
        source = edits.apply_edits(source, step(source, root))
        if idx + 1 < len(steps):
            root = config.build(syntax.parse(ctx.format, source)).root
    return (difference(ctx.source, source),)


def difference(old: bytes, new: bytes) -> edits.Edit:
    """One edit turning `old` into `new`: the differing middle, between their common prefix and suffix."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    while start > 0 and (_continues(old, start) or _continues(new, start)):
        start -= 1  # Cut on a character boundary, never inside a UTF-8 sequence.
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    while end > 0 and (_continues(old, len(old) - end) or _continues(new, len(new) - end)):
        end -= 1
    return edits.Edit(Span(start, len(old) - end), new[start : len(new) - end].decode())


def _continues(data: bytes, offset: int) -> bool:
    """Whether the byte at `offset` continues a UTF-8 sequence begun before it."""
    return offset < len(data) and (data[offset] & 0xC0) == 0x80


def _table_at(root: config.Table, path: Sequence[str]) -> config.Table:
    node: config.Node | None = root
    for key in path:
        node = node.get(key) if isinstance(node, config.Table) else None
    if not isinstance(node, config.Table):
        raise ValueError(f"`{'.'.join(path)}` is not a table")
    return node


def _plain(node: config.Table) -> dict[str, object]:
    value = config.to_python(node)
    assert isinstance(value, dict)
    return value
