"""Fuzz: random edit streams through the real server over stdio (hypothesis).

After every `didChange` the server's text must be the client's (`wrangler-lsp.debugText`: the SHA-256 of
its UTF-8 text, its length in UTF-16 code units, its line count and version), the diagnostics of the
edited document must equal those of a fresh open of the client's text under another URI, no request may
fail and nothing may be logged at error level.
Sources: a fixed sample of the real-world corpus and generated multi-env configs, TOML and JSONC.
Bounded by the hypothesis profile (`ci`: 60 examples per test); `HYPOTHESIS_PROFILE=long` runs 3,000.
The number of edits run is printed at the end of the module (`pytest -s`) and written to
`$WRANGLER_LSP_FUZZ_REPORT` when set.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from bench.generate import config
from hypothesis import given
from hypothesis import strategies as st

from tests import paths
from tests.robustness.lsp import SyncServer, normalized, position

CORPUS = paths.CORPUS
FRAGMENTS = [
    '"',
    "=",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "#",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "a",
    "x",
    "1",
    "é",
    "😀",
    "漢",
    "/",
    "*",
    "\\",
    ":",
    "//",
    "/*",
    "*/",
    "env",
    "name",
    "main",
    '"v2"',
    "durable_objects",
    "bindings",
    "[[migrations]]\n",
    'tag = "v9"\n',
    '"script_name": "w",',
    "[env.x]\n",
    "true",
    "-1e5",
    "\x00",
]


def _sources() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if CORPUS.is_dir():
        files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".toml", ".json", ".jsonc"))
        for path in files[::12]:
            raw = path.read_bytes()
            if len(raw) < 12_000:
                suffix = ".toml" if path.suffix == ".toml" else ".jsonc"
                found.append((suffix, raw.decode("utf-8", "replace")))
    for lines in (40, 150):
        found += [(".toml", config(lines, "toml")), (".jsonc", config(lines, "jsonc"))]
    return found


SOURCES = _sources()
STATS = {"examples": 0, "edits": 0, "checks": 0, "rounds": 0, "text_checks": 0}
"""`checks`: comparisons with a fresh open; `rounds`: hover, inlay hints and code actions after an edit."""
BREAK = re.compile(r"\r\n|\r|\n")


@pytest.fixture(scope="module")
def server() -> Iterator[SyncServer]:
    srv = SyncServer(pull=True)
    yield srv
    code = srv.stop()
    line = (
        f"fuzz: {STATS['examples']} examples, {STATS['edits']} edits, {STATS['text_checks']} text checks, "
        f"{STATS['checks']} checks against a fresh open, {STATS['rounds']} feature rounds; exit {code}"
    )
    print("\n" + line)
    if report := os.environ.get("WRANGLER_LSP_FUZZ_REPORT"):
        with open(report, "a") as out:
            out.write(line + "\n")


edit_strategy = st.tuples(
    st.floats(0, 1),
    st.integers(0, 12),
    st.lists(st.sampled_from(FRAGMENTS), max_size=4).map("".join),
)
stream_strategy = st.lists(st.lists(edit_strategy, min_size=1, max_size=3), min_size=1, max_size=12)


def _offset(text: str, fraction: float) -> int:
    offset = round(fraction * len(text))
    if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
        offset -= 1  # never between the two characters of a line break
    return offset


def _apply(text: str, edit: tuple[float, int, str]) -> tuple[str, dict[str, Any]]:
    fraction, length, insert = edit
    start = _offset(text, fraction)
    end = _offset(text, min(1.0, (start + length) / max(1, len(text))))
    end = max(start, end)
    change = {"range": {"start": position(text, start), "end": position(text, end)}, "text": insert}
    return text[:start] + insert + text[end:], change


def _same_text(server: SyncServer, uri: str, text: str, version: int) -> None:
    """The server's copy of `uri` is `text` at `version` (`wrangler-lsp.debugText`)."""
    answer = server.request("workspace/executeCommand", {"command": "wrangler-lsp.debugText", "arguments": [uri]})
    expected = {
        "uri": uri,
        "version": version,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "length": len(text.encode("utf-16-le")) // 2,
        "lines": len(BREAK.findall(text)) + 1,
    }
    assert answer == expected, "the server's text != the client's"
    STATS["text_checks"] += 1


def _check(server: SyncServer, uri: str, text: str, counter: list[int]) -> None:
    counter[0] += 1
    fresh = uri.replace("/fuzz/", f"/fuzz-fresh/{counter[0]}/")
    server.open(fresh, text)
    try:
        assert normalized(server.pull(uri)) == normalized(server.pull(fresh)), "edited != fresh open"
    finally:
        server.close(fresh)
    STATS["checks"] += 1


@given(source=st.sampled_from(SOURCES), stream=stream_strategy)
def test_edit_stream_matches_fresh_open(server: SyncServer, source: tuple[str, str], stream: list[Any]) -> None:
    suffix, text = source
    STATS["examples"] += 1
    uri = f"file:///fuzz/{STATS['examples']}/wrangler{suffix}"
    server.open(uri, text)
    counter = [0]
    try:
        for version, group in enumerate(stream, start=2):
            changes = []
            for edit in group:
                text, change = _apply(text, edit)
                changes.append(change)
                STATS["edits"] += 1
            params = {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}
            server.client.notify("textDocument/didChange", params)
            _same_text(server, uri, text, version)
            _check(server, uri, text, counter)
            assert server.alive()
            assert server.errors() == []
    finally:
        server.close(uri)


@given(source=st.sampled_from(SOURCES), stream=stream_strategy)
def test_features_answer_after_edits(server: SyncServer, source: tuple[str, str], stream: list[Any]) -> None:
    """Hover, inlay hints and code actions at random places answer without an error after random edits."""
    suffix, text = source
    STATS["examples"] += 1
    uri = f"file:///fuzz/f{STATS['examples']}/wrangler{suffix}"
    server.open(uri, text)
    try:
        for version, group in enumerate(stream, start=2):
            changes = []
            for edit in group:
                text, change = _apply(text, edit)
                changes.append(change)
                STATS["edits"] += 1
            params = {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}
            server.client.notify("textDocument/didChange", params)
            _same_text(server, uri, text, version)
            at = position(text, _offset(text, group[0][0]))
            doc = {"uri": uri}
            server.request("textDocument/hover", {"textDocument": doc, "position": at})
            whole = {"start": {"line": 0, "character": 0}, "end": position(text, len(text))}
            server.request("textDocument/inlayHint", {"textDocument": doc, "range": whole})
            diagnostics = server.pull(uri)
            server.request(
                "textDocument/codeAction",
                {"textDocument": doc, "range": {"start": at, "end": at}, "context": {"diagnostics": diagnostics}},
            )
            STATS["rounds"] += 1
        assert server.errors() == []
    finally:
        server.close(uri)
