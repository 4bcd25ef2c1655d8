"""WL101 env-missing-non-inherited-key

## What it does
Flags an env that lacks a non-inheritable key (`vars`, `durable_objects`, `kv_namespaces`, ...) that the
top level declares. One finding per key and env, on the env's key.

## Why is this bad?
Non-inheritable keys are not copied into environments: the env's Worker deploys without those bindings
or variables, which is rarely what was meant.

## Example
```toml
name = "chat"
kv_namespaces = [{ binding = "CACHE", id = "abc" }]

[env.staging]
workers_dev = true
```
Use instead:
```toml
name = "chat"
kv_namespaces = [{ binding = "CACHE", id = "abc" }]

[env.staging]
workers_dev = true
kv_namespaces = [{ binding = "CACHE", id = "staging-id" }]
```

## Fix
Copy the top-level value into the env (review ids: an env usually needs its own resources).

## Wrangler
Mirrors warning N1 (`validation-helpers.ts:101-123`), which wrangler reports only for the `--env` env.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.model import keys
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Fix, Origin, Related, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs, describe_worker, worker_name
from wrangler_lsp.syntax import Severity


@rule("WL101", "env-missing-non-inherited-key", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    # The top-level non-inherited keys, in wrangler's order: looked up once, not per env.
    present = [(key, top) for key in keys.non_inheritable_in_order() if (top := root.entries.get(key)) is not None]
    for env in declared_envs(root) if present else ():
        for key, top in present:
            if key in env.table.entries:
                continue
            yield Report(
                span=env.key_span,
                message=(
                    f'"{key}" exists at the top level, but not on "{env.prefix}".\n'
                    f'This is not what you probably want, since "{key}" is not inherited by environments.\n'
                    f'Please add "{key}" to "{env.prefix}".\n'
                    f"{describe_worker(root, env)} deploys without the top-level `{key}`"
                ),
                env=env.name,
                path=f"{env.prefix}.{key}",
                related=(Related(top.key_span, f"`{key}` at the top level"),),
                data={"key": key, "env": env.name, "worker": worker_name(root, env)},
                fixes=_fixes(ctx, env.name, key),
            )


def _fixes(ctx: Context, env_name: str, key: str) -> tuple[Fix, ...]:
    env = ctx.worker.env(env_name)
    if env is None:
        return ()
    if key == "durable_objects":
        bindings = ctx.worker.top.do_bindings
        found = (
            fixes.copy_do_bindings(ctx, env, bindings, share=True),
            fixes.copy_do_bindings(ctx, env, bindings, share=False),
        )
    else:
        found = (fixes.copy_key(ctx, env, key), None)
    return tuple(fix for fix in found if fix is not None)
