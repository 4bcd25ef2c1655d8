"""WL001 toml-syntax-error

## What it does
Reports text that is not TOML 1.0: a missing value, an unclosed bracket or string, a stray character.

## Why is this bad?
Wrangler parses `wrangler.toml` before anything else and stops at the first syntax error: nothing is
deployed and no other check runs.

## Example
```toml
main =
[env.staging
```
Use instead:
```toml
main = "src/index.ts"
[env.staging]
```

## Wrangler
Mirrors the TOML parse error wrangler throws (`parse.ts:115-136`). We keep analysing the rest of the
file, so later sections still get their diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.syntax import issues_with_code
from wrangler_lsp.syntax import Severity


@rule("WL001", "toml-syntax-error", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL001")
