"""Building a Worker from fixture text with a `$0` cursor, for feature tests."""

from __future__ import annotations

from wrangler_lsp import config, model, syntax


def worker_at(text: str, fmt: syntax.Format = syntax.Format.TOML) -> tuple[model.Worker, bytes, int]:
    """The Worker of `text` without its `$0` marker, the source bytes and the marker's byte offset."""
    before, _, after = text.partition("$0")
    source = (before + after).encode()
    return model.resolve(config.build(syntax.parse(fmt, source)).root, fmt), source, len(before.encode())


def worker_of(text: str, fmt: syntax.Format = syntax.Format.TOML) -> model.Worker:
    return worker_at(text + "$0", fmt)[0]
