"""WL005 json5-only-syntax

## What it does
Reports JSON5 syntax that JSONC does not allow: single-quoted strings, unquoted keys, hexadecimal
numbers, `NaN`/`Infinity`, a leading `+` or a bare decimal point.

## Why is this bad?
Wrangler's JSONC parser rejects them, even though some editors accept them in `.jsonc` files.

## Example
```jsonc
{ name: 'my-worker' }
```
Use instead:
```jsonc
{ "name": "my-worker" }
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


@rule("WL005", "json5-only-syntax", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL005")
