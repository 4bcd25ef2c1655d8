"""Markdown tables of the LSP benchmark's figures: all samples, ours/peer ratios, growth, and the targets.

`write_doc` replaces the block between `<!-- bench:begin -->` and `<!-- bench:end -->` in a document.
"""

from __future__ import annotations

import argparse
import datetime
import platform
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OURS = "wrangler-lsp"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


@dataclass
class Sample:
    """One server process's figures for one file in one diagnostics mode (milliseconds, MB)."""

    server: str
    fmt: str
    lines: int
    mode: str
    startup: float
    open: float
    cold_open: float
    edit_p50: float
    """A character typed (or deleted) inside a var's value: no diagnostic changes."""
    edit_p95: float
    edits: int
    loud_p50: float
    """A character typed (or deleted) inside a `class_name`: our diagnostics change, all are sent again."""
    loud_p95: float
    loud_kb: float
    """What the client received per such edit: the publish, or the pull's report (median, KB of JSON)."""
    loud_decode: float
    """How long the client took to parse it (median, ms): part of `loud_p50`."""
    hover: float | None
    code_action: float | None
    completion: float | None
    rss_mb: float | None


def _ms(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _rows(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def _size(samples: list[Any]) -> Callable[[Any], tuple[str, int]]:
    return lambda s: (s.fmt, s.lines)


def markdown(samples: list[Any], args: argparse.Namespace) -> str:
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    out = [
        f"Run {when} on {platform.machine()} Python {platform.python_version()}: sizes "
        f"{', '.join(map(str, args.sizes))}; {args.runs} run(s) per server and mode, {args.edits} edits per run; "
        "figures in ms (RSS in MB), medians over runs.",
        "",
        "### Everything measured",
        "",
    ]
    out += _rows(
        [
            "format",
            "lines",
            "server",
            "mode",
            "start-up",
            "open→diag",
            "spawn→diag",
            "edit p50",
            "edit p95",
            "diag edit p50",
            "diag edit p95",
            "its KB",
            "its parse",
            "hover",
            "code action",
            "completion",
            "peak RSS",
        ],
        (
            [
                s.fmt,
                f"{s.lines:,}",
                s.server,
                s.mode,
                _ms(s.startup),
                _ms(s.open),
                _ms(s.cold_open),
                _ms(s.edit_p50),
                _ms(s.edit_p95),
                _ms(s.loud_p50),
                _ms(s.loud_p95),
                f"{s.loud_kb:,.0f}" if s.loud_kb >= 10 else f"{s.loud_kb:.1f}",
                _ms(s.loud_decode),
                _ms(s.hover),
                _ms(s.code_action),
                _ms(s.completion),
                f"{s.rss_mb:.0f}" if s.rss_mb else "n/a",
            ]
            for s in samples
        ),
    )
    out += ["", "### Edit to diagnostics p50: ours / peer (below 1 means we are faster)", ""]
    out += _rows(
        ["format", "lines", "peer", "peer mode", "peer p50", "ours p50 (same mode)", "ratio", "ours best / peer best"],
        _ratio_rows(samples),
    )
    out += ["", "### Growth of our figures from the smallest file (ratio to it)", ""]
    out += _rows(
        [
            "format",
            "mode",
            "lines",
            "edit p50",
            "× smallest",
            "diag edit p50",
            "× smallest",
            "open→diag",
            "× smallest",
            "peak RSS",
        ],
        _growth_rows(samples),
    )
    out += ["", "### Targets", ""]
    out += _rows(["target", "measured", "met"], _target_rows(samples))
    return "\n".join(out) + "\n"


def _find(samples: list[Any], server: str, fmt: str, lines: int, mode: str | None = None) -> list[Any]:
    return [
        s
        for s in samples
        if s.server == server and s.fmt == fmt and s.lines == lines and (mode is None or s.mode == mode)
    ]


def _ratio_rows(samples: list[Any]) -> Iterable[list[str]]:
    for peer in (s for s in samples if s.server != OURS):
        ours = _find(samples, OURS, peer.fmt, peer.lines, peer.mode)
        ours_all = _find(samples, OURS, peer.fmt, peer.lines)
        peer_all = _find(samples, peer.server, peer.fmt, peer.lines)
        same = _ratio(ours[0].edit_p50 / peer.edit_p50) if ours else "n/a"
        best = "n/a"
        if ours_all:
            best = _ratio(min(s.edit_p50 for s in ours_all) / min(s.edit_p50 for s in peer_all))
        yield [
            peer.fmt,
            f"{peer.lines:,}",
            peer.server,
            peer.mode,
            _ms(peer.edit_p50),
            _ms(ours[0].edit_p50) if ours else "n/a",
            same,
            best,
        ]


def _ratio(value: float) -> str:
    return f"{value:.2g}" if value < 0.1 else f"{value:.2f}"


def _growth_rows(samples: list[Any]) -> Iterable[list[str]]:
    ours = [s for s in samples if s.server == OURS]
    for fmt in sorted({s.fmt for s in ours}):
        for mode in ("push", "pull"):
            series = sorted((s for s in ours if s.fmt == fmt and s.mode == mode), key=lambda s: s.lines)
            if not series:
                continue
            base = series[0]
            for s in series:
                yield [
                    fmt,
                    mode,
                    f"{s.lines:,}",
                    _ms(s.edit_p50),
                    f"{s.edit_p50 / base.edit_p50:.1f}",
                    _ms(s.loud_p50),
                    f"{s.loud_p50 / base.loud_p50:.1f}",
                    _ms(s.open),
                    f"{s.open / base.open:.1f}",
                    f"{s.rss_mb:.0f}" if s.rss_mb else "n/a",
                ]


def _nearest(samples: list[Any], lines: int) -> list[Any]:
    """Our samples, per format, for the generated size closest to `lines` (generated files overshoot)."""
    found = []
    for fmt in sorted({s.fmt for s in samples if s.server == OURS}):
        ours = [s for s in samples if s.server == OURS and s.fmt == fmt]
        best = min({s.lines for s in ours}, key=lambda n: abs(n - lines))
        if abs(best - lines) <= lines * 0.2:
            found += [s for s in ours if s.lines == best]
    return found


def _target_rows(samples: list[Any]) -> Iterable[list[str]]:
    def worst(at: int, field: str) -> tuple[str, float | None]:
        found = [s for s in _nearest(samples, at) if getattr(s, field) is not None]
        if not found:
            return "not measured", None
        top = max(found, key=lambda s: getattr(s, field))
        return f"{_ms(getattr(top, field))} ({top.fmt} {top.mode})", getattr(top, field)

    def row(label: str, measured: tuple[str, float | None], limit: float) -> list[str]:
        text, value = measured
        return [label, text, "—" if value is None else ("yes" if value <= limit else "**no**")]

    yield row("edit→diagnostics p50 ≤ 5 ms at 1,000 lines", worst(1000, "edit_p50"), 5)
    yield row("diagnostics-changing edit p50 ≤ 5 ms at 1,000 lines", worst(1000, "loud_p50"), 5)
    yield row("edit→diagnostics p50 ≤ 10 ms at 10,000 lines", worst(10000, "edit_p50"), 10)
    yield row("diagnostics-changing edit p50 ≤ 10 ms at 10,000 lines", worst(10000, "loud_p50"), 10)
    yield row("hover < 2 ms (10,000 lines)", worst(10000, "hover"), 2)
    yield row("spawn→diagnostics < 1 s at 1,000 lines", worst(1000, "cold_open"), 1000)
    yield row("peak RSS < 80 MB at 10,000 lines", worst(10000, "rss_mb"), 80)
    for field, kind in (("edit_p50", "edit"), ("loud_p50", "diagnostics-changing edit")):
        for fmt in ("toml", "jsonc"):
            for mode in ("push", "pull"):
                small = [s for s in _nearest(samples, 100) if s.fmt == fmt and s.mode == mode]
                large = [s for s in _nearest(samples, 50000) if s.fmt == fmt and s.mode == mode]
                if small and large:
                    ratio = getattr(large[0], field) / getattr(small[0], field)
                    note = (
                        f" ({large[0].loud_kb:,.0f} KB, parsed in {_ms(large[0].loud_decode)})"
                        if field == "loud_p50"
                        else ""
                    )
                    yield [
                        f"{fmt} {mode} {kind}: p50 at 50,000 lines ≤ 3× p50 at 100",
                        f"{ratio:.1f}×{note}",
                        "yes" if ratio <= 3 else "**no**",
                    ]
    for lines in (10000, 50000):
        for s in _nearest(samples, lines):
            peers = [p for p in samples if p.server != OURS and p.fmt == s.fmt and p.lines == s.lines]
            if not peers:
                continue
            for field, kind in (("edit_p50", ""), ("loud_p50", ", diagnostics-changing edit")):
                best = min(peers, key=lambda p: getattr(p, field))
                ours, theirs = getattr(s, field), getattr(best, field)
                yield [
                    f"{s.fmt} {s.mode} at {s.lines:,} lines below every peer{kind}",
                    f"{_ms(ours)} vs {_ms(theirs)} ({best.server} {best.mode})",
                    "yes" if ours < theirs else "**no**",
                ]


def write_doc(path: Path, table: str) -> None:
    text = path.read_text()
    begin, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:begin] + "\n" + table + text[end:])
