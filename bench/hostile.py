"""The heavy hostile-input case kept out of the test suite: open a 50 MB config and time the answer.

Usage: python -m bench.hostile [MEGABYTES] [--timeout SECONDS]   (default 50 MB, 120 s)
Prints the time to the first diagnostics (pull), whether the server still answers afterwards, and its
peak RSS. The tests run the same case at 10 MB (`tests/e2e/test_hostile.py::test_10_mb_file`).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from bench.generate import config
from bench.lsp_client import Client, capabilities

SERVER = [sys.executable, "-m", "wrangler_lsp", "serve"]


async def main(megabytes: int, timeout: float) -> None:
    text = config(megabytes * 44_000, "toml")
    client = await Client.spawn(SERVER)
    await client.request("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities(True)})
    client.notify("initialized", {})
    uri = "file:///bench-hostile/wrangler.toml"
    item = {"uri": uri, "languageId": "toml", "version": 1, "text": text}
    start = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": item})
    try:
        report = await client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}}, timeout)
        outcome = f"{len(report['items'])} diagnostics"
    except TimeoutError:
        outcome = f"no answer within {timeout:.0f} s"
    elapsed = time.perf_counter() - start
    rss = client.peak_rss_mb()
    try:
        await client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}, 30
        )
        up = "answers afterwards"
    except Exception as error:
        up = f"no answer afterwards ({error!r})"
    await client.stop()
    print(
        f"| {len(text) / 1e6:.0f} MB TOML ({text.count(chr(10)):,} lines) | {outcome}; {up}; peak RSS {rss:.0f} MB "
        f"| {elapsed:.1f} s |"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("megabytes", type=int, nargs="?", default=50)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    asyncio.run(main(args.megabytes, args.timeout))
