"""WL501 do-class-not-in-target-worker

## What it does
Flags a Durable Object binding whose `script_name` names a Worker of the workspace whose config does not
create `class_name` (no migration or `exports` entry of that Worker's env leaves the class live). The
message lists the classes that Worker does create.

## Why is this bad?
The binding addresses a namespace that does not exist: deploying fails with "class not found" or, worse,
the Worker binds to nothing until the other Worker adds the migration. Usually a typo in `class_name`
or in `script_name`.

## Example
`workers/rooms/wrangler.toml` creates `ChatRoom`:
```toml
name = "rooms"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```
and another Worker binds to it:
```toml
name = "api"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Chatroom"
script_name = "rooms"
```
Use instead:
```toml
name = "api"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "rooms"
```

## Wrangler
Extra: wrangler validates one config at a time and cannot see the other Worker's migrations; the error
only comes from the Cloudflare API at deploy time.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.cross_worker.other_workers import bindings_to_other_workers
from wrangler_lsp.syntax import Severity


@rule("WL501", "do-class-not-in-target-worker", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env, binding, script, targets in bindings_to_other_workers(ctx):
        class_name = binding.class_name
        if class_name is None or not targets or any(class_name in target.classes for target in targets):
            continue
        node = binding.node.get("class_name")
        assert node is not None
        created = sorted({cls for target in targets for cls in target.classes})
        listed = ", ".join(f"`{cls}`" for cls in created) if created else "no Durable Object classes"
        where = "" if env.is_top else f" (in `env.{env.name}`)"
        yield Report(
            node.span,
            f"Worker `{script}` does not create class `{class_name}`{where}; it creates {listed}",
            env=env.name,
            path=format_path((*binding.path, "class_name")),
            data={"script_name": script, "classes": created},
        )
