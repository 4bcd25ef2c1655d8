"""The JSON(C) config builder: values and spans, jsonc-parser's errors, JSON5-only syntax, duplicate keys,
recovery after errors, and incremental rebuilds equal to fresh ones."""

from __future__ import annotations

import json
import math
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import paths
from wrangler_lsp import config, syntax
from wrangler_lsp.config import Array, ArrayStyle, Entry, Scalar, ScalarKind, Table, TableStyle
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import TextEdit, apply_edit

CORPUS = paths.CORPUS
CORPUS_FILES = sorted(path.name for path in CORPUS.iterdir() if path.suffix in (".json", ".jsonc"))


def build(text: str | bytes) -> config.Config:
    source = text.encode() if isinstance(text, str) else text
    return config.build(syntax.parse(syntax.Format.JSON, source))


def value(text: str | bytes) -> object:
    return config.to_python(build(text).root)


def issues(text: str | bytes) -> list[tuple[str, str, str]]:
    """`(code, flagged text, message)` of each issue."""
    source = text.encode() if isinstance(text, str) else text
    return [
        (issue.code, source[issue.span.start : issue.span.end].decode("utf-8", "replace"), issue.message)
        for issue in build(source).issues
    ]


def codes(text: str) -> list[tuple[str, str]]:
    return [(code, flagged) for code, flagged, _ in issues(text)]


def entry(root: Table, *path: str | int) -> Entry:
    node: object = root
    found: Entry | None = None
    for key in path:
        if isinstance(key, int):
            assert isinstance(node, Array)
            node = node.items[key]
            continue
        assert isinstance(node, Table)
        found = node.entries[key]
        node = found.value
    assert found is not None
    return found


def text_of(source: bytes, span: object) -> str:
    return source[span.start : span.end].decode()  # type: ignore[attr-defined]


def snapshot(built: config.Config) -> tuple[object, ...]:
    """Everything a build gives, comparably: values, each node's path, spans, style, entries, issues."""
    nodes: list[object] = []
    for node in config.walk(built.root):
        row: list[object] = [type(node).__name__, node.path, node.span, getattr(node, "style", None)]
        if isinstance(node, Table):
            row.append(tuple(node.sections))
            row.append(tuple((e.key, e.key_span, e.full_key_span, e.span) for e in node.entries.values()))
        if isinstance(node, Scalar):
            row.append((node.kind, repr(node.value)))
        nodes.append(tuple(row))
    return (repr(config.to_python(built.root)), tuple(nodes), built.issues)


def spans_inside(built: config.Config, size: int) -> None:
    for node in config.walk(built.root):
        assert 0 <= node.span.start <= node.span.end <= size
        if isinstance(node, Table):
            for item in node.entries.values():
                assert item.span.start <= item.key_span.start <= item.key_span.end <= item.span.end <= size
    for issue in built.issues:
        assert 0 <= issue.span.start <= issue.span.end <= size


# Values.


def test_comments_and_trailing_commas() -> None:
    text = '// top\n{\n  /* block\n */ "a": 1, // one\n  "b": [1, 2,],\n  "c": {"d": true,},\n}\n// end\n'
    assert value(text) == {"a": 1, "b": [1, 2], "c": {"d": True}}
    assert issues(text) == []


def test_scalars() -> None:
    text = '{"s": "x", "i": -12, "f": 1.5e-3, "e": 2E+2, "z": -0, "t": true, "n": null, "big": 123456789012345678901}'
    root = build(text).root
    assert value(text) == {"s": "x", "i": -12, "f": 0.0015, "e": 200.0, "z": 0, "t": True, "n": None,
                           "big": 123456789012345678901}  # fmt: skip
    kinds = {key: e.value.kind for key, e in root.entries.items() if isinstance(e.value, Scalar)}
    assert kinds == {
        "s": ScalarKind.STRING,
        "i": ScalarKind.INTEGER,
        "f": ScalarKind.FLOAT,
        "e": ScalarKind.FLOAT,
        "z": ScalarKind.INTEGER,
        "t": ScalarKind.BOOLEAN,
        "n": ScalarKind.NULL,
        "big": ScalarKind.INTEGER,
    }
    assert type(value('{"x": 1e400}')["x"]) is float and math.isinf(value('{"x": 1e400}')["x"])  # type: ignore[index]


