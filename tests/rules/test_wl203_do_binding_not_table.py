"""Tests of WL203 do-binding-not-table: the fixtures in `tests/fixtures/rules/WL203/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl203_do_binding_not_table import check as RULE


@pytest.mark.parametrize("path", fixtures("WL203"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
