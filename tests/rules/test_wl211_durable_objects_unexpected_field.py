"""Tests of WL211 durable-objects-unexpected-field: the fixtures in `tests/fixtures/rules/WL211/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl211_durable_objects_unexpected_field import check as RULE


@pytest.mark.parametrize("path", fixtures("WL211"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
