"""WL206 do-binding-script-name-not-string

## What it does
Reports a Durable Object binding whose `script_name` is not a string.

## Why is this bad?
`script_name` names the Worker that defines the class; wrangler refuses any other type.

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = 1
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat"
```

## Fix
Write the Worker name as a string, or remove `script_name` to bind to this Worker's own class.

## Wrangler
Mirrors error D7 in `reference/wrangler-config-rules.md` (`validateDurableObjectBinding`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import entry_field_reports
from wrangler_lsp.syntax import Severity

_MESSAGE = 'the field "script_name", when present, should be a string.'


@rule("WL206", "do-binding-script-name-not-string", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return entry_field_reports(ctx, "script_name", _MESSAGE, required=False)
