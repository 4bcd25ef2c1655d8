"""TOML builds reuse an env's subtree when its sections are unchanged (`build_toml._Run`): the same
objects, moved by their anchors, and always the tree a fresh build makes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.config.test_build_toml import check_spans, snapshot
from wrangler_lsp import config, syntax
from wrangler_lsp.config import Table
from wrangler_lsp.text import TextEdit, apply_edit

BASE = """name = "w"
compatibility_date = "2025-01-01"

# env a
[env.a]
name = "w-a"
vars = { LEVEL = "debug" }

[[env.a.durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

# env b
[env.b]
route = "b.example.com/*"

[[env.b.migrations]]
tag = "v1"
new_classes = ["Room"]

# env c
[env.c.vars]
X = "😀"
"""


def _steps(
    source: bytes, edits: list[TextEdit], first: list[config.Config] | None = None
) -> Iterator[tuple[config.Config, config.Config]]:
    """After each edit: the incremental build (from the previous one) and a fresh build; read each before
    the next (a build moves the nodes of the one before). The first build is appended to `first`."""
    parse = syntax.parse(syntax.Format.TOML, source)
    built = config.build(parse)
    if first is not None:
        first.append(built)
    for edit in edits:
        parse = syntax.reparse(parse, [edit])
        built = config.build(parse, built)
        yield built, config.build(syntax.parse(syntax.Format.TOML, parse.source))


def _env(built: config.Config, name: str) -> object:
    env = built.root.entries["env"].value
    assert isinstance(env, Table)
    return env.entries[name].value


def _at(text: str, needle: str, after: int = 0) -> int:
    return len(text[: text.index(needle, after)].encode())


def test_an_edit_in_one_env_reuses_the_other_envs_subtrees() -> None:
    source = BASE.encode()
    at = _at(BASE, "route")  # a key typed into env b: a build, not a patch
    first: list[config.Config] = []
    [(built, fresh)] = _steps(source, [TextEdit(at, at, b"x")], first)
    envs = {name: _env(first[0], name) for name in ("a", "b", "c")}
    assert snapshot(built) == snapshot(fresh)
    assert _env(built, "a") is envs["a"] and _env(built, "c") is envs["c"]
    assert _env(built, "b") is not envs["b"]


def test_an_edit_before_every_env_moves_the_reused_subtrees() -> None:
    source = BASE.encode()
    first: list[config.Config] = []
    [(built, fresh)] = _steps(source, [TextEdit(0, 0, "# 🎉 a comment\n[vars]\nY = 1\n".encode())], first)
    assert snapshot(built) == snapshot(fresh)
    assert _env(built, "a") is _env(first[0], "a")
    check_spans(built, len(source) + len("# 🎉 a comment\n[vars]\nY = 1\n".encode()))


@pytest.mark.parametrize(
    ("label", "insert_after", "text"),
    [
        ("an [env] header writes into every env", "# env c\n", '[env]\na.name = "other"\n'),
        ("a dotted top-level key writes into env a", 'compatibility_date = "2025-01-01"\n', 'env.a.main = "x.ts"\n'),
        ("env a written again later", "# env c\n", '[env.a.vars]\nZ = "1"\n'),
        ("a conflict inside env b", 'route = "b.example.com/*"\n', 'route = "again"\n'),
        ("env a's name redefined", "# env b\n", '[env.a]\nmain = "y.ts"\n'),
        ("a new env before the others", "\n# env a\n", '[env.z]\nname = "z"\n'),
        ("a bare CR", "# env b\n", "# carriage\r return\n"),
    ],
)
def test_edits_that_write_across_envs_give_the_fresh_tree(label: str, insert_after: str, text: str) -> None:
    source = BASE.encode()
    at = _at(BASE, insert_after) + len(insert_after.encode())
    key = _at(BASE, "class_name")
    edits = [TextEdit(at, at, text.encode()), TextEdit(key, key, b"x"), TextEdit(key, key + 1, b"")]
    after_insert = apply_edit(source, edits[0])
    undo = TextEdit(at, at + len(text.encode()), b"")
    for built, fresh in _steps(source, [*edits, undo, TextEdit(key, key, b"y")]):
        assert snapshot(built) == snapshot(fresh), label
    assert after_insert != source


def test_removing_and_reordering_envs_give_the_fresh_tree() -> None:
    source = BASE.encode()
    start_b, start_c = _at(BASE, "# env b"), _at(BASE, "# env c")
    block_b = source[start_b:start_c]
    edits = [
        TextEdit(start_b, start_c, b""),  # env b removed
        TextEdit(len(source) - len(block_b), len(source) - len(block_b), block_b),  # and put back last
    ]
    for built, fresh in _steps(source, edits):
        assert snapshot(built) == snapshot(fresh)
        assert list(built.root.entries["env"].value.entries) == list(fresh.root.entries["env"].value.entries)  # type: ignore[union-attr]
