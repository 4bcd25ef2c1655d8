"""JSON(C) edits: indentation, comments, trailing commas, one-line objects; exact text before and after."""

from __future__ import annotations

import pytest

from wrangler_lsp import edits
from wrangler_lsp.syntax import Format

from .helpers import check, table

JSON = Format.JSON


@pytest.mark.parametrize("indent", ["  ", "    ", "\t"])
def test_set_key_in_root_keeps_indentation(indent: str) -> None:
    before = f'{{\n{indent}"name": "w",\n{indent}"vars": {{\n{indent}{indent}"A": "1"\n{indent}}}\n}}\n'
    after = before.replace(
        f"\n{indent}}}\n}}",
        f',\n{indent}"main": "src/index.ts"\n{indent}}}\n}}'.replace(
            f',\n{indent}"main": "src/index.ts"\n{indent}}}', f'\n{indent}}},\n{indent}"main": "src/index.ts"'
        ),
    )
    check(JSON, before, lambda src, root: edits.set_key(src, JSON, root, "main", "src/index.ts"), after)


@pytest.mark.parametrize("indent", ["  ", "    ", "\t"])
def test_set_object_value_laid_out_with_file_unit(indent: str) -> None:
    before = f'{{\n{indent}"name": "w"\n}}\n'
    i2 = indent * 2
    after = f'{{\n{indent}"name": "w",\n{indent}"vars": {{\n{i2}"A": "1",\n{i2}"B": ["x"]\n{indent}}}\n}}\n'
    check(JSON, before, lambda src, root: edits.set_key(src, JSON, root, "vars", {"A": "1", "B": ["x"]}), after)


def test_set_key_after_trailing_comma_and_comment() -> None:
    check(
        JSON,
        '{\n  // top\n  "name": "w", // the name\n  /* end */\n}\n',
        lambda src, root: edits.set_key(src, JSON, root, "main", "x"),
        '{\n  // top\n  "name": "w", // the name\n  "main": "x",\n  /* end */\n}\n',
    )


def test_set_key_without_trailing_comma_after_comment() -> None:
    check(
        JSON,
        '{\n  "name": "w" // the name\n}',
        lambda src, root: edits.set_key(src, JSON, root, "main", "x"),
        '{\n  "name": "w", // the name\n  "main": "x"\n}',
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('{ "vars": { "A": "1" } }', '{ "vars": { "A": "1", "B": "é\\"😀" } }'),
        ('{ "vars": {"A": "1"} }', '{ "vars": {"A": "1", "B": "é\\"😀"} }'),
        ('{ "vars": { "A": "1", } }', '{ "vars": { "A": "1", "B": "é\\"😀", } }'),
        ('{ "vars": {} }', '{ "vars": { "B": "é\\"😀" } }'),
        ('{\n  "vars": {}\n}', '{\n  "vars": { "B": "é\\"😀" }\n}'),
    ],
)
def test_set_key_in_one_line_object(before: str, after: str) -> None:
    check(JSON, before, lambda src, root: edits.set_key(src, JSON, table(root, "vars"), "B", 'é"😀'), after)


def test_set_key_in_empty_root() -> None:
    check(JSON, "{}\n", lambda src, root: edits.set_key(src, JSON, root, "name", "w"), '{\n  "name": "w"\n}\n')


def test_set_key_crlf_tabs() -> None:
    check(
        JSON,
        '{\r\n\t"name": "w"\r\n}\r\n',
        lambda src, root: edits.set_key(src, JSON, root, "vars", {"A": "1\n2"}),
        '{\r\n\t"name": "w",\r\n\t"vars": {\r\n\t\t"A": "1\\n2"\r\n\t}\r\n}\r\n',
    )


def test_set_existing_key_replaces_value() -> None:
    check(
        JSON,
        '{\n  "name": "w", // c\n  "compatibility_flags": ["a"]\n}',
        lambda src, root: edits.set_key(src, JSON, root, "name", "ünï"),
        '{\n  "name": "ünï", // c\n  "compatibility_flags": ["a"]\n}',
    )


def test_non_ascii_before_edit_point() -> None:
    check(
        JSON,
        '{\n  // 😀 комментарий\n  "name": "日本😀"\n}\n',
        lambda src, root: edits.set_key(src, JSON, root, "main", "a\\b"),
        '{\n  // 😀 комментарий\n  "name": "日本😀",\n  "main": "a\\\\b"\n}\n',
    )


