"""WL201 durable-objects-not-table

## What it does
Reports a `durable_objects` value (at the top level or in an env) that is not a table.

## Why is this bad?
Wrangler expects `durable_objects = { bindings = [...] }` and refuses anything else, so the Worker gets
no Durable Object bindings and the command stops. A common cause is `[[durable_objects]]` written
instead of `[[durable_objects.bindings]]`.

## Example
```toml
[[durable_objects]]
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
Move the entries under `durable_objects.bindings`.

## Wrangler
Mirrors error D1 in `reference/wrangler-config-rules.md` (`validateDurableObjectsProperty`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Table
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import container_path, in_env
from wrangler_lsp.syntax import Severity


@rule("WL201", "durable-objects-not-table", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        value = env.get("durable_objects")
        if value is None or isinstance(value, Table):
            continue
        field = container_path(env)
        message = f'The field "{field}" should be an object but got {model.json_stringify(value)}.'
        yield Report(value.span, in_env(env, message), env=env.name, path=field)
