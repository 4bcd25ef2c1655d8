"""Migration rules (WL3xx): the shape of `migrations` and what the list does to Durable Object classes.

Wrangler validates the top-level `migrations` and an env's own `migrations` (an env without its own list
inherits the top level's, already validated there). `own_lists` yields exactly those lists, for every
env at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Array, Node, Scalar, ScalarKind, Table, format_path
from wrangler_lsp.rules.api import Report, Rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.durable_objects import in_env


def declares_lifecycle(env: model.Env) -> bool:
    """Whether `env` says which Durable Object classes its Worker has: migrations, or DO exports."""
    return bool(env.migrations) or any(export.is_durable_object for export in env.exports)


def well_formed(migrations: tuple[model.Migration, ...]) -> bool:
    """Whether every class list and rename/transfer entry of `migrations` was understood."""
    for migration in migrations:
        parsed: dict[str, int] = {
            "new_classes": len(migration.new_classes),
            "new_sqlite_classes": len(migration.new_sqlite_classes),
            "deleted_classes": len(migration.deleted),
            "renamed_classes": len(migration.renamed),
            "transferred_classes": len(migration.transferred),
        }
        for key, count in parsed.items():
            value = migration.node.get(key)
            if value is not None and not (isinstance(value, Array) and len(value.items) == count):
                return False
    return True


def own_lists(worker: model.Worker) -> Iterator[tuple[model.Env, Node]]:
    """Each env's own `migrations` value (JSON `null` excluded: wrangler treats it as absent)."""
    for env in worker.all_envs:
        node = env.get("migrations")
        if node is not None and not (isinstance(node, Scalar) and node.kind is ScalarKind.NULL):
            yield env, node


def own_items(worker: model.Worker) -> Iterator[tuple[model.Env, int, Node]]:
    """Each item of each env's own `migrations` array."""
    for env, node in own_lists(worker):
        if isinstance(node, Array):
            for index, item in enumerate(node.items):
                yield env, index, item


def own_migrations(worker: model.Worker) -> Iterator[tuple[model.Env, tuple[model.Migration, ...]]]:
    """The parsed migrations of each env that defines its own list (the top level included)."""
    for env, _ in own_lists(worker):
        yield env, env.migrations


def field(index: int, *keys: str) -> str:
    """Wrangler's env-relative name of a migration field: `migrations[0].tag`."""
    return format_path(("migrations", index, *keys))


def where(env: model.Env) -> str:
    return "the top level" if env.name is None else f"`env.{env.name}`"


def entry_list_reports(ctx: Context, key: str, required: tuple[str, ...]) -> Iterator[Report]:
    """Wrangler's check of `renamed_classes` / `transferred_classes`: one error for the whole list.

    The span is the first item without string `required` fields, or the whole value when it is not
    an array.
    """
    shape = "{" + ", ".join(f"{name}: string" for name in required) + "}"
    for env, index, item in own_items(ctx.worker):
        value = item.get(key) if isinstance(item, Table) else None
        if value is None:
            continue
        bad: Node | None = value
        if isinstance(value, Array):
            bad = next((entry for entry in value.items if not _has_strings(entry, required)), None)
        if bad is None:
            continue
        got = model.json_stringify(value)
        message = f'Expected "{field(index, key)}" to be an array of "{shape}" objects but got {got}.'
        path = format_path(env.path("migrations", index, key))
        yield Report(bad.span, in_env(env, message), env=env.name, path=path)


def _has_strings(node: Node, keys: tuple[str, ...]) -> bool:
    if not isinstance(node, Table):
        return False
    return all(model.string_value(node.get(key)) is not None for key in keys)


def _rules() -> tuple[Rule, ...]:
    from wrangler_lsp.rules.migrations import (
        wl301_migrations_not_array,
        wl302_migration_tag_missing,
        wl303_migration_tag_not_string,
        wl304_migration_class_list_invalid,
        wl305_migration_renamed_classes_invalid,
        wl306_migration_transferred_classes_invalid,
        wl307_migration_unexpected_field,
        wl320_migration_duplicate_tag,
        wl321_migration_class_created_twice,
        wl322_do_binding_class_not_live,
        wl323_migration_unknown_class,
        wl324_env_migrations_replace_top_level,
    )

    return (
        wl301_migrations_not_array.check,
        wl302_migration_tag_missing.check,
        wl303_migration_tag_not_string.check,
        wl304_migration_class_list_invalid.check,
        wl305_migration_renamed_classes_invalid.check,
        wl306_migration_transferred_classes_invalid.check,
        wl307_migration_unexpected_field.check,
        wl320_migration_duplicate_tag.check,
        wl321_migration_class_created_twice.check,
        wl322_do_binding_class_not_live.check,
        wl323_migration_unknown_class.check,
        wl324_env_migrations_replace_top_level.check,
    )


RULES: tuple[Rule, ...] = _rules()
