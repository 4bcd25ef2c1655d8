"""WL212 do-missing-lifecycle

## What it does
Reports Durable Object bindings without `script_name` (classes this Worker defines) in an env whose
resolved `migrations` are empty and whose `exports` have no live `durable-object` entry for the class.

## Why is this bad?
A Durable Object class must be created by a migration (or declared in `exports`) before the Worker
can use it; without one the deploy does not create the namespace and the binding does not work. An env
that does not define `migrations` inherits the top-level list, but one that defines its own, or a top
level without any, has nothing that creates the class.

## Example
```toml
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```
Use instead:
```toml
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[exports.ChatRoom]
type = "durable-object"
storage = "sqlite"
```

## Fix
Add a live `exports` entry per class (or a `[[migrations]]` entry creating it).

## Wrangler
Mirrors warning D14 in `reference/wrangler-config-rules.md` (`warnIfDurableObjectsHaveNoLifecycleConfig`),
evaluated for every env. Wrangler names its file in the message, and so do we.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Array, Node, Scalar, Table
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import binding_entries, container_path, in_env, value_span
from wrangler_lsp.syntax import Format, Severity


@rule("WL212", "do-missing-lifecycle", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        uncovered = [item for _, item in binding_entries(env) if _is_uncovered(env, item)]
        if not uncovered or js_length(env.migrations_node) > 0:
            continue
        classes = [
            model.string_value(item.get("class_name")) if isinstance(item, Table) else None for item in uncovered
        ]
        names = [name for name in classes if name is not None]
        if len(names) != len(classes):
            continue
        message = in_env(env, _message(ctx.format, ctx.file_name, names))
        data = {"classes": list(dict.fromkeys(names)), "worker": env.worker_name}
        migration = fixes.add_migration(ctx, env, names)
        fix = (migration,) if migration is not None else ()
        for item in uncovered:
            assert isinstance(item, Table)
            span = value_span(item, "class_name")
            yield Report(span, message, env=env.name, path=container_path(env), data=data, fixes=fix)


def _is_uncovered(env: model.Env, item: Node) -> bool:
    """A binding without a truthy `script_name` whose class has no live DO export (wrangler's filter)."""
    if isinstance(item, Table):
        if model.truthy(item.get("script_name")):
            return False
        class_name = model.string_value(item.get("class_name"))
    elif isinstance(item, Scalar) and item.value is None:
        return False  # `null`: wrangler crashes here; nothing useful to report.
    else:
        class_name = None
    return class_name is None or not any(e.is_live and e.class_name == class_name for e in env.exports)


def js_length(node: Node | None) -> int:
    """`migrations.length` as JavaScript sees it (0 for values without a length)."""
    if isinstance(node, Array):
        return len(node.items)
    if isinstance(node, Scalar) and isinstance(node.value, str):
        return len(node.value.encode("utf-16-le")) // 2
    return 0


def _message(fmt: Format, file_name: str, classes: list[str]) -> str:
    unique = list(dict.fromkeys(classes))
    if fmt is Format.TOML:
        snippet = "".join(
            f'[exports.{_toml_key(name)}]\ntype = "durable-object"\nstorage = "sqlite"\n\n' for name in unique
        )
        snippet = snippet[:-1]
    else:
        exports = {name: {"type": "durable-object", "storage": "sqlite"} for name in unique}
        snippet = json.dumps({"exports": exports}, indent=2, ensure_ascii=False)
    return (
        f"In your {file_name} file, you have configured `durable_objects` exported by this Worker "
        f"({', '.join(classes)}), but no live `exports` entry for them. This may not work as expected until "
        "you add a live `durable-object` entry to `exports` for each. Add the following configuration:\n\n"
        f"```\n{snippet}\n```"
    )


def _toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)
