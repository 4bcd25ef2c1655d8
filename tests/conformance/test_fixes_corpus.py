"""Every offered fix, applied to every real-world config: the result parses, the finding it targets is
gone, and no new finding appears. The figures are printed (run with -s to see them)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.conformance.fix_check import check_all_fixes
from wrangler_lsp import syntax

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"


def test_every_fix_on_the_corpus() -> None:
    files = sorted(p for p in CORPUS.iterdir() if syntax.format_for_path(p.name))
    applied: Counter[str] = Counter()
    carried = 0
    failures = []
    for path in files:
        fmt = syntax.format_for_path(path.name)
        assert fmt is not None
        for outcome in check_all_fixes(path.as_uri(), fmt, path.read_bytes()):
            applied[outcome.code] += 1
            carried += outcome.carried
            if outcome.problem:
                failures.append(f"{path.name}: {outcome.code} '{outcome.title}': {outcome.problem}")
    total = sum(applied.values())
    print(f"\n{len(files)} files, {total} fixes applied: {dict(sorted(applied.items()))}; carried over: {carried}")
    assert len(files) == 304
    assert sum(applied.values()) > 200
    assert failures == []
