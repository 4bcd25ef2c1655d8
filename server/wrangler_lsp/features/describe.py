"""Facts about envs and Durable Object bindings, and the sentences hover and explain build from them."""

from __future__ import annotations

from dataclasses import dataclass

from wrangler_lsp import config, model
from wrangler_lsp.model import keys
from wrangler_lsp.model.worker import Backend, DoBinding, Env, LiveClass
from wrangler_lsp.uris import to_path
from wrangler_lsp.workspace import WorkspaceIndex


@dataclass(frozen=True, slots=True)
class BindingFacts:
    """Where a Durable Object binding's class lives and whether it shares the top level's objects."""

    worker: str | None
    how: str
    """`explicit` (script_name), `implied` (the env's own Worker) or `unknown` (no worker name)."""
    shares_top_level: bool | None
    top_binding: DoBinding | None
    live: LiveClass | None
    lifecycle_env: Env | None
    """The env of this config whose migrations/exports define the class, when the Worker is one of ours."""


def binding_facts(worker: model.Worker, env: Env, binding: DoBinding) -> BindingFacts:
    how = "explicit" if binding.script_name is not None else ("implied" if env.worker_name else "unknown")
    home = next((e for e in worker.all_envs if e.worker_name and e.worker_name == binding.target_worker), None)
    live = home.live_class(binding.class_name) if home is not None and binding.class_name else None
    return BindingFacts(
        binding.target_worker,
        how,
        binding.shares_top_level_storage,
        binding.top_level_binding,
        live,
        home,
    )


def env_label(env: Env) -> str:
    return "the top level" if env.is_top else f"`env.{env.name}`"


def binding_lines(worker: model.Worker, env: Env, binding: DoBinding) -> list[str]:
    facts = binding_facts(worker, env, binding)
    name = f"`{binding.name}`" if binding.name else "(unnamed)"
    cls = f"`{binding.class_name}`" if binding.class_name else "(no class_name)"
    target = f"`{facts.worker}`" if facts.worker else "an unknown Worker (no top-level `name`)"
    lines = [f"**Durable Object binding {name}** in {env_label(env)}: class {cls} of Worker {target}", ""]
    if facts.how == "explicit":
        lines.append(f'- Worker: explicit, `script_name = "{binding.script_name}"`')
    elif facts.how == "implied":
        source = "its `name`" if env.worker_name_explicit else f"`<name>-{env.name}`" if env.name else "`name`"
        lines.append(f"- Worker: implied (no `script_name`): the env's own Worker, {source}")
    if not env.is_top:
        top = facts.top_binding
        if top is None:
            lines.append(f"- No top-level binding named {name}")
        elif facts.shares_top_level:
            lines.append(f"- Storage: **shared** with the top-level {name} (same Worker and class)")
        else:
            top_worker = f"`{top.target_worker}`" if top.target_worker else "the top-level Worker"
            lines.append(f"- Storage: **separate** from the top-level {name} (Worker {top_worker}): different objects")
    lines.append(_lifecycle_line(binding, facts))
    return lines


def _lifecycle_line(binding: DoBinding, facts: BindingFacts) -> str:
    if facts.lifecycle_env is None:
        return "- Class lifecycle: defined in that Worker's own config"
    where = env_label(facts.lifecycle_env)
    live = facts.live
    if live is None:
        return f"- No migration or export of {where} creates `{binding.class_name}`"
    backend = {
        Backend.SQLITE: "SQLite-backed (no remote development in the dashboard: only KV-backed classes have it)",
        Backend.KV: "KV-backed (supports remote development in the dashboard)",
        Backend.UNKNOWN: "storage backend unknown",
    }[live.backend]
    origin = f"migration `{live.tag}`" if live.tag is not None else "an `exports` entry"
    inherited = facts.lifecycle_env.migrations_inherited and not facts.lifecycle_env.is_top and live.tag is not None
    where += " (inherited from the top level)" if inherited else ""
    return f"- Created by {origin} of {where}: {backend}"


def script_name_lines(index: WorkspaceIndex, script_name: str) -> list[str]:
    """Where the Worker `script_name` is configured in the workspace, if it is."""
    entries = index.workers_named(script_name)
    if not entries:
        return ["", f"Worker `{script_name}` is not configured in this workspace (it may be deployed from elsewhere)"]
    lines = ["", f"Worker `{script_name}` is configured in:"]
    for entry in entries:
        where = "top level" if entry.env is None else f"env.{entry.env}"
        classes = ", ".join(f"`{c}`" for c in entry.classes) or "no Durable Object classes"
        lines.append(f"- [{to_path(entry.uri)}]({entry.uri}) ({where}): creates {classes}")
    return lines


def missing_non_inherited(worker: model.Worker, env: Env) -> list[str]:
    """Non-inheritable keys the top level has and `env` lacks, in wrangler's order."""
    if env.is_top:
        return []
    return [k for k in keys.non_inheritable_in_order() if k in worker.top.table.entries and k not in env.table.entries]


def present_non_inherited(env: Env) -> list[str]:
    return [k for k in keys.non_inheritable_in_order() if k in env.table.entries]


def env_lines(worker: model.Worker, env: Env) -> list[str]:
    name = f"`{env.worker_name}`" if env.worker_name else "an unknown Worker (no `name` here or at the top level)"
    how = "its own `name`" if env.worker_name_explicit else f"`<top-level name>-{env.name}`"
    lines = [f"**env `{env.name}`** deploys as Worker {name}", ""]
    if env.worker_name:
        lines.append(f"- Name from {how}")
    has = present_non_inherited(env)
    missing = missing_non_inherited(worker, env)
    lines.append("- Non-inherited keys it has: " + (", ".join(f"`{k}`" for k in has) or "none"))
    if missing:
        lines.append("- Lacks (set at the top level, not inherited): " + ", ".join(f"`{k}`" for k in missing))
    return lines


def key_lines(worker: model.Worker, env: Env, path: config.KeyPath) -> list[str]:
    key = path[-1]
    assert isinstance(key, str)
    at_env_level = len(path) == len(env.path_prefix) + 1
    if not at_env_level:
        return []
    if key == "name":
        return _name_lines(worker, env)
    info = keys.key_info(key)
    if info is None:
        return []
    scope = {
        keys.Scope.INHERITABLE: "Inherited by environments unless they set it (the whole value is replaced).",
        keys.Scope.NON_INHERITABLE: "**Not inherited**: every environment must repeat it.",
        keys.Scope.TOP_LEVEL_ONLY: "Top level only: ignored inside an environment.",
        keys.Scope.ENVIRONMENTS: "Named environments, each deployed as its own Worker.",
        keys.Scope.REMOVED: "No longer supported by Wrangler.",
    }[info.scope]
    return [f"**`{key}`**: {info.doc}", "", scope, "", f"[Cloudflare docs]({info.url})"]


def _name_lines(worker: model.Worker, env: Env) -> list[str]:
    if not env.is_top:
        return [f"**`name`** of `env.{env.name}`: deploys as Worker `{env.worker_name}` (used as is, nothing appended)"]
    lines = ["**`name`**: the Worker name. Each environment deploys as a Worker of its own:", ""]
    for each in worker.all_envs:
        label = "top level" if each.is_top else f"env.{each.name}"
        value = f"`{each.worker_name}`" if each.worker_name else "unknown"
        lines.append(f"- {label}: {value}")
    return lines
