"""Architecture invariants, checked on the source: layer imports, no IO below the edges, docstrings, size.

The allowed-import table mirrors ARCHITECTURE.md; a new edge is a design change that updates both.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "server" / "wrangler_lsp"

# Internal layer -> internal layers it may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "syntax": {"text"},
    "config": {"text", "syntax"},
    "settings": {"syntax"},
    "uris": set(),
    "model": {"text", "syntax", "config"},
    "edits": {"text", "syntax", "config"},
    "rules": {"text", "syntax", "config", "model", "edits", "settings"},
    "document": {"text", "syntax", "config", "model", "rules", "settings", "uris"},
    "workspace": {"text", "syntax", "config", "model", "rules", "settings", "document", "edits", "uris"},
    "features": {
        "text",
        "syntax",
        "config",
        "model",
        "rules",
        "settings",
        "document",
        "edits",
        "workspace",
        "uris",
    },
    "lsp": {"*"},
    "cli": {"*"},
    "__main__": {"cli"},
    "__init__": set(),
}
THIRD_PARTY: dict[str, set[str]] = {
    "syntax": {"tree_sitter", "tree_sitter_toml"},
    "lsp": {"pygls", "lsprotocol", "cattrs"},
}
IO_NAMES = {"print", "open", "input"}
EDGES = {"lsp", "cli", "__main__"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "wrangler_lsp":
                names.extend(f"wrangler_lsp.{alias.name}" for alias in node.names)
            else:
                names.append(node.module)
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path: Path) -> None:
    layer = _layer(path)
    assert layer in ALLOWED, f"{layer} is not in the layer table: add it here and to ARCHITECTURE.md"
    allowed = ALLOWED[layer]
    for name in _imports(ast.parse(path.read_text())):
        top = name.split(".")[0]
        if top == "wrangler_lsp":
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 else "__init__"
            assert "*" in allowed or target in allowed | {layer, "__init__"}, f"{layer} must not import {name}"
        elif top in {
            "pygls",
            "lsprotocol",
            "cattrs",
            "tree_sitter",
            "tree_sitter_toml",
            "tree_sitter_json",
            "tomlkit",
        }:
            assert "*" in allowed or top in THIRD_PARTY.get(layer, set()), f"{layer} must not import {top}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_io_below_the_edges(path: Path) -> None:
    if _layer(path) in EDGES:
        return
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in IO_NAMES, f"{path.name}:{node.lineno} calls {node.func.id}()"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            assert (node.value.id, node.attr) not in {
                ("os", "environ"),
                ("sys", "stdout"),
                ("sys", "stdin"),
            }, f"{path.name}:{node.lineno} uses {node.value.id}.{node.attr}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_has_a_docstring_and_stays_small(path: Path) -> None:
    text = path.read_text()
    assert ast.get_docstring(ast.parse(text)), f"{path} has no module docstring"
    assert text.count("\n") <= 450, f"{path} has {text.count(chr(10))} lines: split it"


def test_check_never_loads_lsprotocol(tmp_path: Path) -> None:
    config = tmp_path / "wrangler.toml"
    config.write_text('name = "w"\n')
    code = (
        "import sys\nfrom wrangler_lsp.cli import main\nrc = main(['check', sys.argv[1]])\n"
        "assert 'lsprotocol' not in sys.modules and 'pygls' not in sys.modules, 'loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(config)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_architecture_doc_names_every_package() -> None:
    doc = (ROOT / "ARCHITECTURE.md").read_text()
    for path in sorted(PACKAGE.iterdir()):
        if path.name.startswith("__") or path.name == "py.typed" or path.name == "data":
            continue
        name = path.name
        assert f"`{name.removesuffix('.py')}" in doc or f"`{name}" in doc, f"ARCHITECTURE.md does not mention {name}"
