"""WL209 do-binding-remote-not-boolean

## What it does
Reports a Durable Object binding whose `remote` is not a boolean.

## Why is this bad?
Wrangler accepts `remote` on bindings only as a boolean and refuses other values (and even a boolean
`remote` draws an unexpected-field warning on Durable Object bindings, WL210).

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "rooms"
remote = "yes"
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "rooms"
```

## Fix
Remove `remote`.

## Wrangler
Mirrors error D10 in `reference/wrangler-config-rules.md` (`isRemoteValid`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Scalar, ScalarKind, Table
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import binding_entries, entry_path, in_env
from wrangler_lsp.syntax import Severity


@rule("WL209", "do-binding-remote-not-boolean", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        for index, item in binding_entries(env):
            remote = item.get("remote") if isinstance(item, Table) else None
            if remote is None or (isinstance(remote, Scalar) and remote.kind is ScalarKind.BOOLEAN):
                continue
            field = entry_path(env, index)
            got = model.json_stringify(item)
            message = f'"{field}" should, optionally, have a boolean "remote" field but got {got}.'
            yield Report(remote.span, in_env(env, message), env=env.name, path=entry_path(env, index, "remote"))