@pytest.mark.parametrize(
    ("before", "key", "after"),
    [
        ('{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', "b", '{\n  "a": 1,\n  "c": 3\n}'),
        ('{\n  "a": 1,\n  "b": 2\n}', "b", '{\n  "a": 1\n}'),
        ('{\n  "a": 1,\n  "b": 2,\n}', "b", '{\n  "a": 1,\n}'),
        ('{\n  "a": 1, // one\n  // about b\n  "b": 2 // two\n}', "b", '{\n  "a": 1 // one\n  // about b\n}'),
        ('{\n  "a": {\n    "x": 1\n  },\n  "b": 2\n}', "a", '{\n  "b": 2\n}'),
        ('{ "a": 1, "b": 2, "c": 3 }', "b", '{ "a": 1, "c": 3 }'),
        ('{ "a": 1, "b": 2 }', "b", '{ "a": 1 }'),
        ('{ "a": 1, "b": 2 }', "a", '{ "b": 2 }'),
        ('{ "a": 1 }', "a", "{}"),
        ('{\n  "a": 1\n}', "a", "{}"),
        ('{\r\n\t"a": 1,\r\n\t"b": 2\r\n}', "a", '{\r\n\t"b": 2\r\n}'),
    ],
)
def test_remove_key(before: str, key: str, after: str) -> None:
    check(JSON, before, lambda src, root: edits.remove_key(src, JSON, root, key), after)


BINDING = {"name": "C", "class_name": "D"}
DO_PATH = ("env", "staging", "durable_objects", "bindings")


def test_append_one_line_element() -> None:
    check(
        JSON,
        '{\n  "durable_objects": {\n    "bindings": [\n      { "name": "A", "class_name": "B" }\n    ]\n  }\n}',
        lambda src, root: edits.append_array_table(src, JSON, root, ("durable_objects", "bindings"), BINDING),
        '{\n  "durable_objects": {\n    "bindings": [\n      { "name": "A", "class_name": "B" },\n'
        '      { "name": "C", "class_name": "D" }\n    ]\n  }\n}',
    )


def test_append_multi_line_element_with_trailing_commas() -> None:
    check(
        JSON,
        '{\n\t"durable_objects": {\n\t\t"bindings": [\n\t\t\t{\n\t\t\t\t"name": "A",\n\t\t\t\t"class_name": "B",\n'
        "\t\t\t},\n\t\t],\n\t},\n}",
        lambda src, root: edits.append_array_table(src, JSON, root, ("durable_objects", "bindings"), BINDING),
        '{\n\t"durable_objects": {\n\t\t"bindings": [\n\t\t\t{\n\t\t\t\t"name": "A",\n\t\t\t\t"class_name": "B",\n'
        '\t\t\t},\n\t\t\t{\n\t\t\t\t"name": "C",\n\t\t\t\t"class_name": "D",\n\t\t\t},\n\t\t],\n\t},\n}',
    )


def test_append_one_line_array() -> None:
    check(
        JSON,
        '{ "migrations": [{"tag": "v1"}] }',
        lambda src, root: edits.append_array_table(src, JSON, root, ("migrations",), {"tag": "v2"}),
        '{ "migrations": [{"tag": "v1"}, {"tag": "v2"}] }',
    )


def test_append_creates_durable_objects_in_env() -> None:
    check(
        JSON,
        '{\n  "name": "w",\n  "env": {\n    "staging": {\n      "name": "s" // staging\n    }\n  }\n}\n',
        lambda src, root: edits.append_array_table(src, JSON, root, DO_PATH, BINDING),
        '{\n  "name": "w",\n  "env": {\n    "staging": {\n      "name": "s", // staging\n'
        '      "durable_objects": {\n        "bindings": [\n          {\n            "name": "C",\n'
        '            "class_name": "D"\n          }\n        ]\n      }\n    }\n  }\n}\n',
    )


def test_append_into_empty_array_and_empty_env() -> None:
    check(
        JSON,
        '{\n  "migrations": [],\n  "env": { "staging": {} }\n}',
        lambda src, root: edits.append_array_table(
            src, JSON, root, ("migrations",), {"tag": "v1", "new_sqlite_classes": ["A"]}
        ),
        '{\n  "migrations": [\n    {\n      "tag": "v1",\n      "new_sqlite_classes": ["A"]\n    }\n  ],\n'
        '  "env": { "staging": {} }\n}',
    )


def test_add_table_nested_object() -> None:
    check(
        JSON,
        '{\n  "name": "w"\n}',
        lambda src, root: edits.add_table(src, JSON, root, ("env", "staging"), {"name": "s"}),
        '{\n  "name": "w",\n  "env": {\n    "staging": {\n      "name": "s"\n    }\n  }\n}',
    )
