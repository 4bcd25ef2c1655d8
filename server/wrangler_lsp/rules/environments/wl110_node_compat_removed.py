"""WL110 node-compat-removed

## What it does
Reports a `node_compat` field, at the top level or in an env.

## Why is this bad?
`node_compat` was removed in wrangler v4: wrangler refuses the config while the field is present.

## Example
```toml
compatibility_date = "2025-01-01"
node_compat = true
```
Use instead:
```toml
compatibility_date = "2025-01-01"
compatibility_flags = ["nodejs_compat"]
```

## Fix
Remove the field and add the `nodejs_compat` compatibility flag.

## Wrangler
Mirrors wrangler's "Removed" error (`validation.ts:1488-1497`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs
from wrangler_lsp.syntax import Severity

MESSAGE = (
    'Removed: "node_compat":\n'
    'The "node_compat" field is no longer supported as of Wrangler v4. Instead, use the `nodejs_compat` '
    "compatibility flag. This includes the functionality from legacy `node_compat` polyfills and natively "
    "implemented Node.js APIs. See https://developers.cloudflare.com/workers/runtime-apis/nodejs for more "
    "information."
)


@rule("WL110", "node-compat-removed", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    yield from _in(root, None, "")
    for env in declared_envs(root):
        yield from _in(env.table, env.name, f"{env.prefix}.")


def _in(table: tree.Table, env_name: str | None, prefix: str) -> Iterator[Report]:
    entry = table.entries.get("node_compat")
    if entry is None:
        return
    yield Report(
        span=entry.key_span,
        message=MESSAGE,
        env=env_name,
        path=f"{prefix}node_compat",
        data={"key": "node_compat", "env": env_name},
    )
