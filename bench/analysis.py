"""In-process timings of the analysis pipeline on generated configs: parse, reparse, build, rules.

Usage: python -m bench.analysis [LINES ...]   (default 1000 10000)
For each size and format: a full parse; a one-character edit in the middle then the incremental reparse;
the config build, fresh and after the edit; the whole analysis (findings) after the edit. Medians of runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from bench.generate import config
from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit

RUNS = 15


def _median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(lines: int, fmt_name: str) -> dict[str, float]:
    text = config(lines, fmt_name)
    source = text.encode()
    fmt = syntax.Format.TOML if fmt_name == "toml" else syntax.Format.JSON
    doc = Document("file:///bench/wrangler." + fmt_name, fmt, source, 1)
    doc.findings(Settings())
    # A one-character edit inside a string value in the middle of the file.
    middle = source.index(b'"Room"', len(source) // 2) + 2
    edit = TextEdit(middle, middle, b"x")
    parse0 = doc.parse

    def edited() -> Document:
        return doc.edited(2, [edit])

    results = {
        "full parse": _median_ms(lambda: syntax.parse(fmt, source)),
        "reparse (1 char)": _median_ms(lambda: syntax.reparse(parse0, [edit])),
        "config build (fresh)": _median_ms(lambda: Document("u", fmt, source).config),
        "config build (after edit)": _median_ms(lambda: edited().config),
        "analysis (after edit)": _median_ms(lambda: edited().findings(Settings())),
    }
    return results


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1000, 10000]
    print(f"| lines | format | {' | '.join(measure(100, 'toml'))} |")
    print("|---|---|" + "---|" * 5)
    for lines in sizes:
        for fmt_name in ("toml", "jsonc"):
            row = measure(lines, fmt_name)
            print(f"| {lines} | {fmt_name} | " + " | ".join(f"{v:.2f} ms" for v in row.values()) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
