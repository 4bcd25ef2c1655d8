"""The VS Code client's own tests, run from pytest.

`test_unit` runs `npm test` in `vscode-client/` (server discovery, severity overrides, explain output;
Node's built-in test runner). `test_e2e` runs `vscode-client/e2e/run.sh`: the packaged extension in a real
VS Code (code-server) driven by Playwright on Chromium, against this interpreter's wrangler-lsp. It installs
Chromium, Node 24 and code-server on first use (a few minutes), so it runs only when
`WRANGLER_LSP_VSCODE_E2E=1`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CLIENT = Path(__file__).resolve().parents[3] / "vscode-client"


def _run(command: list[str], env: dict[str, str] | None = None, timeout: float = 900) -> None:
    result = subprocess.run(
        command, cwd=CLIENT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout
    )
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout[-20000:]}", pytrace=False)


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_unit() -> None:
    if not (CLIENT / "node_modules").is_dir():
        _run(["npm", "ci", "--no-audit", "--no-fund"])
    _run(["npm", "test"])


@pytest.mark.skipif(os.environ.get("WRANGLER_LSP_VSCODE_E2E") != "1", reason="set WRANGLER_LSP_VSCODE_E2E=1")
def test_e2e() -> None:
    env = dict(os.environ)
    env.setdefault("WRANGLER_LSP_PYTHON", sys.executable)
    _run(["bash", "e2e/run.sh"], env=env, timeout=1500)
