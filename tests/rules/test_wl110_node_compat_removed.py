"""WL110 node-compat-removed: fixtures in `tests/fixtures/rules/WL110/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl110_node_compat_removed

RULE = wl110_node_compat_removed.check


@pytest.mark.parametrize("path", fixtures("WL110"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
