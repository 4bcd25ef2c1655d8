"""Packaging: build the sdist and wheel, install the wheel into a clean venv (and with pipx), run it.

The build runs on a copy of the checkout (`python -m build`: the sdist, then the wheel from the sdist,
so a file missing from the sdist breaks the wheel). The installed command must behave exactly like the
development install: same `check` output and exit code on `examples/`, a syntax error found (the
tree-sitter grammars load from their wheels), and the language server answering `initialize`.
Dependencies come from PyPI. Without the `build` package the wheel comes from `pip wheel` and the
sdist test skips; without `pipx` the pipx test skips.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
VERSION = PYPROJECT["project"]["version"]
SKIP_DIRS = {".git", ".venv", "node_modules", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache"}
SKIP_DIRS |= {".pytest_cache", ".hypothesis", "vscode-client", "tmp", "test-results"}
HAS_BUILD = importlib.util.find_spec("build") is not None
HAS_PIPX = importlib.util.find_spec("pipx") is not None
BROKEN = 'name = "api"\n\n[env.staging]\nworkers_dev =\n'


def _run(args: list[str | Path], timeout: float = 300, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)  # type: ignore[call-overload, no-any-return]


def _ok(proc: subprocess.CompletedProcess[str]) -> str:
    output = f"{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    assert proc.returncode == 0, f"{proc.args}: exit {proc.returncode}\n{output}"
    return proc.stdout


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel (and the sdist when `build` is installed), built from a copy of the checkout."""
    work = tmp_path_factory.mktemp("build")
    source = work / "src"
    shutil.copytree(
        REPO,
        source,
        ignore=lambda _, names: [n for n in names if n in SKIP_DIRS or n.endswith(".egg-info")],
    )
    out = work / "dist"
    if HAS_BUILD:
        _ok(_run([sys.executable, "-m", "build", "--outdir", out, source]))
    else:
        _ok(_run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", out, source]))
    found = {p.suffix: p for p in out.iterdir()}
    assert ".whl" in found, sorted(out.iterdir())
    return {"source": source, "wheel": found[".whl"], **({"sdist": found[".gz"]} if ".gz" in found else {})}


@pytest.fixture(scope="module")
def venv(dists: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel and its dependencies; its bin/ folder."""
    home = tmp_path_factory.mktemp("venv") / "venv"
    _ok(_run([sys.executable, "-m", "venv", home]))
    bin_dir = home / "bin"
    _ok(_run([bin_dir / "python", "-m", "pip", "install", "-q", dists["wheel"]]))
    return bin_dir


def _source_modules(source: Path) -> set[str]:
    """The package's modules in the copy that was built, relative to `server/`."""
    package = source / "server" / "wrangler_lsp"
    return {str(p.relative_to(package.parent)) for p in package.rglob("*.py") if "__pycache__" not in p.parts}


def test_wheel_contents(dists: dict[str, Path]) -> None:
    with zipfile.ZipFile(dists["wheel"]) as wheel:
        names = set(wheel.namelist())
        dist_info = f"wrangler_lsp-{VERSION}.dist-info"
        metadata = wheel.read(f"{dist_info}/METADATA").decode()
        entry_points = wheel.read(f"{dist_info}/entry_points.txt").decode()
    assert {n.split("/")[0] for n in names} == {"wrangler_lsp", dist_info}  # no tests/, bench/ packages
    modules = _source_modules(dists["source"])
    assert modules <= names, sorted(modules - names)
    assert "wrangler_lsp/py.typed" in names
    assert "wrangler-lsp = wrangler_lsp.cli:main" in entry_points
    lines = metadata.splitlines()
    requires = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Requires-Dist:")]
    for dependency in PYPROJECT["project"]["dependencies"]:
        name = dependency.split(">")[0].split("<")[0].split("=")[0].strip()
        assert any(r.startswith(name) for r in requires), (name, requires)


@pytest.mark.skipif(not HAS_BUILD, reason="the `build` package is not installed (pip install build)")
def test_sdist_contents(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as sdist:
        top = f"wrangler_lsp-{VERSION}"
        names = {n.removeprefix(f"{top}/") for n in sdist.getnames()}
    assert {"pyproject.toml", "README.md", "PKG-INFO"} <= names
    assert {f"server/{m}" for m in _source_modules(dists["source"])} <= names
    assert "server/wrangler_lsp/py.typed" in names


def test_installed_command_matches_the_source(venv: Path, tmp_path: Path) -> None:
    installed = venv / "wrangler-lsp"
    assert _ok(_run([installed, "--version"], cwd=tmp_path)).strip() == f"wrangler-lsp {VERSION}"
    code = "import wrangler_lsp; print(wrangler_lsp.__file__)"
    where = _ok(_run([venv / "python", "-c", code], cwd=tmp_path))
    assert Path(where.strip()).is_relative_to(venv.parent), where  # the wheel, not the checkout

    examples = REPO / "examples"
    got = _run([installed, "check", examples], cwd=tmp_path)
    want = _run([sys.executable, "-m", "wrangler_lsp", "check", examples], cwd=tmp_path)
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)
    assert got.returncode in (0, 1), got.stderr
    assert "2 files checked" in got.stdout

    broken = tmp_path / "wrangler.toml"
    broken.write_text(BROKEN)
    result = _run([installed, "check", "--format", "json", broken], cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "WL001" in [f["code"] for f in json.loads(result.stdout)]
    assert _run([installed, "check", tmp_path / "missing"], cwd=tmp_path).returncode == 2


def _frame(message: Mapping[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def _responses(stdout: bytes) -> list[dict[str, object]]:
    messages = []
    while stdout:
        header, _, rest = stdout.partition(b"\r\n\r\n")
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        messages.append(json.loads(rest[:length]))
        stdout = rest[length:]
    return messages


INIT: dict[str, object] = {"processId": None, "capabilities": {}}


def test_installed_server_answers_initialize(venv: Path, tmp_path: Path) -> None:
    session = b"".join(
        _frame(m)
        for m in (
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": INIT},
            {"jsonrpc": "2.0", "method": "initialized", "params": {}},
            {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
            {"jsonrpc": "2.0", "method": "exit"},
        )
    )
    proc = subprocess.run(
        [venv / "wrangler-lsp", "serve"], input=session, capture_output=True, timeout=60, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    by_id = {m.get("id"): m for m in _responses(proc.stdout)}
    init = by_id[1]["result"]
    assert isinstance(init, dict)
    assert init["serverInfo"] == {"name": "wrangler-lsp", "version": VERSION}
    assert "textDocumentSync" in init["capabilities"]
    assert by_id[2].get("error") is None


@pytest.mark.skipif(not HAS_PIPX, reason="pipx is not installed (pip install pipx)")
def test_pipx_install(dists: dict[str, Path], tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(tmp_path / "bin"),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
    }
    _ok(_run([sys.executable, "-m", "pipx", "install", dists["wheel"]], env=env))
    command = tmp_path / "bin" / "wrangler-lsp"
    assert _ok(_run([command, "--version"], cwd=tmp_path)).strip() == f"wrangler-lsp {VERSION}"
    result = _run([command, "check", REPO / "examples"], cwd=tmp_path)
    assert "2 files checked" in result.stdout, result.stderr
