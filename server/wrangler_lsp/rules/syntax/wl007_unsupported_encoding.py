"""WL007 unsupported-encoding

## What it does
Reports a file that is not UTF-8: a UTF-16 or UTF-32 byte-order mark, or bytes that are not valid UTF-8.

## Why is this bad?
Wrangler reads configuration as UTF-8 (a UTF-8 byte-order mark is stripped) and rejects other
byte-order marks.

## Example
A `wrangler.toml` saved as "UTF-16 LE" by an editor.

Use instead: save the file as UTF-8.

## Wrangler
Mirrors wrangler's byte-order-mark check (`parse.ts:419-468`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.syntax import issues_with_code
from wrangler_lsp.syntax import Severity


@rule("WL007", "unsupported-encoding", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL007")
