"""WL403 duplicate-binding-name

## What it does
Reports a binding name used by several bindings of the resolved Worker: twice within one kind
(two KV namespaces bound as `CACHE`) or across kinds (a Durable Object and a variable both named
`STORE`). Checked for the top level and for every env, with what each env really has: its own
non-inherited bindings, inherited `assets`/`logfwdr`, and the top-level-only blobs and wasm modules.
Every use of the name is flagged.

## Why is this bad?
The Worker reaches bindings as `env.<NAME>`, so one name cannot refer to two things; wrangler refuses
the config.

## Example
```toml
kv_namespaces = [{ binding = "STORE", id = "a" }]
[vars]
STORE = "x"
```
Use instead:
```toml
kv_namespaces = [{ binding = "STORE", id = "a" }]
[vars]
STORE_NAME = "x"
```

## Fix
Rename one of the bindings (and its uses in the code).

## Wrangler
Mirrors `validateBindingsHaveUniqueNames` (`validation.ts:4785-4879`), which wrangler runs on the top
level or the `--env` env only, followed by a summary error asking for unique names.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.model import keys
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import EnvSite, declared_envs, describe_worker
from wrangler_lsp.rules.environments.values import BindingName, get_binding_names
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import Span

_TOP_LEVEL_ONLY = frozenset(keys.top_level_only_keys())
_INHERITABLE = frozenset(keys.inheritable_keys())
_KINDS = tuple(
    (kind, container, member, container in _TOP_LEVEL_ONLY, container in _INHERITABLE)
    for kind in keys.binding_kinds()
    for container, _, member in [kind.key.partition(".")]
)
"""Each binding kind with its container key and member (`queues.producers`: `queues`, `producers`),
and whether the container is top-level-only or inheritable (how an env resolves it)."""
_KINDS_OF: dict[str, tuple[int, ...]] = {}
for _idx, _kind in enumerate(_KINDS):
    _KINDS_OF[_kind[1]] = (*_KINDS_OF.get(_kind[1], ()), _idx)
"""Container key -> indices of the kinds it holds (`queues` holds one, `durable_objects` one, ...)."""


@rule("WL403", "duplicate-binding-name", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    seen: set[tuple[Span, str]] = set()
    runs: list[EnvSite | None] = [None, *declared_envs(root)]
    # Kinds an env can take from the top level (top-level-only or inheritable, present there): same for all.
    from_top = frozenset(idx for idx, kind in enumerate(_KINDS) if (kind[3] or kind[4]) and kind[1] in root.entries)
    for env in runs:
        for report in _duplicates(root, env, from_top):
            if (report.span, report.message.split("\n", 1)[0]) in seen:
                continue
            seen.add((report.span, report.message.split("\n", 1)[0]))
            yield report


def _duplicates(root: tree.Table, env: EnvSite | None, from_top: frozenset[int]) -> Iterator[Report]:
    by_name: dict[str, list[tuple[str, BindingName]]] = {}
    for display, binding in _bindings(root, env, from_top):
        by_name.setdefault(binding.name, []).append((display, binding))
    suffix: str | None = None
    env_name = None if env is None else env.name
    for name, uses in by_name.items():
        if len(uses) < 2:
            continue
        if suffix is None:  # worded only when there is a duplicate
            suffix = "" if env is None else f"\nIn {describe_worker(root, env)}"
        kinds = [display for display, _ in uses]
        different = list(dict.fromkeys(kinds))
        if len(different) > 1:
            message = f"{name} assigned to {_english(different)} bindings.{suffix}"
            for _, binding in uses:
                yield _report(binding, message, env_name, name, different)
        repeated = list(dict.fromkeys(kind for idx, kind in enumerate(kinds) if kinds.index(kind) != idx))
        for kind in repeated:
            message = f"{name} assigned to multiple {kind} bindings.{suffix}"
            for display, binding in uses:
                if display == kind:
                    yield _report(binding, message, env_name, name, [kind])


def _bindings(root: tree.Table, env: EnvSite | None, from_top: frozenset[int]) -> Iterator[tuple[str, BindingName]]:
    """Every binding name of the resolved top level or env, in wrangler's order of kinds.

    Only kinds whose container the env (or the top level, for `from_top`) has can have names: those
    are looked at, in kind order; every other kind resolves to nothing.
    """
    top = root.entries
    own = top if env is None else env.table.entries
    candidates = set(from_top)
    for key in own:
        candidates.update(_KINDS_OF.get(key, ()))
    for idx in sorted(candidates):
        kind, container, member, top_only, inheritable = _KINDS[idx]
        # The resolved container: `_resolved(root, env, container)`, inlined (it runs per kind per env).
        entry = top.get(container) if top_only else own.get(container)
        if entry is None and inheritable:
            entry = top.get(container)
        if entry is None:
            continue  # Nothing of this kind (the common case: skip it before any call).
        node: tree.Node | None = entry.value
        if kind.shape is keys.BindingShape.STRING_LIST:
            yield from ((kind.display, name) for name in _string_list(node, member))
            continue
        if kind.shape is keys.BindingShape.BINDINGS_LIST and isinstance(node, tree.Table):
            if "bindings" not in node.entries:
                continue
        elif member and isinstance(node, tree.Table):
            node = node.get(member)
        yield from ((kind.display, name) for name in get_binding_names(node))


def _string_list(node: tree.Node | None, member: str) -> Iterator[BindingName]:
    if not isinstance(node, tree.Table):
        return
    names = node.get(member)
    if not isinstance(names, tree.Array):
        return
    for item in names.items:
        if isinstance(item, tree.Scalar) and isinstance(item.value, str):
            yield BindingName(item.value, item.span, item.path)


def _english(items: list[str]) -> str:
    """`Intl.ListFormat("en-US")`: "A and B", "A, B, and C"."""
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"


def _report(binding: BindingName, message: str, env_name: str | None, name: str, kinds: list[str]) -> Report:
    return Report(
        span=binding.span,
        message=message,
        env=env_name,
        path=tree.format_path(binding.path),
        data={"env": env_name, "name": name, "kinds": kinds},
    )
