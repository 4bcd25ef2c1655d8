"""WL112 invalid-implied-worker-name

## What it does
Flags an env without its own `name` whose implied Worker name `<top-level name>-<env>` is not a valid
Worker name, because the env key has uppercase letters, spaces, dots or other characters.

## Why is this bad?
Wrangler builds the env's Worker name from the env key without checking it, so the mistake only shows
up when Cloudflare rejects the upload, or a Worker with an unexpected name is created.

## Example
```toml
name = "chat"

[env.Staging]
workers_dev = true
```
Use instead:
```toml
name = "chat"

[env.staging]
workers_dev = true
```

## Fix
Rename the env key to the suggested lowercase form (`data.suggested_env`; `--env` arguments change
too), or give the env its own valid `name`.

## Wrangler
Wrangler is silent: the suffixed name is never validated (`reference/wrangler-config-rules.md` 5.1).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import WORKER_NAME, declared_envs, top_level_name
from wrangler_lsp.rules.environments.wl111_invalid_worker_name import suggest
from wrangler_lsp.syntax import Severity


@rule("WL112", "invalid-implied-worker-name", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    top = top_level_name(root)
    if top is None or not WORKER_NAME.match(top):
        return
    for env in declared_envs(root):
        if "name" in env.table.entries:
            continue
        implied = f"{top}-{env.name}"
        if WORKER_NAME.match(implied):
            continue
        yield Report(
            span=env.key_span,
            message=(
                f"`{env.prefix}` deploys as the Worker `{implied}`, which is not a valid Worker name "
                "(lowercase letters, digits, `_` and `-` only)"
            ),
            env=env.name,
            path=env.prefix,
            data={"env": env.name, "worker": implied, "suggested_env": suggest(env.name)},
        )
