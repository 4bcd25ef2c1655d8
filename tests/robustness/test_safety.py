"""The server never writes files, never runs workspace code, never follows a symlink out of a workspace.

Statically: nothing the server imports (everything but `cli.py`, whose `check --fix` writes on request)
calls a file-writing, process-spawning or code-evaluating API (reading files, for the workspace index,
is allowed). Dynamically: a session over stdio in a
workspace holding a symlink to a file outside it (open, edit, code actions, commands) leaves every file
inside and outside unchanged, and a `postinstall` script in the workspace is never run.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest

from tests.robustness.lsp import SyncServer

PACKAGE = Path(__file__).resolve().parents[2] / "server" / "wrangler_lsp"
BUILTINS = {"open", "exec", "eval", "compile", "__import__", "breakpoint"}
METHODS = {
    "write_text",
    "write_bytes",
    "unlink",
    "symlink_to",
    "hardlink_to",
    "touch",
    "mkdir",
    "rmdir",
    "chmod",
    "system",
    "popen",
    "Popen",
    "execv",
    "execvp",
    "execve",
    "spawnv",
    "fork",
    "check_output",
    "check_call",
}
OS_FUNCTIONS = {"remove", "rename", "replace", "makedirs", "symlink", "link", "truncate", "write", "open"}
FORBIDDEN_MODULES = {"subprocess", "shutil", "importlib", "runpy", "ctypes", "pickle", "marshal", "tempfile"}


def _forbidden(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name) and func.id in BUILTINS:
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr in METHODS:
            return func.attr
        if isinstance(func.value, ast.Name) and func.value.id == "os" and func.attr in OS_FUNCTIONS:
            return f"os.{func.attr}"
    return None


def _server_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "cli.py")


@pytest.mark.parametrize("path", _server_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_file_writes_processes_or_eval(path: Path) -> None:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            assert (name := _forbidden(node.func)) is None, f"{path.name}:{node.lineno} calls {name}()"
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in names:
                assert module.split(".")[0] not in FORBIDDEN_MODULES, f"{path.name}:{node.lineno} imports {module}"


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
        if not p.is_symlink()
    }


def test_session_leaves_the_disk_alone(tmp_path: Path) -> None:
    workspace, outside = tmp_path / "ws", tmp_path / "outside"
    workspace.mkdir()
    outside.mkdir()
    secret = outside / "wrangler.toml"
    secret.write_text('name = "outside"\n')
    (workspace / "wrangler.toml").write_text('name = "w"\n[[durable_objects.bindings]]\nname = "A"\n')
    (workspace / "linked").symlink_to(outside)
    (workspace / "package.json").write_text('{"scripts": {"postinstall": "touch PWNED"}}')
    before = _snapshot(tmp_path)
    server = SyncServer(pull=True)
    try:
        for path in (workspace / "wrangler.toml", workspace / "linked" / "wrangler.toml"):
            uri = path.as_uri()
            server.open(uri, path.read_text())
            change = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "#"}
            server.client.notify(
                "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]}
            )
            items = server.pull(uri)
            rng = {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}}
            server.request(
                "textDocument/codeAction",
                {"textDocument": {"uri": uri}, "range": rng, "context": {"diagnostics": items}},
            )
            server.request("workspace/executeCommand", {"command": "wrangler-lsp.explain", "arguments": [uri]})
            server.client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
            server.close(uri)
        assert server.errors() == []
    finally:
        server.stop()
    assert _snapshot(tmp_path) == before
    assert not (workspace / "PWNED").exists()
