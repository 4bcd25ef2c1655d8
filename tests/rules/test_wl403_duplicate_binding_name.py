"""WL403 duplicate-binding-name: fixtures in `tests/fixtures/rules/WL403/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp.rules.bindings import wl403_duplicate_binding_name
from wrangler_lsp.syntax import Format

RULE = wl403_duplicate_binding_name.check


@pytest.mark.parametrize("path", fixtures("WL403"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_top_level_duplicate_reported_once_for_all_envs() -> None:
    text = 'kv_namespaces = [{ binding = "A", id = "1" }, { binding = "A", id = "2" }]\n[env.x]\n[env.y]\n'
    findings = run_rules(text, Format.TOML, [RULE])
    assert [(f.env, f.path) for f in findings] == [
        (None, "kv_namespaces[0].binding"),
        (None, "kv_namespaces[1].binding"),
    ]


def test_env_sees_inherited_assets_and_top_level_blobs() -> None:
    text = 'assets = { directory = "d", binding = "X" }\n[env.dev]\nvars = { X = "1" }\n'
    findings = run_rules(text, Format.TOML, [RULE])
    assert {f.env for f in findings} == {"dev"}
    assert findings[0].message.split("\n") == [
        "X assigned to Environment Variable and Assets bindings.",
        "In `env.dev`",
    ]
