"""WL003 toml-duplicate-key

## What it does
Reports a key or table defined twice: the same key in one table, a `[table]` header repeated, a dotted
key that extends a table defined elsewhere, or an inline table extended afterwards.

## Why is this bad?
TOML forbids redefinition; wrangler refuses the file ("Cannot declare ... twice").

## Example
```toml
[vars]
A = "1"
[vars]
B = "2"
```
Use instead:
```toml
[vars]
A = "1"
B = "2"
```

## Wrangler
Mirrors the TOML parse error wrangler throws (`parse.ts:115-136`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.syntax import issues_with_code
from wrangler_lsp.syntax import Severity


@rule("WL003", "toml-duplicate-key", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL003")
