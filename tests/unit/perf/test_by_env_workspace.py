"""Cross-Worker rules (WL5xx) run view by view (`rules/by_env.py`): the findings of a whole run with a
workspace, and every view run again only when the other files' Workers or the file's own Worker names
change, never when the workspace refolds the file itself."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from bench.generate import config

from tests import paths
from tests.unit.perf.helpers import count_views, finding_key
from wrangler_lsp import rules, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit
from wrangler_lsp.workspace import WorkspaceIndex

ROOMS_URI = "file:///repo/rooms/wrangler.toml"
ROOMS = b'name = "rooms"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom"]\n[env.staging]\n'
URI = "file:///repo/api/wrangler.toml"


def _cross(found: Iterable[rules.Finding]) -> list[rules.Finding]:
    return [f for f in found if f.code.startswith("WL5")]


def _same_as_fresh(doc: Document, index: WorkspaceIndex) -> list[rules.Finding]:
    found = list(doc.findings(Settings(), index))
    fresh = Document(doc.uri, doc.format, doc.source).findings_with_fixes(Settings(), index)
    assert [finding_key(f)[:-1] for f in found] == [finding_key(f)[:-1] for f in fresh]
    return found


def test_partitioned_equals_whole_in_a_workspace_of_the_corpus() -> None:
    """Every real config, in one workspace holding all of them (some bind each other's Workers)."""
    files = sorted(p for p in paths.CORPUS.iterdir() if syntax.format_for_path(p.name))
    index = WorkspaceIndex()
    for path in files:
        fmt = syntax.format_for_path(path.name)
        assert fmt is not None
        index.update(path.resolve().as_uri(), fmt, path.read_bytes())
    cross = 0
    for path in files:
        fmt = syntax.format_for_path(path.name)
        assert fmt is not None
        doc = Document(path.resolve().as_uri(), fmt, path.read_bytes())
        cross += len(_cross(_same_as_fresh(doc, index)))
    assert cross > 0


@pytest.fixture
def views(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The views run from now on, by env name (None: the top level)."""
    return count_views(monkeypatch)


def _api() -> bytes:
    """A generated config whose first ten cross bindings name Worker `rooms` (which lacks class `Room`),
    and whose env e0 binds Worker `api-e5x` (nobody's name, until env e5 is renamed so)."""
    text = config(2000, "toml").replace('script_name = "bench"', 'script_name = "rooms"', 10)
    text = text.replace('class_name = "Room"', 'class_name = "Room"\nscript_name = "bench-e5x"', 2)
    return text.encode()


def test_cross_worker_findings_rerun_only_when_what_they_read_changes(views: list[str | None]) -> None:
    index = WorkspaceIndex()
    index.update(ROOMS_URI, syntax.Format.TOML, ROOMS)
    source = _api()
    doc = Document(URI, syntax.Format.TOML, source, 1)
    index.update(URI, syntax.Format.TOML, source)
    found = _same_as_fresh(doc, index)
    assert sum(f.code == "WL501" for f in found) == 10
    assert [f.env for f in found if f.code == "WL502"] == [None, "e0"]  # `bench-e5x`, twice

    # An edit inside one env's string: only that env's view runs.
    views.clear()
    at = source.index(b'"Room"', len(source) // 2) + 2
    doc = doc.edited(2, [TextEdit(at, at, b"x")])
    _same_as_fresh(doc, index)
    assert len(views) == 1 and views[0] is not None

    # The workspace refolds this very file: nothing runs (its rules see only the other files).
    views.clear()
    index.update(URI, syntax.Format.TOML, doc.source)
    _same_as_fresh(doc, index)
    assert views == []

    # Another file is indexed: every view runs again.
    views.clear()
    index.update("file:///repo/other/wrangler.toml", syntax.Format.TOML, b'name = "other"\n')
    _same_as_fresh(doc, index)
    assert len(views) == len(doc.config.root.entries["env"].value.entries) + 1  # type: ignore[union-attr]

    # Env e5 is renamed `bench-e5x`: an edit inside e5 alone, but it changes which Workers are the file's
    # own, so the bindings elsewhere that name `bench-e5x` are no longer reported.
    views.clear()
    name = doc.source.index(b'name = "bench-e5"') + len(b'name = "bench-e5')
    doc = doc.edited(3, [TextEdit(name, name, b"x")])
    found = _same_as_fresh(doc, index)
    assert not any(f.code == "WL502" for f in found)
    assert len(views) > 1

    # The top-level Worker renamed (a string edit too): the bindings naming `bench` now name nobody.
    top = doc.source.index(b'name = "bench"') + len(b'name = "bench')
    doc = doc.edited(4, [TextEdit(top, top, b"y")])
    found = _same_as_fresh(doc, index)
    assert doc._patch is not None and doc._patch.worker_names is None
    assert sum(f.code == "WL502" for f in found) > 40  # every env binding `script_name = "bench"`
