"""WL109 legacy-env-removed: fixtures in `tests/fixtures/rules/WL109/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl109_legacy_env_removed

RULE = wl109_legacy_env_removed.check


@pytest.mark.parametrize("path", fixtures("WL109"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
