"""WL103 env-missing-array-binding: fixtures in `tests/fixtures/rules/WL103/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp.rules.environments import wl103_env_missing_array_binding
from wrangler_lsp.syntax import Format

RULE = wl103_env_missing_array_binding.check


@pytest.mark.parametrize("path", fixtures("WL103"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_one_finding_per_missing_name() -> None:
    text = 'kv_namespaces = [{ binding = "A", id = "1" }, { binding = "B", id = "2" }]\n[env.dev]\nkv_namespaces = []\n'
    findings = run_rules(text, Format.TOML, [RULE])
    assert [f.data["binding"] for f in findings] == ["A", "B"]
    assert all(f.path == "env.dev.kv_namespaces" for f in findings)


def test_queue_producers_are_not_compared_like_wrangler() -> None:
    text = 'queues.producers = [{ binding = "Q", queue = "q" }]\n[env.dev]\nqueues.producers = []\n'
    assert run_rules(text, Format.TOML, [RULE]) == []
