"""Document symbols, folding ranges, selection ranges, definition and references on small configs."""

from __future__ import annotations

from tests.unit.features.helpers import worker_at, worker_of
from wrangler_lsp import config, syntax
from wrangler_lsp.features.definition import Location, definition, references
from wrangler_lsp.features.folding import FoldKind, folding_ranges
from wrangler_lsp.features.selection import selection_ranges
from wrangler_lsp.features.symbols import SymbolKind, document_symbols, workspace_symbols
from wrangler_lsp.text import Span
from wrangler_lsp.workspace import SourceClass, WorkspaceIndex

CHAT = """name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[env.staging]
kv_namespaces = [{ binding = "CACHE", id = "x" }]
[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "rooms"
"""
URI = "file:///repo/chat/wrangler.toml"
ROOMS_URI = "file:///repo/rooms/wrangler.toml"


def _span(text: str, needle: str) -> Span:
    start = text.encode().index(needle.encode())
    return Span(start, start + len(needle.encode()))


def test_document_symbols_outline() -> None:
    symbols = document_symbols(worker_of(CHAT))
    assert [(s.name, s.detail, s.kind) for s in symbols] == [
        ("top level", "chat", SymbolKind.NAMESPACE),
        ("env.staging", "chat-staging", SymbolKind.NAMESPACE),
    ]
    top = {child.name: child for child in symbols[0].children}
    assert [b.name for b in top["durable_objects"].children] == ["ROOMS"]
    assert [(m.name, m.detail) for m in top["migrations"].children] == [("v1", "creates ChatRoom")]
    staging = {child.name: child for child in symbols[1].children}
    assert [b.name for b in staging["kv_namespaces"].children] == ["CACHE"]
    assert staging["durable_objects"].children[0].detail == "ChatRoom of rooms"
    for symbol in symbols:
        assert symbol.span.start <= symbol.selection.start and symbol.selection.end <= symbol.span.end


def test_workspace_symbols_workers_and_classes() -> None:
    index = WorkspaceIndex()
    index.update(URI, syntax.Format.TOML, CHAT.encode())
    found = [(s.name, s.kind, s.container) for s in workspace_symbols(index, "chat")]
    assert found == [
        ("chat", SymbolKind.WORKER, "top level"),
        ("ChatRoom", SymbolKind.CLASS, "chat (top level)"),
        ("chat-staging", SymbolKind.WORKER, "env.staging"),
        ("ChatRoom", SymbolKind.CLASS, "chat-staging (env.staging)"),
    ]


def test_folding_sections_inline_arrays_and_comment_blocks() -> None:
    text = '# one\n# two\nname = "a"\n[vars]\nA = "1"\nB = "2"\nroutes = [\n  "a",\n]\n'
    source = text.encode()
    root = config.build(syntax.parse(syntax.Format.TOML, source)).root
    folds = folding_ranges(root, syntax.Format.TOML, source)
    assert [(source[f.span.start : f.span.end].decode()[:9], f.kind) for f in folds] == [
        ("# one\n# t", FoldKind.COMMENT),
        ("[vars]\nA ", FoldKind.REGION),
        ('[\n  "a",\n', FoldKind.REGION),
    ]


def test_selection_from_value_out_to_the_file() -> None:
    text = '{"durable_objects": {"bindings": [{"name": "ROOMS"}]}}'
    source = text.encode()
    root = config.build(syntax.parse(syntax.Format.JSON, source)).root
    (chain,) = selection_ranges(root, len(source), (source.index(b"ROOMS") + 1,))
    texts = [text[span.start : span.end] for span in chain]
    assert texts[0] == '"ROOMS"'
    assert texts[1] == '"name": "ROOMS"'
    assert texts[-1] == text
    assert all(chain[i + 1].start <= chain[i].start and chain[i].end <= chain[i + 1].end for i in range(len(chain) - 1))


def _index() -> WorkspaceIndex:
    index = WorkspaceIndex()
    rooms = 'name = "rooms"\nmain = "src/rooms.ts"\n[[migrations]]\ntag = "v1"\nnew_classes = ["ChatRoom"]\n'
    index.update(ROOMS_URI, syntax.Format.TOML, rooms.encode())
    return index


def test_definition_of_script_name_goes_to_the_worker_name() -> None:
    worker, _, offset = worker_at(CHAT.replace('script_name = "rooms"', 'script_name = "ro$0oms"'))
    assert definition(worker, URI, offset, _index()) == (Location(ROOMS_URI, Span(7, 14)),)


def test_definition_of_class_name_goes_to_migration_and_source() -> None:
    text = CHAT.replace('script_name = "rooms"\n', 'script_name = "rooms"\n').replace(
        'class_name = "ChatRoom"\nscript_name', 'class_name = "Chat$0Room"\nscript_name'
    )
    worker, _, offset = worker_at(text)
    reads: list[tuple[str, str]] = []

    def source_classes(uri: str, main: str) -> list[SourceClass]:
        reads.append((uri, main))
        return [SourceClass("ChatRoom", "file:///repo/rooms/src/rooms.ts", Span(13, 21))]

    rooms_source = 'name = "rooms"\nmain = "src/rooms.ts"\n[[migrations]]\ntag = "v1"\nnew_classes = ["ChatRoom"]\n'
    migration = _span(rooms_source, '"ChatRoom"')
    assert definition(worker, URI, offset, _index(), source_classes) == (
        Location(ROOMS_URI, migration),
        Location("file:///repo/rooms/src/rooms.ts", Span(13, 21)),
    )
    assert reads == [(ROOMS_URI, "src/rooms.ts")]


def test_definition_of_local_class_name_goes_to_own_migration() -> None:
    worker, _, offset = worker_at(CHAT.replace('class_name = "ChatRoom"', 'class_name = "Ch$0atRoom"', 1))
    migration = _span(CHAT, '["ChatRoom"]')
    assert definition(worker, URI, offset, None) == (Location(URI, Span(migration.start + 1, migration.end - 1)),)


def test_references_of_a_class_across_the_workspace() -> None:
    worker, _, offset = worker_at(
        CHAT.replace('new_sqlite_classes = ["ChatRoom"]', 'new_sqlite_classes = ["Chat$0Room"]')
    )
    found = references(worker, URI, offset, _index())
    assert [location.uri for location in found] == [URI, URI, URI, ROOMS_URI]
