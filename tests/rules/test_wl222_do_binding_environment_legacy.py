"""Tests of WL222 do-binding-environment-legacy: the fixtures in `tests/fixtures/rules/WL222/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl222_do_binding_environment_legacy import check as RULE


@pytest.mark.parametrize("path", fixtures("WL222"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_data_suggests_suffixed_worker() -> None:
    (finding,) = check_fixture(fixtures("WL222")[1], [RULE])
    assert finding.data["suggested_script_name"] == "chat-staging"
    assert finding.path == "durable_objects.bindings[0].environment"
