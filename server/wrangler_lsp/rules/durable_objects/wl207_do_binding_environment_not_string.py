"""WL207 do-binding-environment-not-string

## What it does
Reports a Durable Object binding whose `environment` is not a string.

## Why is this bad?
Wrangler refuses any other type for `environment`.

## Example
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat"
environment = true
```
Use instead:
```toml
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat"
```

## Fix
Remove `environment` (service environments no longer exist, see WL222) or make it a string.

## Wrangler
Mirrors error D8 in `reference/wrangler-config-rules.md` (`validateDurableObjectBinding`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import entry_field_reports
from wrangler_lsp.syntax import Severity

_MESSAGE = 'the field "environment", when present, should be a string.'


@rule("WL207", "do-binding-environment-not-string", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    return entry_field_reports(ctx, "environment", _MESSAGE, required=False)
