"""Tests of WL204 do-binding-name-missing: the fixtures in `tests/fixtures/rules/WL204/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.durable_objects.wl204_do_binding_name_missing import check as RULE


@pytest.mark.parametrize("path", fixtures("WL204"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_env_message_names_env() -> None:
    text = "[env.staging]\ndurable_objects.bindings = [{ class_name = 'C' }]\n"
    (finding,) = run_rules(text, syntax.Format.TOML, [RULE])
    assert finding.message == 'binding should have a string "name" field. (in `env.staging`)'
    assert finding.path == "env.staging.durable_objects.bindings[0].name"
