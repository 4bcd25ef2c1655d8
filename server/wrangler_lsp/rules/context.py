"""What rules read: the document's format, text, config tree, and the Worker model resolved from it."""

from __future__ import annotations

from functools import cached_property

from wrangler_lsp import model
from wrangler_lsp.config import Config
from wrangler_lsp.syntax import Format


class Context:
    """The analysed document a rule checks. The Worker model is resolved once, on first use."""

    def __init__(self, fmt: Format, source: bytes, config: Config) -> None:
        self.format = fmt
        self.source = source
        self.config = config

    @cached_property
    def worker(self) -> model.Worker:
        return model.resolve(self.config.root, self.format)
