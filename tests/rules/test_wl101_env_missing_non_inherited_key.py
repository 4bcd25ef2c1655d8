"""WL101 env-missing-non-inherited-key: fixtures in `tests/fixtures/rules/WL101/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp.rules.environments import wl101_env_missing_non_inherited_key
from wrangler_lsp.syntax import Format

RULE = wl101_env_missing_non_inherited_key.check


@pytest.mark.parametrize("path", fixtures("WL101"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_message_env_path_and_data() -> None:
    text = 'name = "chat"\nkv_namespaces = []\n\n[env.staging]\nworkers_dev = true\n'
    (finding,) = run_rules(text, Format.TOML, [RULE])
    assert finding.env == "staging"
    assert finding.path == "env.staging.kv_namespaces"
    assert finding.data == {"key": "kv_namespaces", "env": "staging", "worker": "chat-staging"}
    assert finding.message.split("\n") == [
        '"kv_namespaces" exists at the top level, but not on "env.staging".',
        'This is not what you probably want, since "kv_namespaces" is not inherited by environments.',
        'Please add "kv_namespaces" to "env.staging".',
        "`env.staging` (Worker `chat-staging`) deploys without the top-level `kv_namespaces`",
    ]
    assert [related.message for related in finding.related] == ["`kv_namespaces` at the top level"]


def test_order_follows_wrangler() -> None:
    text = 'queues = {}\nvars = {}\nai = { binding = "AI" }\n[env.x]\n'
    assert [f.data["key"] for f in run_rules(text, Format.TOML, [RULE])] == ["vars", "queues", "ai"]


def test_copying_a_binding_with_an_unreadable_key_offers_no_edit() -> None:
    """Found by the fuzz test: a top-level binding whose `name` key is broken (`na😀e`) was copied with a
    value the parser could not read, and rendering it raised in the code action. Now the fix has no edit."""
    text = (
        'name = "w"\n[[durable_objects.bindings]]\nname = "A"\nclass_name = "A"\n\n'
        '[[durable_objects.bindings]]\nna😀e = "B"\nclass_name = "B"\n\n[env.staging]\nname = "w-s"\n'
    )
    findings = run_rules(text, Format.TOML, [RULE])
    copies = [fix for finding in findings for fix in finding.fixes if fix.title.startswith("Add ")]
    assert copies
    for fix in copies:
        assert fix.edits() == ()
