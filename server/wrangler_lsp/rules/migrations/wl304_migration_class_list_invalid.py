"""WL304 migration-class-list-invalid

## What it does
Reports a `new_classes`, `new_sqlite_classes` or `deleted_classes` value that is not an array of
strings: the whole value when it is not an array, else each item that is not a string.

## Why is this bad?
Wrangler refuses the config; each item must be the name of an exported class.

## Example
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = "ChatRoom"
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```

## Fix
Write the class names as an array of strings.

## Wrangler
Mirrors error M4 in `reference/wrangler-config-rules.md` (`validateTypedArray`); wrangler spells item
paths `migrations[0].new_classes.[1]`, our `path` is `migrations[0].new_classes[1]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Array, Table, format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import in_env
from wrangler_lsp.rules.migrations import field, own_items
from wrangler_lsp.syntax import Severity

KEYS = ("new_classes", "new_sqlite_classes", "deleted_classes")


@rule("WL304", "migration-class-list-invalid", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env, index, item in own_items(ctx.worker):
        if not isinstance(item, Table):
            continue
        for key in KEYS:
            value = item.get(key)
            if value is None:
                continue
            name = field(index, key)
            if not isinstance(value, Array):
                message = f'Expected "{name}" to be an array of strings but got {model.json_stringify(value)}'
                path = format_path(env.path("migrations", index, key))
                yield Report(value.span, in_env(env, message), env=env.name, path=path)
                continue
            for position, class_node in enumerate(value.items):
                if model.string_value(class_node) is not None:
                    continue
                got = model.json_stringify(class_node)
                message = f'Expected "{name}.[{position}]" to be of type string but got {got}.'
                path = format_path(env.path("migrations", index, key, position))
                yield Report(class_node.span, in_env(env, message), env=env.name, path=path)
