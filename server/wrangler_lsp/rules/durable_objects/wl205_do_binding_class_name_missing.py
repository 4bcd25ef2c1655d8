"""WL205 do-binding-class-name-missing

## What it does
Reports a Durable Object binding without a string `class_name`.

## Why is this bad?
`class_name` names the exported Durable Object class the binding reaches; without it wrangler refuses
the config.

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
```

## Fix
Add `class_name` (a string, the exported class).

## Wrangler
Mirrors error D6 in `reference/wrangler-config-rules.md` (`validateDurableObjectBinding`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import entry_field_reports
from wrangler_lsp.syntax import Severity


@rule("WL205", "do-binding-class-name-missing", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return entry_field_reports(ctx, "class_name", 'binding should have a string "class_name" field.', required=True)
