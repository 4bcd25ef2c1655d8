"""WL112 invalid-implied-worker-name: fixtures in `tests/fixtures/rules/WL112/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp.rules.environments import wl112_invalid_implied_worker_name
from wrangler_lsp.syntax import Format

RULE = wl112_invalid_implied_worker_name.check


@pytest.mark.parametrize("path", fixtures("WL112"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_data_names_implied_worker_and_suggested_env() -> None:
    (finding,) = run_rules('name = "chat"\n[env.Staging_X]\n', Format.TOML, [RULE])
    assert finding.data == {"env": "Staging_X", "worker": "chat-Staging_X", "suggested_env": "staging_x"}


def test_silent_when_top_level_name_is_invalid() -> None:
    assert run_rules('name = "Chat"\n[env.Staging]\n', Format.TOML, [RULE]) == []
