"""WL113 env-without-worker-name: fixtures in `tests/fixtures/rules/WL113/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.environments import wl113_env_without_worker_name

RULE = wl113_env_without_worker_name.check


@pytest.mark.parametrize("path", fixtures("WL113"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
