"""Tests of WL303 migration-tag-not-string: the fixtures in `tests/fixtures/rules/WL303/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl303_migration_tag_not_string import check as RULE


@pytest.mark.parametrize("path", fixtures("WL303"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
