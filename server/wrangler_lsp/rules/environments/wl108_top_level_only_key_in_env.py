"""WL108 top-level-only-key-in-env

## What it does
Flags a key inside `env.X` that wrangler reads only at the top level (`keep_vars`, `send_metrics`,
`dev`, `site`, `alias`, `addresses`, `wasm_modules`, `$schema`, ..., and `env` itself).

## Why is this bad?
Wrangler ignores the key there: it neither overrides nor adds anything for that env.

## Example
```toml
keep_vars = true

[env.staging]
keep_vars = false
```
Use instead:
```toml
keep_vars = true

[env.staging]
```

## Fix
Remove the key from the env (or move it to the top level, which affects every env).

## Wrangler
Mirrors the unknown-field warning wrangler gives for the env (`validation.ts:2237-2245`); wrangler lists
all unexpected keys of an env in one warning, this rule reports each top-level-only key on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.model import keys
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs
from wrangler_lsp.syntax import Severity

_TOP_LEVEL_ONLY = frozenset((*keys.top_level_only_keys(), "env"))


@rule("WL108", "top-level-only-key-in-env", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    for env in declared_envs(ctx.config.root):
        for key, entry in env.table.entries.items():
            if key not in _TOP_LEVEL_ONLY:
                continue
            yield Report(
                span=entry.key_span,
                message=(
                    f'Unexpected fields found in {env.prefix} field: "{key}"\n'
                    f"`{key}` is only read at the top level: inside `{env.prefix}` it is ignored"
                ),
                env=env.name,
                path=f"{env.prefix}.{key}",
                data={"env": env.name, "key": key},
                fixes=(fixes.remove_key(ctx, env.table, key, f"Remove the ignored `{key}`", preferred=True),),
            )
