"""WL104 env-missing-vars: fixtures in `tests/fixtures/rules/WL104/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl104_env_missing_vars

RULE = wl104_env_missing_vars.check


@pytest.mark.parametrize("path", fixtures("WL104"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
