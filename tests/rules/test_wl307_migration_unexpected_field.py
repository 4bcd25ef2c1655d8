"""Tests of WL307 migration-unexpected-field: the fixtures in `tests/fixtures/rules/WL307/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl307_migration_unexpected_field import check as RULE


@pytest.mark.parametrize("path", fixtures("WL307"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
