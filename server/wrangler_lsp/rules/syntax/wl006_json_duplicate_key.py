"""WL006 json-duplicate-key

## What it does
Reports a key that appears twice in one JSON object.

## Why is this bad?
The parser silently keeps the last value, so the first one is dead text that looks live.

## Example
```jsonc
{ "main": "src/old.ts", "main": "src/index.ts" }
```
Use instead:
```jsonc
{ "main": "src/index.ts" }
```

## Wrangler
Wrangler is silent: its JSONC parser keeps the last value.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.syntax import issues_with_code
from wrangler_lsp.syntax import Severity


@rule("WL006", "json-duplicate-key", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL006")
