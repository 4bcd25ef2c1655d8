"""Plain-text scanning of Worker source files: `export class X` declarations and relative imports.

No parser: a regular expression per construct is enough to find a Durable Object class (the issue asks
for a bounded text search). The LSP layer reads the files and hands their text here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wrangler_lsp.text import Span

_EXPORT_CLASS = re.compile(
    rb"^[ \t]*export[ \t]+(?:default[ \t]+)?(?:abstract[ \t]+)?class[ \t]+([A-Za-z_$][\w$]*)", re.M
)
_IMPORT = re.compile(rb"""(?:^|[;\s])(?:import|export)\b[^;'"`]*?\bfrom[ \t]*['"](\.{1,2}/[^'"]+)['"]""", re.M)
_BARE_IMPORT = re.compile(rb"""(?:^|[;\s])import[ \t]*['"](\.{1,2}/[^'"]+)['"]""", re.M)


@dataclass(frozen=True, slots=True)
class SourceClass:
    """An exported class of a source file: its name, the file's URI and the span of the name."""

    name: str
    uri: str
    span: Span


@dataclass(frozen=True, slots=True)
class SourceScan:
    """What a source file exports as classes (name, span of the name) and the relative modules it imports."""

    classes: tuple[tuple[str, Span], ...]
    imports: tuple[str, ...]


def scan_source(text: bytes) -> SourceScan:
    """The exported classes and relative import specifiers (`./x`, `../y`) of a JS/TS text."""
    classes = tuple(
        (match.group(1).decode("utf-8", "replace"), Span(match.start(1), match.end(1)))
        for match in _EXPORT_CLASS.finditer(text)
    )
    specs: list[str] = []
    for pattern in (_IMPORT, _BARE_IMPORT):
        for match in pattern.finditer(text):
            spec = match.group(1).decode("utf-8", "replace")
            if spec not in specs:
                specs.append(spec)
    return SourceScan(classes, tuple(specs))
