"""Patching the config tree in place for an edit inside one string value: no parse, no build.

Most keystrokes in a config edit a string value: a class name, a Worker name, an id. Such an edit
changes one scalar's value and moves what follows it; the shape of the tree stays the same. So, as
rust-analyzer does for an edit inside one token (`reparsing.rs`: relex the token, keep the tree if it is
still one token of the same kind), an edit strictly inside the quotes of a one-line string without
escapes, leaving such a string, is applied to the previous tree: the scalar gets its new value and
the spans after the edit move by its length. Anything else gives None, and the caller builds as usual.

The previous `Config` is stale afterwards (its nodes were moved and changed), as after an incremental
build. The TOML parse is not updated: `Document` reparses with the pending edits when it is asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wrangler_lsp.config import patch_json, patch_toml
from wrangler_lsp.config.build import Config
from wrangler_lsp.config.tree import KeyPath
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span, TextEdit

_NOT_PLAIN = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f\"'\\]")
"""What a one-line TOML string without escapes cannot hold (either quote, to be safe; tab is allowed)."""
_NOT_PLAIN_JSON = re.compile(rb"[\x00-\x1f\x7f\"'\\]")
"""The same for JSON, where jsonc-parser reports a tab in a string (a control character)."""


@dataclass(frozen=True, slots=True)
class Patched:
    """The patched config and what changed: the string at `path`, by an edit at `start` of the previous
    source that made it `delta` bytes longer (or shorter)."""

    config: Config
    path: KeyPath
    start: int
    delta: int


def patch(previous: Config, fmt: Format, source: bytes, edit: TextEdit, new_source: bytes) -> Patched | None:
    """`previous` (the config of `source`) patched for `edit`, if the edit only changes one string's text."""
    if not 0 < edit.start <= edit.old_end < len(source):
        return None
    delta = len(edit.new_text) - (edit.old_end - edit.start)

    def new_value(span: Span) -> str | None:
        return _plain(source, new_source, span, delta, json=fmt is Format.JSON)

    if fmt is Format.TOML:
        found = patch_toml.patch(previous, edit, delta, new_value)
    else:
        found = patch_json.patch(previous, source, new_source, edit, delta, new_value)
    if found is None:
        return None
    config, path = found
    return Patched(config, path, edit.start, delta)


def _plain(source: bytes, new_source: bytes, span: Span, delta: int, *, json: bool) -> str | None:
    """The new value of the string token at `span` (old offsets), if old and new are plain one-line strings."""
    quote = source[span.start : span.start + 1]
    if quote not in ((b'"',) if json else (b'"', b"'")):
        return None
    not_plain = _NOT_PLAIN_JSON if json else _NOT_PLAIN
    for text in (source[span.start : span.end], new_source[span.start : span.end + delta]):
        if len(text) < 2 or text[-1:] != quote or not_plain.search(text, 1, len(text) - 1):
            return None
    try:
        return new_source[span.start + 1 : span.end + delta - 1].decode("utf-8")
    except UnicodeDecodeError:
        return None
