"""WL109 legacy-env-removed

## What it does
Reports a top-level `legacy_env` field.

## Why is this bad?
Service environments were removed in wrangler 4.111: wrangler refuses the config while the field is
present. Every env now deploys as its own Worker named `<name>-<env>`, which is what
`legacy_env = true` (the old default) did.

## Example
```toml
name = "chat"
legacy_env = true
```
Use instead:
```toml
name = "chat"
```

## Fix
Remove the field; with `legacy_env = true` nothing changes. With `false`, envs used to share the
top-level Worker name: set `name` in each env if that is still wanted.

## Wrangler
Mirrors wrangler's error (`validation.ts:297-315`). Inside an env the field is only an unknown field
(WL401).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.syntax import Severity


@rule("WL109", "legacy-env-removed", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    entry = ctx.config.root.entries.get("legacy_env")
    if entry is None:
        return
    yield Report(
        span=entry.key_span,
        message=(
            'The "legacy_env" field is no longer supported, so please remove it from your configuration '
            "file.\n"
            "Service environments have been removed, and each environment is now deployed as its own Worker "
            "named "
            '"<name>-<environment>". This matches the behaviour of "legacy_env = true", which was the '
            "default, so "
            "removing the field will not change how your Worker is deployed.\n"
            "Refer to https://developers.cloudflare.com/workers/wrangler/environments/ for more information."
        ),
        path="legacy_env",
        data={"key": "legacy_env"},
    )
