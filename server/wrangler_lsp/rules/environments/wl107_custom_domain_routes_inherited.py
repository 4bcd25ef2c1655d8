"""WL107 custom-domain-routes-inherited

## What it does
Flags an env without its own `routes` while the top-level `routes` contain custom domains
(`custom_domain = true`), which the env inherits.

## Why is this bad?
A custom domain belongs to one Worker. Deploying the env attaches the domain to the env's Worker,
taking it away from the top-level Worker.

## Example
```toml
name = "api"
routes = [{ pattern = "api.example.com", custom_domain = true }]

[env.staging]
workers_dev = true
```
Use instead:
```toml
[env.staging]
workers_dev = true
routes = []
```

## Fix
Add `routes = []` to the env (no routes), or give it its own routes.

## Wrangler
Mirrors wrangler's custom-domain inheritance warning (`validation.ts:1173-1206`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.model import string_value
from wrangler_lsp.rules.api import Origin, Related, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs, describe_worker, worker_name
from wrangler_lsp.syntax import Severity


@rule("WL107", "custom-domain-routes-inherited", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    routes = root.entries.get("routes")
    if routes is None or not isinstance(routes.value, tree.Array):
        return
    domains = [_pattern(item) for item in routes.value.items if _is_custom_domain(item)]
    if not domains:
        return
    listed = ", ".join(domains)
    for env in declared_envs(root):
        if "routes" in env.table.entries:
            continue
        yield Report(
            span=env.key_span,
            message=(
                f'The "{env.prefix}" environment inherits the top-level `routes` configuration, which '
                "includes "
                f"the custom domain(s): {listed}. Deploying this environment will reassign these custom "
                "domains "
                f'away from the top-level Worker. Add `"routes": []` to "{env.prefix}" to prevent '
                "inheritance, or "
                "copy the route configuration from the top level to hide this warning.\n"
                f"{describe_worker(root, env)} inherits them"
            ),
            env=env.name,
            path=f"{env.prefix}.routes",
            related=(Related(routes.key_span, "the top-level `routes`"),),
            data={"env": env.name, "domains": domains, "worker": worker_name(root, env)},
        )


def _is_custom_domain(item: tree.Node) -> bool:
    if not isinstance(item, tree.Table):
        return False
    flag = item.get("custom_domain")
    return isinstance(flag, tree.Scalar) and flag.value is True


def _pattern(item: tree.Node) -> str:
    assert isinstance(item, tree.Table)
    pattern = string_value(item.get("pattern"))
    return pattern if pattern is not None else "undefined"
