"""WL320 migration-duplicate-tag

## What it does
Flags a migration `tag` already used by an earlier entry of the same `migrations` list.

## Why is this bad?
On deploy, wrangler looks up the deployed Worker's tag in the list *by position* and uploads only the
entries after it. With a repeated tag it finds the first one, so later migrations can be applied twice
or skipped, and the Worker's recorded tag becomes ambiguous.

## Example
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Lobby"]
```
Use instead:
```toml
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]
```

## Fix
Give the later entry a new, unique tag.

## Wrangler
Wrangler does not check tag uniqueness (`reference/wrangler-config-rules.md` section 4.1).
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import Node, format_path
from wrangler_lsp.rules.api import Origin, Related, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.migrations import field, own_migrations, where
from wrangler_lsp.syntax import Severity


@rule("WL320", "migration-duplicate-tag", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env, migrations in own_migrations(ctx.worker):
        first: dict[str, tuple[int, Node]] = {}
        for migration in migrations:
            tag_node = migration.node.get("tag")
            if migration.tag is None or tag_node is None:
                continue
            if migration.tag not in first:
                first[migration.tag] = (migration.index, tag_node)
                continue
            index, node = first[migration.tag]
            message = f"Migration tag `{migration.tag}` in {where(env)} repeats `{field(index, 'tag')}`"
            related = (Related(node.span, f"`{migration.tag}` first used here"),)
            path = format_path(env.path("migrations", migration.index, "tag"))
            data = {"tag": migration.tag, "first_index": index}
            yield Report(tag_node.span, message, env=env.name, path=path, related=related, data=data)
