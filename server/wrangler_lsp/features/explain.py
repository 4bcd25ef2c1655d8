"""Feature: explain — per env, each Durable Object binding's class and Worker, and the keys it lacks.

Plain text tables for `wrangler-lsp explain` and the editor's "Explain environments" command.
"""

from __future__ import annotations

from collections.abc import Sequence

from wrangler_lsp import model
from wrangler_lsp.features.describe import binding_facts, missing_non_inherited


def explain(worker: model.Worker, env_name: str | None = None, *, all_envs: bool = True) -> str:
    """A table per env (or only `env_name`; the top level when `all_envs` is False and no env is given)."""
    envs = worker.all_envs
    if env_name is not None:
        envs = tuple(env for env in envs if env.name == env_name)
    elif not all_envs:
        envs = (worker.top,)
    blocks = []
    for env in envs:
        title = "top level" if env.is_top else f"env.{env.name}"
        deploys = env.worker_name or "(unknown: no name)"
        rows = [("binding", "class", "worker", "how", "shares top-level storage")]
        for binding in env.do_bindings:
            facts = binding_facts(worker, env, binding)
            shares = (
                "-"
                if env.is_top
                else {True: "yes", False: "NO", None: "no top-level binding"}[
                    facts.shares_top_level if facts.top_binding is not None else None
                ]
            )
            rows.append((binding.name or "?", binding.class_name or "?", facts.worker or "?", facts.how, shares))
        lines = [f"{title}: deploys as {deploys}"]
        if len(rows) > 1:
            lines += _table(rows)
        else:
            lines.append("  no Durable Object bindings")
        missing = missing_non_inherited(worker, env)
        if missing:
            lines.append("  lacks non-inherited keys: " + ", ".join(missing))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for idx, row in enumerate(rows):
        out.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if idx == 0:
            out.append("  " + "  ".join("-" * width for width in widths))
    return out
