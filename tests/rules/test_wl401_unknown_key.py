"""WL401 unknown-key: fixtures in `tests/fixtures/rules/WL401/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.bindings import wl401_unknown_key

RULE = wl401_unknown_key.check


@pytest.mark.parametrize("path", fixtures("WL401"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
