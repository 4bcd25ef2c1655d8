"""Durable Object rules (WL2xx): bindings, their lifecycle, and how env bindings relate to the top level.

Wrangler validates the top level and only the selected env; these rules check every env at once. The
helpers below walk each env's own `durable_objects.bindings` the way wrangler's validator does.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp import model
from wrangler_lsp.config import Array, Node, Table, format_path
from wrangler_lsp.rules.api import Report, Rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.text import Span


def in_env(env: model.Env, message: str) -> str:
    """Wrangler's `message`, with the env named when wrangler's text does not (its header does)."""
    if env.name is None or f"env.{env.name}" in message:
        return message
    return f"{message} (in `env.{env.name}`)"


def worker_label(env: model.Env) -> str:
    """How a message names the env's Worker: `` `chat-staging` `` or "an unnamed Worker"."""
    return f"`{env.worker_name}`" if env.worker_name else "an unnamed Worker"


def env_label(env: model.Env) -> str:
    return "the top level" if env.name is None else f"`env.{env.name}`"


def container_path(env: model.Env) -> str:
    """Wrangler's name for the env's DO container: `durable_objects` / `env.X.durable_objects`."""
    return format_path(env.path("durable_objects"))


def binding_entries(env: model.Env) -> Iterator[tuple[int, Node]]:
    """Each item of the env's own `durable_objects.bindings`, when that is a table holding an array."""
    container = env.get("durable_objects")
    bindings = container.get("bindings") if isinstance(container, Table) else None
    if isinstance(bindings, Array):
        yield from enumerate(bindings.items)


def entry_path(env: model.Env, index: int, *keys: str) -> str:
    return format_path(env.path("durable_objects", "bindings", index, *keys))


def value_span(table: Table, key: str) -> Span:
    """The span of `key`'s value in `table` (the table's own span when the key is absent)."""
    entry = table.entries.get(key)
    return entry.value.span if entry is not None else table.span


def key_span(table: Table, key: str) -> Span:
    """The span of `key` as written in `table` (the table's own span when the key is absent)."""
    entry = table.entries.get(key)
    return entry.key_span if entry is not None else table.span


def entry_field_reports(ctx: Context, key: str, message: str, *, required: bool) -> Iterator[Report]:
    """Wrangler's string check of one binding-entry field (`isRequiredProperty` / `isOptionalProperty`).

    The span is the wrong value, or the entry when a required field is missing.
    """
    for env in ctx.worker.all_envs:
        for index, item in binding_entries(env):
            if isinstance(item, Array):
                if required:
                    yield Report(item.span, in_env(env, message), env=env.name, path=entry_path(env, index, key))
                continue
            if not isinstance(item, Table):
                continue
            value = item.get(key)
            if value is None and not required:
                continue
            if value is not None and model.string_value(value) is not None:
                continue
            span = value.span if value is not None else item.span
            yield Report(span, in_env(env, message), env=env.name, path=entry_path(env, index, key))


def _rules() -> tuple[Rule, ...]:
    from wrangler_lsp.rules.durable_objects import (
        wl201_durable_objects_not_table,
        wl202_do_bindings_not_array,
        wl203_do_binding_not_table,
        wl204_do_binding_name_missing,
        wl205_do_binding_class_name_missing,
        wl206_do_binding_script_name_not_string,
        wl207_do_binding_environment_not_string,
        wl208_do_binding_environment_without_script_name,
        wl209_do_binding_remote_not_boolean,
        wl210_do_binding_unexpected_field,
        wl211_durable_objects_unexpected_field,
        wl212_do_missing_lifecycle,
        wl213_migrations_and_exports_conflict,
        wl220_env_do_binding_separate_storage,
        wl221_do_script_name_redundant,
        wl222_do_binding_environment_legacy,
    )

    return (
        wl201_durable_objects_not_table.check,
        wl202_do_bindings_not_array.check,
        wl203_do_binding_not_table.check,
        wl204_do_binding_name_missing.check,
        wl205_do_binding_class_name_missing.check,
        wl206_do_binding_script_name_not_string.check,
        wl207_do_binding_environment_not_string.check,
        wl208_do_binding_environment_without_script_name.check,
        wl209_do_binding_remote_not_boolean.check,
        wl210_do_binding_unexpected_field.check,
        wl211_durable_objects_unexpected_field.check,
        wl212_do_missing_lifecycle.check,
        wl213_migrations_and_exports_conflict.check,
        wl220_env_do_binding_separate_storage.check,
        wl221_do_script_name_redundant.check,
        wl222_do_binding_environment_legacy.check,
    )


RULES: tuple[Rule, ...] = _rules()
