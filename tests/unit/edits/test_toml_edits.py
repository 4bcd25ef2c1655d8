"""TOML edits in every table style: exact text before and after."""

from __future__ import annotations

import pytest

from wrangler_lsp import edits
from wrangler_lsp.syntax import Format

from .helpers import check, node, table

TOML = Format.TOML

DO_FILE = """\
name = "w"

[env.x]
vars = { A = "1" }

[[env.x.durable_objects.bindings]]
name = "A"
class_name = "B" # the class
# about y
[env.y]
k = 1
"""


def test_set_key_in_array_item_before_comment_of_next_section() -> None:
    check(
        TOML,
        DO_FILE,
        lambda src, root: edits.set_key(
            src, TOML, table(root, "env", "x", "durable_objects", "bindings", 0), "script_name", "other"
        ),
        DO_FILE.replace("# the class\n", '# the class\nscript_name = "other"\n'),
    )


def test_set_key_in_header_section_keeps_blank_line() -> None:
    check(
        TOML,
        DO_FILE,
        lambda src, root: edits.set_key(src, TOML, table(root, "env", "x"), "main", "src/x.ts"),
        DO_FILE.replace('vars = { A = "1" }\n', 'vars = { A = "1" }\nmain = "src/x.ts"\n'),
    )


def test_set_key_in_last_section_without_final_newline() -> None:
    check(
        TOML,
        "[env.y]\nk = 1",
        lambda src, root: edits.set_key(src, TOML, table(root, "env", "y"), "route", "a/*"),
        '[env.y]\nk = 1\nroute = "a/*"',
    )


def test_set_key_in_empty_section_uses_header_indentation() -> None:
    check(
        TOML,
        "  [env.a]\n\n  [env.b]\n  k = 1\n",
        lambda src, root: edits.set_key(src, TOML, table(root, "env", "a"), "k", 2),
        "  [env.a]\n  k = 2\n\n  [env.b]\n  k = 1\n",
    )


def test_set_key_keeps_indentation_of_pairs() -> None:
    check(
        TOML,
        "[env.a]\n    x = 1\n    y = [\n      1,\n    ]\n# next\n[env.b]\n",
        lambda src, root: edits.set_key(src, TOML, table(root, "env", "a"), "z", "é"),
        '[env.a]\n    x = 1\n    y = [\n      1,\n    ]\n    z = "é"\n# next\n[env.b]\n',
    )


def test_set_key_in_root_before_first_header() -> None:
    check(
        TOML,
        'name = "w" # n\n\n[vars]\nA = "1"\n',
        lambda src, root: edits.set_key(src, TOML, root, "main", "index.ts"),
        'name = "w" # n\nmain = "index.ts"\n\n[vars]\nA = "1"\n',
    )


def test_set_key_in_root_without_pairs_goes_before_header_comments() -> None:
    check(
        TOML,
        "#:schema x.json\n\n# vars\n[vars]\nA = 1\n",
        lambda src, root: edits.set_key(src, TOML, root, "name", "w"),
        '#:schema x.json\n\nname = "w"\n\n# vars\n[vars]\nA = 1\n',
    )


def test_set_key_in_empty_file() -> None:
    check(TOML, "", lambda src, root: edits.set_key(src, TOML, root, "name", "w"), 'name = "w"\n')


def test_set_key_crlf() -> None:
    check(
        TOML,
        "[env.a]\r\nx = 1\r\n\r\n[env.b]\r\ny = 2\r\n",
        lambda src, root: edits.set_key(src, TOML, table(root, "env", "a"), "z", 3),
        "[env.a]\r\nx = 1\r\nz = 3\r\n\r\n[env.b]\r\ny = 2\r\n",
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("t = { a = 1 }\n", 't = { a = 1, k = "v" }\n'),
        ("t = {a=1}\n", 't = {a=1, k = "v"}\n'),
        ("t = {}\n", 't = { k = "v" }\n'),
        ("t = { }\n", 't = { k = "v" }\n'),
        ("t = { a.b = 1, c = 2 }\n", 't = { a.b = 1, c = 2, k = "v" }\n'),
    ],
)
def test_set_key_in_inline_table(before: str, after: str) -> None:
    check(TOML, before, lambda src, root: edits.set_key(src, TOML, table(root, "t"), "k", "v"), after)


def test_set_key_in_dotted_table() -> None:
    check(
        TOML,
        "[env.x]\n  durable_objects.bindings = []\n  other = 1\n",
        lambda src, root: edits.set_key(src, TOML, table(root, "env", "x", "durable_objects"), "extra", True),
        "[env.x]\n  durable_objects.bindings = []\n  durable_objects.extra = true\n  other = 1\n",
    )


