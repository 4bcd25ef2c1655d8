"""`query.at` (binary search over TOML sections) answers exactly as a full descent from the root does."""

from __future__ import annotations

import pytest

from tests import paths
from wrangler_lsp import config, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.features import query

FILES = sorted(p for p in paths.CORPUS.glob("*.toml"))


def _full_descent(worker: object, offset: int) -> tuple[config.KeyPath, bool] | None:
    node: config.Node = worker.root  # type: ignore[attr-defined]
    path: config.KeyPath = ()
    on_key = False
    while True:
        step = query.child_at(node, offset)
        if step is None:
            break
        key, _, node, is_key = step
        path = (*path, key)
        if is_key:
            on_key = True
            break
    return (path, on_key) if path else None


@pytest.mark.parametrize("path", FILES[::4], ids=lambda p: p.name)
def test_fast_query_equals_full_descent(path: object) -> None:
    source = path.read_bytes()  # type: ignore[attr-defined]
    worker = Document("file:///w/wrangler.toml", syntax.Format.TOML, source).context.worker
    for offset in range(0, len(source), 7):
        fast = query.at(worker, offset)
        assert (None if fast is None else (fast.path, fast.on_key)) == _full_descent(worker, offset), offset
