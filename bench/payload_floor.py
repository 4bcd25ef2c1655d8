"""The floor under an edit that changes the diagnostics: the wire and the client, with no analysis at all.

Usage: python -m bench.payload_floor [LINES ...]   (default 100 10000 50000)

When an edit changes a document's diagnostics, LSP has the server send all of them again: a push carries
the whole set, and a pull whose items changed carries the full report (there is no delta for one
document). Their size grows with the file, so this part of the time cannot stay flat. To measure it
apart from our analysis, our server's own pull report for the generated TOML and JSONC config is fetched
once; then a stand-in server (a few lines of Python, below) answers each request with those very bytes,
already encoded. The round trip to it (request out, report read and parsed by `bench/lsp_client.py`, as
`bench/lsp_bench.py` reads ours) is the least any server of this protocol could take to deliver that
report to this client. Median of 40 round trips, in ms, with the report's size and the client's parse time.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import config
from bench.lsp_client import Client, capabilities
from bench.peers import OURS

ROUND_TRIPS = 40
WARM = 5
STAND_IN = r"""
import sys
body_of = open(sys.argv[1], "rb").read()
inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    length = None
    while True:
        line = inp.readline()
        if not line:
            sys.exit(0)
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    message = inp.read(length)
    start = message.index(b'"id":') + 5
    ident = message[start : message.index(b",", start)]
    body = b'{"jsonrpc":"2.0","id":' + ident + b',"result":' + body_of + b"}"
    out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    out.flush()
"""


async def our_report(fmt: str, text: str, folder: Path) -> bytes:
    """Our server's full pull report for `text`, as JSON bytes."""
    path = folder / ("wrangler.toml" if fmt == "toml" else "wrangler.jsonc")
    path.write_text(text)
    client = await Client.spawn(list(OURS.command), cwd=str(folder))
    try:
        root = folder.as_uri()
        folders = [{"uri": root, "name": folder.name}]
        init = {"processId": None, "rootUri": root, "workspaceFolders": folders, "capabilities": capabilities(True)}
        await client.request("initialize", init)
        client.notify("initialized", {})
        item = {"uri": path.as_uri(), "languageId": fmt, "version": 1, "text": text}
        client.notify("textDocument/didOpen", {"textDocument": item})
        report = await client.request("textDocument/diagnostic", {"textDocument": {"uri": path.as_uri()}}, 300)
    finally:
        await client.stop()
    return json.dumps(report, separators=(",", ":")).encode()


async def floor(report: bytes, folder: Path) -> tuple[float, int, float]:
    """The stand-in's round trip p50 (ms), the report's size (bytes) and the client's parse time (ms)."""
    (folder / "report.json").write_bytes(report)
    (folder / "stand_in.py").write_text(STAND_IN)
    client = await Client.spawn([sys.executable, str(folder / "stand_in.py"), str(folder / "report.json")])
    times = []
    try:
        for _ in range(ROUND_TRIPS + WARM):
            start = time.perf_counter()
            await client.request("textDocument/diagnostic", {"textDocument": {"uri": "file:///x"}})
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times[WARM:]), client.last_size, client.last_decode_ms
    finally:
        client.proc.kill()
        await client.wait_exit()


async def main(sizes: list[int]) -> None:
    print("| format | lines | diagnostics | report KB | client parse | round trip p50 (floor) |")
    print("|---|---|---|---|---|---|")
    for lines in sizes:
        for fmt in ("toml", "jsonc"):
            with tempfile.TemporaryDirectory(prefix="wrangler-lsp-floor-") as tmp:
                report = await our_report(fmt, config(lines, fmt), Path(tmp))
                rtt, size, parse = await floor(report, Path(tmp))
            count = report.count(b'"source":"wrangler-lsp"')
            print(f"| {fmt} | {lines:,} | {count:,} | {size / 1024:,.0f} | {parse:.2f} ms | {rtt:.2f} ms |")


if __name__ == "__main__":
    asyncio.run(main([int(arg) for arg in sys.argv[1:]] or [100, 10000, 50000]))
