"""WL111 invalid-worker-name: fixtures in `tests/fixtures/rules/WL111/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp.rules.environments import wl111_invalid_worker_name
from wrangler_lsp.syntax import Format

RULE = wl111_invalid_worker_name.check


@pytest.mark.parametrize("path", fixtures("WL111"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


@pytest.mark.parametrize(
    ("name", "suggested"),
    [("My Worker", "my-worker"), ("my.worker", "my-worker"), ("Prod_X", "prod_x"), ("!!", "worker")],
)
def test_suggested_name(name: str, suggested: str) -> None:
    (finding,) = run_rules(f'name = "{name}"\n', Format.TOML, [RULE])
    assert finding.data["suggested"] == suggested
    assert finding.env is None and finding.path == "name"
