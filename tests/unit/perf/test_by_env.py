"""Rules run env by env (`rules/by_env.py`) give exactly the findings of a whole run, on every real config,
every rule fixture and every scenario config; and an edit in one env re-runs only that env's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import paths
from tests.unit.perf.helpers import finding_key
from wrangler_lsp import rules, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.rules import by_env
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit

FILES = sorted(
    [p for p in paths.CORPUS.iterdir() if syntax.format_for_path(p.name)]
    + [p for p in (paths.REPO / "tests" / "fixtures" / "rules").rglob("*") if syntax.format_for_path(p.name)]
    + [p for p in (paths.REPO / "tests" / "conformance" / "oracle_cases").iterdir() if syntax.format_for_path(p.name)]
)


def _key(finding: rules.Finding) -> tuple[object, ...]:
    return (*finding_key(finding)[:-1], tuple((fix.title, fix.preferred) for fix in finding.fixes))


def test_partitioned_equals_whole_everywhere() -> None:
    assert len(FILES) > 450
    for path in FILES:
        fmt = syntax.format_for_path(path.name)
        assert fmt is not None
        doc = Document(path.resolve().as_uri(), fmt, path.read_bytes())
        whole = [_key(f) for f in doc.findings_with_fixes(Settings())]
        assert [_key(f) for f in doc.findings(Settings())] == whole, path.name


@pytest.mark.parametrize("fmt", [syntax.Format.TOML, syntax.Format.JSON])
def test_an_edit_in_one_env_reruns_only_that_env(fmt: syntax.Format, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.generate import config

    source = config(2000, "toml" if fmt is syntax.Format.TOML else "jsonc").encode()
    doc = Document(f"file:///b/wrangler.{fmt.value}", fmt, source, 1)
    doc.findings(Settings())
    views: list[str | None] = []
    real = by_env._view_context

    def counting(ctx: rules.Context, env_name: str | None) -> rules.Context:
        views.append(env_name)
        return real(ctx, env_name)

    monkeypatch.setattr(by_env, "_view_context", counting)
    middle = source.index(b'"Room"', len(source) // 2) + 2
    edited = doc.edited(2, [TextEdit(middle, middle, b"x")])
    found = edited.findings(Settings())
    assert len(views) == 1 and views[0] is not None  # one env view ran; the top level and others were reused
    fresh = Document(edited.uri, fmt, edited.source).findings_with_fixes(Settings())
    assert [_key(f) for f in found] == [_key(f) for f in fresh]


def test_corpus_path_exists() -> None:
    assert Path(paths.CORPUS).is_dir()
