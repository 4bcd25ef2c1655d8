"""WL302 migration-tag-missing

## What it does
Reports a `migrations` entry without `tag`.

## Why is this bad?
The tag identifies the migration: wrangler compares it with the deployed Worker's tag to decide which
entries still need to run, and refuses an entry without one.

## Example
```toml
[[migrations]]
new_sqlite_classes = ["ChatRoom"]
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```

## Fix
Add a `tag` that no other entry uses (`v1`, `v2`, ...).

## Wrangler
Mirrors error M2 in `reference/wrangler-config-rules.md` (`validateMigrations`). Any item that is not a
table (a string, a number) has no tag either, as in wrangler.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import Scalar, ScalarKind, Table, format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import in_env
from wrangler_lsp.rules.migrations import field, own_items
from wrangler_lsp.syntax import Severity


@rule("WL302", "migration-tag-missing", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env, index, item in own_items(ctx.worker):
        if isinstance(item, Table) and "tag" in item.entries:
            continue
        if isinstance(item, Scalar) and item.kind is ScalarKind.NULL:
            continue  # Wrangler crashes on a `null` entry.
        message = f'"{field(index, "tag")}" is a required field.'
        path = format_path(env.path("migrations", index, "tag"))
        yield Report(item.span, in_env(env, message), env=env.name, path=path)
