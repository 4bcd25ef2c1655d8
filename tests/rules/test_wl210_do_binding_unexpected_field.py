"""Tests of WL210 do-binding-unexpected-field: the fixtures in `tests/fixtures/rules/WL210/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl210_do_binding_unexpected_field import check as RULE


@pytest.mark.parametrize("path", fixtures("WL210"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
