"""WL106 env-extra-define-key: fixtures in `tests/fixtures/rules/WL106/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl106_env_extra_define_key

RULE = wl106_env_extra_define_key.check


@pytest.mark.parametrize("path", fixtures("WL106"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
