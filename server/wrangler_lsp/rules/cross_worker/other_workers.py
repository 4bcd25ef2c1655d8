"""The Durable Object bindings of a config that name another Worker: one of the workspace's (with its entries
in the index), or the config's own top level."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from wrangler_lsp.model import DoBinding, Env
from wrangler_lsp.rules.context import Context, KnownWorker


def bindings_to_other_workers(ctx: Context) -> Iterator[tuple[Env, DoBinding, str, Sequence[KnownWorker]]]:
    """Each binding whose `script_name` is none of this config's own Workers, and the workspace's Workers of
    that name (none when the workspace does not know it). Nothing without a workspace."""
    if ctx.workspace is None:
        return
    own_names = ctx.own_worker_names
    for env in ctx.worker.all_envs:
        for binding in env.do_bindings:
            script = binding.script_name
            if script is not None and script not in own_names:
                yield env, binding, script, ctx.workspace.workers_named(script)


def bindings_to_own_top_level(ctx: Context) -> Iterator[tuple[Env, DoBinding, str, Env]]:
    """Each env's binding whose `script_name` is the Worker the config's top level deploys as, and that top
    level (whose classes are in every view of the config: `rules/by_env.py`). Not an env that deploys as
    that same Worker (its own `name` equals the top level's): its bindings are its own; nor a binding with
    the legacy `environment`, which addressed another Worker than `script_name` alone (WL222)."""
    top = ctx.worker.top
    name = top.worker_name
    if name is None:
        return
    for env in ctx.worker.envs:
        if env.worker_name == name:
            continue
        for binding in env.do_bindings:
            if binding.script_name == name and binding.environment is None:
                yield env, binding, name, top
