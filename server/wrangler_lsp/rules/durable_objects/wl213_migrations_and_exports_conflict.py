"""WL213 migrations-and-exports-conflict

## What it does
Reports an env whose resolved `migrations` are not empty while its resolved `exports` declare a
`durable-object` entry.

## Why is this bad?
`migrations` and Durable Object `exports` are two ways to declare the same lifecycle and are mutually
exclusive: wrangler refuses the config.

## Example
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[exports.ChatRoom]
type = "durable-object"
storage = "sqlite"
```
Use instead:
```toml
[exports.ChatRoom]
type = "durable-object"
storage = "sqlite"
```

## Fix
Keep one of the two. Dropping `migrations` from a Worker that is already deployed with them needs care:
the `exports` entries must describe the same classes and storage.

## Wrangler
Mirrors error E1 in `reference/wrangler-config-rules.md` (`errorIfMigrationsAndExportsBothSet`).
Wrangler reports it again for an env that inherits both values; we report such an env only when it
defines `migrations` or `exports` itself (otherwise the top-level finding is the same one).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import format_path
from wrangler_lsp.rules.api import Origin, Related, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import in_env
from wrangler_lsp.rules.durable_objects.wl212_do_missing_lifecycle import js_length
from wrangler_lsp.syntax import Severity

_MESSAGE = (
    "`migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable "
    "Object lifecycle, but not both."
)


@rule("WL213", "migrations-and-exports-conflict", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        if env.name is not None and env.migrations_inherited and env.exports_inherited:
            continue
        exports = [export for export in env.exports if export.is_durable_object]
        if js_length(env.migrations_node) == 0 or not exports:
            continue
        if env.migrations_inherited:  # Only the env's own `exports` clash with the inherited migrations.
            span = env.table.entries["exports"].key_span
        else:
            span = env.table.entries["migrations"].key_span
        related = (Related(exports[0].key_span, f"`exports.{exports[0].class_name}` is a Durable Object export"),)
        data = {
            "exports": [export.class_name for export in exports],
            "migrations_inherited": env.migrations_inherited,
        }
        path = format_path(env.path("migrations"))
        yield Report(span, in_env(env, _MESSAGE), env=env.name, path=path, related=related, data=data)
