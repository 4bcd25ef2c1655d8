"""Tests of WL221 do-script-name-redundant: the fixtures in `tests/fixtures/rules/WL221/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.durable_objects.wl221_do_script_name_redundant import check as RULE


@pytest.mark.parametrize("path", fixtures("WL221"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_message() -> None:
    text = 'name = "chat"\ndurable_objects.bindings = [{ name = "R", class_name = "C", script_name = "chat" }]'
    (finding,) = run_rules(text, syntax.Format.TOML, [RULE])
    assert finding.message == "`script_name` of `R` in the top level is its own Worker `chat`: redundant"
    assert finding.data == {"binding": "R", "worker": "chat"}