def test_escapes() -> None:
    text = r'{"e": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \uD83D\uDE00 \u0041 \ud800"}'
    assert value(text) == {"e": 'q" b\\ s/ \b\f\n\r\t é 😀 A \ud800'}
    assert issues(text) == []


def test_non_ascii_spans_are_bytes() -> None:
    source = '{"ключ": "значение 😀", "b": "é"}'.encode()
    built = build(source)
    assert built.issues == ()
    first = entry(built.root, "ключ")
    assert text_of(source, first.key_span) == '"ключ"'
    assert text_of(source, first.value.span) == '"значение 😀"'
    assert text_of(source, first.span) == '"ключ": "значение 😀"'
    assert text_of(source, entry(built.root, "b").value.span) == '"é"'


def test_nested_paths_and_spans() -> None:
    source = b'{\n  "env": {\n    "prod": {\n      "kv": [ {"binding": "A"}, [1] ]\n    }\n  }\n}'
    built = build(source)
    root = built.root
    assert root.style is TableStyle.ROOT and root.path == ()
    assert text_of(source, root.span) == source.decode()
    assert [section.body for section in root.sections] == [root.span]
    prod = entry(root, "env", "prod")
    assert prod.key_span == prod.full_key_span and text_of(source, prod.key_span) == '"prod"'
    assert isinstance(prod.value, Table) and prod.value.style is TableStyle.OBJECT
    assert prod.value.path == ("env", "prod")
    assert prod.value.sections[0].header is None
    assert text_of(source, prod.value.sections[0].body).startswith("{") and text_of(source, prod.span).startswith(
        '"prod": {'
    )
    kv = entry(root, "env", "prod", "kv").value
    assert isinstance(kv, Array) and kv.style is ArrayStyle.INLINE and kv.path == ("env", "prod", "kv")
    assert text_of(source, kv.span) == '[ {"binding": "A"}, [1] ]'
    binding = entry(root, "env", "prod", "kv", 0, "binding")
    assert binding.value.path == ("env", "prod", "kv", 0, "binding")
    inner = kv.items[1]
    assert isinstance(inner, Array) and inner.items[0].path == ("env", "prod", "kv", 1, 0)


