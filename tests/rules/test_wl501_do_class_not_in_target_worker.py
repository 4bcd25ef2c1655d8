"""WL501: a binding's class is not created by the workspace Worker its `script_name` names."""

from __future__ import annotations

from tests.rules.cross_worker_helpers import check_cross_worker
from wrangler_lsp import config, rules, syntax
from wrangler_lsp.rules.cross_worker import wl501_do_class_not_in_target_worker as wl501
from wrangler_lsp.settings import Settings

ROOMS = {
    "file:///repo/rooms/wrangler.toml": (
        'name = "rooms"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom", "Lobby"]\n'
        "[env.staging]\nmigrations = []\n"
    )
}
API = 'name = "api"\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "{cls}"\nscript_name = "{script}"\n'


def test_class_missing_in_the_target_worker() -> None:
    assert check_cross_worker(wl501.check, API.format(cls="Chatroom", script="rooms"), ROOMS) == [
        ("WL501", '"Chatroom"', "Worker `rooms` does not create class `Chatroom`; it creates `ChatRoom`, `Lobby`")
    ]


def test_matching_env_is_the_one_named() -> None:
    found = check_cross_worker(wl501.check, API.format(cls="ChatRoom", script="rooms-staging"), ROOMS)
    assert found == [
        (
            "WL501",
            '"ChatRoom"',
            "Worker `rooms-staging` does not create class `ChatRoom`; it creates no Durable Object classes",
        )
    ]


def test_class_created_is_ok_and_in_jsonc() -> None:
    assert check_cross_worker(wl501.check, API.format(cls="Lobby", script="rooms"), ROOMS) == []
    text = '{"name": "api", "env": {"x": {"durable_objects": {"bindings": [{"name": "R", "class_name": "Nope", "script_name": "rooms"}]}}}}'  # noqa: E501
    assert [m for _, _, m in check_cross_worker(wl501.check, text, ROOMS, syntax.Format.JSON)] == [
        "Worker `rooms` does not create class `Nope` (in `env.x`); it creates `ChatRoom`, `Lobby`"
    ]


def test_unknown_worker_and_own_worker_are_not_this_rules_business() -> None:
    assert check_cross_worker(wl501.check, API.format(cls="X", script="elsewhere"), ROOMS) == []
    assert check_cross_worker(wl501.check, API.format(cls="X", script="api"), ROOMS) == []


def test_without_a_workspace_nothing_is_reported() -> None:
    source = API.format(cls="X", script="rooms").encode()
    context = rules.Context(syntax.Format.TOML, source, config.build(syntax.parse(syntax.Format.TOML, source)))
    assert rules.check(context, Settings(), [wl501.check]) == []
