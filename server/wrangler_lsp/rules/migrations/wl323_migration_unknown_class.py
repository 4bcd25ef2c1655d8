"""WL323 migration-unknown-class

## What it does
Flags a `renamed_classes` `from` or a `deleted_classes` item naming a class that no earlier entry of
the same `migrations` list created (or that an earlier entry already removed).

## Why is this bad?
Usually a typo, or a migration applied to the wrong list (an env's own `migrations` replace the top
level's). The platform rejects renaming or deleting a class the Worker does not have. It can be
intended when old entries were pruned from a list that was already deployed.

## Example
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[migrations]]
tag = "v2"
deleted_classes = ["ChatRom"]
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[migrations]]
tag = "v2"
deleted_classes = ["ChatRoom"]
```

## Fix
Correct the class name.

## Wrangler
Wrangler does not check this locally (`reference/wrangler-config-rules.md` section 4.1).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import format_path
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.migrations import own_migrations, where
from wrangler_lsp.syntax import Severity


@rule("WL323", "migration-unknown-class", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env, migrations in own_migrations(ctx.worker):
        live: set[str] = set()
        for migration in migrations:
            live.update(cls.name for cls in (*migration.new_classes, *migration.new_sqlite_classes))
            for rename in migration.renamed:
                if not _remove(live, rename.from_):
                    yield _report(env, migration, "renames", rename.from_, live)
                live.add(rename.to.name)
            for cls in migration.deleted:
                if not _remove(live, cls):
                    yield _report(env, migration, "deletes", cls, live)
            live.update(transfer.to.name for transfer in migration.transferred)


def _remove(live: set[str], cls: model.ClassName) -> bool:
    if cls.name not in live:
        return False
    live.discard(cls.name)
    return True


def _report(env: model.Env, migration: model.Migration, verb: str, cls: model.ClassName, live: set[str]) -> Report:
    message = f"`migrations[{migration.index}]` in {where(env)} {verb} `{cls.name}`, which no earlier migration creates"
    data = {"class_name": cls.name, "known": sorted(live)}
    return Report(cls.node.span, message, env=env.name, path=format_path(cls.node.path), data=data)
