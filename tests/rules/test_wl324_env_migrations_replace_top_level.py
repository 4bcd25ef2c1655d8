"""Tests of WL324 env-migrations-replace-top-level: the fixtures in `tests/fixtures/rules/WL324/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.migrations.wl324_env_migrations_replace_top_level import check as RULE


@pytest.mark.parametrize("path", fixtures("WL324"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_data_lists_dropped_tags() -> None:
    (finding,) = check_fixture(fixtures("WL324")[1], [RULE])
    assert finding.data == {"dropped_tags": ["v1", "v2"], "worker": "chat-staging"}
    assert finding.message == (
        "`env.staging.migrations` replaces the top-level `migrations` for Worker `chat-staging`: "
        "top-level tags `v1`, `v2` do not apply to it"
    )
