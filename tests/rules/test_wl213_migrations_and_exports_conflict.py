"""Tests of WL213 migrations-and-exports-conflict: the fixtures in `tests/fixtures/rules/WL213/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl213_migrations_and_exports_conflict import check as RULE


@pytest.mark.parametrize("path", fixtures("WL213"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_related_and_data() -> None:
    path = fixtures("WL213")[1]
    top, env = check_fixture(path, [RULE])
    assert top.related[0].message == "`exports.Room` is a Durable Object export"
    assert top.data == {"exports": ["Room"], "migrations_inherited": False}
    assert env.env == "own_exports" and env.data["migrations_inherited"] is True
