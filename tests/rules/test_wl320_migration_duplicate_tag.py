"""Tests of WL320 migration-duplicate-tag: the fixtures in `tests/fixtures/rules/WL320/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl320_migration_duplicate_tag import check as RULE


@pytest.mark.parametrize("path", fixtures("WL320"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
