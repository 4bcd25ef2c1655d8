"""WL202 do-bindings-not-array

## What it does
Reports a `durable_objects.bindings` value that is not an array.

## Why is this bad?
Wrangler refuses the config. In TOML this usually comes from `[durable_objects.bindings]` (one table)
written instead of `[[durable_objects.bindings]]` (an array of tables).

## Example
```toml
[durable_objects.bindings]
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
Make `bindings` an array of binding tables.

## Wrangler
Mirrors error D3 in `reference/wrangler-config-rules.md` (`validateBindingsProperty`). Since wrangler
4.164.0 a `durable_objects` table without `bindings` is accepted (D2 is gone), so we do not report it.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Array, Table
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import container_path, in_env
from wrangler_lsp.syntax import Severity


@rule("WL202", "do-bindings-not-array", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        container = env.get("durable_objects")
        bindings = container.get("bindings") if isinstance(container, Table) else None
        if bindings is None or isinstance(bindings, Array):
            continue
        field = f"{container_path(env)}.bindings"
        message = f'The field "{field}" should be an array but got {model.json_stringify(bindings)}.'
        yield Report(bindings.span, in_env(env, message), env=env.name, path=field)
