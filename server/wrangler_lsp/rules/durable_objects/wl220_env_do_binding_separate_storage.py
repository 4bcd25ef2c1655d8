"""WL220 env-do-binding-separate-storage

## What it does
Points out, on each Durable Object binding of a named env that has no `script_name`, that it binds to
the class in the env's own Worker (`<name>-<env>`), not to the top-level Worker's objects.

## Why is this bad?
It is often intended (staging data kept apart from production), but just as often a surprise: an env
deploys as a separate Worker, so `ROOMS` in `env.staging` reaches different objects, with different
storage, than the top-level `ROOMS`, and the class needs its own migrations in that Worker.

## Example
```toml
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```
Use instead (to share the top-level Worker's objects):
```toml
[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat"
```

## Fix
Add `script_name = "<top-level name>"` to share the top-level objects. Neither choice is preferred:
keeping separate storage is also correct.

## Wrangler
Wrangler is silent: a binding without `script_name` addresses the uploading Worker, which for an env is
`<name>-<env>` (`reference/wrangler-config-rules.md` section 5.1).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.model.worker import DoBinding
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Fix, Origin, Related, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import entry_path, value_span
from wrangler_lsp.syntax import Severity


@rule("WL220", "env-do-binding-separate-storage", Severity.HINT, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env in ctx.worker.envs:
        for binding in env.do_bindings:
            top = binding.top_level_binding
            if binding.explicit_script or top is None or binding.class_name is None:
                continue
            if binding.shares_top_level_storage or top.target_worker == binding.target_worker:
                continue
            worker = f"`{binding.target_worker}`" if binding.target_worker else "an unnamed Worker"
            top_worker = f"`{top.target_worker}`" if top.target_worker else "an unnamed Worker"
            message = (
                f"`{binding.name}` in `env.{env.name}` binds to `{binding.class_name}` in Worker {worker}, "
                f"separate from the top-level `{top.name}` (Worker {top_worker}): "
                "different objects and storage"
            )
            data = {
                "binding": binding.name,
                "class_name": binding.class_name,
                "implied_worker": binding.target_worker,
                "top_level_worker": top.target_worker,
                "top_level_class_name": top.class_name,
            }
            related = (Related(value_span(top.node, "name"), f"the top-level `{top.name}` binding"),)
            path = entry_path(env, binding.index)
            yield Report(
                value_span(binding.node, "name"),
                message,
                env=env.name,
                path=path,
                related=related,
                data=data,
                fixes=_fixes(ctx, binding, top.target_worker),
            )


def _fixes(ctx: Context, binding: DoBinding, top_worker: str | None) -> tuple[Fix, ...]:
    out = []
    if top_worker:
        title = f'Share the top-level objects: script_name = "{top_worker}"'
        out.append(fixes.set_script_name(ctx, binding, top_worker, title, preferred=False))
    if binding.target_worker:
        title = f'Make the implied worker explicit: script_name = "{binding.target_worker}"'
        out.append(fixes.set_script_name(ctx, binding, binding.target_worker, title, preferred=False))
    return tuple(out)
