"""WL103 env-missing-array-binding

## What it does
Flags an env whose binding array (`kv_namespaces`, `r2_buckets`, `d1_databases`, `services`, ...) lacks
a `binding` name that the top-level array has. One finding per missing name, on the env's key.

## Why is this bad?
Bindings are not inherited: in that env the Worker has no `env.<NAME>`, and code using it fails.

## Example
```toml
kv_namespaces = [{ binding = "CACHE", id = "a" }, { binding = "SESSIONS", id = "b" }]

[env.staging]
kv_namespaces = [{ binding = "CACHE", id = "c" }]
```
Use instead:
```toml
[env.staging]
kv_namespaces = [{ binding = "CACHE", id = "c" }, { binding = "SESSIONS", id = "d" }]
```

## Fix
Add a binding with that name to the env's array (with the env's own resource id).

## Wrangler
Mirrors warning N3 (`validation.ts:3378-3396`). Like wrangler, `queues.producers` is not compared
(wrangler looks up `"queues.producers"` as one key and never finds the top-level list).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.model import string_value
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Fix, Origin, Related, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs, describe_worker, worker_name
from wrangler_lsp.syntax import Severity

ARRAY_BINDING_KEYS = (
    "workflows",
    "kv_namespaces",
    "send_email",
    "r2_buckets",
    "d1_databases",
    "vectorize",
    "ai_search_namespaces",
    "ai_search",
    "agent_memory",
    "hyperdrive",
    "services",
    "analytics_engine_datasets",
    "dispatch_namespaces",
    "mtls_certificates",
    "pipelines",
    "k2",
    "secrets_store_secrets",
    "artifacts",
    "unsafe_hello_world",
    "flagship",
    "worker_loaders",
    "ratelimits",
    "vpc_services",
    "vpc_networks",
)
"""The keys wrangler validates with `validateBindingArray`, in its processing order."""


@rule("WL103", "env-missing-array-binding", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    # Only keys whose top-level value is an array can report (looked up once, not per env).
    tops = [(key, top) for key in ARRAY_BINDING_KEYS if isinstance(top := root.get(key), tree.Array)]
    if not tops:
        return
    for env in declared_envs(root):
        for key, top in tops:
            entry = env.table.entries.get(key)
            if entry is None or not isinstance(entry.value, tree.Array):
                continue
            env_names = {_binding(item) for item in entry.value.items}
            for item in top.items:
                name = _binding(item)
                if name is None or name in env_names:
                    continue
                assert isinstance(item, tree.Table)
                name_node = item.get("binding")
                assert name_node is not None
                yield Report(
                    span=entry.key_span,
                    message=(
                        f'There is a {key} binding with name "{name}" at the top level, but not on '
                        f'"{env.prefix}".\n'
                        f'This is not what you probably want, since "{key}" configuration is not inherited '
                        "by "
                        f"environments.\n"
                        f'Please add a binding for "{name}" to "{env.prefix}.{key}.bindings".\n'
                        f"{describe_worker(root, env)} deploys without `{name}`"
                    ),
                    env=env.name,
                    path=f"{env.prefix}.{key}",
                    related=(Related(name_node.span, f"`{name}` at the top level"),),
                    data={"key": key, "env": env.name, "binding": name, "worker": worker_name(root, env)},
                    fixes=_fixes(ctx, env.name, key, item, name),
                )


def _fixes(ctx: Context, env_name: str, key: str, item: tree.Table, name: str) -> tuple[Fix, ...]:
    env = ctx.worker.env(env_name)
    fix = fixes.copy_array_binding(ctx, env, key, item, name) if env is not None else None
    return (fix,) if fix is not None else ()


def _binding(item: tree.Node) -> str | None:
    return string_value(item.get("binding")) if isinstance(item, tree.Table) else None
