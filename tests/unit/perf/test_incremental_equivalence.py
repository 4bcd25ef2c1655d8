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
from wrangler_lsp.document import Document
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


def test_a_broken_text_is_analysed_as_a_fresh_open_would() -> None:
    """Found by hypothesis: after these edits tree-sitter's incremental reparse read line 16 as three
    errors, a fresh parse as one. Small broken texts are parsed afresh (`Document.parse`)."""
    source = (CORPUS / "web3-storage__minibus__wrangler.toml").read_bytes()
    doc = Document("file:///w/wrangler.toml", syntax.Format.TOML, source, 0)
    doc.findings(Settings())
    edits = [
        TextEdit(561, 563, b"[[env.e0.durable_objects.bindings]]\n"),
        TextEdit(563, 574, b"$c"),
        TextEdit(565, 582, "\U000bf19c".encode()),
        TextEdit(490, 492, "\U000e277f\U000f8cbcóä".encode()),
    ]
    doc = assert_same_after_each(doc, edits)
    assert [issue.code for issue in doc.config.issues] == ["WL001"]
