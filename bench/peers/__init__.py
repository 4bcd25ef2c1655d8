"""The servers the LSP benchmark runs: ours, and the peers that are installed (Tombi, VS Code's JSON server, Taplo).

Peers are found, never installed, here: Tombi on PATH or next to the running Python (`pip install tombi`),
the npm packages `vscode-langservers-extracted` and `@taplo/lsp` under `WRANGLER_LSP_BENCH_NPM`
(default `~/.cache/wrangler-lsp-bench`; `npm install --prefix <dir> vscode-langservers-extracted @taplo/lsp`).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NPM_DIR = Path(os.environ.get("WRANGLER_LSP_BENCH_NPM", Path.home() / ".cache" / "wrangler-lsp-bench"))


@dataclass(frozen=True)
class ServerSpec:
    """How to start one language server and which of the benchmark's formats it serves."""

    name: str
    formats: tuple[str, ...]
    command: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    init_options: Any = None
    note: str = ""


OURS = ServerSpec("wrangler-lsp", ("toml", "jsonc"), (sys.executable, "-m", "wrangler_lsp", "serve"))


def _tombi() -> ServerSpec | None:
    exe = shutil.which("tombi") or shutil.which("tombi", path=str(Path(sys.executable).parent))
    if exe is None:
        return None
    return ServerSpec("tombi", ("toml",), (exe, "lsp", "--offline"), note="native Rust")


def _json_server() -> ServerSpec | None:
    exe = NPM_DIR / "node_modules" / ".bin" / "vscode-json-language-server"
    if not exe.exists() or shutil.which("node") is None:
        return None
    return ServerSpec(
        "vscode-json",
        ("jsonc",),
        (str(exe), "--stdio"),
        init_options={"provideFormatter": False},
        note="push waits a fixed 500 ms",
    )


def _taplo() -> ServerSpec | None:
    node = shutil.which("node")
    modules = NPM_DIR / "node_modules"
    if node is None or not (modules / "@taplo" / "lsp").exists():
        return None
    return ServerSpec(
        "taplo",
        ("toml",),
        (node, str(HERE / "taplo_stdio.js")),
        env=(("NODE_PATH", str(modules)),),
        note="WebAssembly, through bench/peers/taplo_stdio.js",
    )


def available(selected: set[str] | None = None) -> list[ServerSpec]:
    """Ours first, then every installed peer (restricted to `selected` names when given)."""
    found = [OURS, *(spec for spec in (_tombi(), _taplo(), _json_server()) if spec is not None)]
    return [spec for spec in found if selected is None or spec.name in selected]
