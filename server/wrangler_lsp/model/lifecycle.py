"""Durable Object lifecycle: which classes an env's migrations and exports leave live, and with what storage.

Migrations apply in list order (wrangler uploads them in that order); inside one migration, new classes
come first, then renames, deletions and transfers. Live `durable-object` exports add their class with
the storage they declare.
"""

from __future__ import annotations

from collections.abc import Iterable

from wrangler_lsp.model.worker import Backend, Export, LiveClass, Migration

_STORAGE = {"sqlite": Backend.SQLITE, "legacy-kv": Backend.KV}


def live_classes(migrations: Iterable[Migration], exports: Iterable[Export]) -> tuple[LiveClass, ...]:
    """The classes live after applying `migrations` in order, then the live DO `exports`.

    A class created twice keeps its first creation; a rename or transfer to a name creates it even
    when its source was never created (with an unknown backend).
    """
    live: dict[str, LiveClass] = {}
    for migration in migrations:
        tag, index = migration.tag, migration.index
        created = [(Backend.KV, cls) for cls in migration.new_classes]
        created += [(Backend.SQLITE, cls) for cls in migration.new_sqlite_classes]
        for backend, cls in created:
            live.setdefault(cls.name, LiveClass(cls.name, backend, tag, index, cls.node))
        for rename in migration.renamed:
            before = live.pop(rename.from_.name, None)
            backend = before.backend if before is not None else Backend.UNKNOWN
            live[rename.to.name] = LiveClass(rename.to.name, backend, tag, index, rename.to.node)
        for cls in migration.deleted:
            live.pop(cls.name, None)
        for transfer in migration.transferred:
            to = transfer.to
            live.setdefault(to.name, LiveClass(to.name, Backend.UNKNOWN, tag, index, to.node))
    for export in exports:
        if export.is_live:
            backend = _STORAGE.get(export.storage or "", Backend.UNKNOWN)
            live.setdefault(export.class_name, LiveClass(export.class_name, backend, None, None, export.node))
    return tuple(live.values())