def test_set_key_in_dotted_table_inside_inline_table() -> None:
    check(
        TOML,
        "t = { a.b = 1, c = 2 }\n",
        lambda src, root: edits.set_key(src, TOML, table(root, "t", "a"), "d", 3),
        "t = { a.b = 1, a.d = 3, c = 2 }\n",
    )


def test_set_key_in_implicit_table_adds_header() -> None:
    check(
        TOML,
        '[env.x]\nname = "a"\n\n# bindings\n[[env.x.durable_objects.bindings]]\nname = "A"\n',
        lambda src, root: edits.set_key(src, TOML, table(root, "env", "x", "durable_objects"), "k", 1),
        '[env.x]\nname = "a"\n\n[env.x.durable_objects]\nk = 1\n\n# bindings\n'
        '[[env.x.durable_objects.bindings]]\nname = "A"\n',
    )


def test_set_existing_key_replaces_value() -> None:
    check(
        TOML,
        'name = "a" # keep\n',
        lambda src, root: edits.set_key(src, TOML, root, "name", 'b"c'),
        'name = "b\\"c" # keep\n',
    )


def test_replace_value_of_table_section_is_refused() -> None:
    source = b"[env.x]\na = 1\n"
    from .helpers import build

    root = build(TOML, source).root
    with pytest.raises(ValueError):
        edits.set_key(source, TOML, table(root, "env"), "x", 1)


def test_non_ascii_before_edit_point() -> None:
    check(
        TOML,
        '# 😀 émoji\nname = "ünï 😀"\n[vars]\nX = "日本"\n',
        lambda src, root: edits.set_key(src, TOML, table(root, "vars"), "Y", "😀\\"),
        '# 😀 émoji\nname = "ünï 😀"\n[vars]\nX = "日本"\nY = "😀\\\\"\n',
    )


@pytest.mark.parametrize(
    ("before", "path", "key", "after"),
    [
        ("a = 1\nb = 2 # c\nc = 3\n", (), "b", "a = 1\nc = 3\n"),
        ("a = 1\nb = [\n  1,\n]\n[t]\n", (), "b", "a = 1\n[t]\n"),
        ("t = { a = 1, b = 2, c = 3 }\n", ("t",), "b", "t = { a = 1, c = 3 }\n"),
        ("t = { a = 1, b = 2 }\n", ("t",), "b", "t = { a = 1 }\n"),
        ("t = { a = 1, b = 2 }\n", ("t",), "a", "t = { b = 2 }\n"),
        ("t = { a = 1 }\n", ("t",), "a", "t = {}\n"),
        ("t = { a.b = 1, c = 2, a.d = 3 }\n", ("t",), "a", "t = { c = 2 }\n"),
        ("x.a = 1\ny = 2\nx.b = 3\n", (), "x", "y = 2\n"),
        ("[a]\nk = 1\n\n[a.b]\nj = 2\n[c]\nm = 3\n", (), "a", "\n[c]\nm = 3\n"),
        ("[[d.b]]\nn = 1\n[[d.b]]\nn = 2\n[e]\n", ("d",), "b", "[e]\n"),
        ("a = 1\r\nb = 2\r\n", (), "a", "b = 2\r\n"),
        ("a = 1\nb = 2", (), "b", "a = 1\n"),
    ],
)
def test_remove_key(before: str, path: tuple[str, ...], key: str, after: str) -> None:
    check(TOML, before, lambda src, root: edits.remove_key(src, TOML, table(root, *path), key), after)


def test_remove_missing_key_is_no_edit() -> None:
    check(TOML, "a = 1\n", lambda src, root: edits.remove_key(src, TOML, root, "zz"), "a = 1\n")


BINDING = {"name": "C", "class_name": "D"}


def test_append_array_table_after_last_element() -> None:
    check(
        TOML,
        DO_FILE,
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("env", "x", "durable_objects", "bindings"), BINDING
        ),
        DO_FILE.replace(
            "# the class\n",
            '# the class\n\n[[env.x.durable_objects.bindings]]\nname = "C"\nclass_name = "D"\n\n',
        ),
    )


def test_append_array_table_after_sub_tables_of_last_element() -> None:
    check(
        TOML,
        "[[a]]\nx = 1\n[a.sub]\ny = 2\n",
        lambda src, root: edits.append_array_table(src, TOML, root, ("a",), {"x": 3}),
        "[[a]]\nx = 1\n[a.sub]\ny = 2\n\n[[a]]\nx = 3\n",
    )


