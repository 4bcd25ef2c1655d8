"""WL210 do-binding-unexpected-field

## What it does
Reports a key of a Durable Object binding other than `name`, `class_name`, `script_name` and
`environment`, including `remote` (one finding per key).

## Why is this bad?
Wrangler ignores the key: it has no effect on the binding, and is often a typo (`class`, `script`) or a
field that belongs to another binding kind (`id`, `remote`).

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
remote = true
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```

## Fix
Remove the key, or correct its spelling.

## Wrangler
Mirrors warning D11 in `reference/wrangler-config-rules.md` (`validateAdditionalProperties`); wrangler
lists all unexpected keys of an entry in one warning, we report each key where it is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import Table
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import binding_entries, entry_path, in_env
from wrangler_lsp.syntax import Severity

KNOWN = frozenset({"name", "class_name", "script_name", "environment"})


@rule("WL210", "do-binding-unexpected-field", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        for index, item in binding_entries(env):
            if not isinstance(item, Table):
                continue
            for key, entry in item.entries.items():
                if key in KNOWN:
                    continue
                message = f'Unexpected fields found in {entry_path(env, index)} field: "{key}"'
                path = entry_path(env, index, key)
                yield Report(entry.key_span, in_env(env, message), env=env.name, path=path, data={"field": key})
