"""Hostile files on disk through `wrangler-lsp check`: a defined exit code and no traceback, in bounded time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

CASES = {
    "invalid-utf8": b'name = "w\xff\xfe"\n[vars]\nA = "\xc3"\n',
    "binary": bytes(range(256)) * 256,
    "nul-bytes": b'name = "a\x00b"\n\x00 = 1\n',
    "utf16-bom": "\ufeffname = 'w'\n".encode("utf-16"),
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("suffix", [".toml", ".jsonc"])
def test_check_answers(tmp_path: Path, name: str, suffix: str) -> None:
    path = tmp_path / f"wrangler{suffix}"
    path.write_bytes(CASES[name])
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "wrangler_lsp", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert time.perf_counter() - start < 20
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode in (0, 1, 2), done.returncode
    assert done.stdout or done.stderr
