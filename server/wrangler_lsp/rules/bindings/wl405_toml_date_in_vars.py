"""WL405 toml-date-in-vars

## What it does
Reports a bare TOML date or time as the value of a variable in `vars` (top level or env).

## Why is this bad?
Wrangler refuses it: variables are strings (or JSON values), and a TOML date has no JSON form.

## Example
```toml
[vars]
RELEASED = 2025-01-01
```
Use instead:
```toml
[vars]
RELEASED = "2025-01-01"
```

## Fix
Quote the value (`data.text` is the date as written).

## Wrangler
Mirrors wrangler's error (`validation.ts:2578-2587`), including its fixed example date.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs
from wrangler_lsp.syntax import Severity

_DATES = frozenset(
    (
        tree.ScalarKind.OFFSET_DATETIME,
        tree.ScalarKind.LOCAL_DATETIME,
        tree.ScalarKind.LOCAL_DATE,
        tree.ScalarKind.LOCAL_TIME,
    )
)


@rule("WL405", "toml-date-in-vars", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    yield from _in(ctx, root, None, "vars")
    for env in declared_envs(root):
        yield from _in(ctx, env.table, env.name, f"{env.prefix}.vars")


def _in(ctx: Context, table: tree.Table, env_name: str | None, field: str) -> Iterator[Report]:
    variables = table.get("vars")
    if not isinstance(variables, tree.Table):
        return
    for name, entry in variables.entries.items():
        value = entry.value
        if not isinstance(value, tree.Scalar) or value.kind not in _DATES:
            continue
        yield Report(
            span=value.span,
            message=(
                f'The field "{field}.{name}" is a TOML date, which is not supported. Please use a string '
                "instead, "
                f'e.g. {name} = "2025-12-19".'
            ),
            env=env_name,
            path=f"{field}.{name}",
            data={
                "env": env_name,
                "var": name,
                "text": ctx.source[value.span.start : value.span.end].decode(),
            },
        )


def _text(ctx: Context, value: tree.Scalar) -> str:
    return ctx.source[value.span.start : value.span.end].decode()
