"""Tests of WL306 migration-transferred-classes-invalid: the fixtures in `tests/fixtures/rules/WL306/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl306_migration_transferred_classes_invalid import check as RULE


@pytest.mark.parametrize("path", fixtures("WL306"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
