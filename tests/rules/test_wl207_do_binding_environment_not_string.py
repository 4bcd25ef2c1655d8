"""Tests of WL207 do-binding-environment-not-string: the fixtures in `tests/fixtures/rules/WL207/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl207_do_binding_environment_not_string import check as RULE


@pytest.mark.parametrize("path", fixtures("WL207"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
