"""WL404 empty-string-ignored: fixtures in `tests/fixtures/rules/WL404/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.bindings import wl404_empty_string_ignored

RULE = wl404_empty_string_ignored.check


@pytest.mark.parametrize("path", fixtures("WL404"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
