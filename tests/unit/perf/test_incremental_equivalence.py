"""After every edit of a random edit stream, an incrementally analysed document equals a fresh one.

The safety net of every performance cache (config memo, per-env memos, findings caches): for corpus
files and generated multi-env configs, edits are applied one at a time through `Document.edited`,
and after each one the findings (code, severity, span, message, env, path, related, data, and the
fixes' edits) and the config tree (every node's span) must equal those of a fresh `Document`.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.generate import config as generated
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.edit_snippets import SYNTAX_SNIPPETS
from tests.paths import CORPUS
from tests.unit.perf.helpers import assert_same_after_each, assert_same_analysis
from wrangler_lsp import syntax
from wrangler_lsp.document import FRESH_REPARSE_BYTES, Document
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import TextEdit, apply_edit

FILES = sorted(p for p in CORPUS.glob("*") if syntax.format_for_path(p.name) is not None)
GENERATED = [(f"wrangler.{fmt}", generated(lines, fmt).encode()) for fmt in ("toml", "jsonc") for lines in (60, 200)]
SNIPPETS = [
    *SYNTAX_SNIPPETS,
    "[env.e1]\n",
    "[[env.e0.durable_objects.bindings]]\n",
    "[env]\n",
    "env.e1.main = 'x.ts'\n",
    "[[env.e1.migrations]]\n",
    "# environment\n",
    'name = "ROOMS"\n',
    'script_name = "bench"\n',
    "\n[[migrations]]\ntag = 'v2'\n",
    '"name": "x",',
    "ROOMS",
    "Room",
    "e0",
]

# No shrinking: a failure prints its (unshrunk) example, and the run stays bounded for CI.
_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)
_EXAMPLES = int(os.environ.get("WRANGLER_LSP_PERF_EXAMPLES", "100"))
"""Raise for a long local run (e.g. 2000)."""
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


@st.composite
def edit_streams(draw: st.DrawFn) -> tuple[str, bytes, list[TextEdit]]:
    if draw(st.booleans()):
        path = draw(st.sampled_from(FILES))
        name, source = path.name, path.read_bytes()
    else:
        name, source = draw(st.sampled_from(GENERATED))
    original = source
    edits = []
    for _ in range(draw(st.integers(1, 8))):
        text = source.decode("utf-8", "replace")
        if draw(st.booleans()) and edits:  # near the previous edit, as typing does
            previous = len(source[: edits[-1].start].decode("utf-8", "replace"))
            start = min(len(text), previous + draw(st.integers(0, 3)))
        else:
            start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + draw(st.sampled_from([0, 1, 5, 40])))))
        new = draw(st.sampled_from(SNIPPETS) | st.text(max_size=6))
        b_start, b_end = len(text[:start].encode()), len(text[:end].encode())
        edit = TextEdit(b_start, b_end, new.encode("utf-8", "surrogatepass"))
        edits.append(edit)
        source = apply_edit(source, edit)
    return name, original, edits


@settings(max_examples=_EXAMPLES, deadline=None, phases=_PHASES, suppress_health_check=_SLOW)
@given(edit_streams())
def test_edit_stream_equals_fresh_analysis(stream: tuple[str, bytes, list[TextEdit]]) -> None:
    name, source, edits = stream
    fmt = syntax.format_for_path(name)
    assert fmt is not None
    doc = Document(f"file:///w/{name}", fmt, source, 0)
    doc.findings(Settings())
    doc = assert_same_after_each(doc, edits)


@settings(max_examples=max(1, _EXAMPLES // 3), deadline=None, phases=_PHASES, suppress_health_check=_SLOW)
@given(st.data())
def test_burst_then_analysis(data: st.DataObject) -> None:
    """Several edits with no analysis between them (a burst), then one analysis."""
    name, source, edits = data.draw(edit_streams())
    fmt = syntax.format_for_path(name)
    assert fmt is not None
    doc = Document(f"file:///w/{name}", fmt, source, 0)
    doc.findings(Settings())
    for version, edit in enumerate(edits, 1):
        doc = doc.edited(version, [edit])
    assert_same_analysis(doc)


def test_corpus_files_exist() -> None:
    assert len(FILES) > 100
    assert all(isinstance(p, Path) for p in FILES)


# Found by hypothesis: after these edits tree-sitter's incremental reparse reads line 16 of this corpus
# file as three errors, a fresh parse as one.
DIVERGING = CORPUS / "web3-storage__minibus__wrangler.toml"
DIVERGING_EDITS = [
    TextEdit(561, 563, b"[[env.e0.durable_objects.bindings]]\n"),
    TextEdit(563, 574, b"$c"),
    TextEdit(565, 582, "\U000bf19c".encode()),
    TextEdit(490, 492, "\U000e277f\U000f8cbcóä".encode()),
]
PADDING = b"".join(b"# padding line %05d: the file is now too big to parse afresh per edit\n" % i for i in range(1200))


def test_a_broken_text_is_analysed_as_a_fresh_open_would() -> None:
    """Small broken texts are parsed afresh (`Document.parse`)."""
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, DIVERGING.read_bytes(), 0)
    doc.findings(Settings())
    doc = assert_same_after_each(doc, DIVERGING_EDITS)
    assert [issue.code for issue in doc.config.issues] == ["WL001"]


def test_a_big_broken_text_is_reread_as_a_fresh_open_reads_it() -> None:
    """Above `FRESH_REPARSE_BYTES` the incremental reading stays while typing; `reread()` (asked once edits
    pause) gives the document as a fresh open reads it, built from the current one's config and views."""
    source = DIVERGING.read_bytes() + PADDING
    assert len(source) > FRESH_REPARSE_BYTES
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    doc.findings(Settings())
    assert doc.reread() is None  # not broken
    for version, edit in enumerate(DIVERGING_EDITS, 1):
        doc = doc.edited(version, [edit])
        doc.findings(Settings())
    assert [issue.code for issue in doc.config.issues] == ["WL001", "WL001", "WL001"]  # the incremental reading
    fresh_doc = doc.reread()
    assert fresh_doc is not None and fresh_doc.version == doc.version and fresh_doc.source == doc.source
    assert [issue.code for issue in fresh_doc.config.issues] == ["WL001"]
    assert_same_analysis(fresh_doc)
    assert fresh_doc.reread() is None and doc.reread() is None  # asked once, and fresh already
    # Edits go on from the fresh_doc document.
    after = fresh_doc.edited(len(DIVERGING_EDITS) + 1, [TextEdit(len(source) - 2, len(source) - 2, b"x")])
    assert_same_analysis(after)


