"""Rule fixtures with inline expectations: `check_fixture(path, rules)` is the only caller of the rules.

A fixture is a config file (`.toml`, or `.json`/`.jsonc`) whose comments say what the rules must find:

    [[env.staging.durable_objects.bindings]]
    name = "ROOMS"
    #      ^^^^^^^ WL220 hint

An annotation line starts at column 0 with the comment marker (`#`, or `//` for JSON); the marker takes no
columns, so `#^^^^` flags columns 0-3 of the nearest code line above (annotation lines stack). Columns
count characters. A span that ends on a later line adds `..+N:C`: it ends N lines further down, before
character column C. Files named `*.ok.*` must have no findings of the rules under test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wrangler_lsp import config, syntax
from wrangler_lsp.rules.api import Finding, Rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.run import check
from wrangler_lsp.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "rules"

_ANNOTATION = re.compile(
    r"^(?P<pad> *)(?P<carets>\^+) (?P<code>WL\d{3}) (?P<severity>\w+)"
    r"(?: \.\.\+(?P<lines>\d+):(?P<col>\d+))?\s*$"
)


@dataclass(frozen=True, order=True)
class Expectation:
    """A finding as an annotation describes it: where (line, start col, end line, end col), code, severity."""

    line: int
    start: int
    end_line: int
    end: int
    code: str
    severity: str


def fixtures(code: str) -> list[Path]:
    """The fixture files of a rule code, sorted."""
    folder = FIXTURES / code
    return sorted(p for p in folder.iterdir() if p.suffix in (".toml", ".json", ".jsonc"))


def fixture_format(path: Path) -> syntax.Format:
    return syntax.Format.TOML if path.suffix == ".toml" else syntax.Format.JSON


def run_rules(text: str, fmt: syntax.Format, rules: Iterable[Rule]) -> list[Finding]:
    """The findings of `rules` on a config text."""
    source = text.encode()
    built = config.build(syntax.parse(fmt, source), None)
    return check(Context(fmt, source, built), Settings(), rules)


def check_fixture(path: Path, rules: Sequence[Rule]) -> list[Finding]:
    """Run `rules` on the fixture and compare with its annotations (exact ranges); returns the findings."""
    text = path.read_text(encoding="utf-8")
    fmt = fixture_format(path)
    findings = run_rules(text, fmt, rules)
    expected = annotations(text, "#" if fmt is syntax.Format.TOML else "//")
    actual = sorted(_expectation(text, finding) for finding in findings)
    if ".ok." in path.name:
        assert expected == []
    assert actual == expected, _diff(text, actual, expected)
    return findings


def annotations(text: str, marker: str) -> list[Expectation]:
    """The expectations written as annotation comments in `text`."""
    out: list[Expectation] = []
    lines = text.split("\n")
    code_line = -1
    for number, line in enumerate(lines):
        match = _ANNOTATION.match(line[len(marker) :]) if line.startswith(marker) else None
        if match is None:
            code_line = number
            continue
        start = len(match["pad"])
        end = start + len(match["carets"])
        end_line = code_line
        if match["lines"] is not None:
            end_line, end = code_line + int(match["lines"]), int(match["col"])
        out.append(Expectation(code_line, start, end_line, end, match["code"], match["severity"]))
    return sorted(out)


def _expectation(text: str, finding: Finding) -> Expectation:
    line, col = _position(text, finding.span.start)
    end_line, end = _position(text, finding.span.end)
    return Expectation(line, col, end_line, end, finding.code, finding.severity.label)


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text.encode()[:offset].decode()
    line = before.count("\n")
    return line, len(before) - (before.rfind("\n") + 1)


def _diff(text: str, actual: list[Expectation], expected: list[Expectation]) -> str:
    lines = text.split("\n")

    def show(items: list[Expectation]) -> str:
        return "\n".join(f"  {e} on {lines[e.line]!r}" for e in items) or "  (none)"

    missing = [e for e in expected if e not in actual]
    extra = [e for e in actual if e not in expected]
    return f"missing:\n{show(missing)}\nunexpected:\n{show(extra)}"
