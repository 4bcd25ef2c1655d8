"""Workspace index at scale: a generated monorepo of N Workers whose bindings point at each other.

Usage: python -m bench.workspace [N]   (default 1000)
Writes N Worker folders (`wrangler.toml` with an env, a Durable Object binding to the next Worker by
`script_name`, a migration, `src/index.ts`) into a temporary directory, starts the server over stdio
with it as the workspace folder, and reports: the time to index everything (from the first request,
which starts the background index, until the last Worker is found by `workspace/symbol`), the server's
peak RSS, and the latency of completion and definition requests sent while the index is being built.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.lsp_client import Client, capabilities

SERVER = [sys.executable, "-m", "wrangler_lsp", "serve"]


def generate(root: Path, count: int) -> Path:
    """Write the monorepo; returns the config of Worker 0 (the one the editor opens)."""
    for i in range(count):
        folder = root / "workers" / f"w{i:04d}"
        (folder / "src").mkdir(parents=True)
        target = (i + 1) % count
        (folder / "wrangler.toml").write_text(
            f'name = "w{i:04d}"\nmain = "src/index.ts"\ncompatibility_date = "2025-09-01"\n\n'
            f'[[durable_objects.bindings]]\nname = "PEER"\nclass_name = "Class{target}"\n'
            f'script_name = "w{target:04d}"\n\n'
            f'[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Class{i}"]\n\n'
            f'[env.staging]\n[[env.staging.durable_objects.bindings]]\nname = "PEER"\nclass_name = "Class{target}"\n'
            f'script_name = "w{target:04d}-staging"\n'
        )
        (folder / "src" / "index.ts").write_text(f"export class Class{i} {{}}\n")
    return root / "workers" / "w0000" / "wrangler.toml"


def _pos(text: str, needle: str, delta: int) -> dict[str, int]:
    index = text.index(needle) + delta
    return {"line": text.count("\n", 0, index), "character": index - text.rfind("\n", 0, index) - 1}


async def run(count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first = generate(root, count)
        client = await Client.spawn(SERVER)
        caps = capabilities(pull=False)
        await client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": caps,
                "workspaceFolders": [{"uri": root.as_uri(), "name": "bench"}],
            },
        )
        client.notify("initialized", {})
        text = first.read_text()
        uri = first.as_uri()
        client.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": text}}
        )
        doc = {"uri": uri}
        started = time.perf_counter()
        last = f"w{count - 1:04d}"
        await client.request("workspace/symbol", {"query": last})
        completion_ms: list[float] = []
        definition_ms: list[float] = []
        while True:
            ms, _ = await client.timed(
                "textDocument/completion", {"textDocument": doc, "position": _pos(text, 'script_name = "', 15)}
            )
            completion_ms.append(ms)
            ms, _ = await client.timed(
                "textDocument/definition", {"textDocument": doc, "position": _pos(text, 'script_name = "', 16)}
            )
            definition_ms.append(ms)
            found = await client.request("workspace/symbol", {"query": last})
            if found and any(symbol["name"] == last for symbol in found):
                break
        index_s = time.perf_counter() - started
        idle_completion, completion_result = await client.timed(
            "textDocument/completion", {"textDocument": doc, "position": _pos(text, 'script_name = "', 15)}
        )
        rss = client.peak_rss_mb()
        await client.request("shutdown")
        client.notify("exit")
        await client.wait_exit()
        return {
            "workers": count,
            "configs_indexed_s": round(index_s, 2),
            "peak_rss_mb": round(rss or 0, 1),
            "requests_during_index": len(completion_ms),
            "completion_ms_median": round(statistics.median(completion_ms), 1),
            "completion_ms_max": round(max(completion_ms), 1),
            "definition_ms_median": round(statistics.median(definition_ms), 1),
            "definition_ms_max": round(max(definition_ms), 1),
            "completion_ms_after_index": round(idle_completion, 1),
            "script_name_items_after_index": len((completion_result or {}).get("items", [])),
        }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for key, value in asyncio.run(run(count)).items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
