"""The Durable Object bindings of a config that name another Worker, with that Worker's entries in the index."""

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
