"""The Worker model: what wrangler makes of a config for the top level and for every env at once.

Plain frozen data built by `model/resolve.py`. Wrong types in the config are not errors here: a value
that is not what wrangler expects simply does not appear in the typed fields (`DoBinding.name` is None
when `name` is missing or not a string), and rules read the raw `config` nodes to report it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from wrangler_lsp.config import Entry, KeyPath, Node, Scalar, Table
from wrangler_lsp.model import keys
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span


@dataclass(frozen=True, slots=True)
class DoBinding:
    """One table entry of an env's own `durable_objects.bindings`.

    `target_worker` is the Worker whose namespace the binding addresses: `script_name` when it is a
    string, else the env's resolved Worker name (None when unknown). `explicit_script` says whether the
    entry has a `script_name` key at all (whatever its value). For a binding of a named env,
    `top_level_binding` is the top-level binding with the same `name`, and `shares_top_level_storage`
    says whether both address the same Worker and class (None when there is no such binding or either
    side is unknown).
    """

    name: str | None
    class_name: str | None
    script_name: str | None
    environment: str | None
    node: Table
    index: int
    path: KeyPath
    target_worker: str | None
    explicit_script: bool
    is_local: bool
    """Whether wrangler's lifecycle check counts the class as this Worker's own (`!binding.script_name`)."""
    top_level_binding: DoBinding | None = None
    shares_top_level_storage: bool | None = None


@dataclass(frozen=True, slots=True)
class ClassName:
    """A class name written in a migration, with the string node that holds it."""

    name: str
    node: Scalar


@dataclass(frozen=True, slots=True)
class Rename:
    """One `renamed_classes` entry (`from` -> `to`); `node` is the entry table."""

    from_: ClassName
    to: ClassName
    node: Table


@dataclass(frozen=True, slots=True)
class Transfer:
    """One `transferred_classes` entry: class `from_` of Worker `from_script` becomes class `to` here."""

    from_: ClassName
    from_script: str
    to: ClassName
    node: Table


@dataclass(frozen=True, slots=True)
class Migration:
    """One table entry of a `migrations` list. Only well-typed values appear in the tuples."""

    tag: str | None
    index: int
    node: Table
    path: KeyPath
    new_classes: tuple[ClassName, ...]
    new_sqlite_classes: tuple[ClassName, ...]
    renamed: tuple[Rename, ...]
    deleted: tuple[ClassName, ...]
    transferred: tuple[Transfer, ...]


@dataclass(frozen=True, slots=True)
class Export:
    """One entry of `exports` whose value is a table, keyed by class name."""

    class_name: str
    entry: Entry
    """The `exports` entry (its key is the class name)."""
    node: Table
    path: KeyPath
    type: str | None
    state: str
    """`state`, defaulting to "created" as wrangler does (a non-string state is kept as "")."""
    storage: str | None

    @property
    def key_span(self) -> Span:
        """Where the class name is written (read from the entry: the config's spans move on edits)."""
        return self.entry.key_span

    @property
    def is_durable_object(self) -> bool:
        return self.type == "durable-object"

    @property
    def is_live(self) -> bool:
        """A live Durable Object export (state created or expecting-transfer), as wrangler counts it."""
        return self.is_durable_object and self.state in ("created", "expecting-transfer")


class Backend(Enum):
    """The storage backend of a Durable Object class."""

    SQLITE = "sqlite"
    KV = "kv"
    UNKNOWN = "unknown"
    """Transferred from another Worker, or an export with no/unknown storage."""


@dataclass(frozen=True, slots=True)
class LiveClass:
    """A class an env's lifecycle leaves live: its backend and where it was created (or renamed to)."""

    name: str
    backend: Backend
    tag: str | None
    """The tag of the migration that created it, or gave it this name; None for an export."""
    migration_index: int | None
    node: Node
    """The string naming it in that migration, or the export's table."""


@dataclass(frozen=True, slots=True)
class Env:
    """The top level (`name` None) or one named env, with its own and resolved values."""

    name: str | None
    table: Table
    top_table: Table
    key_entry: Entry | None
    """The env's entry in the `env` table (None for the top level)."""
    path_prefix: KeyPath
    worker_name: str | None
    worker_name_explicit: bool
    do_bindings: tuple[DoBinding, ...]
    migrations: tuple[Migration, ...]
    migrations_node: Node | None
    """The resolved `migrations` value (own, else inherited), whatever its type."""
    migrations_inherited: bool
    exports: tuple[Export, ...]
    exports_node: Node | None
    exports_inherited: bool
    live_classes: tuple[LiveClass, ...]

    @property
    def is_top(self) -> bool:
        return self.name is None

    @property
    def key_span(self) -> Span:
        """Where the env's name is written (read from its entry: the config's spans move on edits)."""
        return self.key_entry.key_span if self.key_entry is not None else Span(0, 0)

    @property
    def label(self) -> str:
        """How messages name the env: `top level` or `env.NAME`."""
        return "top level" if self.name is None else f"env.{self.name}"

    def get(self, key: str) -> Node | None:
        """The env's own value of `key` (for the top level, the root's)."""
        return self.table.get(key)

    def resolved(self, key: str) -> Node | None:
        """The value wrangler uses for `key` in this env, applying inheritance by the key catalogue.

        Inheritable keys fall back to the top level, non-inheritable and unknown keys do not, and
        top-level-only keys (and `env`) exist only at the top level.
        """
        if self.name is None:
            return self.table.get(key)
        info = keys.key_info(key)
        scope = info.scope if info is not None else None
        if scope is keys.Scope.INHERITABLE:
            own = self.table.get(key)
            return own if own is not None else self.top_table.get(key)
        if scope in (keys.Scope.TOP_LEVEL_ONLY, keys.Scope.ENVIRONMENTS):
            return self.top_table.get(key)
        return self.table.get(key)

    def path(self, *keys_: str | int) -> KeyPath:
        """A key path inside this env: `("env", name, *keys_)`, or `keys_` at the top level."""
        return (*self.path_prefix, *keys_)

    def binds_own(self, binding: DoBinding) -> bool:
        """Whether `binding` addresses this env's own Worker: no `script_name` (what wrangler's lifecycle
        check counts as local), or one naming that Worker."""
        return binding.is_local or binding.script_name == self.worker_name

    def live_class(self, name: str) -> LiveClass | None:
        return next((live for live in self.live_classes if live.name == name), None)


@dataclass(frozen=True, slots=True)
class Worker:
    """The resolved config: the top level and every declared env (whose value is a table), in order."""

    format: Format
    root: Table
    top: Env
    envs: tuple[Env, ...]

    index: dict[str, int] | None = field(default=None, repr=False, compare=False)
    """Each env's place in `envs` by name, made on first use (or handed on by `model.update`, which keeps
    the order): not built per keystroke, it cost 0.8 ms at 3,448 envs."""

    def places(self) -> dict[str, int]:
        """Each env's place in `envs`, by name."""
        if self.index is None:
            index: dict[str, int] = {}
            for idx, env in enumerate(self.envs):
                if env.name is not None:
                    index.setdefault(env.name, idx)
            object.__setattr__(self, "index", index)
            return index
        return self.index

    @property
    def all_envs(self) -> tuple[Env, ...]:
        return (self.top, *self.envs)

    def env(self, name: str) -> Env | None:
        idx = self.places().get(name)
        return self.envs[idx] if idx is not None else None
