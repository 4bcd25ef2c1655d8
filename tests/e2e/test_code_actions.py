"""Code actions over stdio: quick fixes attached to their diagnostics, exact edits, and fix-all."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.e2e.helpers import diagnostics, encoding, open_doc

URI = "file:///project/wrangler.toml"
JSONC_URI = "file:///project/wrangler.jsonc"
TOML = """# 💬 chat — 漢字
name = "chat"
account_id = ""

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[env.staging]
durable_objects.bindings = [{ name = "ROOMS", class_name = "ChatRoom" }]
"""


def _apply(text: str, edit: types.WorkspaceEdit, enc: str) -> str:
    """Apply a workspace edit's text edits (one document) the way an editor does."""
    if edit.document_changes:
        change = edit.document_changes[0]
        assert isinstance(change, types.TextDocumentEdit)
        edits = list(change.edits)
    else:
        assert edit.changes is not None
        edits = list(next(iter(edit.changes.values())))
    lines = text.split("\n")

    def offset(pos: types.Position) -> int:
        line = lines[pos.line]
        units = 0
        for idx, ch in enumerate(line):
            if units >= pos.character:
                return sum(len(x) + 1 for x in lines[: pos.line]) + idx
            units += {"utf-8": len(ch.encode()), "utf-16": 2 if ord(ch) > 0xFFFF else 1, "utf-32": 1}[enc]
        return sum(len(x) + 1 for x in lines[: pos.line]) + len(line)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        assert isinstance(e, types.TextEdit)
        start, end = offset(e.range.start), offset(e.range.end)
        text = text[:start] + e.new_text + text[end:]
    return text


async def _actions(
    client: LanguageClient, uri: str, line: int, diags: list[types.Diagnostic]
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0)),
            context=types.CodeActionContext(diagnostics=diags),
        )
    )
    assert result is not None
    return [a for a in result if isinstance(a, types.CodeAction)]


async def test_quick_fixes_of_an_env_binding(client: LanguageClient) -> None:
    open_doc(client, URI, TOML)
    found = await diagnostics(client, URI, 1)
    hint = next(d for d in found if d.code == "WL220")
    assert hint.data["fixes"] == [
        {"title": 'Share the top-level objects: script_name = "chat"', "preferred": False},
        {"title": 'Make the implied worker explicit: script_name = "chat-staging"', "preferred": False},
    ]
    actions = await _actions(client, URI, 13, [hint])
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == [
        'Share the top-level objects: script_name = "chat"',
        'Make the implied worker explicit: script_name = "chat-staging"',
    ]
    assert list(quick[0].diagnostics or []) == [hint]
    assert quick[0].edit is not None
    fixed = _apply(TOML, quick[0].edit, encoding(client))
    assert fixed.splitlines()[13] == (
        'durable_objects.bindings = [{ name = "ROOMS", class_name = "ChatRoom", script_name = "chat" }]'
    )


async def test_fix_all_applies_only_safe_fixes(client: LanguageClient) -> None:
    open_doc(client, URI, TOML)
    await diagnostics(client, URI, 1)
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.wrangler-lsp"]),
        )
    )
    assert result is not None and len(result) == 1
    action = result[0]
    assert isinstance(action, types.CodeAction) and action.edit is not None
    assert action.kind == "source.fixAll.wrangler-lsp"
    fixed = _apply(TOML, action.edit, encoding(client))
    assert 'account_id = ""' not in fixed  # ignored by wrangler: removed
    assert "script_name" not in fixed  # sharing storage or not is the user's choice: not applied


async def test_copy_missing_binding_into_a_jsonc_env(client: LanguageClient) -> None:
    text = (
        '{\n  "name": "chat",\n  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }] },\n'
        '  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["ChatRoom"] }],\n'
        '  "env": {\n    "prod": {\n      "vars": { "A": "1" }, // production\n    },\n  },\n}\n'
    )
    open_doc(client, JSONC_URI, text)
    found = await diagnostics(client, JSONC_URI, 1)
    missing = next(d for d in found if d.code == "WL101")
    actions = await _actions(client, JSONC_URI, missing.range.start.line, [missing])
    titles = [a.title for a in actions]
    assert 'Add `ROOMS` to env.prod, sharing the top-level objects: script_name = "chat"' in titles
    share = next(a for a in actions if a.title.startswith("Add `ROOMS` to env.prod, sharing"))
    assert share.edit is not None
    fixed = _apply(text, share.edit, encoding(client))
    assert '"vars": { "A": "1" }, // production\n      "durable_objects": {' in fixed
    assert '"script_name": "chat",' in fixed
    open_doc(client, "file:///project/fixed/wrangler.jsonc", fixed)
    after = await diagnostics(client, "file:///project/fixed/wrangler.jsonc", 1)
    assert all(d.code != "WL101" and not d.code.startswith("WL0") for d in after)


async def test_bind_to_the_class_the_top_level_creates(client: LanguageClient) -> None:
    """WL501 on an env's binding to the file's own top-level Worker, and its quick fix; an emoji before
    the class on its line (UTF-16 positions)."""
    prefix = 'durable_objects.bindings = [{ name = "😀", class_name = '
    text = TOML + f'[env.prod]\n{prefix}"Chatroom", script_name = "chat" }}]\n'
    open_doc(client, URI, text)
    found = await diagnostics(client, URI, 1)
    warning = next(d for d in found if d.code == "WL501")
    assert warning.message == "Worker `chat` does not create class `Chatroom` (in `env.prod`); it creates `ChatRoom`"
    start = len(prefix.encode("utf-16-le")) // 2 if encoding(client) == "utf-16" else None
    if start is not None:
        assert (warning.range.start.line, warning.range.start.character) == (15, start)
        assert (warning.range.end.line, warning.range.end.character) == (15, start + 10)
    actions = await _actions(client, URI, 15, [warning])
    bind = next(a for a in actions if a.title == "Bind to class `ChatRoom`")
    assert bind.edit is not None and list(bind.diagnostics or []) == [warning]
    fixed = _apply(text, bind.edit, encoding(client))
    assert fixed.splitlines()[15] == f'{prefix}"ChatRoom", script_name = "chat" }}]'
    open_doc(client, "file:///project/fixed/wrangler.toml", fixed)
    after = await diagnostics(client, "file:///project/fixed/wrangler.toml", 1)
    assert [d.code for d in after if d.code == "WL501"] == []
