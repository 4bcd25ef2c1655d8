"""WL501: a binding's class is not created by the workspace Worker its `script_name` names."""

from __future__ import annotations

from tests.rules.cross_worker_helpers import check_cross_worker
from wrangler_lsp import config, edits, rules, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.rules.cross_worker import wl501_do_class_not_in_target_worker as wl501
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit
from wrangler_lsp.workspace import WorkspaceIndex

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


# The top level of the same config as the target (`script_name` = the top level's Worker name).
OWN = (
    'name = "chat"\n'
    "{top_binding}"
    '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom"]\n'
    '[env.staging]\nname = "{env_name}"\n'
    '[[env.staging.durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "{cls}"\nscript_name = "chat"\n'
)


def _own(cls: str, top_binding: str = "", env_name: str = "chat-staging") -> list[tuple[str, str, str]]:
    text = OWN.format(cls=cls, top_binding=top_binding, env_name=env_name)
    return check_cross_worker(wl501.check, text, {})


def test_a_class_the_configs_own_top_level_does_not_create() -> None:
    assert _own("Chatroom") == [
        (
            "WL501",
            '"Chatroom"',
            "Worker `chat` does not create class `Chatroom` (in `env.staging`); it creates `ChatRoom`",
        )
    ]
    assert _own("ChatRoom") == []


def test_own_top_level_is_checked_without_a_workspace_and_in_jsonc() -> None:
    text = (
        '{"name": "chat", "migrations": [{"tag": "v1", "new_classes": ["A"]}], "env": {"x": {"durable_objects": '
        '{"bindings": [{"name": "R", "class_name": "B", "script_name": "chat"}]}}}}'
    )
    source = text.encode()
    fmt = syntax.Format.JSON
    context = rules.Context(fmt, source, config.build(syntax.parse(fmt, source)))
    assert [f.message for f in rules.check(context, Settings(), [wl501.check])] == [
        "Worker `chat` does not create class `B` (in `env.x`); it creates `A`"
    ]


def test_own_top_level_cases_left_to_other_rules() -> None:
    # The top level binds the class itself: WL322 reports it there, once.
    binding = '[[durable_objects.bindings]]\nname = "COUNTER"\nclass_name = "Counter"\n'
    assert _own("Counter", top_binding=binding) == []
    # The env deploys as the top level's Worker: its bindings are its own (WL322's).
    assert _own("Chatroom", env_name="chat") == []
    # The legacy `environment` addressed another Worker (WL222 reports it).
    text = OWN.format(cls="Chatroom", top_binding="", env_name="chat-staging")
    assert check_cross_worker(wl501.check, text + 'environment = "prod"\n', {}) == []
    # The top level does not say which classes it has.
    no_lifecycle = text.replace('[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom"]\n', "")
    assert check_cross_worker(wl501.check, no_lifecycle, {}) == []
    # A migration that was not understood may be what creates the class.
    odd = text.replace('new_sqlite_classes = ["ChatRoom"]', 'new_sqlite_classes = ["ChatRoom", 3]')
    assert check_cross_worker(wl501.check, odd, {}) == []


def test_own_top_level_is_not_reported_in_broken_text() -> None:
    text = OWN.format(cls="Chatroom", top_binding="", env_name="chat-staging") + "broken = \n"
    assert check_cross_worker(wl501.check, text, {}) == []


def test_own_top_level_follows_edits_of_either_side() -> None:
    """As the server analyses a document (view by view, each edit from the version before): renaming the
    class at the top level, or in the env, brings the finding and takes it away."""
    source = OWN.format(cls="ChatRoom", top_binding="", env_name="chat-staging").encode()
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    assert [f.code for f in doc.findings(Settings())] == []
    top = source.index(b'"ChatRoom"') + 5
    env = source.index(b'"ChatRoom"', top) + 5
    steps = [(top, b"x", ["WL501"]), (top, b"", []), (env, b"x", ["WL501"]), (env, b"", [])]
    for version, (at, text, codes) in enumerate(steps, 1):
        edit = TextEdit(at, at + (0 if text else 1), text)
        doc = doc.edited(version, [edit])
        assert [f.code for f in doc.findings(Settings())] == codes
        fresh = Document(doc.uri, doc.format, doc.source, version)
        assert [(f.code, f.span) for f in fresh.findings(Settings())] == [
            (f.code, f.span) for f in doc.findings(Settings())
        ]


def _fixed(text: str, others: dict[str, str]) -> list[tuple[str, str]]:
    """Each finding's fix titles and the text after its first fix (or "" without one)."""
    index = WorkspaceIndex()
    for uri, other in others.items():
        index.update(uri, syntax.Format.TOML, other.encode())
    source = text.encode()
    context = rules.Context(
        syntax.Format.TOML, source, config.build(syntax.parse(syntax.Format.TOML, source)), workspace=index
    )
    out = []
    for finding in rules.check(context, Settings(), [wl501.check]):
        titles = " | ".join(fix.title for fix in finding.fixes)
        after = edits.apply_edits(source, finding.fixes[0].edits()).decode() if finding.fixes else ""
        out.append((titles, after))
    return out


def test_the_fix_binds_the_class_meant() -> None:
    # Another case, in another Worker's config; the fixed text has no finding left.
    [(titles, after)] = _fixed(API.format(cls="chatroom", script="rooms"), ROOMS)
    assert titles == "Bind to class `ChatRoom`"
    assert after == API.format(cls="ChatRoom", script="rooms")
    assert _fixed(after, ROOMS) == []
    # A typo, in the config's own top level.
    text = OWN.format(cls="ChatRom", top_binding="", env_name="chat-staging")
    [(titles, after)] = _fixed(text, {})
    assert titles == "Bind to class `ChatRoom`"
    assert after == OWN.format(cls="ChatRoom", top_binding="", env_name="chat-staging")
    # Nothing close: no fix.
    assert _fixed(API.format(cls="Counter", script="rooms"), ROOMS) == [("", "")]
