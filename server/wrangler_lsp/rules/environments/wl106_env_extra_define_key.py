"""WL106 env-extra-define-key

## What it does
Flags a key of an env's `define` that the top-level `define` does not have.

## Why is this bad?
Wrangler expects env `define` entries to override top-level ones only; a key that exists in one env
alone usually means a typo or a key missing at the top level (and in the other envs).

## Example
```toml
[define]
__VERSION__ = "'1.0'"

[env.dev.define]
__VERSION__ = "'dev'"
__EXTRA__ = "true"
```
Use instead:
```toml
[define]
__VERSION__ = "'1.0'"
__EXTRA__ = "false"

[env.dev.define]
__VERSION__ = "'dev'"
__EXTRA__ = "true"
```

## Fix
Remove the key from the env, or add it to the top-level `define`.

## Wrangler
Mirrors the second warning of N5 (`validation.ts:2528-2556`); only checked when the top-level `define`
is not empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs
from wrangler_lsp.syntax import Severity


@rule("WL106", "env-extra-define-key", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    top = root.get("define")
    if not isinstance(top, tree.Table) or not top.entries:
        return
    for env in declared_envs(root):
        define = env.table.get("define")
        if not isinstance(define, tree.Table):
            continue
        for name, entry in define.entries.items():
            if name in top.entries:
                continue
            yield Report(
                span=entry.key_span,
                message=(
                    f'"{name}" exists on "{env.prefix}", but not on the top level.\n'
                    'This is not what you probably want, since "define" configuration within environments '
                    "can only "
                    'override existing top level "define" configuration\n'
                    f'Please remove "{env.prefix}.define.{name}", or add "define.{name}".'
                ),
                env=env.name,
                path=f"{env.prefix}.define.{name}",
                data={"env": env.name, "key": name},
            )
