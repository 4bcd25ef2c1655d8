"""Tests of WL301 migrations-not-array: the fixtures in `tests/fixtures/rules/WL301/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl301_migrations_not_array import check as RULE


@pytest.mark.parametrize("path", fixtures("WL301"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