def test_a_version_patched_after_a_big_broken_one_is_reread_too() -> None:
    """Typing inside a string is patched in place (no parse): the patched version's config holds the
    incremental reading it was patched from, so it is fresh_doc too."""
    source = DIVERGING.read_bytes() + PADDING
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    doc.findings(Settings())
    for version, edit in enumerate(DIVERGING_EDITS, 1):
        doc = doc.edited(version, [edit])
        doc.findings(Settings())
    at = doc.source.index(b'"minibus"') + 1
    patched = doc.edited(len(DIVERGING_EDITS) + 1, [TextEdit(at, at, b"x")])
    assert patched._patch is not None and "parse" not in patched.__dict__
    assert [issue.code for issue in patched.config.issues] == ["WL001", "WL001", "WL001"]
    fresh_doc = patched.reread()
    assert fresh_doc is not None and fresh_doc.source == patched.source
    assert [issue.code for issue in fresh_doc.config.issues] == ["WL001"]
    assert_same_analysis(fresh_doc)


def test_a_quote_typed_in_a_json_env_that_hands_a_key_to_the_top_level() -> None:
    """Found by hypothesis: the last edit types a quote into an env's `migrations`; the parser's recovery then
    ends that env's member early and reads `new_sqlite_classes` as a top-level key (WL401). The edit lies
    in the env, but the top level changed too: the members' layout is compared after the build
    (`config.touched.changed_envs`), not only the edited range."""
    source = (CORPUS / "Abaso007__builderai__apps__api__wrangler.jsonc").read_bytes()
    doc = Document("file:///w/wrangler.jsonc", syntax.Format.JSON, source, 0)
    doc.findings(Settings())
    edits = [
        TextEdit(934, 934, b""),
        TextEdit(128, 128, b"Y\xf2\x83\x9e\x8e\x16\xc3\x9c\xf4\x86\xa5\x9d\x06"),
        TextEdit(1738, 1738, b"["),
        TextEdit(994, 994, b"\x1e\xc2\xa7>\xc2\xbba\xf2\xa4\x97\xa9"),
        TextEdit(995, 998, b"#"),
        TextEdit(6584, 6589, b"\xc2\x8a2\xf2\xab\x9c\xab\x05"),
        TextEdit(6587, 6587, b'n\x1b"\xc3\x9c'),
    ]
    doc = assert_same_after_each(doc, edits)
    assert "new_sqlite_classes" in doc.config.root.entries
