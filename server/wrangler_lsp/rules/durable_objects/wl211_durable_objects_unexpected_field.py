"""WL211 durable-objects-unexpected-field

## What it does
Reports a key of a `durable_objects` table other than `bindings` and `code_update_strategy`.

## Why is this bad?
Wrangler ignores it. Binding fields written directly under `durable_objects` (instead of in a
`bindings` entry) leave the Worker without the binding.

## Example
```toml
[durable_objects]
name = "ROOMS"
class_name = "ChatRoom"
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```

## Fix
Remove the key, or move binding fields into a `bindings` entry.

## Wrangler
Mirrors the unexpected-field warning of `validateDurableObjectsProperty` (wrangler 4.164.0); wrangler
lists all keys in one warning, we report each key where it is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import Table
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import container_path, in_env
from wrangler_lsp.syntax import Severity

KNOWN = frozenset({"bindings", "code_update_strategy"})


@rule("WL211", "durable-objects-unexpected-field", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        container = env.get("durable_objects")
        if not isinstance(container, Table):
            continue
        for key, entry in container.entries.items():
            if key in KNOWN:
                continue
            field = container_path(env)
            message = f'Unexpected fields found in {field} field: "{key}"'
            yield Report(entry.key_span, in_env(env, message), env=env.name, path=f"{field}.{key}", data={"field": key})
