"""WL107 custom-domain-routes-inherited: fixtures in `tests/fixtures/rules/WL107/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl107_custom_domain_routes_inherited

RULE = wl107_custom_domain_routes_inherited.check


@pytest.mark.parametrize("path", fixtures("WL107"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
