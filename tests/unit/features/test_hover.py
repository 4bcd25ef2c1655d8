"""Hover texts: Durable Object bindings (implied and explicit Workers), env keys, `name`, key docs, script_name."""

from __future__ import annotations

from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.features.hover import hover
from wrangler_lsp.workspace import WorkspaceIndex

CHAT = """name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
[[migrations]]
tag = "v1"
new_classes = ["ChatRoom"]
[env.staging]
durable_objects.bindings = [{ name = "ROOMS", class_name = "ChatRoom", script_name = "chat" }]
[env.qa]
durable_objects.bindings = [{ name = "ROOMS", class_name = "ChatRoom", script_name = "rooms" }]
"""
ROOMS = b'name = "rooms"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Lobby"]\n'


def _hover(text: str, needle: str, occurrence: int = 0, index: WorkspaceIndex | None = None) -> str:
    source = text.encode()
    offset = [i for i in range(len(source)) if source.startswith(needle.encode(), i)][occurrence] + 1
    worker = Document("file:///w/wrangler.toml", syntax.Format.TOML, source).context.worker
    result = hover(worker, offset, index)
    assert result is not None
    return result.markdown


def test_explicit_script_name_sharing_the_top_level() -> None:
    text = _hover(CHAT, '"chat" }')
    assert (
        text.splitlines()[0] == "**Durable Object binding `ROOMS`** in `env.staging`: class `ChatRoom` of Worker `chat`"
    )
    assert '- Worker: explicit, `script_name = "chat"`' in text
    assert "- Storage: **shared** with the top-level `ROOMS` (same Worker and class)" in text
    assert (
        "- Created by migration `v1` of the top level: KV-backed (supports remote development in the dashboard)" in text
    )


def test_script_name_hover_says_where_the_worker_is_configured() -> None:
    index = WorkspaceIndex()
    index.update("file:///mono/rooms/wrangler.toml", syntax.Format.TOML, ROOMS)
    text = _hover(CHAT, '"rooms" }', index=index)
    assert "- Class lifecycle: defined in that Worker's own config" in text
    assert "- [/mono/rooms/wrangler.toml](file:///mono/rooms/wrangler.toml) (top level): creates `Lobby`" in text
    unknown = _hover(CHAT, '"rooms" }', index=WorkspaceIndex())
    assert "Worker `rooms` is not configured in this workspace (it may be deployed from elsewhere)" in unknown


def test_key_doc_and_inheritance() -> None:
    text = _hover('main = "src/index.ts"\n[vars]\nA = "1"\n', "vars")
    assert "**Not inherited**: every environment must repeat it." in text
    assert "[Cloudflare docs](https://developers.cloudflare.com/workers/wrangler/configuration/" in text
    main = _hover('main = "src/index.ts"\n', "main")
    assert "Inherited by environments unless they set it" in main


def test_env_name_hover() -> None:
    text = _hover('name = "chat"\n[env.staging]\nname = "chat-stage"\n', "name", occurrence=1)
    assert text == "**`name`** of `env.staging`: deploys as Worker `chat-stage` (used as is, nothing appended)"
