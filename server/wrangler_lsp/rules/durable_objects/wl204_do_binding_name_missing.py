"""WL204 do-binding-name-missing

## What it does
Reports a Durable Object binding without a string `name`.

## Why is this bad?
`name` is the binding the Worker's code uses (`env.ROOMS`); without it wrangler refuses the config.

## Example
```toml
[[durable_objects.bindings]]
class_name = "ChatRoom"
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```

## Fix
Add `name` (a string).

## Wrangler
Mirrors error D5 in `reference/wrangler-config-rules.md` (`validateDurableObjectBinding`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import entry_field_reports
from wrangler_lsp.syntax import Severity


@rule("WL204", "do-binding-name-missing", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return entry_field_reports(ctx, "name", 'binding should have a string "name" field.', required=True)
