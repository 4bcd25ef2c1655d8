"""`wrangler-lsp check|explain`: output, exit codes, severity overrides, folder search, --fix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests import paths
from wrangler_lsp.cli import main

EXAMPLES = paths.REPO / "examples"
ENV_BINDING = """name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
[env.staging]
[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_examples_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES))
    assert code == 0  # warnings and hints only
    lines = out.splitlines()
    assert lines[-1] == "2 files checked: 3 warnings, 2 hints"
    assert any(line.startswith(f"{EXAMPLES}/chat-toml/wrangler.toml:32:6: warning WL101 ") for line in lines)


def test_fail_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "check", "--fail-on", "warning", str(EXAMPLES))
    assert code == 1


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", str(EXAMPLES / "chat-toml" / "wrangler.toml"))
    findings = json.loads(out)
    assert code == 0
    hint = next(f for f in findings if f["code"] == "WL220")
    assert hint == {
        "file": str(EXAMPLES / "chat-toml" / "wrangler.toml"),
        "env": "staging",
        "code": "WL220",
        "severity": "hint",
        "origin": "extra",
        "message": hint["message"],
        "path": "env.staging.durable_objects.bindings[0]",
        "range": {"start": {"line": 27, "character": 7}, "end": {"line": 27, "character": 14}},
    }
    assert {f["origin"] for f in findings} == {"wrangler", "extra"}
    top = [f for f in findings if f["code"] == "WL101"]
    assert all(f["env"] == "production" for f in top)


def test_severity_override(capsys: pytest.CaptureFixture[str]) -> None:
    toml = str(EXAMPLES / "chat-toml" / "wrangler.toml")
    code, out, _ = run(capsys, "check", "--severity", "WL101=error", "--severity", "wl220=off", toml)
    assert code == 1
    assert "WL220" not in out and "error WL101" in out
    code, _, err = run(capsys, "check", "--severity", "WL101=loud", toml)
    assert code == 2 and "--severity takes CODE=off|hint|info|warning|error" in err


def test_usage_and_io_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "missing"))
    assert code == 2 and "no such file or folder" in err
    (tmp_path / "notes.txt").write_text("x")
    code, _, err = run(capsys, "check", str(tmp_path / "notes.txt"))
    assert code == 2 and "not a .toml, .json or .jsonc file" in err


def test_folder_search_skips_node_modules_and_hidden(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for folder in ("app", "node_modules/pkg", ".wrangler/tmp"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "wrangler.toml").write_text("main = \n")
    (tmp_path / "app" / "settings.toml").write_text("x = \n")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert out.splitlines()[-1] == "1 file checked: 1 error"
    assert out.startswith(f"{tmp_path}/app/wrangler.toml:1:")


def test_fix_applies_safe_fixes_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "wrangler.toml"
    text = 'name = "chat"\naccount_id = ""\n[env.staging]\nkeep_vars = true\nname = "chat-staging"\n'
    config.write_text(text)
    code, out, err = run(capsys, "check", "--fix", str(config))
    assert config.read_text() == 'name = "chat"\n[env.staging]\nname = "chat-staging"\n'
    assert "fixed" in err and code == 0
    assert out.splitlines()[-1] == "1 file checked: no problems"


def test_fix_leaves_unsafe_fixes_and_broken_files_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "wrangler.toml"
    config.write_text(ENV_BINDING)
    run(capsys, "check", "--fix", str(config))
    assert config.read_text() == ENV_BINDING  # sharing storage or not is the user's choice
    broken = tmp_path / "broken" / "wrangler.toml"
    broken.parent.mkdir()
    broken.write_text('account_id = ""\nmain = \n')
    code, _, _ = run(capsys, "check", "--fix", str(broken))
    assert code == 1 and broken.read_text() == 'account_id = ""\nmain = \n'


def test_fix_on_a_copy_of_the_examples_keeps_them_parsing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    code, out, _ = run(capsys, "check", "--fix", str(tmp_path / "examples"))
    assert code == 0 and "error" not in out


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", str(EXAMPLES / "chat-toml" / "wrangler.toml"))
    assert code == 0
    assert "env.staging: deploys as chat-staging" in out
    assert "  ROOMS    ChatRoom  chat-staging  implied  NO" in out
    assert "lacks non-inherited keys: durable_objects, kv_namespaces" in out
    code, _, err = run(capsys, "explain", str(EXAMPLES / "chat-toml" / "wrangler.toml"), "--env", "qa")
    assert code == 2 and "no env named 'qa' (envs: staging, production)" in err
