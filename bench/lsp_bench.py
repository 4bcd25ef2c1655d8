"""Language-server benchmark over stdio, as an editor drives a server: ours against installed peers.

Usage:
    python -m bench.lsp_bench [--quick] [--sizes 100,1000] [--formats toml,jsonc] [--servers wrangler-lsp,tombi]
                              [--runs N] [--edits N] [--json results.json] [--write-doc docs/performance.md]

For each generated config (`bench/generate.py`, TOML and JSONC, 100 to 50,000 lines) and each server that
serves the format, in push mode (no `textDocument/diagnostic` capability) and pull mode (declared, when the
server offers it): start-up to the `initialize` result; `didOpen` to first diagnostics, warm and counted
from process start; a one-character `didChange` (insert, then delete, alternately) to the diagnostics
of that version, p50 and p95, for two edits in the env at the middle of the file (`Targets`): inside a
var's value, which changes no diagnostic, and inside a `class_name`, which changes ours (then every
diagnostic is sent again: its size and the client's time to parse it are reported too). The change is
sent as the server asked: the edited range, or the whole text to a server that declares full sync, as
Tombi and Taplo do; in pull mode the client sends the last report's `resultId`, as VS Code does. Then
hover, code action and completion round trips; peak RSS.
Every figure is the median over `--runs` fresh server processes (one at 50,000 lines and more).
Peers are optional (`bench/peers`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.generate import config
from bench.lsp_client import Client, Edited, capabilities, full_sync
from bench.peers import ServerSpec, available
from bench.report import Sample, markdown, write_doc

FULL_SIZES = (100, 1000, 10000, 50000)
QUICK_SIZES = (100, 1000, 10000)
SLOW_PUSH_MS = 250.0  # a server that debounces pushes this long gets only a few edits measured
EDIT_BUDGET_S = 20.0
PUBLISH_TIMEOUT_S = 120.0
QUIET_S = 0.5
"""A server whose publishes carry no version is let fall quiet this long after each (see `_drive`)."""


@dataclass(frozen=True)
class Targets:
    """Where the edits go and where the feature requests point, as (line, character), in the first env
    after the middle of the file: the same kind of place at every size.

    `quiet`: inside a var's value (`LOG_LEVEL = "debug"`), which changes no diagnostic. `loud`: inside the
    `class_name` of a binding of the env's own Worker (no `script_name`), which changes our diagnostics
    (WL220's message names the class, and a class no migration creates gets a WL322), so the whole set
    is sent again, pushed or pulled.
    """

    quiet: tuple[int, int]
    loud: tuple[int, int]
    key: tuple[int, int]

    @classmethod
    def of(cls, text: str, fmt: str) -> Targets:
        middle = len(text) // 2
        if fmt == "toml":
            quiet = text.index('LOG_LEVEL = "debug"', middle) + len('LOG_LEVEL = "d')
            loud = text.index('class_name = "Room"\n\n', middle) + len('class_name = "R')
        else:
            quiet = text.index('"LOG_LEVEL": "debug"', middle) + len('"LOG_LEVEL": "d')
            found = re.compile(r'"class_name": "Room"\s*\}').search(text, middle)
            assert found is not None
            loud = found.start() + len('"class_name": "R')
        key = text.index("class_name" if fmt == "toml" else '"class_name"', middle) + 3
        return cls(_position(text, quiet), _position(text, loud), _position(text, key))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def _pos(at: tuple[int, int]) -> dict[str, int]:
    return {"line": at[0], "character": at[1]}


async def session(spec: ServerSpec, fmt: str, path: Path, text: str, pull: bool, edits: int) -> Sample | None:
    """One fresh server process: open `path`, edit it, probe features. None if it cannot pull."""
    client = await Client.spawn(list(spec.command), cwd=str(path.parent), env=dict(spec.env))
    try:
        return await _drive(client, spec, fmt, path, text, pull, edits)
    finally:
        await client.stop()


async def _drive(
    client: Client, spec: ServerSpec, fmt: str, path: Path, text: str, pull: bool, edits: int
) -> Sample | None:
    root = path.parent.as_uri()
    init = await client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": path.parent.name}],
            "capabilities": capabilities(pull),
            "initializationOptions": spec.init_options,
        },
    )
    startup = (time.perf_counter() - client.started) * 1000
    caps = init.get("capabilities", {})
    if pull and not caps.get("diagnosticProvider"):
        return None
    client.notify("initialized", {})
    uri = path.as_uri()
    language = "toml" if fmt == "toml" else "jsonc"
    targets = Targets.of(text, fmt)
    doc = {"uri": uri}

    result_id: str | None = None
    received: list[tuple[int, float]] = []  # per diagnostics message: its bytes, the client's parse time

    async def diagnostics_after(send: Any, version: int) -> float:
        nonlocal result_id
        mark = len(client.publishes)
        start = time.perf_counter()
        send()
        if pull:  # as VS Code's client does: the last report's resultId, so the server may say "unchanged"
            pulled = {"textDocument": doc, "previousResultId": result_id}
            report = await client.request("textDocument/diagnostic", pulled)
            result_id = report.get("resultId")
            received.append((client.last_size, client.last_decode_ms))
            return (time.perf_counter() - start) * 1000
        publish = await client.wait_publish(uri, mark, version, timeout=PUBLISH_TIMEOUT_S)
        received.append((publish.size, publish.decode_ms))
        if publish.version is None:
            # No version to tell this edit's publishes from the last one's (Taplo sends up to three per
            # change): let the server fall quiet, so the next edit's first publish is its own.
            await client.quiet(uri, QUIET_S)
        return (publish.at - start) * 1000

    item = {"uri": uri, "languageId": language, "version": 1, "text": text}
    open_ms = await diagnostics_after(lambda: client.notify("textDocument/didOpen", {"textDocument": item}), 1)
    cold_open = startup + open_ms
    edited = Edited(uri, text, full_sync(caps))

    async def typed(target: tuple[int, int]) -> tuple[list[float], list[tuple[int, float]]]:
        """One character typed at `target` and deleted, alternately: each edit's time to its diagnostics
        (the first 3 are warm-up), and what each carried."""
        times: list[float] = []
        inserted = False
        deadline = time.perf_counter() + EDIT_BUDGET_S
        received.clear()
        for i in range(edits + 3):
            line, char = target
            message = edited.change(line, char, char + 1, "") if inserted else edited.change(line, char, char, "x")
            inserted = not inserted
            elapsed = await diagnostics_after(lambda m=message: client.send_raw(m), edited.version)
            if i >= 3:
                times.append(elapsed)
            slow = times and times[0] > SLOW_PUSH_MS and len(times) >= 5
            if slow or (time.perf_counter() > deadline and len(times) >= 5):
                break
        if inserted:  # leave the text as it was
            line, char = target
            restore = edited.change(line, char, char + 1, "")
            await diagnostics_after(lambda: client.send_raw(restore), edited.version)
        return times, received[3 : 3 + len(times)]

    times, _ = await typed(targets.quiet)
    loud_times, loud_received = await typed(targets.loud)
    at = {"textDocument": doc, "position": _pos(targets.key)}
    hover = await _probe(client, "textDocument/hover", at, True)
    rng = {"start": _pos((targets.key[0], 0)), "end": _pos(targets.key)}
    action = {"textDocument": doc, "range": rng, "context": {"diagnostics": []}}
    code_action = await _probe(client, "textDocument/codeAction", action, bool(caps.get("codeActionProvider")))
    completion = await _probe(client, "textDocument/completion", at, bool(caps.get("completionProvider")))
    return Sample(
        spec.name,
        fmt,
        text.count("\n"),
        "pull" if pull else "push",
        startup,
        open_ms,
        cold_open,
        statistics.median(times),
        _p95(times),
        len(times),
        statistics.median(loud_times),
        _p95(loud_times),
        statistics.median(size for size, _ in loud_received) / 1024,
        statistics.median(decode for _, decode in loud_received),
        hover if caps.get("hoverProvider") else None,
        code_action,
        completion,
        client.peak_rss_mb(),
    )


async def _probe(client: Client, method: str, params: Any, supported: bool, runs: int = 15) -> float | None:
    if not supported:
        return None
    times = []
    for _ in range(runs):
        elapsed, _ = await client.timed(method, params)
        times.append(elapsed)
    return statistics.median(times)


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def median_sample(samples: list[Sample]) -> Sample:
    """Field-wise median of several runs of the same server, file and mode."""
    first = samples[0]
    merged: dict[str, Any] = {}
    for name, value in asdict(first).items():
        if isinstance(value, float) or value is None:
            values = [getattr(s, name) for s in samples if getattr(s, name) is not None]
            merged[name] = statistics.median(values) if values else None
        elif name == "edits":
            merged[name] = sum(s.edits for s in samples)
        else:
            merged[name] = value
    return Sample(**merged)


async def run(args: argparse.Namespace, results: list[Sample]) -> list[Sample]:
    servers = available(set(args.servers.split(",")) if args.servers else None)
    print("servers: " + ", ".join(s.name for s in servers), file=sys.stderr)
    workdir = Path(tempfile.mkdtemp(prefix="wrangler-lsp-bench-"))
    for lines in args.sizes:
        for fmt in args.formats:
            text = config(lines, fmt)
            folder = workdir / f"{fmt}-{lines}"
            folder.mkdir()
            path = folder / ("wrangler.toml" if fmt == "toml" else "wrangler.jsonc")
            path.write_text(text)
            for spec in (s for s in servers if fmt in s.formats):
                for pull in (False, True):
                    runs = []
                    for _ in range(args.runs if lines < 50000 else 1):
                        try:
                            sample = await session(spec, fmt, path, text, pull, args.edits)
                        except Exception as error:  # a peer that fails is reported, not fatal
                            print(f"  {spec.name} {fmt} {lines} {pull=}: {error!r}", file=sys.stderr)
                            sample = None
                        if sample is None:
                            break
                        runs.append(sample)
                    if runs:
                        merged = median_sample(runs)
                        results.append(merged)
                        if args.json:  # saved as we go: a run cut short keeps what it measured
                            args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
                        print(
                            f"  {fmt:5} {lines:>6} {spec.name:13} {merged.mode}: "
                            f"edit p50 {merged.edit_p50:.2f} ms, open {merged.open:.1f} ms",
                            file=sys.stderr,
                        )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100/1,000/10,000 lines, one run, 15 edits")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None)
    parser.add_argument("--formats", type=lambda s: s.split(","), default=["toml", "jsonc"])
    parser.add_argument("--servers", default=None, help="comma-separated names (default: all installed)")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--edits", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures as JSON")
    parser.add_argument("--write-doc", type=Path, default=None, help="replace the table block in this file")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or list(QUICK_SIZES if args.quick else FULL_SIZES)
    args.runs = args.runs or (1 if args.quick else 3)
    args.edits = args.edits or (15 if args.quick else 30)
    started = time.perf_counter()
    results: list[Sample] = []
    try:
        results = asyncio.run(run(args, results))
    except KeyboardInterrupt:
        print("interrupted: reporting what was measured", file=sys.stderr)
    table = markdown(results, args)
    print(table)
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
    if args.write_doc:
        write_doc(args.write_doc, table)


if __name__ == "__main__":
    main()
