"""Model layer: what wrangler makes of a config, for the top level and every env at once.

API boundary: `resolve(root, format) -> Worker` (see `worker.py`, `resolve.py`) and the key catalogue
(`keys.py`). Reads only the config tree: never tree-sitter nodes, never text positions in a client encoding.
"""

from wrangler_lsp.model.resolve import resolve
from wrangler_lsp.model.worker import Worker

__all__ = ["Worker", "resolve"]
