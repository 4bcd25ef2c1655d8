"""Incremental, error-tolerant parsing of TOML with tree-sitter.

`parse()` never raises: any bytes give a tree (with ERROR and MISSING nodes where the text is broken).
Given the previous parse and the edit that led from its source to the new one, tree-sitter reuses
every subtree the edit did not touch, so a one-character edit costs about a millisecond at 10,000 lines.

JSON and JSONC get no tree here: `config/build_json.py` reads them with a port of jsonc-parser (the parser
wrangler uses, for its exact accept/reject decisions and error codes), reusing unchanged members by text.
For them a `Parse` is the source alone, and `reparse` only applies the edits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache

import tree_sitter
import tree_sitter_toml

from wrangler_lsp.text.change import TextEdit, apply_edit, point_of


class Format(Enum):
    """The two syntaxes wrangler reads: `.toml` is TOML, `.json` and `.jsonc` are both JSONC."""

    TOML = "toml"
    JSON = "json"


def format_for_path(path: str) -> Format | None:
    """The format wrangler would parse a file name with, or None for a name wrangler does not read."""
    lower = path.lower()
    if lower.endswith(".toml"):
        return Format.TOML
    if lower.endswith((".json", ".jsonc")):
        return Format.JSON
    return None


@dataclass(frozen=True, slots=True, eq=False)
class Parse:
    """A source and, for TOML, its concrete syntax tree (None for JSON, which is not parsed here)."""

    format: Format
    source: bytes
    tree: tree_sitter.Tree | None


def parse(fmt: Format, source: bytes) -> Parse:
    """A fresh parse of `source`."""
    if fmt is not Format.TOML:
        return Parse(fmt, source, None)
    return Parse(fmt, source, _parser().parse(source))


def reparse(previous: Parse, edits: Sequence[TextEdit]) -> Parse:
    """The parse after applying `edits` in order to `previous.source`, reusing `previous.tree`.

    Each edit is in the offsets of the text the edits before it produced, as LSP content changes are.
    All edits are recorded on one copy of the tree and the text is parsed once.
    """
    source = previous.source
    tree = previous.tree.copy() if previous.tree is not None else None
    for edit in edits:
        start = min(max(edit.start, 0), len(source))
        old_end = min(max(edit.old_end, start), len(source))
        new_source = apply_edit(source, edit)
        new_end = start + len(edit.new_text)
        if tree is not None:
            tree.edit(
                start_byte=start,
                old_end_byte=old_end,
                new_end_byte=new_end,
                start_point=point_of(source, start),
                old_end_point=point_of(source, old_end),
                new_end_point=point_of(new_source, new_end),
            )
        source = new_source
    if tree is None:
        return Parse(previous.format, source, None)
    return Parse(previous.format, source, _parser().parse(source, tree))


@cache
def _parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_toml.language()))


def same_reading(one: Parse, other: Parse) -> bool:
    """Whether two parses of the same source read it alike: the same top-level items, and the same nodes
    inside every item holding an error (tree-sitter's error recovery after an incremental reparse can
    read broken text unlike a fresh parse, and sometimes the well-formed line after it too).
    Walks only the top level and the subtrees with errors."""
    if one.tree is None or other.tree is None:
        return one.tree is other.tree
    return _reading(one.tree.root_node) == _reading(other.tree.root_node)


def _reading(node: tree_sitter.Node) -> list[object]:
    out: list[object] = []
    for child in node.children:
        out.append((child.type, child.start_byte, child.end_byte, child.is_missing))
        if child.has_error:
            out.append(_reading(child))
    return out
