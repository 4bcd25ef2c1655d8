"""Tests of WL205 do-binding-class-name-missing: the fixtures in `tests/fixtures/rules/WL205/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl205_do_binding_class_name_missing import check as RULE


@pytest.mark.parametrize("path", fixtures("WL205"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])
