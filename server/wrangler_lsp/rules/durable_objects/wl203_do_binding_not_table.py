"""WL203 do-binding-not-table

## What it does
Reports an item of `durable_objects.bindings` that is not a table (a string, a number, ...).

## Why is this bad?
Each binding must be a table with `name` and `class_name`; wrangler refuses the config.

## Example
```toml
durable_objects.bindings = ["ROOMS"]
```
Use instead:
```toml
durable_objects.bindings = [{ name = "ROOMS", class_name = "ChatRoom" }]
```

## Fix
Write the binding as a table with `name` and `class_name`.

## Wrangler
Mirrors error D4 in `reference/wrangler-config-rules.md` (`validateDurableObjectBinding`). Like
wrangler (`typeof [] === "object"`), an array item passes this check and fails WL204/WL205 instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Array, Table
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import binding_entries, entry_path, in_env
from wrangler_lsp.syntax import Severity


@rule("WL203", "do-binding-not-table", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        for index, item in binding_entries(env):
            if isinstance(item, (Table, Array)):
                continue
            field = entry_path(env, index)
            message = f'Expected "{field}" to be an object but got {model.json_stringify(item)}'
            yield Report(item.span, in_env(env, message), env=env.name, path=field)
