"""WL405 toml-date-in-vars: fixtures in `tests/fixtures/rules/WL405/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.bindings import wl405_toml_date_in_vars

RULE = wl405_toml_date_in_vars.check


@pytest.mark.parametrize("path", fixtures("WL405"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
