"""Placeholder: resolving the Worker model from the config tree (being written)."""

from __future__ import annotations

from wrangler_lsp.config import Table
from wrangler_lsp.model.worker import Worker
from wrangler_lsp.syntax import Format


def resolve(root: Table, fmt: Format) -> Worker:
    return Worker()
