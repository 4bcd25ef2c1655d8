"""Tests of WL305 migration-renamed-classes-invalid: the fixtures in `tests/fixtures/rules/WL305/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.migrations.wl305_migration_renamed_classes_invalid import check as RULE


@pytest.mark.parametrize("path", fixtures("WL305"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_message_echoes_list() -> None:
    text = '{"migrations": [{"tag": "v1", "renamed_classes": [{"from": "A"}]}]}'
    (finding,) = run_rules(text, syntax.Format.JSON, [RULE])
    assert finding.message == (
        'Expected "migrations[0].renamed_classes" to be an array of "{from: string, to: string}" objects '
        'but got [{"from":"A"}].'
    )
