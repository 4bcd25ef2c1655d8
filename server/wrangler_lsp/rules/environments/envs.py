"""The environments a config declares, and the Worker name each one deploys as.

Environment rules run for every declared env at once (wrangler validates only the `--env` one), so
they all start from `declared_envs`. Worker names follow wrangler's resolution: an env's own `name`,
else `<top-level name>-<env>`, else none (`reference/wrangler-config-rules.md` section 5.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from wrangler_lsp.config import tree
from wrangler_lsp.model import string_value
from wrangler_lsp.text import Span

WORKER_NAME = re.compile(r"(?:|[a-z0-9_][a-z0-9_-]*)\Z")
"""What wrangler's `isValidName` accepts: empty, or lowercase letters, digits, `_` and `-`."""


@dataclass(frozen=True, slots=True)
class EnvSite:
    """One `env.NAME` table: its name, the entry that declares it, and its own table."""

    name: str
    entry: tree.Entry
    table: tree.Table

    @property
    def key_span(self) -> Span:
        """The env's key as written (`staging` in `[env.staging]`, `"staging"` in JSON)."""
        return self.entry.key_span

    @property
    def prefix(self) -> str:
        """The dotted path of the env table: `env.staging`."""
        return f"env.{self.name}"


def declared_envs(root: tree.Table) -> tuple[EnvSite, ...]:
    """Every env of `root` whose value is a table, in source order."""
    envs = root.get("env")
    if not isinstance(envs, tree.Table):
        return ()
    return tuple(
        EnvSite(name, entry, entry.value) for name, entry in envs.entries.items() if isinstance(entry.value, tree.Table)
    )


def top_level_name(root: tree.Table) -> str | None:
    """The top-level `name` if it is a non-empty string (wrangler appends `-<env>` only then)."""
    name = string_value(root.get("name"))
    return name or None


def worker_name(root: tree.Table, env: EnvSite) -> str | None:
    """The name `env` deploys as: its own `name`, else `<top-level name>-<env>`, else None."""
    own = env.table.get("name")
    if own is not None:
        return string_value(own)
    top = top_level_name(root)
    return f"{top}-{env.name}" if top is not None else None


def describe_worker(root: tree.Table, env: EnvSite) -> str:
    """The env and its Worker for messages: "`env.staging` (Worker `chat-staging`)", or "`env.staging`"."""
    name = worker_name(root, env)
    return f"`{env.prefix}`" if name is None else f"`{env.prefix}` (Worker `{name}`)"


def entry_at(table: tree.Table, key: str) -> tree.Entry | None:
    """The entry of `key` in `table`, or None."""
    return table.entries.get(key)


def missing_table_keys(root: tree.Table, key: str) -> Iterator[tuple[EnvSite, tree.Entry, list[str]]]:
    """For each env whose own `key` table (`vars`, `define`) lacks names the top-level one has: the env,
    its entry, and the missing names in top-level order."""
    top = root.get(key)
    if not isinstance(top, tree.Table):
        return
    for env in declared_envs(root):
        entry = env.table.entries.get(key)
        if entry is None or not isinstance(entry.value, tree.Table):
            continue
        missing = [name for name in top.entries if name not in entry.value.entries]
        if missing:
            yield env, entry, missing
