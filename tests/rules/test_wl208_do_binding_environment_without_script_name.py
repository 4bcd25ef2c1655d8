"""Tests of WL208 do-binding-environment-without-script-name: the fixtures in `tests/fixtures/rules/WL208/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl208_do_binding_environment_without_script_name import check as RULE


@pytest.mark.parametrize("path", fixtures("WL208"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
