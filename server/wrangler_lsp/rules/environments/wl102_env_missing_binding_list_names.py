"""WL102 env-missing-binding-list-names

## What it does
Flags an env whose `durable_objects` (or `unsafe`) bindings lack binding names that the top-level
bindings list has. One finding per env and key, listing the missing names.

## Why is this bad?
Bindings are not inherited: the env's Worker has no `env.ROOM` for a name that only the top level binds,
and code that uses it fails at runtime.

## Example
```toml
name = "chat"
durable_objects.bindings = [{ name = "ROOM", class_name = "Room" }, { name = "USER", class_name = "User" }]

[env.staging]
durable_objects.bindings = [{ name = "ROOM", class_name = "Room" }]
```
Use instead:
```toml
[env.staging]
durable_objects.bindings = [{ name = "ROOM", class_name = "Room" }, { name = "USER", class_name = "User" }]
```

## Fix
Add the missing bindings to the env, either with `script_name` set to the top-level Worker (the env
then shares its Durable Objects) or without (the env gets its own); neither is preferred.

## Wrangler
Mirrors warning N2 (`validation.ts:2691-2708`): reported only when the env's bindings are all valid,
matching on binding `name` only.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Fix, Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs, describe_worker, worker_name
from wrangler_lsp.rules.environments.values import get_binding_names
from wrangler_lsp.syntax import Severity

_FIELDS = ("durable_objects", "unsafe")


@rule("WL102", "env-missing-binding-list-names", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    top_names: dict[str, list[str]] = {}  # per field, computed once (the top level is the same for every env)
    for env in declared_envs(root):
        for field in _FIELDS:
            entry = env.table.entries.get(field)
            if entry is None:
                continue
            env_names = _valid_env_names(field, entry.value)
            if env_names is None:
                continue
            if field not in top_names:
                top_names[field] = _top_names(root.get(field))
            missing = [name for name in top_names[field] if name not in env_names]
            if not missing:
                continue
            yield Report(
                span=entry.key_span,
                message=(
                    f'The following bindings are at the top level, but not on "{env.prefix}".\n'
                    f'This is not what you probably want, since "{field}" configuration is not inherited by '
                    f"environments.\n"
                    f'Please add a binding for each to "{env.prefix}.{field}.bindings":\n'
                    + "\n".join(f"- {name}" for name in missing)
                    + f"\n{describe_worker(root, env)} deploys without these bindings"
                ),
                env=env.name,
                path=f"{env.prefix}.{field}",
                data={"key": field, "env": env.name, "missing": missing, "worker": worker_name(root, env)},
                fixes=_fixes(ctx, env.name, field, missing),
            )


def _fixes(ctx: Context, env_name: str, field: str, missing: list[str]) -> tuple[Fix, ...]:
    env = ctx.worker.env(env_name)
    if env is None or field != "durable_objects":
        return ()
    bindings = [b for b in ctx.worker.top.do_bindings if b.name in missing]
    found = (
        fixes.copy_do_bindings(ctx, env, bindings, share=True),
        fixes.copy_do_bindings(ctx, env, bindings, share=False),
    )
    return tuple(fix for fix in found if fix is not None)


def _top_names(node: tree.Node | None) -> list[str]:
    """The top-level binding names as wrangler reads them from its normalized top-level value."""
    if not isinstance(node, tree.Table) or "bindings" not in node.entries:
        return []
    return [binding.name for binding in get_binding_names(node)]


def _valid_env_names(field: str, node: tree.Node) -> set[str] | None:
    """The env's binding names, or None when wrangler would not compare them (invalid bindings)."""
    if not isinstance(node, tree.Table):
        return None
    bindings = node.get("bindings")
    if bindings is None:
        return set() if field == "durable_objects" else None
    if not isinstance(bindings, tree.Array):
        return None
    valid = _valid_do_binding if field == "durable_objects" else _valid_unsafe_binding
    if not all(valid(item) for item in bindings.items):
        return None
    return {binding.name for binding in get_binding_names(node)}


def _is(node: tree.Node | None, kind: tree.ScalarKind) -> bool:
    return isinstance(node, tree.Scalar) and node.kind is kind


def _valid_do_binding(item: tree.Node) -> bool:
    if not isinstance(item, tree.Table):
        return False
    string = tree.ScalarKind.STRING
    fields = item.entries
    return (
        _is(item.get("name"), string)
        and _is(item.get("class_name"), string)
        and ("script_name" not in fields or _is(item.get("script_name"), string))
        and ("environment" not in fields or _is(item.get("environment"), string))
        and ("environment" not in fields or "script_name" in fields)
        and ("remote" not in fields or _is(item.get("remote"), tree.ScalarKind.BOOLEAN))
    )


def _valid_unsafe_binding(item: tree.Node) -> bool:
    return (
        isinstance(item, tree.Table)
        and _is(item.get("name"), tree.ScalarKind.STRING)
        and _is(item.get("type"), tree.ScalarKind.STRING)
    )
