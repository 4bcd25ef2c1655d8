"""Rules run env by env (`rules/by_env.py`) give exactly the findings of a whole run, on every real config,
every rule fixture and every scenario config; and an edit in one env re-runs only that env's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import paths
from tests.unit.perf.helpers import assert_same_after_each, count_views, finding_key
from wrangler_lsp import rules, syntax
from wrangler_lsp.document import Document
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


def _counted(fmt: syntax.Format, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, Document, list[str | None]]:
    """A generated 2,000-line config, analysed, and the list the views run from now on are noted in."""
    from bench.generate import config

    source = config(2000, "toml" if fmt is syntax.Format.TOML else "jsonc").encode()
    doc = Document(f"file:///b/wrangler.{fmt.value}", fmt, source, 1)
    doc.findings(Settings())
    return source, doc, count_views(monkeypatch)


@pytest.mark.parametrize("fmt", [syntax.Format.TOML, syntax.Format.JSON])
def test_an_edit_in_one_env_reruns_only_that_env(fmt: syntax.Format, monkeypatch: pytest.MonkeyPatch) -> None:
    source, doc, views = _counted(fmt, monkeypatch)
    middle = source.index(b'"Room"', len(source) // 2) + 2
    edited = doc.edited(2, [TextEdit(middle, middle, b"x")])
    found = edited.findings(Settings())
    assert len(views) == 1 and views[0] is not None  # one env view ran; the top level and others were reused
    fresh = Document(edited.uri, fmt, edited.source).findings_with_fixes(Settings())
    assert [_key(f) for f in found] == [_key(f) for f in fresh]


@pytest.mark.parametrize("fmt", [syntax.Format.TOML, syntax.Format.JSON])
def test_breaking_the_file_reruns_only_the_edited_env_and_those_it_matters_to(
    fmt: syntax.Format, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A syntax error typed in one env, then removed: the envs whose findings do not depend on the file
    being broken (WL322's "never created" holds only in clean text) are reused both ways."""
    source, doc, views = _counted(fmt, monkeypatch)
    middle = source.index(b'"Room"', len(source) // 2)
    for version, edit in enumerate((TextEdit(middle, middle, b"= ="), TextEdit(middle, middle + 3, b"")), 2):
        views.clear()
        doc = doc.edited(version, [edit])
        found = doc.findings(Settings())
        assert bool(doc.config.issues) is (version == 2)
        assert len(views) == 1 and views[0] is not None  # the edited env only: no env here has a WL322 finding
        fresh = Document(doc.uri, fmt, doc.source).findings_with_fixes(Settings())
        assert [_key(f) for f in found] == [_key(f) for f in fresh]


@pytest.mark.parametrize("fmt", [syntax.Format.TOML, syntax.Format.JSON])
def test_a_built_edit_inside_one_env_reruns_only_that_env(fmt: syntax.Format, monkeypatch: pytest.MonkeyPatch) -> None:
    """Edits the in-place patch does not take (a key typed, a syntax error on one line) but whose old and
    new text lie in one env's sections or members (`config.touched`): only that env's view runs."""
    source, doc, views = _counted(fmt, monkeypatch)
    key = source.index(b"class_name", len(source) // 2) + 3
    value = source.index(b'"Room"', len(source) // 2)
    edits = [TextEdit(key, key, b"x"), TextEdit(key, key + 1, b""), TextEdit(value, value, b"= ")]
    edits.append(TextEdit(value, value + 2, b""))
    for version, edit in enumerate(edits, 2):
        views.clear()
        doc = doc.edited(version, [edit])
        found = doc.findings(Settings())
        assert doc._patch is not None and doc._patch.changes[-1].rebuilt, edit
        assert len(views) == 1 and views[0] is not None, (edit, views)
        fresh = Document(doc.uri, fmt, doc.source).findings_with_fixes(Settings())
        assert [_key(f) for f in found] == [_key(f) for f in fresh]


def test_a_view_whose_findings_depend_on_broken_text_is_rerun_when_that_changes() -> None:
    """Env `a` binds a class no migration creates (WL322, only said of clean text); env `b` is where the
    syntax error comes and goes. `a`'s finding must go away and come back, though its text is unchanged."""
    source = (
        b'name = "w"\n[[migrations]]\ntag = "v1"\nnew_classes = ["Room"]\n\n'
        b'[[env.a.durable_objects.bindings]]\nname = "GHOSTS"\nclass_name = "Ghost"\n'
        b'[[env.a.migrations]]\ntag = "v1"\nnew_classes = ["Room"]\n\n'
        b'[env.b]\nmain = "x.ts"\n'
    )
    doc = Document("file:///b/wrangler.toml", syntax.Format.TOML, source, 1)
    assert any(f.code == "WL322" and f.env == "a" for f in doc.findings(Settings()))
    at = source.index(b'main = "x.ts"')
    broken = doc.edited(2, [TextEdit(at, at, b"= ")])
    assert broken.config.issues and not any(f.code == "WL322" for f in broken.findings(Settings()))
    fixed = broken.edited(3, [TextEdit(at, at + 2, b"")])
    assert any(f.code == "WL322" and f.env == "a" for f in fixed.findings(Settings()))
    for doc in (broken, fixed):
        fresh = Document(doc.uri, doc.format, doc.source).findings_with_fixes(Settings())
        assert [_key(f) for f in doc.findings(Settings())] == [_key(f) for f in fresh]


def test_corpus_path_exists() -> None:
    assert Path(paths.CORPUS).is_dir()


def test_an_edit_whose_recovery_reparses_a_later_line_is_not_taken_for_its_env_alone() -> None:
    """Found by hypothesis: breaking `name = "bench-e0"` makes tree-sitter read the line after next, an
    inline array `[{ ... }]`, as a table header at the top level. The edited range lies in env e0 only;
    the build's diff (a new top-level table) says otherwise, and the top level must be checked again."""
    from bench.generate import config

    doc = Document("file:///b/wrangler.toml", syntax.Format.TOML, config(60, "toml").encode(), 0)
    doc.findings(Settings())
    edits = [
        TextEdit(280, 280, b"#"),
        TextEdit(283, 283, "\U000c5e60".encode()),
        TextEdit(462, 462, "\U000fddc4ù± ".encode()),
        TextEdit(249, 252, b"["),
    ]
    doc = assert_same_after_each(doc, edits)
    assert any(f.code == "WL401" and f.env is None for f in doc.findings(Settings()))


def test_an_env_whose_text_holds_a_syntax_issue_is_not_taken_for_its_old_self() -> None:
    """Found by hypothesis: breaking the `[env.prod]` header makes tree-sitter read the unchanged
    `[[env.prod.durable_objects.bindings]]` after it as a `[table]`. Its bytes are the same, its meaning
    is not: env prod's findings must be computed again (WL202, not the old WL220)."""

    name = "livestorejs__livestore__examples__web-todomvc-sync-cf__wrangler.toml"
    doc = Document("file:///b/wrangler.toml", syntax.Format.TOML, (paths.CORPUS / name).read_bytes(), 0)
    doc.findings(Settings())
    edits = [
        TextEdit(675, 678, b'name = "ROOMS"\n'),
        TextEdit(329, 329, "×".encode()),
        TextEdit(332, 358, "漢字".encode()),
    ]
    doc = assert_same_after_each(doc, edits)
    assert any(f.code == "WL202" and f.env == "prod" for f in doc.findings(Settings()))


def test_a_section_patched_in_place_then_swallowed_by_a_broken_one_counts_as_changed() -> None:
    """Found by hypothesis: a string in `[env.e1]` is patched in place (which takes that section out of
    the reusable ones), then a `[` typed in env e0 makes tree-sitter read `[env.e1]` as part of e0's
    broken section. The build's diff must name env e1 (its section is gone), or e1 keeps its old findings."""
    from bench.generate import config

    doc = Document("file:///b/wrangler.toml", syntax.Format.TOML, config(200, "toml").encode(), 0)
    doc.findings(Settings())
    edits = [
        TextEdit(1541, 1541, b"]"),
        TextEdit(1024, 1024, b"\n"),
        TextEdit(3272, 3272, b"[env.x]\n"),
        TextEdit(561, 562, "é".encode()),
        TextEdit(519, 519, b"[\xc2\x9c\xc3\x81\x15\xc3\xb7\xf4\x87\xbe\xa9"),
        TextEdit(60, 60, b""),
        TextEdit(191, 191, b"T"),
    ]
    doc = assert_same_after_each(doc, edits)
    assert any(f.code == "WL101" and f.env == "e1" for f in doc.findings(Settings()))
