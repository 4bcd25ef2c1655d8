"""WL104 env-missing-vars

## What it does
Flags an env whose `vars` table lacks variables that the top-level `vars` defines, listing them.

## Why is this bad?
`vars` is not inherited: in that env the Worker has no such variable (`env.API_URL` is undefined).

## Example
```toml
[vars]
API_URL = "https://api.example.com"
MODE = "prod"

[env.staging.vars]
MODE = "staging"
```
Use instead:
```toml
[env.staging.vars]
API_URL = "https://staging.api.example.com"
MODE = "staging"
```

## Fix
Add the missing variables to the env's `vars` (with the env's own values).

## Wrangler
Mirrors warning N4 (`validation.ts:2591-2606`); an env without any `vars` gets WL101 instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import describe_worker, missing_table_keys, worker_name
from wrangler_lsp.rules.fixes import copy_missing_keys
from wrangler_lsp.syntax import Severity


@rule("WL104", "env-missing-vars", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    for env, entry, missing in missing_table_keys(root, "vars"):
        yield Report(
            span=entry.key_span,
            message=(
                f'The following vars exist at the top level, but not on "{env.prefix}.vars".\n'
                'This is probably not what you want, since "vars" configuration is not inherited by '
                "environments.\n"
                f'Please add these vars to "{env.prefix}.vars":\n'
                + "\n".join(f"- {name}" for name in missing)
                + f"\n{describe_worker(root, env)} deploys without these vars"
            ),
            env=env.name,
            path=f"{env.prefix}.vars",
            data={"env": env.name, "missing": missing, "worker": worker_name(root, env)},
            fixes=copy_missing_keys(ctx, env.name, "vars", missing),
        )
