"""WL404 empty-string-ignored

## What it does
Flags `account_id = ""` and `route = ""`, at the top level or in an env.

## Why is this bad?
Wrangler treats the empty string as "not set" and ignores it, so the line has no effect; in an env it
does not even override the top-level value.

## Example
```toml
account_id = ""
```
Use instead: remove the line, or set the real account id.

## Fix
Remove the field.

## Wrangler
Mirrors wrangler's warnings (`validation.ts:1079-1113`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.model import string_value
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs
from wrangler_lsp.syntax import Severity

_KEYS = ("route", "account_id")


@rule("WL404", "empty-string-ignored", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    yield from _in(ctx, root, None, "")
    for env in declared_envs(root):
        yield from _in(ctx, env.table, env.name, f"{env.prefix}.")


def _in(ctx: Context, table: tree.Table, env_name: str | None, prefix: str) -> Iterator[Report]:
    for key in _KEYS:
        node = table.get(key)
        if node is None or string_value(node) != "":
            continue
        yield Report(
            span=node.span,
            message=(
                f'The "{key}" field in your configuration is an empty string and will be ignored.\n'
                f'Please remove the "{key}" field from your configuration.'
            ),
            env=env_name,
            path=f"{prefix}{key}",
            data={"env": env_name, "key": key},
            fixes=(fixes.remove_key(ctx, table, key, f"Remove the empty `{key}`", preferred=True),),
        )
