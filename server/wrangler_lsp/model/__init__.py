"""Model layer: what wrangler makes of a config, for the top level and every env at once.

API boundary: `resolve(root, format) -> Worker` (see `worker.py`, `resolve.py`), the lifecycle of
Durable Object classes (`lifecycle.py`) and the key catalogue (`keys.py`). Reads only the config tree:
never tree-sitter nodes, never text positions in a client encoding.
"""

from wrangler_lsp.model.js import json_stringify, truthy
from wrangler_lsp.model.lifecycle import live_classes
from wrangler_lsp.model.resolve import resolve, string_value, update, worker_names
from wrangler_lsp.model.worker import (
    Backend,
    ClassName,
    DoBinding,
    Env,
    Export,
    LiveClass,
    Migration,
    Rename,
    Transfer,
    Worker,
)

__all__ = [
    "Backend",
    "ClassName",
    "DoBinding",
    "Env",
    "Export",
    "LiveClass",
    "Migration",
    "Rename",
    "Transfer",
    "Worker",
    "json_stringify",
    "live_classes",
    "resolve",
    "string_value",
    "truthy",
    "update",
    "worker_names",
]
