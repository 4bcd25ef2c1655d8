"""WL324 env-migrations-replace-top-level

## What it does
Points out an env whose own `migrations` list leaves out tags of the top-level list.

## Why is this bad?
`migrations` is inherited whole: an env that writes its own list does not add to the top level's, it
replaces it. The env's Worker (`<name>-<env>`) then never runs the top-level migrations that are not
repeated, which is a surprise when the env list was meant as an addition.

## Example
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[env.staging.migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]
```

## Fix
Repeat the top-level entries in the env's list, or drop the env's list to inherit the top level's.

## Wrangler
Wrangler silently uses the env's list (`reference/wrangler-config-rules.md` section 2.2).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import worker_label
from wrangler_lsp.rules.migrations import own_lists
from wrangler_lsp.syntax import Severity


@rule("WL324", "env-migrations-replace-top-level", Severity.INFORMATION, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    top_tags = [m.tag for m in ctx.worker.top.migrations if m.tag is not None]
    for env, _ in own_lists(ctx.worker):
        if env.name is None:
            continue
        own_tags = {m.tag for m in env.migrations}
        dropped = [tag for tag in dict.fromkeys(top_tags) if tag not in own_tags]
        if not dropped:
            continue
        tags = ", ".join(f"`{tag}`" for tag in dropped)
        message = (
            f"`env.{env.name}.migrations` replaces the top-level `migrations` for Worker "
            f"{worker_label(env)}: top-level tags {tags} do not apply to it"
        )
        data = {"dropped_tags": dropped, "worker": env.worker_name}
        span = env.table.entries["migrations"].key_span
        yield Report(span, message, env=env.name, path=format_path(env.path("migrations")), data=data)
