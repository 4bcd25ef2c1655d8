"""The TOML config builder: values and spans, conflicts, recovery after errors, incremental rebuilds."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import given
from hypothesis import strategies as st

from tests import paths
from wrangler_lsp import config, syntax
from wrangler_lsp.config import ArrayStyle, Table, TableStyle
from wrangler_lsp.text import TextEdit

CORPUS = paths.CORPUS
CORPUS_FILES = sorted(path.name for path in CORPUS.glob("*.toml"))


def build(text: str) -> config.Config:
    return config.build(syntax.parse(syntax.Format.TOML, text.encode()))


def issues(text: str) -> list[tuple[str, str, str]]:
    source = text.encode()
    return [
        (issue.code, source[issue.span.start : issue.span.end].decode(), issue.message) for issue in build(text).issues
    ]


def generate(n_lines: int) -> bytes:
    """A multi-env config of about `n_lines` lines."""
    out = ['name = "big"', 'main = "src/index.ts"', 'compatibility_date = "2024-01-01"', ""]
    idx = 0
    while len(out) < n_lines:
        out += [
            f"[env.e{idx}]",
            f'name = "worker-{idx}"',
            f'routes = ["e{idx}.example.com/*"]',
            f'vars = {{ LEVEL = "debug", N = {idx} }}',
            "",
            f"[[env.e{idx}.durable_objects.bindings]]",
            f'name = "COUNTER_{idx}"',
            f'class_name = "Counter{idx}"',
            "",
            f"[[env.e{idx}.migrations]]",
            f'tag = "v{idx}"',
            f'new_classes = ["Counter{idx}"]',
            "",
        ]
        idx += 1
    return ("\n".join(out) + "\n").encode()


def snapshot(built: config.Config) -> tuple[object, ...]:
    """Everything a build gives, in comparable form: values, every node's path, style and spans, issues."""
    nodes: list[object] = []
    for node in config.walk(built.root):
        nodes.append((type(node).__name__, node.path, node.span, getattr(node, "style", None)))
        if isinstance(node, Table):
            nodes.append(tuple(node.sections))
            for entry in node.entries.values():
                nodes.append((entry.key, entry.key_span, entry.full_key_span, entry.span))
    return (repr(config.to_python(built.root)), tuple(nodes), built.issues)


def check_spans(built: config.Config, size: int) -> None:
    for node in config.walk(built.root):
        assert 0 <= node.span.start <= node.span.end <= size
    for issue in built.issues:
        assert 0 <= issue.span.start <= issue.span.end <= size


# Values and styles.


def test_values_and_styles() -> None:
    text = (
        'name = "w"\n'
        "limits.cpu_ms = 50\n"
        "[vars]\n"
        "A = 0x1F\n"
        "[env.prod]\n"
        "when = 1979-05-27T07:32:00Z\n"
        "[[env.prod.migrations]]\n"
        'tag = "v1"\n'
    )
    built = build(text)
    assert built.issues == ()
    root = built.root
    assert config.to_python(root) == {
        "name": "w",
        "limits": {"cpu_ms": 50},
        "vars": {"A": 31},
        "env": {"prod": {"when": dt.datetime(1979, 5, 27, 7, 32, tzinfo=dt.UTC), "migrations": [{"tag": "v1"}]}},
    }
    env = root.get("env")
    assert isinstance(env, Table) and env.style is TableStyle.IMPLICIT
    prod = env.get("prod")
    assert isinstance(prod, Table) and prod.style is TableStyle.HEADER
    migrations = prod.get("migrations")
    assert isinstance(migrations, config.Array) and migrations.style is ArrayStyle.TABLES
    assert migrations.items[0].path == ("env", "prod", "migrations", 0)
    limits = root.entries["limits"]
    assert isinstance(limits.value, Table) and limits.value.style is TableStyle.DOTTED
    cpu = limits.value.entries["cpu_ms"]
    assert text.encode()[cpu.full_key_span.start : cpu.full_key_span.end] == b"limits.cpu_ms"
    assert text.encode()[cpu.key_span.start : cpu.key_span.end] == b"cpu_ms"
    assert prod.sections[0].header is not None
    assert text.encode()[prod.sections[0].header.start : prod.sections[0].header.end] == b"[env.prod]"


# Conflicts: the first definition stays, the second is reported on its key.


def test_duplicate_key_keeps_first() -> None:
    built = build('[vars]\nA = "1"\nA = "2"\n')
    assert config.to_python(built.root) == {"vars": {"A": "1"}}
    assert issues('[vars]\nA = "1"\nA = "2"\n') == [
        ("WL003", "A", "`vars.A` is already defined (first defined at line 2)")
    ]


