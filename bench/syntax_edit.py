"""Edits that break and mend the syntax, over stdio: when does each server's push show the change?

Usage: python -m bench.syntax_edit [--sizes 1000,10000] [--servers wrangler-lsp,taplo,tombi] [--toggles N]

The main benchmark (`bench/lsp_bench.py`) types inside a string, which changes no peer's diagnostics and
which we patch in place. Here, on the same generated TOML, `= ` is typed before a string value in the
middle of the file (a syntax error on that line) and deleted again, `--toggles` times each, waiting a
quiet 0.3 s between edits. Each change is sent as the server asked (the range, or the whole text under
full sync). For each edit: the time to the first publish for the document, and to the
first publish that shows the change (an error-severity diagnostic present after the break, none after the
mend; Taplo's publishes carry no version, so this is how its figure is read; "never" when no publish
showed it within 3 s of the first). Medians per server, in ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import config
from bench.lsp_client import Client, Edited, capabilities, full_sync
from bench.peers import ServerSpec, available

QUIET_S = 0.3
TIMEOUT_S = 30.0
SHOWN_WITHIN_S = 3.0
"""After the first publish, how long to wait for one that shows the change before calling it never shown."""


async def _until_shown(client: Client, uri: str, mark: int, started: float, broken: bool) -> tuple[float, float | None]:
    """(first publish, first publish showing the change or None) after `started`, in ms."""
    first = None
    deadline = started + TIMEOUT_S
    while time.perf_counter() < deadline:
        for publish in client.publishes[mark:]:
            if publish.uri != uri:
                continue
            if first is None:
                first = (publish.at - started) * 1000
                deadline = min(deadline, publish.at + SHOWN_WITHIN_S)
            if any(d.get("severity", 1) == 1 for d in publish.diagnostics) == broken:
                return first, (publish.at - started) * 1000
        await asyncio.sleep(0.0005)
    if first is None:
        raise TimeoutError(f"no publish for {uri}")
    return first, None


async def measure(spec: ServerSpec, lines: int, toggles: int) -> tuple[list[float], list[float | None]]:
    text = config(lines, "toml")
    folder = Path(tempfile.mkdtemp(prefix="wrangler-lsp-syntax-"))
    path = folder / "wrangler.toml"
    path.write_text(text)
    client = await Client.spawn(list(spec.command), cwd=str(folder), env=dict(spec.env))
    try:
        root = folder.as_uri()
        init = {"processId": None, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "w"}]}
        init |= {"capabilities": capabilities(False), "initializationOptions": spec.init_options}
        caps = (await client.request("initialize", init)).get("capabilities", {})
        client.notify("initialized", {})
        uri = path.as_uri()
        mark = len(client.publishes)
        item = {"uri": uri, "languageId": "toml", "version": 1, "text": text}
        client.notify("textDocument/didOpen", {"textDocument": item})
        await client.wait_publish(uri, mark, 1, timeout=120)
        await asyncio.sleep(1.0)
        at = text.index('"Room"', len(text) // 2)
        line, character = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
        firsts: list[float] = []
        shown: list[float | None] = []
        edited = Edited(uri, text, full_sync(caps))
        for toggle in range(2 * toggles):
            broken = toggle % 2 == 0
            end = character if broken else character + 2
            message = edited.change(line, character, end, "= " if broken else "")
            mark = len(client.publishes)
            started = time.perf_counter()
            client.send_raw(message)
            first, seen = await _until_shown(client, uri, mark, started, broken)
            if toggle > 1:  # the first break and mend warm up
                firsts.append(first)
                shown.append(seen)
            await asyncio.sleep(QUIET_S)
        return firsts, shown
    finally:
        await client.stop()


async def run(args: argparse.Namespace) -> None:
    print("| server | lines | first publish p50 | publish showing the change p50 | max |")
    print("|---|---|---|---|---|")
    for lines in args.sizes:
        for spec in available(set(args.servers.split(",")) if args.servers else None):
            if "toml" not in spec.formats:
                continue
            firsts, shown = await measure(spec, lines, args.toggles)
            seen = [ms for ms in shown if ms is not None]
            never = len(shown) - len(seen)
            showing = f"{statistics.median(seen):.1f}" if seen else "never"
            if seen and never:
                showing += f" ({never} of {len(shown)} never)"
            worst = f"{max(seen):.1f}" if seen else "-"
            print(f"| {spec.name} | {lines:,} | {statistics.median(firsts):.1f} | {showing} | {worst} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 10000])
    parser.add_argument("--servers", default=None, help="comma-separated names (default: all installed)")
    parser.add_argument("--toggles", type=int, default=6)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
