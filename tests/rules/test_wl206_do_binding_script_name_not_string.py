"""Tests of WL206 do-binding-script-name-not-string: the fixtures in `tests/fixtures/rules/WL206/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl206_do_binding_script_name_not_string import check as RULE


@pytest.mark.parametrize("path", fixtures("WL206"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
