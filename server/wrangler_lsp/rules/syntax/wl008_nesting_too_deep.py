"""WL008 nesting-too-deep

## What it does
Reports a file whose arrays or tables nest so deeply (thousands of levels) that wrangler-lsp cannot
analyse it; the rest of its checks are skipped for that file.

## Why is this bad?
No Wrangler configuration needs more than a handful of levels: such a file is generated or broken, and
it cannot be checked.

## Example
```toml
a = [[[[[[[[[[ ... thousands of levels ... ]]]]]]]]]]
```
Use instead: a configuration with the nesting its keys need.

## Wrangler
Wrangler is silent here: its parsers accept deep nesting. This is a limit of the analyser, reported
instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.syntax import issues_with_code
from wrangler_lsp.syntax import Severity


@rule("WL008", "nesting-too-deep", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL008")
