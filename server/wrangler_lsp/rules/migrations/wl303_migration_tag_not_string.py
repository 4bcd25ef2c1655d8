"""WL303 migration-tag-not-string

## What it does
Reports a migration `tag` that is not a string.

## Why is this bad?
Wrangler refuses the config; tags are compared as strings with the deployed Worker's tag.

## Example
```toml
[[migrations]]
tag = 1
new_sqlite_classes = ["ChatRoom"]
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```

## Fix
Quote the tag.

## Wrangler
Mirrors error M3 in `reference/wrangler-config-rules.md` (`validateMigrations`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Table, format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import in_env
from wrangler_lsp.rules.migrations import field, own_items
from wrangler_lsp.syntax import Severity


@rule("WL303", "migration-tag-not-string", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env, index, item in own_items(ctx.worker):
        tag = item.get("tag") if isinstance(item, Table) else None
        if tag is None or model.string_value(tag) is not None:
            continue
        message = f'Expected "{field(index, "tag")}" to be of type string but got {model.json_stringify(tag)}.'
        path = format_path(env.path("migrations", index, "tag"))
        yield Report(tag.span, in_env(env, message), env=env.name, path=path)