def test_append_array_table_new_array_in_env() -> None:
    check(
        TOML,
        DO_FILE,
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("env", "y", "durable_objects", "bindings"), BINDING
        ),
        DO_FILE + '\n[[env.y.durable_objects.bindings]]\nname = "C"\nclass_name = "D"\n',
    )


def test_append_array_table_new_array_in_middle_env() -> None:
    source = '[env.a]\nname = "a"\n\n[env.b]\nname = "b"\n'
    check(
        TOML,
        source,
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("env", "a", "durable_objects", "bindings"), BINDING
        ),
        '[env.a]\nname = "a"\n\n[[env.a.durable_objects.bindings]]\nname = "C"\nclass_name = "D"\n\n'
        '[env.b]\nname = "b"\n',
    )


def test_add_migration_at_top_level_before_envs() -> None:
    check(
        TOML,
        'name = "w"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n\n[env.x]\nname = "x"\n',
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("migrations",), {"tag": "v2", "new_sqlite_classes": ["B"]}
        ),
        'name = "w"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n\n'
        '[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["B"]\n\n[env.x]\nname = "x"\n',
    )


def test_add_first_migration_after_root_pairs() -> None:
    check(
        TOML,
        'name = "w"\n\n[env.x]\nname = "x"\n',
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("migrations",), {"tag": "v1", "new_sqlite_classes": ["B"]}
        ),
        'name = "w"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["B"]\n\n[env.x]\nname = "x"\n',
    )


def test_add_env_migration_crlf_indented() -> None:
    check(
        TOML,
        '[env.x]\r\n  name = "x"\r\n',
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("env", "x", "migrations"), {"tag": "v1", "new_sqlite_classes": ["B"]}
        ),
        '[env.x]\r\n  name = "x"\r\n\r\n[[env.x.migrations]]\r\n  tag = "v1"\r\n  new_sqlite_classes = ["B"]\r\n',
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '[env.x.durable_objects]\nbindings = [ { name = "A", class_name = "B" } ]\n',
            '[env.x.durable_objects]\nbindings = [ { name = "A", class_name = "B" }, '
            '{ name = "C", class_name = "D" } ]\n',
        ),
        (
            '[env.x.durable_objects]\nbindings = [\n    { name = "A", class_name = "B" }, # a\n]\n',
            '[env.x.durable_objects]\nbindings = [\n    { name = "A", class_name = "B" }, # a\n'
            '    { name = "C", class_name = "D" },\n]\n',
        ),
        (
            '[env.x.durable_objects]\nbindings = [\n  { name = "A", class_name = "B" } # a\n]\n',
            '[env.x.durable_objects]\nbindings = [\n  { name = "A", class_name = "B" }, # a\n'
            '  { name = "C", class_name = "D" }\n]\n',
        ),
        (
            "[env.x.durable_objects]\nbindings = []\n",
            '[env.x.durable_objects]\nbindings = [{ name = "C", class_name = "D" }]\n',
        ),
        (
            "[env.x]\ndurable_objects = { bindings = [] }\n",
            '[env.x]\ndurable_objects = { bindings = [{ name = "C", class_name = "D" }] }\n',
        ),
    ],
)
def test_append_to_inline_array_of_tables(before: str, after: str) -> None:
    path = ("env", "x", "durable_objects", "bindings")
    check(TOML, before, lambda src, root: edits.append_array_table(src, TOML, root, path, BINDING), after)


def test_append_into_inline_parent_table() -> None:
    check(
        TOML,
        "[env.x]\ndurable_objects = { }\n",
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("env", "x", "durable_objects", "bindings"), BINDING
        ),
        '[env.x]\ndurable_objects = { bindings = [{ name = "C", class_name = "D" }] }\n',
    )


def test_append_after_given_node() -> None:
    source = "[env.a]\nk = 1\n[env.b]\nk = 2\n[env.c]\nk = 3\n"
    check(
        TOML,
        source,
        lambda src, root: edits.append_array_table(
            src, TOML, root, ("env", "c", "migrations"), {"tag": "v1"}, after=node(root, "env", "a")
        ),
        '[env.a]\nk = 1\n\n[[env.c.migrations]]\ntag = "v1"\n\n[env.b]\nk = 2\n[env.c]\nk = 3\n',
    )


def test_add_table_section() -> None:
    check(
        TOML,
        'name = "w"\n\n[env.x]\nname = "x"\n',
        lambda src, root: edits.add_table(src, TOML, root, ("env", "y"), {"name": "y"}),
        'name = "w"\n\n[env.x]\nname = "x"\n\n[env.y]\nname = "y"\n',
    )
