"""WL322 do-binding-class-not-live

## What it does
Flags a Durable Object binding of this Worker (no `script_name`) whose class the env's migrations
delete, rename away, or never create, while that env does declare a lifecycle (migrations or exports).

## Why is this bad?
The binding needs a live class in this Worker. After `deleted_classes` or `renamed_classes` the old
name no longer has a namespace, and a class that no migration creates never had one: the deploy fails
or the binding reaches nothing.

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[migrations]]
tag = "v2"
renamed_classes = [{ from = "ChatRoom", to = "Room" }]
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
```

## Fix
Bind to the class's current name, or create the class in a new migration.

## Wrangler
Wrangler skips its lifecycle check as soon as the env has any migration (WL212) and never compares
`class_name` with the migrations (`reference/wrangler-config-rules.md` section 3).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import format_path
from wrangler_lsp.rules.api import CLEAN_TEXT_ONLY, Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import value_span, worker_label
from wrangler_lsp.rules.migrations import declares_lifecycle, well_formed, where
from wrangler_lsp.syntax import Severity


@rule("WL322", "do-binding-class-not-live", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        if not declares_lifecycle(env):
            continue
        for binding in env.do_bindings:
            if not env.binds_own(binding) or binding.class_name is None:
                continue
            if env.live_class(binding.class_name) is not None:
                continue
            reason, data = _why(env, binding.class_name)
            if data["reason"] == "never-created":
                # A malformed entry (or broken text, checked by `rules.run`) may be what creates it.
                if not well_formed(env.migrations):
                    continue
                data[CLEAN_TEXT_ONLY] = True
            message = (
                f"`{binding.name}` in {where(env)} binds to `{binding.class_name}`, {reason}: "
                f"Worker {worker_label(env)} has no live class of that name"
            )
            data |= {"binding": binding.name, "class_name": binding.class_name, "worker": env.worker_name}
            path = format_path(env.path("durable_objects", "bindings", binding.index, "class_name"))
            yield Report(value_span(binding.node, "class_name"), message, env=env.name, path=path, data=data)


def _why(env: model.Env, class_name: str) -> tuple[str, dict[str, object]]:
    """Why `class_name` is not live: the last migration that removed it, or that none created it."""
    source = "the inherited top-level migrations" if env.migrations_inherited else "its migrations"
    for migration in reversed(env.migrations):
        tag = f" (tag `{migration.tag}`)" if migration.tag is not None else ""
        for rename in migration.renamed:
            if rename.from_.name == class_name:
                reason = f"which `migrations[{migration.index}]`{tag} renames to `{rename.to.name}`"
                return reason, {"reason": "renamed", "renamed_to": rename.to.name, "tag": migration.tag}
        if any(cls.name == class_name for cls in migration.deleted):
            reason = f"which `migrations[{migration.index}]`{tag} deletes"
            return reason, {"reason": "deleted", "tag": migration.tag}
    return f"which none of {source} or exports creates", {"reason": "never-created", "tag": None}
