"""WL108 top-level-only-key-in-env: fixtures in `tests/fixtures/rules/WL108/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl108_top_level_only_key_in_env

RULE = wl108_top_level_only_key_in_env.check


@pytest.mark.parametrize("path", fixtures("WL108"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
