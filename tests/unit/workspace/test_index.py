"""The workspace index: Worker names per env, classes, class sites, replacement and removal; source scanning."""

from __future__ import annotations

from wrangler_lsp.syntax import Format
from wrangler_lsp.workspace import WorkspaceIndex, scan_source

ROOMS = b"""name = "rooms"
main = "src/index.ts"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
[env.staging]
[env.prod]
name = "rooms-production"
migrations = []
"""


def test_every_env_is_a_worker_with_its_classes() -> None:
    index = WorkspaceIndex()
    index.update("file:///r/wrangler.toml", Format.TOML, ROOMS)
    assert index.worker_names() == ("rooms", "rooms-production", "rooms-staging")
    (staging,) = index.workers_named("rooms-staging")
    assert (staging.env, staging.classes, staging.main) == ("staging", ("ChatRoom",), "src/index.ts")
    (prod,) = index.workers_named("rooms-production")
    assert prod.classes == () and ROOMS[prod.name_span.start : prod.name_span.end] == b'"rooms-production"'
    assert [site.kind for site in index.class_sites("ChatRoom")] == ["migration"]


def test_update_replaces_and_remove_drops() -> None:
    index = WorkspaceIndex()
    index.update("file:///r/wrangler.toml", Format.TOML, ROOMS)
    index.update("file:///r/wrangler.toml", Format.TOML, b'name = "renamed"\n')
    assert index.worker_names() == ("renamed",) and index.class_sites("ChatRoom") == ()
    index.remove("file:///r/wrangler.toml")
    assert len(index) == 0 and index.worker_names() == ()


def test_jsonc_and_broken_configs_are_indexed() -> None:
    index = WorkspaceIndex()
    index.update(
        "file:///a/wrangler.jsonc",
        Format.JSON,
        b'{"name": "a", // c\n "durable_objects": {"bindings": [{"name": "X", "class_name": "K", "script_name": "b"}]}}',  # noqa: E501
    )
    index.update(
        "file:///b/wrangler.toml", Format.TOML, b'name = "b"\nmain = \n[[migrations]]\ntag="v1"\nnew_classes=["K"]\n'
    )
    assert index.worker_names() == ("a", "b")
    assert [(site.kind, site.worker) for site in index.class_sites("K")] == [("binding", "b"), ("migration", "b")]


def test_scan_source_finds_exported_classes_and_relative_imports() -> None:
    text = b'import { x } from "./util";\nimport "../side.js";\nexport class ChatRoom extends DurableObject {}\n  export default class Main {}\nclass Hidden {}\nexport { Other } from "./other";\n'  # noqa: E501
    scan = scan_source(text)
    assert [name for name, _ in scan.classes] == ["ChatRoom", "Main"]
    span = scan.classes[0][1]
    assert text[span.start : span.end] == b"ChatRoom"
    assert scan.imports == ("./util", "./other", "../side.js")
