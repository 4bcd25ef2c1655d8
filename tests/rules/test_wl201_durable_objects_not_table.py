"""Tests of WL201 durable-objects-not-table: the fixtures in `tests/fixtures/rules/WL201/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.durable_objects.wl201_durable_objects_not_table import check as RULE


@pytest.mark.parametrize("path", fixtures("WL201"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_message_env_and_path() -> None:
    text = '{"durable_objects": [1], "env": {"staging": {"durable_objects": "ROOMS"}}}'
    top, env = run_rules(text, syntax.Format.JSON, [RULE])
    assert (top.env, top.path) == (None, "durable_objects")
    assert top.message == 'The field "durable_objects" should be an object but got [1].'
    assert (env.env, env.path) == ("staging", "env.staging.durable_objects")
    assert env.message == 'The field "env.staging.durable_objects" should be an object but got "ROOMS".'
