"""Tests of `model.resolve`: envs, implied Worker names, DO bindings, migrations, exports, lifecycle."""

from __future__ import annotations

import pytest

from wrangler_lsp import config, model, syntax
from wrangler_lsp.text import Span


def _worker(text: str, fmt: syntax.Format = syntax.Format.TOML) -> model.Worker:
    source = text.encode()
    root = config.build(syntax.parse(fmt, source), None).root
    return model.resolve(root, fmt)


def _env(worker: model.Worker, name: str) -> model.Env:
    env = worker.env(name)
    assert env is not None
    return env


SECTIONS_TOML = """
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
[env.staging]
[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
[env.prod]
name = "chat-production"
durable_objects.bindings = [{ name = "ROOMS", class_name = "ChatRoom", script_name = "chat" }]
"""

INLINE_TOML = """
name = "chat"
durable_objects = { bindings = [{ name = "ROOMS", class_name = "ChatRoom" }] }
migrations = [{ tag = "v1", new_sqlite_classes = ["ChatRoom"] }]
[env.staging.durable_objects]
bindings = [{ name = "ROOMS", class_name = "ChatRoom" }]
[env.prod]
name = "chat-production"
[env.prod.durable_objects]
bindings = [{ name = "ROOMS", class_name = "ChatRoom", script_name = "chat" }]
"""

JSONC = """{
  "name": "chat",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }] },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["ChatRoom"] }],
  // envs
  "env": {
    "staging": { "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }] } },
    "prod": {
      "name": "chat-production",
      "durable_objects": {
        "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom", "script_name": "chat" }],
      },
    },
  },
}"""

SHAPES = [
    pytest.param(SECTIONS_TOML, syntax.Format.TOML, id="toml-sections"),
    pytest.param(INLINE_TOML, syntax.Format.TOML, id="toml-inline"),
    pytest.param(JSONC, syntax.Format.JSON, id="jsonc"),
]


@pytest.mark.parametrize(("text", "fmt"), SHAPES)
def test_envs_and_worker_names(text: str, fmt: syntax.Format) -> None:
    worker = _worker(text, fmt)
    assert [env.name for env in worker.all_envs] == [None, "staging", "prod"]
    assert worker.top.worker_name == "chat"
    assert worker.top.worker_name_explicit
    staging, prod = _env(worker, "staging"), _env(worker, "prod")
    assert (staging.worker_name, staging.worker_name_explicit) == ("chat-staging", False)
    assert (prod.worker_name, prod.worker_name_explicit) == ("chat-production", True)
    assert staging.path_prefix == ("env", "staging")
    assert worker.top.key_span == Span(0, 0)
    assert text.encode()[staging.key_span.start : staging.key_span.end].strip(b'"') == b"staging"


@pytest.mark.parametrize(("text", "fmt"), SHAPES)
def test_do_bindings_targets_and_sharing(text: str, fmt: syntax.Format) -> None:
    worker = _worker(text, fmt)
    (top,) = worker.top.do_bindings
    assert (top.name, top.class_name, top.script_name) == ("ROOMS", "ChatRoom", None)
    assert top.target_worker == "chat"
    assert top.is_local and not top.explicit_script
    assert top.path == ("durable_objects", "bindings", 0)
    assert top.top_level_binding is None and top.shares_top_level_storage is None

    (staging,) = _env(worker, "staging").do_bindings
    assert staging.target_worker == "chat-staging"
    assert staging.top_level_binding is top
    assert staging.shares_top_level_storage is False
    assert staging.path == ("env", "staging", "durable_objects", "bindings", 0)

    (prod,) = _env(worker, "prod").do_bindings
    assert prod.target_worker == "chat" and prod.explicit_script and not prod.is_local
    assert prod.shares_top_level_storage is True


@pytest.mark.parametrize(("text", "fmt"), SHAPES)
def test_migrations_inherited(text: str, fmt: syntax.Format) -> None:
    worker = _worker(text, fmt)
    staging = _env(worker, "staging")
    assert staging.migrations_inherited
    assert [m.tag for m in staging.migrations] == ["v1"]
    assert [live.name for live in staging.live_classes] == ["ChatRoom"]
    assert staging.live_classes[0].backend is model.Backend.SQLITE
    assert not worker.top.migrations_inherited


