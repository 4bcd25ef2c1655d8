"""WL002 invalid-toml-value

## What it does
Reports a TOML value that is malformed: an unknown escape in a string, a control character, an integer
with a leading zero or a misplaced underscore, an impossible date such as `2024-02-30`.

## Why is this bad?
TOML 1.0 rejects these values, and so does wrangler's parser: the file does not load.

## Example
```toml
[vars]
GREETING = "hello\\q"
```
Use instead:
```toml
[vars]
GREETING = "hello\\q"
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


@rule("WL002", "invalid-toml-value", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL002")
