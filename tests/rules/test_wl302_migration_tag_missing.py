"""Tests of WL302 migration-tag-missing: the fixtures in `tests/fixtures/rules/WL302/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.migrations.wl302_migration_tag_missing import check as RULE


@pytest.mark.parametrize("path", fixtures("WL302"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_env_message_and_path() -> None:
    text = "[[env.staging.migrations]]\nnew_classes = ['A']\n"
    (finding,) = run_rules(text, syntax.Format.TOML, [RULE])
    assert finding.message == '"migrations[0].tag" is a required field. (in `env.staging`)'
    assert (finding.env, finding.path) == ("staging", "env.staging.migrations[0].tag")
