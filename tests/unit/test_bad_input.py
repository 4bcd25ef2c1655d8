"""Bad input never raises and always yields findings: empty, huge, deep, NUL bytes, CRLF, binary, bad UTF-8."""

from __future__ import annotations

import pytest

from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.features.hover import hover
from wrangler_lsp.features.inlay_hints import inlay_hints
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import PositionEncoding, Span, TextEdit

TOML, JSON = syntax.Format.TOML, syntax.Format.JSON

CASES = {
    "empty toml": (TOML, b"", []),
    "empty json": (JSON, b"", ["WL004"]),  # wrangler: ValueExpected
    "deep arrays toml": (TOML, b"a = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", ["WL008"]),
    "deep inline tables toml": (TOML, b"a = " + b"{b=" * 100_000 + b"1" + b"}" * 100_000 + b"\n", ["WL008"]),
    "deep arrays json": (JSON, b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}", ["WL008"]),
    "deep objects json": (JSON, b'{"a":' + b'{"b":' * 100_000 + b"1" + b"}" * 100_000 + b"}", ["WL008"]),
    "nul in string toml": (TOML, b'name = "a\x00b"\n', ["WL002"]),
    "nul between lines toml": (TOML, b'name = "a"\n\x00\n[env.x]\nname = "y"\n', ["WL001"]),
    "crlf toml": (TOML, b'name = "a"\r\n[env.x]\r\nname = "b"\r\n', []),
    "crlf json": (JSON, b'{\r\n  "name": "a",\r\n  "env": { "x": { "name": "b" } }\r\n}\r\n', []),
    "invalid utf-8 toml": (TOML, b'name = "\xff\xfe"\n', ["WL002"]),
    "binary": (TOML, bytes(range(256)) * 40, None),
    "half-typed value toml": (TOML, b'name = "w"\nmain = \nworkers_dev = true\n', ["WL001"]),
    "half-typed value json": (JSON, b'{\n  "name": "w",\n  "main": \n}\n', ["WL004"]),
    "long line": (TOML, b'name = "' + b"x" * 1_000_000 + b'"\n', []),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_findings_not_exceptions(name: str) -> None:
    fmt, source, expected_codes = CASES[name]
    doc = Document("file:///w/wrangler." + fmt.value, fmt, source, 1)
    findings = doc.findings(Settings())
    codes = sorted({f.code for f in findings})
    if expected_codes is not None:
        assert codes == expected_codes
    else:
        assert codes and all(code.startswith("WL0") for code in codes)
    for finding in findings:
        assert 0 <= finding.span.start <= finding.span.end <= len(source)
    hover(doc.context.worker, len(source) // 2)
    inlay_hints(doc.context.worker, Span(0, len(source)))
    for offset in (0, len(source) // 2, len(source), len(source) + 10):
        line, char = doc.line_index.position(offset, PositionEncoding.UTF16)
        assert doc.line_index.offset(line, char, PositionEncoding.UTF16) <= len(source)


def test_ten_megabyte_file_gets_one_information_finding() -> None:
    block = b'[[env.e.durable_objects.bindings]]\nname = "A"\nclass_name = "B"\n'
    source = b'name = "w"\n' + block * (10_000_000 // len(block))
    doc = Document("file:///w/wrangler.toml", TOML, source, 1)
    (finding,) = doc.findings(Settings())
    assert (finding.code, finding.span.start, finding.span.end) == ("WL009", 0, 0)
    assert finding.message.startswith("this file is 10.0 MB: wrangler-lsp analyses files up to 2 MB")


def test_a_file_just_under_the_bound_is_analysed() -> None:
    source = b'name = "w"\n[vars]\nA = [' + b"1," * 990_000 + b"]\n"
    assert len(source) < 2_000_000
    doc = Document("file:///w/wrangler.toml", TOML, source, 1)
    assert [f.code for f in doc.findings(Settings())] == []


def test_edit_past_the_end_clamps() -> None:
    doc = Document("file:///w/wrangler.toml", TOML, b'name = "a"\n', 1)
    edited = doc.edited(2, [TextEdit(500, 900, b"\n[env.x]\n")])
    assert edited.source == b'name = "a"\n\n[env.x]\n'
    assert edited.findings(Settings()) == []
