"""WL102 env-missing-binding-list-names: fixtures in `tests/fixtures/rules/WL102/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp.rules.environments import wl102_env_missing_binding_list_names
from wrangler_lsp.syntax import Format

RULE = wl102_env_missing_binding_list_names.check


@pytest.mark.parametrize("path", fixtures("WL102"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_missing_names_listed_in_data() -> None:
    text = (
        'name = "chat"\n'
        'durable_objects.bindings = [{ name = "A", class_name = "A" }, { name = "B", class_name = "B" }]\n'
        "[env.dev]\ndurable_objects = {}\n"
    )
    (finding,) = run_rules(text, Format.TOML, [RULE])
    assert finding.data == {"key": "durable_objects", "env": "dev", "missing": ["A", "B"], "worker": "chat-dev"}
    assert "- A\n- B\n" in finding.message
