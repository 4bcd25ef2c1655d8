"""WL105 env-missing-define-keys: fixtures in `tests/fixtures/rules/WL105/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl105_env_missing_define_keys

RULE = wl105_env_missing_define_keys.check


@pytest.mark.parametrize("path", fixtures("WL105"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
