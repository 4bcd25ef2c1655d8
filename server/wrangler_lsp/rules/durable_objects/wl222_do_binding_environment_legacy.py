"""WL222 do-binding-environment-legacy

## What it does
Flags `environment` on a Durable Object binding.

## Why is this bad?
`environment` addressed a *service environment* of the Worker named by `script_name`. Service
environments were removed (wrangler 4.111): every env now deploys as its own Worker named
`<name>-<env>`, so the field points at something that no longer exists.

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat"
environment = "staging"
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat-staging"
```

## Fix
Remove `environment` and point `script_name` at `<script_name>-<environment>`. This changes the target
Worker name, so it is not applied automatically.

## Wrangler
Wrangler only checks the field's type and that `script_name` is present (WL207, WL208) and forwards it
on upload (`reference/wrangler-config-rules.md` section 5.2).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import entry_path, env_label, key_span
from wrangler_lsp.syntax import Severity


@rule("WL222", "do-binding-environment-legacy", Severity.HINT, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.all_envs:
        for binding in env.do_bindings:
            if binding.environment is None:
                continue
            suggested = f"{binding.script_name}-{binding.environment}" if binding.script_name else None
            message = (
                f"`environment` on `{binding.name}` in {env_label(env)} selects a service environment, and "
                "service environments no longer exist: each env deploys as its own Worker `<name>-<env>`"
            )
            data = {
                "binding": binding.name,
                "script_name": binding.script_name,
                "environment": binding.environment,
                "suggested_script_name": suggested,
            }
            path = entry_path(env, binding.index, "environment")
            fix = fixes.remove_key(ctx, binding.node, "environment", "Remove `environment`", preferred=False)
            yield Report(
                key_span(binding.node, "environment"), message, env=env.name, path=path, data=data, fixes=(fix,)
            )
