"""Completion contexts: keys (top level, env, binding, migration, header), values, TOML/inline/JSON, broken lines."""

from __future__ import annotations

import pytest

from tests.unit.features.helpers import worker_at, worker_of
from wrangler_lsp.features.completion import CompletionItem, completion
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span
from wrangler_lsp.workspace import SourceClass, WorkspaceIndex

T, J = Format.TOML, Format.JSON
URI = "file:///repo/api/wrangler.toml"


def check_completion(
    text: str, fmt: Format = T, index: WorkspaceIndex | None = None, sources: tuple[str, ...] = ()
) -> list[CompletionItem]:
    worker, source, offset = worker_at(text, fmt)
    classes = [SourceClass(name, "file:///repo/api/src/index.ts", Span(0, 1)) for name in sources]
    return list(completion(worker, URI, source, offset, index, lambda uri, main: classes))


def labels(items: list[CompletionItem]) -> list[str]:
    return [item.label for item in items]


def test_top_level_key_on_a_half_typed_line() -> None:
    items = check_completion('name = "api"\ndur$0')
    assert labels(items) == ["durable_objects"]
    assert items[0].insert == "durable_objects = { $1 }" and items[0].span == Span(13, 16)


def test_top_level_keys_exclude_present_ones() -> None:
    found = labels(check_completion('name = "api"\nmain = "x"\n$0'))
    assert "name" not in found and "main" not in found and "compatibility_date" in found and "site" in found


def test_env_keys_exclude_top_level_only_keys() -> None:
    found = labels(check_completion('name = "api"\n[env.staging]\n$0'))
    assert "vars" in found and "durable_objects" in found
    assert "site" not in found and "keep_vars" not in found and "env" not in found


def test_do_binding_fields_with_snippets_in_a_section() -> None:
    items = check_completion('[[durable_objects.bindings]]\nname = "A"\n$0')
    assert labels(items) == ["class_name", "script_name", "environment", "remote"]
    assert items[0].insert == 'class_name = "$1"' and items[0].snippet


def test_do_binding_fields_in_an_inline_table() -> None:
    found = labels(check_completion('durable_objects = { bindings = [ { name = "A", cl$0 } ] }'))
    assert found == ["class_name"]


def test_migration_fields() -> None:
    found = labels(check_completion('[[migrations]]\ntag = "v1"\nnew$0'))
    assert found == ["new_classes", "new_sqlite_classes"]


def test_renamed_class_fields_in_json() -> None:
    text = '{"migrations": [{"tag": "v2", "renamed_classes": [{"from": "A", $0}]}]}'
    assert labels(check_completion(text, J)) == ["to"]


def test_json_key_half_typed_string() -> None:
    items = check_completion('{\n  "name": "api",\n  "mai$0', J)
    assert labels(items) == ["main"] and items[0].insert == '"main": "$1"' and items[0].filter == '"main"'


def test_json_key_already_followed_by_colon_completes_the_name_only() -> None:
    items = check_completion('{\n  "ma$0": "x"\n}', J)
    assert [(i.label, i.insert) for i in items] == [("main", '"main"')]


def test_header_env_names() -> None:
    assert labels(check_completion("[env.staging]\n[env.production]\n[env.$0")) == ["staging", "production"]


def test_header_keys_are_tables_only() -> None:
    found = labels(check_completion('name = "a"\n[$0'))
    assert "vars" in found and "name" not in found


def test_class_name_from_migrations_and_source() -> None:
    text = (
        'name = "api"\nmain = "src/index.ts"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n'
        '[[durable_objects.bindings]]\nname = "R"\nclass_name = "$0'
    )
    items = check_completion(text, sources=("Room", "Lobby"))
    assert [(i.label, i.insert) for i in items] == [("Room", '"Room"'), ("Lobby", '"Lobby"')]


def test_class_name_of_another_worker_from_the_index() -> None:
    index = WorkspaceIndex()
    index.update(
        "file:///repo/rooms/wrangler.toml", T, b'name = "rooms"\n[[migrations]]\ntag="v1"\nnew_classes=["Chat"]\n'
    )
    text = '[[durable_objects.bindings]]\nname = "R"\nscript_name = "rooms"\nclass_name = "C$0"'
    assert labels(check_completion(text, index=index)) == ["Chat"]


def test_script_name_from_workspace_workers_in_json() -> None:
    index = WorkspaceIndex()
    index.update("file:///repo/rooms/wrangler.toml", T, b'name = "rooms"\n[env.staging]\n')
    text = '{"name": "api", "durable_objects": {"bindings": [{"name": "R", "script_name": $0}]}}'
    items = check_completion(text, J, index=index)
    assert [(i.label, i.insert) for i in items] == [
        ("api", '"api"'),
        ("rooms", '"rooms"'),
        ("rooms-staging", '"rooms-staging"'),
    ]


def test_environment_value_lists_env_names() -> None:
    text = 'name = "a"\n[env.staging]\n[[durable_objects.bindings]]\nname = "R"\nenvironment = "$0"'
    assert labels(check_completion(text)) == ["staging"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("workers_dev = $0", ["true", "false"]),
        ("workers_dev = f$0", ["false"]),
        ('compliance_region = "$0"', ["public", "fedramp_high"]),
        ('{"preview_urls": $0}', ["true", "false"]),
    ],
)
def test_booleans_and_enums(text: str, expected: list[str]) -> None:
    assert labels(check_completion(text, J if text.startswith("{") else T)) == expected


@pytest.mark.parametrize("text", ['name = "a" $0', "# a comment $0", '{"a": 1 /* $0 */'])
def test_nothing_after_a_value_or_in_comments(text: str) -> None:
    assert check_completion(text, J if text.startswith("{") else T) == []


def test_worker_of_helper_parses() -> None:
    assert worker_of('name = "a"').top.worker_name == "a"
