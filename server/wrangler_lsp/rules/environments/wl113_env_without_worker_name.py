"""WL113 env-without-worker-name

## What it does
Flags an env that has no `name` of its own while the top level has no `name` either, so the env's
Worker name (normally `<name>-<env>`) is undefined.

## Why is this bad?
`wrangler deploy --env X` then fails unless `--name` is given on the command line, and Durable Object
bindings without `script_name` have no Worker to point at.

## Example
```toml
main = "src/index.ts"

[env.staging]
workers_dev = true
```
Use instead:
```toml
name = "chat"
main = "src/index.ts"

[env.staging]
workers_dev = true
```

## Fix
Add a top-level `name` (every env then deploys as `<name>-<env>`), or a `name` in the env.

## Wrangler
Wrangler is silent while validating: `name` is optional; only `deploy` and `versions upload` stop
when no name resolves (`validate-worker-props.ts:44-60`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs, top_level_name
from wrangler_lsp.syntax import Severity


@rule("WL113", "env-without-worker-name", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    if top_level_name(root) is not None:
        return
    for env in declared_envs(root):
        if "name" in env.table.entries:
            continue
        yield Report(
            span=env.key_span,
            message=(
                f"`{env.prefix}` has no Worker name: it has no `name` and the top level has none to derive "
                f"`<name>-{env.name}` from"
            ),
            env=env.name,
            path=env.prefix,
            data={"env": env.name},
        )
