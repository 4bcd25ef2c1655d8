"""WL111 invalid-worker-name

## What it does
Reports a top-level or env `name` that is not a valid Worker name: a string of lowercase letters,
digits, `_` and `-`, not starting with `-` (or empty).

## Why is this bad?
Wrangler refuses the config (and Cloudflare the upload) with such a name.

## Example
```toml
name = "My Worker"
```
Use instead:
```toml
name = "my-worker"
```

## Fix
Replace the name with the suggested lowercase form (`data.suggested`). Renaming a deployed Worker
creates a new Worker, so the fix is not preferred.

## Wrangler
Mirrors wrangler's `isValidName` error (`validation-helpers.ts:191-205`). Wrangler skips it when
deploying to a dispatch namespace, which a config file cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.model import string_value
from wrangler_lsp.model.js import json_stringify as js_json
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import WORKER_NAME, declared_envs
from wrangler_lsp.syntax import Severity


@rule("WL111", "invalid-worker-name", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    yield from _in(root, None, "")
    for env in declared_envs(root):
        yield from _in(env.table, env.name, f"{env.prefix}.")


def suggest(name: str) -> str:
    """A valid Worker name close to `name`: lowercased, other characters replaced by `-`."""
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    return cleaned or "worker"


def _in(table: tree.Table, env_name: str | None, prefix: str) -> Iterator[Report]:
    node = table.get("name")
    if node is None:
        return
    value = string_value(node)
    if value is not None and WORKER_NAME.match(value):
        return
    yield Report(
        span=node.span,
        message=(
            'Expected "name" to be of type string, alphanumeric and lowercase with dashes only but got '
            f"{js_json(node)}."
        ),
        env=env_name,
        path=f"{prefix}name",
        data={"env": env_name, "name": value, "suggested": suggest(value) if value is not None else None},
    )
