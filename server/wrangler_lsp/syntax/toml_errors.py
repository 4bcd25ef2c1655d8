"""Messages for TOML syntax errors: what tree-sitter's ERROR and MISSING nodes mean, said plainly.

tree-sitter marks broken text with an ERROR node (tokens it could not fit) or a zero-width MISSING
node (a token it assumed). `describe` replays the tokens on the error's first line through a tiny
`key = value` automaton to find the first one out of place, so the message reads like "expected a value
after `=`" or "unexpected `x`" and the range covers that token rather than the whole region.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import tree_sitter

from wrangler_lsp.syntax.toml_strings import decode_string

Rel = tuple[int, int]

_KEYS = frozenset({"bare_key", "quoted_key", "dotted_key"})
_VALUES = frozenset(
    {
        "string",
        "integer",
        "float",
        "boolean",
        "offset_date_time",
        "local_date_time",
        "local_date",
        "local_time",
        "array",
        "inline_table",
    }
)
_BARE_CR = re.compile(rb"\r(?!\n)")
_BARE_CR_INSIDE = re.compile(rb"\r(?!\n|\Z)")


@dataclass(frozen=True, slots=True)
class Issue:
    """A syntax issue with offsets relative to a section start."""

    code: str
    start: int
    end: int
    message: str


def bare_cr(text: bytes, start: int = 0, end: int | None = None) -> list[Issue]:
    """Carriage returns in `text[start:end]` not followed by a line feed: TOML accepts them nowhere.

    Without `end`, a CR at the very end of `text` is left to the caller, which sees what follows.
    """
    if end is None:
        matches = _BARE_CR_INSIDE.finditer(text, start)
    else:
        matches = (m for m in _BARE_CR.finditer(text, start, min(len(text), end + 1)) if m.start() < end)
    return [Issue("WL002", m.start(), m.end(), "a carriage return must be followed by a line feed") for m in matches]


def datetime_kind(value: object) -> str:
    """The `ScalarKind` value of a decoded date/time."""
    if isinstance(value, dt.datetime):
        return "local datetime" if value.tzinfo is None else "offset datetime"
    if isinstance(value, dt.date):
        return "local date"
    if isinstance(value, dt.time):
        return "local time"
    return "invalid"


def describe(node: tree_sitter.Node, base: int, text: bytes) -> Issue:
    """A WL001 issue for an ERROR or MISSING node, offsets relative to `base`."""
    start = node.start_byte - base
    if node.is_missing:
        return Issue("WL001", start, start, f"expected `{node.type}`")
    tokens = _first_line_tokens(node)
    state = _initial_state(node)
    for token in tokens:
        t_start, t_end = token.start_byte - base, token.end_byte - base
        ttype = token.type
        shown = _shown(text[t_start:t_end])
        if ttype in ('"', "'", '"""', "'''"):
            return _string_issue(text, t_start)
        if state == "key":
            if ttype in _KEYS:
                state = "after key"
                continue
            if ttype in ("[", "[["):
                state = "header"
                continue
            return Issue("WL001", t_start, t_end, f"unexpected `{shown}`: expected a key")
        if state == "header":
            if ttype in _KEYS or ttype == ".":
                continue
            if ttype in ("]", "]]"):
                state = "end"
                continue
            return Issue("WL001", t_start, t_end, f"unexpected `{shown}` in a table header")
        if state == "after key":
            if ttype == ".":
                state = "key"
                continue
            if ttype == "=":
                state = "value"
                continue
            return Issue("WL001", t_start, t_end, f"expected `=` after the key, found `{shown}`")
        if state == "value":
            if ttype in _VALUES:
                state = "end"
                continue
            return Issue("WL001", t_start, t_end, f"expected a value after `=`, found `{shown}`")
        if ttype != "comment":
            return Issue("WL001", t_start, t_end, f"unexpected `{shown}`: expected a line break")
    line_end = text.find(b"\n", start)
    line_end = len(text) if line_end < 0 else line_end
    last_end = tokens[-1].end_byte - base if tokens else node.end_byte - base
    if state == "value":
        eq = tokens[-1] if tokens and tokens[-1].type == "=" else node
        return Issue("WL001", eq.start_byte - base, eq.end_byte - base, "expected a value after `=`")
    if state == "header":
        return Issue("WL001", start, max(start, min(line_end, last_end)), "expected `]` to close the table header")
    if state == "after key":
        return Issue("WL001", start, max(start, min(line_end, last_end)), "expected `=` after the key")
    end = max(start, min(line_end, node.end_byte - base))
    return Issue("WL001", start, end, f"unexpected `{_shown(text[start:end])}`")


def _first_line_tokens(node: tree_sitter.Node) -> list[tree_sitter.Node]:
    """The ERROR's top-level tokens on its first line; nested ERROR nodes are opened up."""
    row = node.start_point.row
    out: list[tree_sitter.Node] = []
    stack = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if child.start_point.row != row:
            break
        if child.is_error:
            stack.extend(reversed(child.children))
            if child.child_count == 0:
                out.append(child)
            continue
        out.append(child)
    return out


def _initial_state(node: tree_sitter.Node) -> str:
    previous = node.prev_sibling
    if previous is None:
        return "key"
    if previous.type in _KEYS:
        return "after key"
    if previous.type == "=":
        return "value"
    if previous.type in ("[", "[["):
        return "header"
    if node.parent is not None and node.parent.type in ("array", "inline_table"):
        return "value" if node.parent.type == "array" else "key"
    if previous.end_point.row == node.start_point.row and previous.type != "comment":
        return "end"
    return "key"


def _string_issue(text: bytes, start: int) -> Issue:
    line_end = text.find(b"\n", start)
    line_end = len(text) if line_end < 0 else line_end
    quote = text[start : start + 1]
    close = text.find(quote, start + 1, line_end)
    while close > 0 and quote == b'"' and _escaped(text, start, close):
        close = text.find(quote, close + 1, line_end)
    if close < 0:
        return Issue("WL001", start, line_end, "unterminated string: add the closing quote")
    _, problems = decode_string(text[start : close + 1])
    if problems:
        p_start, p_end, message = problems[0]
        return Issue("WL002", start + p_start, start + p_end, message)
    return Issue("WL001", start, close + 1, "invalid string")


def _escaped(text: bytes, start: int, idx: int) -> bool:
    slashes = 0
    while idx - 1 - slashes > start and text[idx - 1 - slashes] == 0x5C:
        slashes += 1
    return slashes % 2 == 1


def _shown(raw: bytes) -> str:
    shown = raw.decode("utf-8", "replace").split("\n", 1)[0]
    return shown if len(shown) <= 30 else shown[:29] + "…"
