"""WL306 migration-transferred-classes-invalid

## What it does
Reports a `transferred_classes` value that is not an array of `{from, from_script, to}` tables with
string values.

## Why is this bad?
Wrangler refuses the config, so the transfer (and the deploy) does not happen.

## Example
```toml
[[migrations]]
tag = "v2"
transferred_classes = [{ from = "Room", to = "Room" }]
```
Use instead:
```toml
[[migrations]]
tag = "v2"
transferred_classes = [{ from = "Room", from_script = "old-chat", to = "Room" }]
```

## Fix
Give every entry a string `from`, `from_script` (the Worker the class comes from) and `to`.

## Wrangler
Mirrors error M6 in `reference/wrangler-config-rules.md` (`validateMigrations`): one error for the list,
echoing it; we place it on the first bad entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.migrations import entry_list_reports
from wrangler_lsp.syntax import Severity


@rule("WL306", "migration-transferred-classes-invalid", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return entry_list_reports(ctx, "transferred_classes", ("from", "from_script", "to"))
