"""TOML cursor context: the header before the cursor is found backwards, and an array header's index
counted among array headers only; both must give what a scan of every header from the top gives."""

from __future__ import annotations

import re

from bench.generate import config as generated
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.paths import CORPUS
from wrangler_lsp import syntax
from wrangler_lsp.features import cursor

_HEADER = re.compile(rb"^[ \t]*\[\[?[ \t]*[^\[\]\n#=]+\]\]?[ \t]*(?:#.*)?$", re.M)


def _reference(source: bytes, offset: int) -> tuple[object, ...] | None:
    """The table path and scan start the cursor used before: every header from the top."""
    line_start = source.rfind(b"\n", 0, offset) + 1
    headers = list(_HEADER.finditer(source, 0, line_start))
    if not headers:
        return None
    last = headers[-1]
    text = last.group(0).strip().split(b"#")[0].strip()
    parts = cursor._dotted(text.strip(b"[]").decode("utf-8", "replace"))
    if not text.startswith(b"[["):
        return tuple(parts), last.end()
    count = sum(1 for match in headers if cursor._is_array_header(match.group(0), parts))
    return (*parts, max(count - 1, 0)), last.end()


def _ours(source: bytes, offset: int) -> tuple[object, ...] | None:
    line_start = source.rfind(b"\n", 0, offset) + 1
    last = cursor._last_header(source, line_start)
    if last is None:
        return None
    return cursor._header_path(last.group(0), source, line_start), last.end()


FAR = b"[[env.a.x]]\n" + b"k = 1\n" * 3000 + b"[[env.a.x]]\n" + b'v = "y"\n' * 5000  # windows must grow
FILES = [p.read_bytes() for p in sorted(CORPUS.glob("*.toml"))] + [generated(3000, "toml").encode(), FAR]

LINES = st.sampled_from(
    [
        b"[[env.a.durable_objects.bindings]]",
        b"[[ env.a.durable_objects.bindings ]] # again",
        b'[["env".a.durable_objects.bindings]]',
        b"[[env.a.durable_objects.binding]]",
        b"[env.a]",
        b"[env.\\u0061]",
        b'[[env."\xc3\xa9".x]]',
        b"[[x]",
        b'name = "x"',
        b"# [[env.a.durable_objects.bindings]]",
        b"",
        b"  [[env.a.migrations]]",
    ]
)


def test_every_line_start_of_real_and_generated_files() -> None:
    for source in FILES:
        for offset in [0, *(m.end() for m in re.finditer(rb"\n", source))]:
            assert _ours(source, offset) == _reference(source, offset)


@settings(max_examples=300)
@given(st.lists(LINES, min_size=1, max_size=60), st.data())
def test_random_header_files(lines: list[bytes], data: st.DataObject) -> None:
    source = b"\n".join(lines) + b"\n"
    offset = data.draw(st.integers(0, len(source)))
    assert _ours(source, offset) == _reference(source, offset)
    fmt = syntax.Format.TOML
    cursor.cursor_at(fmt, source, offset)  # and the whole cursor read answers