def test_env_migrations_replace_top_level() -> None:
    worker = _worker(
        """
name = "w"
[[migrations]]
tag = "v1"
new_classes = ["A"]
[[migrations]]
tag = "v2"
renamed_classes = [{ from = "A", to = "B" }]
[[env.staging.migrations]]
tag = "s1"
new_sqlite_classes = ["C"]
"""
    )
    top, staging = worker.top, _env(worker, "staging")
    lives = [(live.name, live.backend, live.tag) for live in top.live_classes]
    assert lives == [("B", model.Backend.KV, "v2")]
    assert not staging.migrations_inherited
    assert [m.tag for m in staging.migrations] == ["s1"]
    assert staging.live_class("C") is not None and staging.live_class("B") is None


def test_lifecycle_delete_transfer_and_exports() -> None:
    worker = _worker(
        """
[[migrations]]
tag = "v1"
new_classes = ["A", "B"]
deleted_classes = ["A"]
transferred_classes = [{ from = "X", from_script = "other", to = "T" }]
[env.e.exports.E]
type = "durable-object"
storage = "legacy-kv"
[env.e.exports.Gone]
type = "durable-object"
state = "deleted"
"""
    )
    assert [live.name for live in worker.top.live_classes] == ["B", "T"]
    transfer = worker.top.migrations[0].transferred[0]
    assert (transfer.from_.name, transfer.from_script, transfer.to.name) == ("X", "other", "T")
    env = _env(worker, "e")
    assert [(e.class_name, e.is_live) for e in env.exports] == [("E", True), ("Gone", False)]
    assert not env.exports_inherited
    # The env inherits the top-level migrations and adds its own exports.
    assert [live.name for live in env.live_classes] == ["B", "T", "E"]
    assert env.live_class("E") == model.LiveClass("E", model.Backend.KV, None, None, env.exports[0].node)


def test_wrong_types_never_raise() -> None:
    worker = _worker(
        """
name = 3
durable_objects = ["x"]
migrations = "v1"
exports = 5
env = "nope"
"""
    )
    assert worker.top.worker_name is None
    assert worker.top.do_bindings == () and worker.top.migrations == () and worker.top.exports == ()
    assert worker.envs == ()

    worker = _worker(
        """
[durable_objects]
bindings = [1, { name = 2, class_name = "C", script_name = 4, environment = false }]
[[migrations]]
tag = 1
new_classes = "A"
renamed_classes = [{ from = "A" }]
[env]
a = 1
[env.b]
"""
    )
    (binding,) = worker.top.do_bindings
    assert binding.index == 1 and binding.name is None and binding.class_name == "C"
    assert binding.script_name is None and binding.explicit_script and not binding.is_local
    assert binding.target_worker is None
    (migration,) = worker.top.migrations
    assert migration.tag is None and migration.new_classes == () and migration.renamed == ()
    assert [env.name for env in worker.envs] == ["b"]


def test_empty_script_name_is_local_like_wrangler() -> None:
    worker = _worker('durable_objects.bindings = [{name = "R", class_name = "C", script_name = ""}]')
    (binding,) = worker.top.do_bindings
    assert binding.is_local and binding.explicit_script and binding.target_worker == ""


def test_env_name_suffix_needs_top_level_name() -> None:
    worker = _worker('name = ""\n[env.a]\n[env.b]\nname = "bee"\n')
    assert _env(worker, "a").worker_name is None
    assert _env(worker, "b").worker_name == "bee"


def test_resolved_applies_key_scopes() -> None:
    worker = _worker(
        """
main = "top.ts"
keep_vars = true
vars = { A = "1" }
[env.s]
compatibility_date = "2025-01-01"
"""
    )
    env = _env(worker, "s")
    main = env.resolved("main")
    assert isinstance(main, config.Scalar) and main.value == "top.ts"
    assert env.get("main") is None
    assert env.resolved("vars") is None
    assert env.resolved("keep_vars") is not None
    assert env.resolved("compatibility_date") is env.get("compatibility_date")
    assert worker.top.resolved("vars") is worker.root.get("vars")


def test_json_null_env_migrations_falls_back_to_top_level() -> None:
    worker = _worker(
        '{"migrations": [{"tag": "v1", "new_classes": ["A"]}], "env": {"s": {"migrations": null}}}',
        syntax.Format.JSON,
    )
    env = _env(worker, "s")
    assert env.migrations_inherited and [m.tag for m in env.migrations] == ["v1"]
