"""Tests of WL323 migration-unknown-class: the fixtures in `tests/fixtures/rules/WL323/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl323_migration_unknown_class import check as RULE


@pytest.mark.parametrize("path", fixtures("WL323"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
