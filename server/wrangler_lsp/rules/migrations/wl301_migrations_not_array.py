"""WL301 migrations-not-array

## What it does
Reports a `migrations` value that is not an array.

## Why is this bad?
Wrangler refuses the config. In TOML this usually comes from `[migrations]` (one table) written instead
of `[[migrations]]` (an array of tables).

## Example
```toml
[migrations]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```

## Fix
Make `migrations` an array of migration tables.

## Wrangler
Mirrors error M1 in `reference/wrangler-config-rules.md` (`validateMigrations`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Array, format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import in_env
from wrangler_lsp.rules.migrations import own_lists
from wrangler_lsp.syntax import Severity


@rule("WL301", "migrations-not-array", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env, node in own_lists(ctx.worker):
        if isinstance(node, Array):
            continue
        message = f'The optional "migrations" field should be an array, but got {model.json_stringify(node)}'
        yield Report(node.span, in_env(env, message), env=env.name, path=format_path(env.path("migrations")))
