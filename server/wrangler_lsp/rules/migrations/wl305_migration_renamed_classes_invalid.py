"""WL305 migration-renamed-classes-invalid

## What it does
Reports a `renamed_classes` value that is not an array of `{from, to}` tables with string values.

## Why is this bad?
Wrangler refuses the config, so the rename (and the deploy) does not happen.

## Example
```toml
[[migrations]]
tag = "v2"
renamed_classes = [{ from = "OldRoom" }]
```
Use instead:
```toml
[[migrations]]
tag = "v2"
renamed_classes = [{ from = "OldRoom", to = "ChatRoom" }]
```

## Fix
Give every entry a string `from` and `to`.

## Wrangler
Mirrors error M5 in `reference/wrangler-config-rules.md` (`validateMigrations`): one error for the list,
echoing it; we place it on the first bad entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.migrations import entry_list_reports
from wrangler_lsp.syntax import Severity


@rule("WL305", "migration-renamed-classes-invalid", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return entry_list_reports(ctx, "renamed_classes", ("from", "to"))
