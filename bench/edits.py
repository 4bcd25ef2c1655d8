"""In-process timings of three kinds of keystroke, as the server analyses them inside a workspace.

Usage: python -m bench.edits [LINES ...]   (default 1000 10000 50000)
On a generated config (TOML and JSONC) that the workspace index also holds, as the server's does: a
character typed in a string (patched in place), in a key (built), and `= ` typed before a value (a syntax
error, built); each typed then deleted in the middle of the file, 30 times, each version analysed from the
one before: the rules' findings (with the workspace, so the cross-Worker rules run) and the diagnostics
encoded as the server publishes them (UTF-16). Median per keystroke, in ms.
"""

from __future__ import annotations

import statistics
import sys
import time

from bench.generate import config
from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.lsp.convert import EncodedDiagnostics
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import PositionEncoding, TextEdit
from wrangler_lsp.workspace import WorkspaceIndex

KINDS = ("in a string", "in a key", "syntax error")
EDITS = 30
WARM = 4


def measure(lines: int, fmt_name: str, kind: str) -> float:
    """The median time of one keystroke of `kind`, from the edit to the encoded diagnostics."""
    source = config(lines, fmt_name).encode()
    fmt = syntax.Format.TOML if fmt_name == "toml" else syntax.Format.JSON
    uri = f"file:///bench/api/wrangler.{fmt_name}"
    index = WorkspaceIndex()
    index.update("file:///bench/rooms/wrangler.toml", syntax.Format.TOML, b'name = "rooms"\n')
    index.update(uri, fmt, source)
    doc = Document(uri, fmt, source, 1)
    encoder, settings = EncodedDiagnostics(), Settings()
    encoder.array(doc, doc.findings(settings, index), PositionEncoding.UTF16)
    middle = len(source) // 2
    if kind == "in a string":
        at = source.index(b'"Room"', middle) + 2
        typed, removed = TextEdit(at, at, b"x"), TextEdit(at, at + 1, b"")
    elif kind == "in a key":
        at = source.index(b"class_name", middle) + 3
        typed, removed = TextEdit(at, at, b"x"), TextEdit(at, at + 1, b"")
    else:
        at = source.index(b'"Room"', middle)
        typed, removed = TextEdit(at, at, b"= "), TextEdit(at, at + 2, b"")
    times = []
    for version in range(2, 2 + EDITS):
        start = time.perf_counter()
        doc = doc.edited(version, [typed if version % 2 == 0 else removed])
        encoder.array(doc, doc.findings(settings, index), PositionEncoding.UTF16)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[WARM:])


def main(sizes: list[int]) -> None:
    print("| lines | format | " + " | ".join(KINDS) + " |")
    print("|---|---|" + "---|" * len(KINDS))
    for lines in sizes:
        for fmt in ("toml", "jsonc"):
            cells = " | ".join(f"{measure(lines, fmt, kind):.2f} ms" for kind in KINDS)
            print(f"| {lines:,} | {fmt.upper()} | {cells} |", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10000, 50000])
