"""WL004 json-syntax-error

## What it does
Reports text that is not JSONC: a missing comma or colon, an unclosed brace, a missing value.

## Why is this bad?
Wrangler parses `wrangler.json` and `wrangler.jsonc` with the same JSONC parser and stops at the first
error. Comments and trailing commas are fine in both.

## Example
```jsonc
{ "name": "my-worker" "main": "src/index.ts" }
```
Use instead:
```jsonc
{ "name": "my-worker", "main": "src/index.ts" }
```

## Wrangler
Mirrors the JSONC parse error wrangler throws (`parse.ts:183-201`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.syntax import issues_with_code
from wrangler_lsp.syntax import Severity


@rule("WL004", "json-syntax-error", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL004")
