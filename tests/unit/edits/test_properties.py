"""Property tests: random edits on generated configs (every TOML table style, JSON layouts) and real files.

Each example picks a table of the built tree and sets a new key, removes a key or appends an array
element; the result must parse with no syntax issue and `to_python` must differ exactly by that change.
"""

from __future__ import annotations

import json
import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import paths
from wrangler_lsp import config, syntax
from wrangler_lsp.syntax import Format

from . import props
from .helpers import build

CORPUS = paths.CORPUS

KEYS = st.sampled_from(["name", "a", "b-c", "d_e", "x y", "dot.ted", "ключ", "😀", "", 'q"'])
STRINGS = st.text(alphabet=st.sampled_from('ab "\\\n\té😀\x01'), max_size=6)
SCALARS = st.one_of(STRINGS, st.integers(-5, 5), st.booleans())
VALUES = st.one_of(
    SCALARS, st.lists(STRINGS, max_size=3), st.dictionaries(st.sampled_from(["k", "l m"]), SCALARS, max_size=2)
)
DOCS = st.recursive(
    st.dictionaries(KEYS, SCALARS, max_size=3),
    lambda inner: st.dictionaries(KEYS, st.one_of(SCALARS, inner, st.lists(inner, min_size=1, max_size=2)), max_size=4),
    max_leaves=12,
)


@cache
def _corpus() -> list[tuple[Format, bytes, config.Table]]:
    out = []
    for path in sorted(CORPUS.iterdir()):
        fmt = syntax.format_for_path(path.name)
        if fmt is None:
            continue
        source = path.read_bytes()
        tree = build(fmt, source)
        if not tree.issues:
            out.append((fmt, source, tree.root))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_toml(data: st.DataObject) -> None:
    doc = data.draw(DOCS)
    source = _write_toml(data, doc).encode()
    if data.draw(st.booleans()):
        source = source.replace(b"\n", b"\r\n")
    _random_edit(data, Format.TOML, source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_json(data: st.DataObject) -> None:
    doc = data.draw(DOCS)
    indent = data.draw(st.sampled_from([None, 2, 4, "\t"]))
    text = json.dumps(doc, indent=indent, ensure_ascii=data.draw(st.booleans()))
    if indent is not None and data.draw(st.booleans()):
        text = re.sub(r"([^\[{\s])(\n\s*[}\]])", r"\1,\2", text)
    if data.draw(st.booleans()):
        text = text.replace("{", "{ // c\n", 1) if indent is not None else "/* c */ " + text
    _random_edit(data, Format.JSON, text.encode())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_corpus_files(data: st.DataObject) -> None:
    fmt, source, root = data.draw(st.sampled_from(_corpus()))
    _random_edit(data, fmt, source, root)


def _random_edit(data: st.DataObject, fmt: Format, source: bytes, root: config.Table | None = None) -> None:
    if root is None:
        tree = build(fmt, source)
        assert tree.issues == (), (tree.issues, source)
        root = tree.root
    tables = [node for node in config.walk(root) if isinstance(node, config.Table)]
    table = data.draw(st.sampled_from(tables))
    op = data.draw(st.sampled_from(["set", "remove", "append"]))
    if op == "remove" and table.entries:
        props.check_remove_key(fmt, source, root, table, data.draw(st.sampled_from(list(table.entries))))
    elif op == "append" and all(isinstance(key, str) for key in table.path):
        arrays = [
            key
            for key, entry in table.entries.items()
            if isinstance(entry.value, config.Array)
            and all(isinstance(item, config.Table) for item in entry.value.items)
        ]
        key = data.draw(st.sampled_from([*arrays, "new_array"]))
        path = [*table.path, key]
        if data.draw(st.booleans()) and key == "new_array":
            path.append("deeper")
        item = data.draw(st.dictionaries(st.sampled_from(["name", "class name"]), SCALARS, min_size=1, max_size=2))
        props.check_append(fmt, source, root, [str(part) for part in path], item)
    else:
        key = data.draw(KEYS.filter(lambda key: key not in table.entries))
        props.check_set_key(fmt, source, root, table, key, data.draw(VALUES))


def _write_toml(data: st.DataObject, doc: dict[str, object]) -> str:
    """`doc` as TOML, each nested table written as a header, an inline table or dotted keys, at random."""
    lines: list[str] = []
    _section(data, doc, (), lines)
    return "\n".join(lines) + data.draw(st.sampled_from(["\n", ""]))


def _section(data: st.DataObject, table: dict[str, object], path: tuple[str, ...], lines: list[str]) -> None:
    indent = data.draw(st.sampled_from(["", "", "  "]))
    later: list[tuple[tuple[str, ...], object]] = []
    for key, value in table.items():
        _pair(data, (_key(key),), value, (*path, key), lines, indent, later)
    for sub_path, value in later:
        lines.append("")
        if data.draw(st.booleans()):
            lines.append("# about " + ".".join(sub_path))
        header = ".".join(_key(part) for part in sub_path)
        if isinstance(value, list):
            for item in value:
                lines.append(f"[[{header}]]")
                assert isinstance(item, dict)
                _section(data, item, sub_path, lines)
        else:
            lines.append(f"[{header}]")
            assert isinstance(value, dict)
            _section(data, value, sub_path, lines)


def _pair(
    data: st.DataObject,
    key: tuple[str, ...],
    value: object,
    path: tuple[str, ...],
    lines: list[str],
    indent: str,
    later: list[tuple[tuple[str, ...], object]],
) -> None:
    is_tables = isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)
    style = data.draw(st.sampled_from(["header", "inline", "dotted"]))
    if isinstance(value, dict) and value and style == "dotted":
        for sub, sub_value in value.items():
            _pair(data, (*key, _key(sub)), sub_value, (*path, sub), lines, indent, later)
        return
    if (isinstance(value, dict) or is_tables) and style == "header" and len(key) == 1:
        later.append((path, value))
        return
    text = _inline(value)
    if is_tables and data.draw(st.booleans()):
        assert isinstance(value, list)
        text = "[\n" + "".join(f"{indent}  {_inline(item)},\n" for item in value) + indent + "]"
    lines.append(f"{indent}{'.'.join(key)} = {text}")


def _inline(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else json.dumps(value)


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)
