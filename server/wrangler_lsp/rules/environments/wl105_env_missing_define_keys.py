"""WL105 env-missing-define-keys

## What it does
Flags an env whose `define` table lacks keys that the top-level `define` has, listing them.

## Why is this bad?
`define` is not inherited: in that env those identifiers are not replaced when bundling, so the code
refers to globals that do not exist.

## Example
```toml
[define]
__VERSION__ = "'1.0'"
__DEBUG__ = "false"

[env.dev.define]
__DEBUG__ = "true"
```
Use instead:
```toml
[env.dev.define]
__VERSION__ = "'1.0'"
__DEBUG__ = "true"
```

## Fix
Add the missing keys to the env's `define`.

## Wrangler
Mirrors the first warning of N5 (`validation.ts:2528-2556`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import describe_worker, missing_table_keys, worker_name
from wrangler_lsp.rules.fixes import copy_missing_keys
from wrangler_lsp.syntax import Severity


@rule("WL105", "env-missing-define-keys", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    for env, entry, missing in missing_table_keys(root, "define"):
        yield Report(
            span=entry.key_span,
            message=(
                f'The following define entries exist at the top level, but not on "{env.prefix}.define".\n'
                'This is probably not what you want, since "define" configuration is not inherited by '
                "environments.\n"
                f'Please add these entries to "{env.prefix}.define":\n'
                + "\n".join(f"- {name}" for name in missing)
                + f"\n{describe_worker(root, env)} is bundled without these entries"
            ),
            env=env.name,
            path=f"{env.prefix}.define",
            data={"env": env.name, "missing": missing, "worker": worker_name(root, env)},
            fixes=copy_missing_keys(ctx, env.name, "define", missing),
        )
