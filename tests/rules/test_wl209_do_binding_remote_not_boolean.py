"""Tests of WL209 do-binding-remote-not-boolean: the fixtures in `tests/fixtures/rules/WL209/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.durable_objects.wl209_do_binding_remote_not_boolean import check as RULE


@pytest.mark.parametrize("path", fixtures("WL209"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_message_echoes_entry() -> None:
    text = 'durable_objects.bindings = [{ name = "R", class_name = "C", remote = "yes" }]'
    (finding,) = run_rules(text, syntax.Format.TOML, [RULE])
    expected = '"durable_objects.bindings[0]" should, optionally, have a boolean "remote" field but got '
    assert finding.message == expected + '{"name":"R","class_name":"C","remote":"yes"}.'
