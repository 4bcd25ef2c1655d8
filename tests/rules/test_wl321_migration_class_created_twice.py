"""Tests of WL321 migration-class-created-twice: the fixtures in `tests/fixtures/rules/WL321/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl321_migration_class_created_twice import check as RULE


@pytest.mark.parametrize("path", fixtures("WL321"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
