"""Tests of WL212 do-missing-lifecycle: the fixtures in `tests/fixtures/rules/WL212/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp import syntax
from wrangler_lsp.rules.durable_objects.wl212_do_missing_lifecycle import check as RULE


@pytest.mark.parametrize("path", fixtures("WL212"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_toml_message_matches_wrangler() -> None:
    text = 'durable_objects.bindings = [{name="A", class_name="Alpha"}, {name="B", class_name="Beta"}]'
    first, second = run_rules(text, syntax.Format.TOML, [RULE])
    assert first.message == second.message
    assert first.message == (
        "In your wrangler.toml file, you have configured `durable_objects` exported by this Worker (Alpha, Beta), "
        "but no live `exports` entry for them. This may not work as expected until you add a live "
        "`durable-object` entry to `exports` for each. Add the following configuration:\n\n```\n"
        '[exports.Alpha]\ntype = "durable-object"\nstorage = "sqlite"\n\n'
        '[exports.Beta]\ntype = "durable-object"\nstorage = "sqlite"\n\n```'
    )
    assert first.data == {"classes": ["Alpha", "Beta"], "worker": None}


def test_json_snippet_and_env() -> None:
    text = '{"name": "w", "env": {"s": {"durable_objects": {"bindings": [{"name": "R", "class_name": "Room"}]}}}}'
    (finding,) = run_rules(text, syntax.Format.JSON, [RULE])
    assert finding.env == "s" and finding.path == "env.s.durable_objects"
    assert finding.message.endswith(
        '```\n{\n  "exports": {\n    "Room": {\n      "type": "durable-object",\n      "storage": "sqlite"\n'
        "    }\n  }\n}\n``` (in `env.s`)"
    )
    assert finding.data == {"classes": ["Room"], "worker": "w-s"}


def test_string_migrations_count_as_non_empty_like_javascript() -> None:
    assert (
        run_rules(
            'migrations = "v1"\ndurable_objects.bindings = [{name="R", class_name="C"}]', syntax.Format.TOML, [RULE]
        )
        == []
    )
