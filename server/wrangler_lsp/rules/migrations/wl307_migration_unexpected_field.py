"""WL307 migration-unexpected-field

## What it does
Reports a key of a `migrations` entry other than `tag`, `new_classes`, `new_sqlite_classes`,
`renamed_classes`, `deleted_classes` and `transferred_classes` (one finding per key).

## Why is this bad?
Wrangler ignores the key, so whatever it was meant to do does not happen; `sqlite = true` or
`new_sqlite_class` (singular) leave the class created with the wrong backend, or not at all.

## Example
```toml
[[migrations]]
tag = "v1"
new_classes = ["ChatRoom"]
sqlite = true
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```

## Fix
Remove the key, or use the intended field.

## Wrangler
Mirrors warning M7 in `reference/wrangler-config-rules.md`; wrangler lists an entry's unexpected keys in
one warning naming just `migrations`, we report each key where it is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import Table, format_path
from wrangler_lsp.model import keys
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import in_env
from wrangler_lsp.rules.migrations import own_items
from wrangler_lsp.syntax import Severity


@rule("WL307", "migration-unexpected-field", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env, index, item in own_items(ctx.worker):
        if not isinstance(item, Table):
            continue
        for key, entry in item.entries.items():
            if keys.migration_field(key) is not None:
                continue
            message = f'Unexpected fields found in migrations field: "{key}"'
            path = format_path(env.path("migrations", index, key))
            yield Report(entry.key_span, in_env(env, message), env=env.name, path=path, data={"field": key})
