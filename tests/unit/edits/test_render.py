"""Rendering keys and values: TOML quoting and escapes, JSON with non-ASCII kept."""

from __future__ import annotations

import tomllib

import pytest

from wrangler_lsp import edits
from wrangler_lsp.syntax import Format

TOML = Format.TOML
JSON = Format.JSON


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("C:\\path", '"C:\\\\path"'),
        ("a\nb\tc\rd", '"a\\nb\\tc\\rd"'),
        ("\x00\x1f\x7f", '"\\u0000\\u001F\\u007F"'),
        ("héllo 😀", '"héllo 😀"'),
        (42, "42"),
        (-1, "-1"),
        (True, "true"),
        (False, "false"),
        (1.5, "1.5"),
        (1e20, "1e+20"),
        (["a", "b"], '["a", "b"]'),
        ([], "[]"),
        ({"name": "A", "class name": "B"}, '{ name = "A", "class name" = "B" }'),
        ({}, "{}"),
    ],
)
def test_toml_values(value: object, text: str) -> None:
    assert edits.render_value(TOML, value) == text
    assert tomllib.loads(f"k = {text}")["k"] == value


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("name", "name"),
        ("a-b_C9", "a-b_C9"),
        ("a.b", '"a.b"'),
        ("", '""'),
        ("ключ", '"ключ"'),
        ('q"', '"q\\""'),
    ],
)
def test_toml_keys(key: str, text: str) -> None:
    assert edits.render_key(TOML, key) == text
    assert tomllib.loads(f"{text} = 1") == {key: 1}


def test_json_values_keep_non_ascii() -> None:
    assert edits.render_value(JSON, {"k": 'é😀\n"', "n": [1, True]}) == '{"k": "é😀\\n\\"", "n": [1, true]}'
    assert edits.render_key(JSON, 'a"b') == '"a\\"b"'


def test_unsupported_value() -> None:
    with pytest.raises(ValueError, match="cannot write a NoneType as TOML"):
        edits.render_value(TOML, None)
