"""WL321 migration-class-created-twice

## What it does
Flags a migration that creates a class (as new, renamed-to or transferred-to) that is already live at
that point of the same `migrations` list.

## Why is this bad?
The platform refuses to create a namespace for a class that already has one, so the deploy fails at
that migration; listing a class in both `new_classes` and `new_sqlite_classes` is a common case.

## Example
```toml
[[migrations]]
tag = "v1"
new_classes = ["ChatRoom"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["ChatRoom"]
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_classes = ["ChatRoom"]
```

## Fix
Remove the second creation (a class's storage backend cannot be changed by creating it again).

## Wrangler
Wrangler does not check this locally (`reference/wrangler-config-rules.md` section 4.1); the API rejects it.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import format_path
from wrangler_lsp.rules.api import Origin, Related, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.migrations import own_migrations, where
from wrangler_lsp.syntax import Severity


@rule("WL321", "migration-class-created-twice", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env, migrations in own_migrations(ctx.worker):
        live: dict[str, tuple[model.Migration, model.ClassName]] = {}
        for migration in migrations:
            created = [*migration.new_classes, *migration.new_sqlite_classes]
            for rename in migration.renamed:
                live.pop(rename.from_.name, None)
                created.append(rename.to)
            for cls in migration.deleted:
                live.pop(cls.name, None)
            created += [transfer.to for transfer in migration.transferred]
            for cls in created:
                if cls.name not in live:
                    live[cls.name] = (migration, cls)
                    continue
                earlier, earlier_cls = live[cls.name]
                tag = f" (tag `{earlier.tag}`)" if earlier.tag is not None else ""
                message = (
                    f"`{cls.name}` is created again by `migrations[{migration.index}]` in {where(env)}: "
                    f"`migrations[{earlier.index}]`{tag} already created it"
                )
                related = (Related(earlier_cls.node.span, f"`{cls.name}` first created here"),)
                path = format_path(cls.node.path)
                data = {"class_name": cls.name, "first_index": earlier.index}
                yield Report(cls.node.span, message, env=env.name, path=path, related=related, data=data)
