"""In-process timings of the analysis pipeline on generated configs: parse, reparse, build, rules.

Usage: python -m bench.analysis [LINES ...]   (default 100 1000 10000 50000)
For each size (and its number of envs) and format: a full parse; a one-character edit inside one env in
the middle of the file,
then the incremental reparse; the config build, fresh and after the edit; the rules alone on the edited
document (its config already built); the whole analysis after the edit, as the publish needs it (the
`Findings`, views not read) and materialized as the sorted list; and the publish after the edit (analysis
plus the diagnostics' JSON, UTF-16, as the server sends them). Medians of runs (fewer on big files); the
machine may be shared, so compare medians of several invocations. The last column divides the publish by
the number of envs.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from bench.generate import config
from wrangler_lsp import syntax
from wrangler_lsp.document import Document
from wrangler_lsp.lsp.convert import EncodedDiagnostics
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import PositionEncoding, TextEdit

COLUMNS = (
    "full parse",
    "reparse (1 char)",
    "config build (fresh)",
    "config build (after edit)",
    "rules (after edit)",
    "analysis (after edit)",
    "analysis, sorted list",
    "publish (after edit)",
)


def _median_ms(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        arg = setup() if setup is not None else None
        start = time.perf_counter()
        fn() if setup is None else fn(arg)  # type: ignore[call-arg]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(lines: int, fmt_name: str) -> dict[str, float]:
    runs = 15 if lines <= 10_000 else 5
    text = config(lines, fmt_name)
    source = text.encode()
    fmt = syntax.Format.TOML if fmt_name == "toml" else syntax.Format.JSON
    doc = Document("file:///bench/wrangler." + fmt_name, fmt, source, 1)
    encoder = EncodedDiagnostics()
    encoder.array(doc, doc.findings(Settings()), PositionEncoding.UTF16)
    # One-character edits inside a string value of one env, in the middle of the file: typed then
    # deleted, each version built from the one before (as the server does), the previous one analysed.
    middle = source.index(b'"Room"', len(source) // 2) + 2
    edit = TextEdit(middle, middle, b"x")
    parse0 = doc.parse
    chain = {"doc": doc, "version": 1}

    def step() -> Document:
        last, version = chain["doc"], chain["version"]
        assert isinstance(last, Document) and isinstance(version, int)
        change = edit if version % 2 == 1 else TextEdit(middle, middle + 1, b"")
        after = last.edited(version + 1, [change])
        chain.update(doc=after, version=version + 1)
        return after

    def parsed() -> Document:
        after = step()
        after.parse  # noqa: B018 - the reparse, outside the timing
        return after

    def built() -> Document:
        after = step()
        after.context.worker  # noqa: B018 - the config and model, outside the timing
        return after

    def analysed() -> Document:
        after = step()
        after.findings(Settings())
        return after

    def sorted_list() -> Document:
        after = step()
        list(after.findings(Settings()))
        return after

    def published() -> str:
        after = step()
        return encoder.array(after, after.findings(Settings()), PositionEncoding.UTF16)

    return {
        "full parse": _median_ms(lambda: syntax.parse(fmt, source), runs),
        "reparse (1 char)": _median_ms(lambda: syntax.reparse(parse0, [edit]), runs),
        "config build (fresh)": _median_ms(lambda: Document("u", fmt, source).config, min(runs, 5)),
        "config build (after edit)": _median_ms(lambda d: d.config, runs, parsed),  # type: ignore[misc]
        "rules (after edit)": _median_ms(lambda d: d.findings(Settings()), runs, built),  # type: ignore[misc]
        "analysis (after edit)": _median_ms(lambda: analysed(), runs),
        "analysis, sorted list": _median_ms(lambda: sorted_list(), runs),
        "publish (after edit)": _median_ms(lambda: published(), runs),
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1000, 10000, 50000]
    print(f"| lines | envs | format | {' | '.join(COLUMNS)} | publish per env |")
    print("|---|---|---|" + "---|" * (len(COLUMNS) + 1))
    for lines in sizes:
        envs = config(lines, "toml").count("\n[env.")
        for fmt_name in ("toml", "jsonc"):
            row = measure(lines, fmt_name)
            cells = " | ".join(f"{row[c]:.2f} ms" for c in COLUMNS)
            per_env = row["publish (after edit)"] * 1000 / max(envs, 1)
            print(f"| {lines} | {envs} | {fmt_name} | {cells} | {per_env:.2f} us |")


if __name__ == "__main__":
    main(sys.argv[1:])
