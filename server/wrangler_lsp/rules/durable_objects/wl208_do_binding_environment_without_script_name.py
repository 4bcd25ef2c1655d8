"""WL208 do-binding-environment-without-script-name

## What it does
Reports a Durable Object binding that has `environment` but no `script_name`.

## Why is this bad?
`environment` selects a (legacy) service environment of the Worker named by `script_name`; without
`script_name` it means nothing and wrangler refuses the config.

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
environment = "production"
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```

## Fix
Remove `environment`; to reach another Worker's objects, set `script_name` to that Worker's name
(for an env, usually `<name>-<env>`).

## Wrangler
Mirrors error D9 in `reference/wrangler-config-rules.md` (`validateDurableObjectBinding`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import Table
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import binding_entries, entry_path, in_env, key_span
from wrangler_lsp.syntax import Severity

_MESSAGE = 'binding should have a "script_name" field if "environment" is present.'


@rule("WL208", "do-binding-environment-without-script-name", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        for index, item in binding_entries(env):
            if isinstance(item, Table) and "environment" in item.entries and "script_name" not in item.entries:
                path = entry_path(env, index, "environment")
                yield Report(key_span(item, "environment"), in_env(env, _MESSAGE), env=env.name, path=path)