def test_table_defined_twice() -> None:
    assert issues("[vars]\nA = 1\n[vars]\nB = 2\n") == [
        ("WL003", "vars", "`vars` is already defined (first defined at line 1)")
    ]
    assert config.to_python(build("[vars]\nA = 1\n[vars]\nB = 2\n").root) == {"vars": {"A": 1}}


def test_inline_table_is_closed() -> None:
    assert [code for code, _, _ in issues("a = { b = 1 }\n[a.c]\n")] == ["WL003"]
    assert [code for code, _, _ in issues("a = { b = 1 }\na.c = 2\n")] == ["WL003"]


def test_invalid_values_point_at_the_token() -> None:
    assert issues('a = "x\\qy"\n') == [("WL002", "\\q", "invalid escape sequence `\\q`")]
    assert issues("d = 2023-02-29\n") == [("WL002", "29", "day 29 does not exist in February 2023")]
    assert issues("d = 2024-02-29\n") == []


# Recovery: a broken line does not lose the tables after it.


def test_recovery_missing_value() -> None:
    built = build('name = "w"\nmain = \n[env.staging]\nroute = "x"\n')
    assert [(issue.code, issue.message) for issue in built.issues] == [("WL001", "expected a value after `=`")]
    assert config.to_python(built.root)["env"] == {"staging": {"route": "x"}}  # type: ignore[index]


def test_recovery_half_typed_header() -> None:
    built = build('name = "w"\n[env.sta\n\n[env.prod]\nroute = "x"\n')
    assert [issue.code for issue in built.issues] == ["WL001"]
    assert config.to_python(built.root) == {"name": "w", "env": {"prod": {"route": "x"}}}


def test_recovery_unterminated_string() -> None:
    built = build('name = "w"\nmain = "src/ind\n[env.prod]\nroute = "x"\n\n[env.dev]\nroute = "y"\n')
    assert built.issues[0].message == "unterminated string: add the closing quote"
    assert config.to_python(built.root)["env"]["dev"] == {"route": "y"}  # type: ignore[index]


# Incremental rebuilds equal fresh builds.


def rebuild(source: bytes, edit: TextEdit) -> tuple[config.Config, config.Config]:
    previous_parse = syntax.parse(syntax.Format.TOML, source)
    previous = config.build(previous_parse)
    new_parse = syntax.reparse(previous_parse, [edit])
    incremental = config.build(new_parse, previous)
    fresh = config.build(syntax.parse(syntax.Format.TOML, new_parse.source))
    return incremental, fresh


def test_incremental_equals_fresh_on_big_file() -> None:
    source = generate(2000)
    middle = source.index(b'"', len(source) // 2) + 1
    for edit in (TextEdit(middle, middle, b"x"), TextEdit(middle - 1, middle, b""), TextEdit(0, 0, b"# c\n")):
        incremental, fresh = rebuild(source, edit)
        assert snapshot(incremental) == snapshot(fresh)


def test_rebuild_timing() -> None:
    source = generate(10_000)
    parse = syntax.parse(syntax.Format.TOML, source)
    started = time.perf_counter()
    built = config.build(parse)
    full = time.perf_counter() - started
    middle = source.index(b'"', len(source) // 2) + 1
    new_parse = syntax.reparse(parse, [TextEdit(middle, middle, b"x")])
    started = time.perf_counter()
    config.build(new_parse, built)
    incremental = time.perf_counter() - started
    print(f"10k lines: full build {full * 1000:.1f} ms, rebuild after insert {incremental * 1000:.1f} ms")
    assert incremental < full


# Properties.


@given(st.text(alphabet="abc =.\"'[]{},\n#\\0123_-:Tetrufls\r\t", max_size=80))
def test_random_text_never_raises(text: str) -> None:
    source = text.encode()
    built = config.build(syntax.parse(syntax.Format.TOML, source))
    check_spans(built, len(source))


@given(
    st.sampled_from(CORPUS_FILES),
    st.floats(0, 1),
    st.integers(0, 6),
    st.text(alphabet='a=." \n[]{}#,1', max_size=6),
)
def test_random_edit_incremental_equals_fresh(name: str, where: float, removed: int, inserted: str) -> None:
    source = (CORPUS / name).read_bytes()
    start = int(where * len(source))
    while 0 < start < len(source) and (source[start] & 0xC0) == 0x80:
        start -= 1
    edit = TextEdit(start, min(len(source), start + removed), inserted.encode())
    incremental, fresh = rebuild(source, edit)
    check_spans(incremental, len(source) - edit.old_end + edit.start + len(edit.new_text))
    assert snapshot(incremental) == snapshot(fresh)
