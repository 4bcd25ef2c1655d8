"""Tests of WL322 do-binding-class-not-live: the fixtures in `tests/fixtures/rules/WL322/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.migrations.wl322_do_binding_class_not_live import check as RULE


@pytest.mark.parametrize("path", fixtures("WL322"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_reasons() -> None:
    renamed, deleted, missing = check_fixture(fixtures("WL322")[0], [RULE])
    assert renamed.data["reason"] == "renamed" and renamed.data["renamed_to"] == "Room"
    assert renamed.message == (
        "`ROOMS` in the top level binds to `ChatRoom`, which `migrations[1]` (tag `v2`) renames to `Room`: "
        "Worker `chat` has no live class of that name"
    )
    assert deleted.data["reason"] == "deleted" and deleted.data["tag"] == "v2"
    assert missing.data["reason"] == "never-created"


def test_malformed_migrations_do_not_cascade() -> None:
    text = (
        'durable_objects.bindings = [{name="R", class_name="Room"}]\n[[migrations]]\ntag = "v1"\nnew_classes = "Room"'
    )
    assert run_rules(text, syntax.Format.TOML, [RULE]) == []


def test_broken_text_does_not_cascade() -> None:
    text = 'durable_objects.bindings = [{name="R", class_name="Room"}]\n'
    text += '[[migrations]]\ntag = "v1"\nnew_classes = ["Room]\n'
    assert run_rules(text, syntax.Format.TOML, [RULE]) == []
