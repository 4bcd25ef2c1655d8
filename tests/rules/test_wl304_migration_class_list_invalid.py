"""Tests of WL304 migration-class-list-invalid: the fixtures in `tests/fixtures/rules/WL304/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.migrations.wl304_migration_class_list_invalid import check as RULE


@pytest.mark.parametrize("path", fixtures("WL304"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_messages_keep_wrangler_paths() -> None:
    text = '[[migrations]]\ntag = "v1"\nnew_classes = ["A", 2]\nnew_sqlite_classes = "A"\n'
    item, whole = run_rules(text, syntax.Format.TOML, [RULE])
    assert item.message == 'Expected "migrations[0].new_classes.[1]" to be of type string but got 2.'
    assert item.path == "migrations[0].new_classes[1]"
    assert whole.message == 'Expected "migrations[0].new_sqlite_classes" to be an array of strings but got "A"'
