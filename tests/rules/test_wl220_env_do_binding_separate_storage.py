"""Tests of WL220 env-do-binding-separate-storage: the fixtures in `tests/fixtures/rules/WL220/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures
from wrangler_lsp.rules.durable_objects.wl220_env_do_binding_separate_storage import check as RULE


@pytest.mark.parametrize("path", fixtures("WL220"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_message_and_data() -> None:
    (finding,) = check_fixture(fixtures("WL220")[1], [RULE])
    assert finding.message == (
        "`ROOMS` in `env.staging` binds to `ChatRoom` in Worker `chat-staging`, separate from the top-level "
        "`ROOMS` (Worker `chat`): different objects and storage"
    )
    assert finding.env == "staging"
    assert finding.path == "env.staging.durable_objects.bindings[0]"
    assert finding.data == {
        "binding": "ROOMS",
        "class_name": "ChatRoom",
        "implied_worker": "chat-staging",
        "top_level_worker": "chat",
        "top_level_class_name": "ChatRoom",
    }
    assert len(finding.related) == 1
