"""WL502 do-script-name-unknown

## What it does
Notes a Durable Object binding whose `script_name` matches no Worker of the workspace (no env of any
indexed config deploys under that name). Information only: the Worker may live in another repository.

## Why is this bad?
It may not be: Workers of other repositories are invisible here. But inside a monorepo, a name that
matches nothing is often a typo, or refers to an env's implied name (`<name>-<env>`) spelled differently.

## Example
```toml
name = "api"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "room"
```
Use instead (the Worker is called `rooms`):
```toml
name = "api"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "rooms"
```

## Wrangler
Extra: wrangler does not know the other Workers of the workspace.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.cross_worker.other_workers import bindings_to_other_workers
from wrangler_lsp.syntax import Severity


@rule("WL502", "do-script-name-unknown", Severity.INFORMATION, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env, binding, script, targets in bindings_to_other_workers(ctx):
        if targets:
            continue
        node = binding.node.get("script_name")
        assert node is not None
        yield Report(
            node.span,
            f"No Worker of the workspace is named `{script}` (it may live outside the workspace)",
            env=env.name,
            path=format_path((*binding.path, "script_name")),
        )
