"""Adding and removing members of bracketed lists: JSON objects and arrays, TOML inline tables and arrays.

A list is its open bracket, close bracket and member spans (`"key": value`, `key = value` or an array
item). A list is *multi-line* when its last member starts its own line and the close bracket is on a
later line: a new member then gets its own line at the last member's indentation, after that member's
comment. Otherwise the member goes on the same line, after `, `. A trailing comma stays a trailing
comma; without one, the comma goes after the previous last member.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wrangler_lsp.edits import layout
from wrangler_lsp.edits.edit import Edit, insert
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span

Render = Callable[[str | None], str]
"""A member's text: on one line for `None`, else laid out for a line indented by the given string."""


def append_member(
    source: bytes,
    fmt: Format,
    open_pos: int,
    close_pos: int,
    members: Sequence[Span],
    render: Render,
    pad: str,
    expand: bool = False,
) -> tuple[Edit, ...]:
    """Edits that add `render`'s member after the last of `members` (or into the empty list).

    `pad` is written inside the brackets of a list that was empty and stays on one line (`{ a = 1 }`).
    An empty list is opened over lines, indented one level deeper, when `expand` is set.
    """
    nl = layout.newline(source)
    if not members:
        inside = Span(open_pos + 1, close_pos)
        if expand:
            base = layout.indent_of(source, open_pos)
            indent = base + layout.indent_unit(source)
            if source[inside.start : inside.end].strip() == b"":
                return (Edit(inside, nl + indent + render(indent) + nl + base),)
            return (insert(open_pos + 1, nl + indent + render(indent)),)
        return (Edit(inside, pad + render(None) + pad),)
    last = members[-1]
    comma = layout.comma_after(source, fmt, last.end)
    multi_line = layout.starts_line(source, last.start) and b"\n" in source[last.end : close_pos]
    if not multi_line:
        if comma is not None:
            return (insert(comma + 1, " " + render(None) + ","),)
        return (insert(last.end, ", " + render(None)),)
    indent = layout.indent_of(source, last.start)
    anchor = comma + 1 if comma is not None else last.end
    at = layout.line_end(source, anchor) if layout.rest_is_trivia(source, fmt, anchor) else anchor
    text = nl + indent + render(indent) + ("," if comma is not None else "")
    if comma is not None:
        return (insert(at, text),)
    if at == last.end:
        return (insert(at, "," + text),)
    return (insert(last.end, ","), insert(at, text))


def remove_members(
    source: bytes, fmt: Format, open_pos: int, close_pos: int, members: Sequence[Span], remove: Sequence[int]
) -> tuple[Edit, ...]:
    """Edits that remove the members at indices `remove` with the right commas.

    A member that has its own line(s) is removed with them (its comment too); the comma of the
    member before a removed last run goes when the list had no trailing comma. A list left with
    nothing but whitespace and commas becomes `{}` / `[]`.
    """
    if set(remove) >= set(range(len(members))):
        rest = bytearray(source[open_pos + 1 : close_pos])
        for span in members:
            rest[span.start - open_pos - 1 : span.end - open_pos - 1] = bytes(span.length)
        if rest.translate(None, b" \t\r\n,\x00") == b"":
            return (Edit(Span(open_pos + 1, close_pos), ""),)
    edits: list[Edit] = []
    for first, last in _runs(sorted(set(remove))):
        edits.extend(_remove_run(source, fmt, close_pos, members, first, last))
    return tuple(edits)


def remove_inline_pairs(source: bytes, spans: Sequence[Span]) -> tuple[Edit, ...]:
    """Edits that remove pairs of one TOML inline table (one line, no comments) with the right commas.

    Neighbours are found by reading the text: a comma after a pair means another pair follows (TOML 1.0
    inline tables have no trailing comma), a comma before it means one precedes.
    """
    ordered = sorted(spans)
    runs: list[list[Span]] = []
    for span in ordered:
        if runs and source[runs[-1][-1].end : span.start].strip(b" \t") == b",":
            runs[-1].append(span)
        else:
            runs.append([span])
    edits = []
    for run in runs:
        start, end = run[0].start, run[-1].end
        after = layout.skip_trivia(source, Format.TOML, end)
        if source[after : after + 1] == b",":
            edits.append(Edit(Span(start, layout.skip_trivia(source, Format.TOML, after + 1)), ""))
            continue
        before = len(source[:start].rstrip(b" \t"))
        if source[before - 1 : before] == b",":
            edits.append(Edit(Span(before - 1, end), ""))
        elif source[before - 1 : before] == b"{" and source[after : after + 1] == b"}":
            edits.append(Edit(Span(before, after), ""))
        else:
            edits.append(Edit(Span(start, end), ""))
    return tuple(edits)


def _runs(indices: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for idx in indices:
        if runs and runs[-1][1] == idx - 1:
            runs[-1] = (runs[-1][0], idx)
        else:
            runs.append((idx, idx))
    return runs


def _remove_run(
    source: bytes, fmt: Format, close_pos: int, members: Sequence[Span], first: int, last: int
) -> list[Edit]:
    has_next = last + 1 < len(members)
    comma = layout.comma_after(source, fmt, members[last].end)
    tail = comma + 1 if comma is not None else members[last].end
    own_lines = (
        layout.starts_line(source, members[first].start)
        and layout.rest_is_trivia(source, fmt, tail)
        and (layout.starts_line(source, members[last + 1].start) if has_next else True)
        and b"\n" in source[tail:close_pos]
    )
    if own_lines:
        edits = [
            Edit(
                Span(layout.line_start(source, members[first].start), layout.next_line_start(source, tail)),
                "",
            )
        ]
        if not has_next and comma is None and first > 0:
            previous = layout.comma_after(source, fmt, members[first - 1].end)
            if previous is not None:
                edits.append(Edit(Span(previous, previous + 1), ""))
        return edits
    if has_next:
        return [Edit(Span(members[first].start, members[last + 1].start), "")]
    if first > 0:
        return [Edit(Span(members[first - 1].end, members[last].end), "")]
    return [Edit(Span(members[first].start, tail), "")]
