"""Tests of WL202 do-bindings-not-array: the fixtures in `tests/fixtures/rules/WL202/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.durable_objects.wl202_do_bindings_not_array import check as RULE


@pytest.mark.parametrize("path", fixtures("WL202"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_message_echoes_value() -> None:
    (finding,) = run_rules('[durable_objects.bindings]\nname = "R"\nclass_name = "C"\n', syntax.Format.TOML, [RULE])
    assert (
        finding.message
        == 'The field "durable_objects.bindings" should be an array but got {"name":"R","class_name":"C"}.'
    )
