"""WL401 unknown-key

## What it does
Flags a key that wrangler does not know, at the top level or directly inside `env.X` (typos such as
`compatability_date`, keys of the old Rust wrangler such as `type`, `zone_id`, `usage_model`, and
`legacy_env` inside an env).

## Why is this bad?
Wrangler ignores unknown keys (with a warning), so a misspelt key silently has no effect.

## Example
```toml
compatability_date = "2025-01-01"
```
Use instead:
```toml
compatibility_date = "2025-01-01"
```

## Fix
Rename the key to the closest known key (`data.suggestion`) when there is one, else remove it.

## Wrangler
Mirrors wrangler's unexpected-field warnings for the top level and the env (`validation-helpers.ts:568-587`);
wrangler lists all unexpected keys of a table in one warning, this rule reports each key on its own.
Top-level-only keys inside an env are WL108.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.model import keys
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs
from wrangler_lsp.syntax import Severity

_INTERNAL = ("configPath", "userConfigPath", "topLevelName", "definedEnvironments", "targetEnvironment")
"""Keys of wrangler's normalized config that its top-level check therefore accepts."""

_TOP_LEVEL_KNOWN = frozenset((*(info.name for info in keys.all_keys()), *_INTERNAL))
_ENV_KNOWN = frozenset(info.name for info in keys.env_keys())
_ENV_IGNORED = frozenset((*keys.top_level_only_keys(), "env", "node_compat"))
"""Keys of an env reported by other rules (WL108, WL110)."""
_ENV_CANDIDATES = sorted(_ENV_KNOWN)
_TOP_CANDIDATES = sorted(_TOP_LEVEL_KNOWN - set(_INTERNAL))
"""What a misspelt key is matched against (sorted once, not per env)."""


@rule("WL401", "unknown-key", Severity.WARNING, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    yield from _unknown(root, None, "top-level", "", _TOP_LEVEL_KNOWN)
    for env in declared_envs(root):
        yield from _unknown(env.table, env.name, env.prefix, f"{env.prefix}.", _ENV_KNOWN | _ENV_IGNORED)


def _unknown(
    table: tree.Table, env_name: str | None, scope: str, prefix: str, known: frozenset[str]
) -> Iterator[Report]:
    candidates = _ENV_CANDIDATES if env_name is not None else _TOP_CANDIDATES
    for key, entry in table.entries.items():
        if key in known:
            continue
        message = f'Unexpected fields found in {scope} field: "{key}"'
        suggestion = _suggest(key, candidates)
        if key == "legacy_env":
            message += "\n`legacy_env` was removed in wrangler 4.111 and is ignored here"
            suggestion = None
        elif suggestion is not None:
            message += f"\nDid you mean `{suggestion}`?"
        yield Report(
            span=entry.key_span,
            message=message,
            env=env_name,
            path=f"{prefix}{key}",
            data={"env": env_name, "key": key, "suggestion": suggestion},
        )


def _suggest(key: str, candidates: list[str]) -> str | None:
    normalized = key.replace("-", "_").lower()
    if normalized != key and normalized in candidates:
        return normalized
    matches = difflib.get_close_matches(normalized, candidates, n=1, cutoff=0.8)
    return matches[0] if matches else None
