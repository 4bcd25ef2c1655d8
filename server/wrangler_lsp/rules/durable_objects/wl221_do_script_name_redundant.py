"""WL221 do-script-name-redundant

## What it does
Flags a top-level Durable Object binding whose `script_name` is the top-level Worker itself.

Only the top level: in an env, `script_name` = the env's own Worker is how one *states* that the env
has objects of its own (what the quick fix of WL220 writes), so it is not flagged there.

## Why is this bad?
It binds to this Worker's own class, exactly as it would without `script_name`, but reads as if the
class lived elsewhere. It also hides the class from wrangler's lifecycle check (WL212), which skips
every binding that has a `script_name`.

## Example
```toml
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat"
```
Use instead:
```toml
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```

## Fix
Remove `script_name` (preferred: wrangler deploys the same binding). Make sure a migration or export
creates the class, which WL212 will now check.

## Wrangler
Wrangler is silent; it treats such a binding as local when bundling (`reference/wrangler-config-rules.md`
section 3, "Local vs. remote").
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import entry_path, env_label, value_span
from wrangler_lsp.syntax import Severity


@rule("WL221", "do-script-name-redundant", Severity.HINT, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    env = ctx.worker.top
    if env.name is None:
        for binding in env.do_bindings:
            if not binding.script_name or binding.script_name != env.worker_name or binding.environment is not None:
                continue
            message = (
                f"`script_name` of `{binding.name}` in {env_label(env)} is its own Worker "
                f"`{env.worker_name}`: redundant"
            )
            data = {"binding": binding.name, "worker": env.worker_name}
            title = "Remove the redundant `script_name`"
            fix = fixes.remove_key(ctx, binding.node, "script_name", title, preferred=True)
            yield Report(
                value_span(binding.node, "script_name"),
                message,
                env=env.name,
                path=entry_path(env, binding.index, "script_name"),
                data=data,
                fixes=(fix,),
            )