def test_bom() -> None:
    assert value(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}
    assert issues(b'\xef\xbb\xbf{"a": 1}') == []
    for bom, name in [
        (b"\xff\xfe", "UTF-16 LE"),
        (b"\xfe\xff", "UTF-16 BE"),
        (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    ]:
        built = build(bom + '{"a": 1}'.encode("utf-16-le"))
        assert [issue.code for issue in built.issues] == ["WL007"]
        assert name in built.issues[0].message and built.root.entries == {}


def test_invalid_utf8_is_a_warning() -> None:
    built = build(b'{"a": "x\xffy"}')
    assert value(b'{"a": "x\xffy"}') == {"a": "x\ufffdy"}
    assert [(issue.code, issue.severity) for issue in built.issues] == [("WL007", Severity.WARNING)]


# Errors as wrangler (jsonc-parser) reports them.


def test_empty_document_is_an_error_like_wrangler() -> None:
    # wrangler 4.164: an empty wrangler.jsonc (or one with only comments) fails with "ValueExpected".
    for text in ["", "  \n", "// nothing\n"]:
        built = build(text)
        assert built.root.entries == {}
        assert [(issue.code, issue.message, issue.span.start) for issue in built.issues] == [
            ("WL004", "Value expected", len(text))
        ]


def test_top_level_must_be_an_object() -> None:
    assert issues("[1, 2]") == [("WL004", "[1, 2]", "expected an object at the top level")]
    assert value("[1, 2]") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1 "b": 2}', [("WL004", '"b"', "Comma expected")]),
        ('{"a" 1}', [("WL004", "1", "Colon expected")]),
        ('{"a": }', [("WL004", "}", "Value expected")]),
        ('{"a": 1,, "b": 2}', [("WL004", ",", "Property name expected")]),
        ("{1: 2}", [("WL004", "1", "Property name expected")]),
        ('{"a": [1,,]}', [("WL004", ",", "Value expected")]),
        ('{"a": 1}}', [("WL004", "}", "End of file expected")]),
        ('{"a": 1', [("WL004", "", "Close brace expected")]),
        ('{"a": [1', [("WL004", "", "Close bracket expected"), ("WL004", "", "Close brace expected")]),
        ('{"a": tru}', [("WL004", "tru", "Invalid symbol"), ("WL004", "}", "Value expected")]),
        ('{"a": 1.}', [("WL005", "1.", "a trailing decimal point is not allowed (JSON5 only)")]),
        ('{"a": 1e}', [("WL004", "1e", "Unexpected end of number")]),
        ('{"a": "x\\q"}', [("WL005", "\\q", "unnecessary escapes are not allowed (JSON5 only)")]),
        ('{"a": "x\\1"}', [("WL004", "\\1", "Invalid escape character")]),
        ('{"a": "\\u12"}', [("WL004", "\\u12", "Invalid unicode sequence")]),
        (
            '{"a": "x\ty"}',
            [("WL004", "\t", "Invalid characters in string. Control characters must be escaped.")],
        ),
        ('{"a": 1} /* open', [("WL004", "/* open", "Unexpected end of comment")]),
        ('{"a": 1, "b": "open}', [("WL004", '"open', "Unexpected end of string")]),
    ],
)
def test_syntax_errors(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert issues(text) == expected


def test_broken_corpus_template_first_error_is_wrangler_s() -> None:
    # The workers-rs template has `{{ "now" | date: ... }}` inside a string: wrangler 4.164 fails with
    # "InvalidSymbol" at line 5, column 31 (0-based), i.e. on `now`.
    source = (CORPUS / "cloudflare__workers-rs__templates__hello-world__wrangler.jsonc").read_bytes()
    first = build(source).issues[0]
    line_start = source.rindex(b"\n", 0, first.span.start) + 1
    assert (source.count(b"\n", 0, first.span.start) + 1, first.span.start - line_start) == (5, 31)
    assert (first.code, first.message, text_of(source, first.span)) == ("WL004", "Invalid symbol", "now")


# JSON5-only syntax.


@pytest.mark.parametrize(
    ("text", "flagged", "what", "expected"),
    [
        ("{'a': 1}", "'a'", "single-quoted strings", {"a": 1}),
        ('{"a": \'x"y\'}', "'x\"y'", "single-quoted strings", {"a": 'x"y'}),
        ("{a: 1}", "a", "unquoted property names", {"a": 1}),
        ('{"a": 0x1F}', "0x1F", "hexadecimal numbers", {"a": 31}),
        ('{"a": -0x10}', "-0x10", "hexadecimal numbers", {"a": -16}),
        ('{"a": +1}', "+1", "a leading '+'", {"a": 1.0}),
        ('{"a": .5}', ".5", "a leading decimal point", {"a": 0.5}),
        ('{"a": 5.}', "5.", "a trailing decimal point", {"a": 5.0}),
        ('{"a": Infinity}', "Infinity", "Infinity and NaN", {"a": math.inf}),
        ('{"a": -Infinity}', "-Infinity", "Infinity and NaN", {"a": -math.inf}),
        ('{"a": "x\\\ny"}', "\\\n", "line continuations in strings", {"a": "xy"}),
        ('{"a": "x\\\r\ny"}', "\\\r\n", "line continuations in strings", {"a": "xy"}),
        ('{"a": "\\x41"}', "\\x41", "the escape \\x", {"a": "A"}),
        ('{"a": "\\\'"}', "\\'", "the escape \\'", {"a": "'"}),
        ('{"a": "\\v"}', "\\v", "the escape \\v", {"a": "\v"}),
        ('{"a": "\\0"}', "\\0", "the escape \\0", {"a": "\0"}),
        ('{"a":\u00a01}', "\u00a0", "the whitespace character U+00A0", {"a": 1}),
    ],
)
def test_json5_only_syntax(text: str, flagged: str, what: str, expected: dict[str, object]) -> None:
    verb = "are" if what.endswith(("s", "NaN")) else "is"
    assert issues(text) == [("WL005", flagged, f"{what} {verb} not allowed (JSON5 only)")]
    assert value(text) == expected


def test_nan_is_flagged() -> None:
    assert codes('{"a": NaN}') == [("WL005", "NaN")]
    assert math.isnan(value('{"a": NaN}')["a"])  # type: ignore[index]


# Duplicate keys.


def test_duplicate_key_keeps_the_last_value() -> None:
    source = b'{\n  "name": "a",\n  "x": 1,\n  "name": "b",\n  "name": "c"\n}'
    built = build(source)
    assert config.to_python(built.root) == {"name": "c", "x": 1} == json.loads(source)
    message = 'duplicate key "name" (first defined on line 2); wrangler keeps this last value'
    assert [(i.code, i.severity, text_of(source, i.span), i.message) for i in built.issues] == [
        ("WL006", Severity.WARNING, '"name"', message),
        ("WL006", Severity.WARNING, '"name"', message),
    ]
    assert text_of(source, built.root.entries["name"].span) == '"name": "c"'


def test_duplicate_in_nested_object() -> None:
    assert codes('{"env": {"a": {"k": 1, "k": 2}}}') == [("WL006", '"k"')]


# Recovery.


def test_missing_comma_keeps_later_keys() -> None:
    text = '{\n  "name": "w"\n  "main": "src/index.ts",\n  "vars": {"A": "1"}\n}'
    assert value(text) == {"name": "w", "main": "src/index.ts", "vars": {"A": "1"}}
    assert codes(text) == [("WL004", '"main"')]


def test_half_typed_value_keeps_the_next_key() -> None:
    source = b'{\n  "name": "w",\n  "main": \n  "compatibility_date": "2024-01-01"\n}'
    built = build(source)
    assert list(built.root.entries) == ["name", "main", "compatibility_date"]
    main = built.root.entries["main"]
    assert isinstance(main.value, Scalar) and main.value.kind is ScalarKind.INVALID
    assert text_of(source, main.span) == '"main":'
    assert config.to_python(built.root)["compatibility_date"] == "2024-01-01"  # type: ignore[index]
    assert [(issue.code, issue.message) for issue in built.issues] == [("WL004", "Value expected")]


def test_half_typed_key_keeps_the_next_key() -> None:
    text = '{\n  "name": "w",\n  "ma\n  "vars": {"A": "1"}\n}'
    assert value(text) == {"name": "w", "ma": None, "vars": {"A": "1"}}


def test_unterminated_string_in_one_env_keeps_the_others() -> None:
    text = (
        '{\n  "env": {\n    "a": { "name": "x },\n    "b": { "name": "y" },\n'
        '    "c": {\n      "name": "z\n    }\n  }\n}'
    )
    env = value(text)["env"]  # type: ignore[index]
    assert env == {"a": {"name": "x"}, "b": {"name": "y"}, "c": {"name": "z"}}
    assert [code for code, _ in codes(text)] == ["WL004", "WL004"]


def test_unclosed_array_before_next_key() -> None:
    text = '{\n  "compatibility_flags": ["nodejs_compat",\n  "main": "x"\n}'
    assert value(text) == {"compatibility_flags": ["nodejs_compat"], "main": "x"}
    assert codes(text) == [("WL004", '"main"')]


def test_garbage_line_keeps_the_rest() -> None:
    text = '{\n  "a": 1,\n  oops !!\n  "b": 2\n}'
    built = build(text)
    assert "b" in built.root.entries and built.issues


# Incremental rebuilds.


def generate(n_envs: int) -> bytes:
    envs = {
        f"e{i}": {
            "name": f"w-{i} ✓",
            "vars": {f"V{j}": f"{i}-{j}" for j in range(6)},
            "kv_namespaces": [{"binding": f"KV{j}", "id": f"{i:08x}{j:024x}"} for j in range(3)],
            "durable_objects": {"bindings": [{"name": "C", "class_name": "Counter"}]},
            "limits": {"cpu_ms": 50 + i},
        }
        for i in range(n_envs)
    }
    text = json.dumps({"name": "big", "main": "src/index.ts", "env": envs}, indent=2, ensure_ascii=False)
    return text.replace('"main": "src/index.ts",', '"main": "src/index.ts", // entry', 1).encode()


def rebuild(
    previous_parse: syntax.Parse, previous: config.Config, edit: TextEdit
) -> tuple[config.Config, config.Config]:
    """The incremental build after `edit`, and a fresh build of the same text."""
    parse = syntax.reparse(previous_parse, [edit])
    return config.build(parse, previous), build(parse.source)


@pytest.mark.parametrize("edit_text", [b"x", b"", b'"', b"}", b",", b'", "k": {"n": 1}, "z": "', b"\n\n", b"\xc3\xa9"])
def test_incremental_equals_fresh(edit_text: bytes) -> None:
    source = generate(30)
    parse = syntax.parse(syntax.Format.JSON, source)
    first = config.build(parse)
    for anchor in (b'"w-3 ', b'"w-15 ', b'"V2": "29-2"', b'"limits"'):
        at = source.index(anchor) + 2
        edit = TextEdit(at, at + (1 if edit_text == b"" else 0), edit_text)
        incremental, fresh = rebuild(parse, first, edit)
        assert snapshot(incremental) == snapshot(fresh)
        # And a second edit on top of the first incremental build.
        parse2 = syntax.reparse(parse, [edit])
        again, fresh2 = rebuild(parse2, incremental, TextEdit(5, 5, b" "))
        assert snapshot(again) == snapshot(fresh2)


def test_incremental_reuses_untouched_envs_and_shifts_later_ones() -> None:
    source = generate(20)
    parse = syntax.parse(syntax.Format.JSON, source)
    first = config.build(parse)
    at = source.index(b'"w-10 ') + 2
    old_env = first.root.entries["env"].value
    assert isinstance(old_env, Table)
    old_later = old_env.entries["e15"]
    old_span = old_later.span
    incremental, fresh = rebuild(parse, first, TextEdit(at, at, b"xyz"))
    new_env = incremental.root.entries["env"].value
    assert isinstance(new_env, Table)
    assert new_env.entries["e2"] is old_env.entries["e2"]  # before the edit: the same objects
    assert new_env.entries["e10"] is not old_env.entries["e10"]  # the edited env: lowered again
    later = new_env.entries["e15"]
    assert later is old_later  # after it: the same objects, moved by their anchor
    assert later.span == old_span.shifted(3)
    assert config.is_stale(first) and not config.is_stale(incremental)
    assert snapshot(incremental) == snapshot(fresh)


def test_rebuild_after_one_character_edit_is_fast() -> None:
    source = generate(200)
    parse = syntax.parse(syntax.Format.JSON, source)
    first = config.build(parse)
    at = source.index(b'"w-100 ') + 2
    edit = TextEdit(at, at, b"x")
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        config.build(syntax.reparse(parse, [edit]), first)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.1  # generous: the benchmark in the report measures the real figure


# Properties.

PIECES = [
    *"{}[]:,\"'\\/*-+.0123456789eExatrufnl \n\t",
    "é",
    "😀",
    "\u00a0",
    "//",
    "/*",
    '"k": ',
    "true",
    "null",
]
JSON_TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
SHORT_TEXT = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


@given(JSON_TEXT)
def test_any_text_builds(text: str) -> None:
    source = text.encode()
    built = build(source)
    spans_inside(built, len(source))


@given(
    st.sampled_from(CORPUS_FILES),
    st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 8), SHORT_TEXT),
        min_size=1,
        max_size=4,
    ),
)
def test_random_edits_to_corpus_files(name: str, edits: list[tuple[float, int, str]]) -> None:
    source = (CORPUS / name).read_bytes()
    parse = syntax.parse(syntax.Format.JSON, source)
    built = config.build(parse)
    for where, length, new_text in edits:
        start = int(where * len(source))
        edit = TextEdit(start, min(start + length, len(source)), new_text.encode())
        parse = syntax.reparse(parse, [edit])
        source = apply_edit(source, edit)
        assert parse.source == source
        built = config.build(parse, built)
        fresh = build(source)
        assert snapshot(built) == snapshot(fresh)
        spans_inside(built, len(source))
