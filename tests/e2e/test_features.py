"""Hover, inlay hints and the explain command over stdio, in TOML and JSONC, with non-ASCII text."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.e2e.helpers import diagnostics, encoding, open_doc

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOML_URI = "file:///project/wrangler.toml"
JSONC_URI = "file:///project/wrangler.jsonc"


def _position(text: str, needle: str, enc: str, occurrence: int = -1, delta: int = 0) -> types.Position:
    starts = [i for i in range(len(text)) if text.startswith(needle, i)]
    index = starts[occurrence] + delta
    line = text.count("\n", 0, index)
    prefix = text[text.rfind("\n", 0, index) + 1 : index]
    units = {
        "utf-8": len(prefix.encode()),
        "utf-16": len(prefix.encode("utf-16-le")) // 2,
        "utf-32": len(prefix),
    }
    return types.Position(line=line, character=units[enc])


async def _hover(client: LanguageClient, uri: str, position: types.Position) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
    )
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def test_hover_on_env_binding_shows_the_implied_worker(client: LanguageClient) -> None:
    text = (EXAMPLES / "chat-toml" / "wrangler.toml").read_text()
    text = text.replace("# A chat service", "# 💬 A chat service — 漢字")
    open_doc(client, TOML_URI, text)
    await diagnostics(client, TOML_URI, 1)
    value = await _hover(client, TOML_URI, _position(text, '"ChatRoom"', encoding(client), delta=3))
    assert "**Durable Object binding `ROOMS`** in `env.staging`: class `ChatRoom` of Worker `chat-staging`" in value
    assert "**separate** from the top-level `ROOMS` (Worker `chat`)" in value


async def test_hover_in_jsonc_and_on_env_key(client: LanguageClient) -> None:
    text = (EXAMPLES / "chat-jsonc" / "wrangler.jsonc").read_text()
    open_doc(client, JSONC_URI, text)
    enc = encoding(client)
    value = await _hover(client, JSONC_URI, _position(text, '"ROOMS"', enc, delta=2))
    assert "Worker `chat-staging`" in value
    env_value = await _hover(client, JSONC_URI, _position(text, '"production"', enc, delta=3))
    assert env_value.startswith("**env `production`** deploys as Worker `chat-prod`")
    assert "Lacks (set at the top level, not inherited): `durable_objects`" in env_value


async def test_hover_on_top_level_name_lists_every_worker(client: LanguageClient) -> None:
    text = (EXAMPLES / "chat-toml" / "wrangler.toml").read_text()
    open_doc(client, TOML_URI, text)
    value = await _hover(client, TOML_URI, _position(text, "name", encoding(client), occurrence=0))
    assert "- env.staging: `chat-staging`" in value and "- env.production: `chat-prod`" in value


async def test_inlay_hint_after_binding_header(client: LanguageClient) -> None:
    text = (EXAMPLES / "chat-toml" / "wrangler.toml").read_text()
    open_doc(client, TOML_URI, text)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=TOML_URI),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=200, character=0)),
        )
    )
    assert hints is not None
    header = "[[env.staging.durable_objects.bindings]]"
    assert [(h.label, h.position) for h in hints] == [
        ('script_name = "chat-staging"', _position(text, header, encoding(client), delta=len(header)))
    ]


async def test_explain_command(client: LanguageClient) -> None:
    text = (EXAMPLES / "chat-toml" / "wrangler.toml").read_text()
    open_doc(client, TOML_URI, text)
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="wrangler-lsp.explain", arguments=[TOML_URI])
    )
    assert isinstance(result, str)
    assert "env.production: deploys as chat-prod" in result
    assert "lacks non-inherited keys: durable_objects, kv_namespaces" in result


async def test_inlay_hint_inside_a_json_object_reads_as_a_member(client: LanguageClient) -> None:
    text = (EXAMPLES / "chat-jsonc" / "wrangler.jsonc").read_text()
    open_doc(client, JSONC_URI, text)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=JSONC_URI),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=200, character=0)),
        )
    )
    assert hints is not None
    anchor = '"class_name": "ChatRoom" }'
    assert [(h.label, h.position) for h in hints] == [
        (', "script_name": "chat-staging"', _position(text, anchor, encoding(client), delta=len(anchor) - 1))
    ]
