"""TOML edits in the style of the table being edited.

- `[a]` / `[[a]]` sections (HEADER, ARRAY_ITEM): a new pair gets its own line after the last pair of
  the table's last section, at the indentation of that section's pairs, before the comments and blank
  lines that lead to the next section.
- The root: the same after the last pair before the first header; with no root pair, before the first
  header and the comment lines directly above it.
- Inline tables: `{ a = 1 }` → `{ a = 1, key = value }`; `{}` → `{ key = value }`.
- Dotted tables (`a.b = 1`): a pair `a.key = value` after the table's last pair, with the prefix as
  written; inside an inline table, as a member of it.
- Implicit tables (`a` of `[a.b]`): a new `[a]` section with the pair, just before the first section
  that names `a` (and the comments above it). This defines the table explicitly, which TOML allows once.

A new `[x]` / `[[x]]` section goes after the last section of the part of the tree it belongs to
(`after`, or the array's last element, or the deepest existing table of its path), separated by a blank
line. Headers are absolute, so only that order decides where it lands inside arrays of tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wrangler_lsp.config import Array, ArrayStyle, Entry, Key, Node, Section, Table, TableStyle, walk
from wrangler_lsp.edits import layout, members
from wrangler_lsp.edits.edit import Edit, insert
from wrangler_lsp.edits.render import render_key, render_value, toml_header
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span

_SECTIONED = (TableStyle.HEADER, TableStyle.IMPLICIT, TableStyle.ARRAY_ITEM)
_TOML = Format.TOML


def set_key(source: bytes, table: Table, key: str, value: object) -> tuple[Edit, ...]:
    """Edits that give `table` the pair `key = value` (replacing the value if `key` exists)."""
    entry = table.entries.get(key)
    if entry is not None:
        return (replace_value(source, entry, value),)
    pair = f"{render_key(_TOML, key)} = {render_value(_TOML, value)}"
    style = table.style
    if style is TableStyle.INLINE:
        body = table.sections[0].body
        spans = sorted(pair_spans(table))
        return members.append_member(source, _TOML, body.start, body.end - 1, spans, lambda _: pair, " ")
    if style is TableStyle.DOTTED:
        spans = pair_spans(table)
        last = max(spans, key=lambda span: span.end)
        text = _dotted_prefix(source, table) + pair
        if _in_inline(source, last.end):
            return (insert(last.end, ", " + text),)
        first = min(spans)
        return (_line_after(source, last.end, layout.indent_of(source, first.start) + text),)
    if style is TableStyle.IMPLICIT:
        header = f"[{toml_header(table.path)}]"
        at = layout.attached_start(source, table.span.start)
        indent = layout.indent_of(source, table.span.start)
        nl = layout.newline(source)
        return (insert(at, indent + header + nl + indent + pair + nl + nl),)
    if style is TableStyle.ROOT:
        return (_root_pair(source, table, pair),)
    section = table.sections[-1]
    assert section.header is not None, table.path
    pair_indent = _pair_indent(source, section)
    if pair_indent is None:
        return (_line_after(source, section.header.end, layout.indent_of(source, section.header.start) + pair),)
    return (_line_after(source, section.body.end, pair_indent + pair),)


def replace_value(source: bytes, entry: Entry, value: object) -> Edit:
    """The edit that writes `value` in place of the value of a `key = value` pair."""
    node = entry.value
    if isinstance(node, Table) and node.style is not TableStyle.INLINE:
        raise ValueError(f"`{entry.key}` is a {node.style.value} table, not a value")
    if isinstance(node, Array) and node.style is ArrayStyle.TABLES:
        raise ValueError(f"`{entry.key}` is an array of tables, not a value")
    return Edit(node.span, render_value(_TOML, value))


def remove_key(source: bytes, table: Table, key: str) -> tuple[Edit, ...]:
    """Edits that remove `key` and its value: its lines, its inline member, or all its sections."""
    entry = table.entries.get(key)
    if entry is None:
        return ()
    node = entry.value
    if (isinstance(node, Table) and node.style in _SECTIONED) or (
        isinstance(node, Array) and node.style is ArrayStyle.TABLES
    ):
        return _remove_sections(source, node)
    spans = pair_spans(node) if isinstance(node, Table) and node.style is TableStyle.DOTTED else [entry.span]
    if table.style is TableStyle.INLINE or _in_inline(source, spans[0].end):
        return members.remove_inline_pairs(source, spans)
    lines = sorted({(layout.line_start(source, s.start), layout.next_line_start(source, s.end)) for s in spans})
    return tuple(Edit(Span(start, end), "") for start, end in lines)


def add_section(
    source: bytes,
    root: Table,
    path: Sequence[str],
    pairs: Mapping[str, object],
    array: bool,
    anchor: Node | None,
) -> tuple[Edit, ...]:
    """Edits that add a `[path]` (or `[[path]]` when `array`) section with `pairs` after `anchor`'s text.

    `anchor` is the node whose last section the new one follows; None puts it after the root's keys and
    non-`env` sections (before the first header when there are none), or at the end for an `env.` path.
    """
    nl = layout.newline(source)
    name = toml_header(path)
    header = f"[[{name}]]" if array else f"[{name}]"
    header_indent = pair_indent = ""
    point = _root_point(root, path) if anchor is None else _section_end(root, _subtree_end(anchor))
    section = _section_at(root, point) if point is not None else None
    if section is not None and section.header is not None:
        header_indent = layout.indent_of(source, section.header.start)
        pair_indent = _pair_indent(source, section) or header_indent
    lines = [header_indent + header] + [
        f"{pair_indent}{render_key(_TOML, k)} = {render_value(_TOML, v)}" for k, v in pairs.items()
    ]
    block = nl.join(lines)
    if point is None:
        first = _first_header(root)
        if first is None:
            return (_at_end(source, block),)
        return (insert(layout.attached_start(source, first), block + nl + nl),)
    end = layout.line_end(source, point)
    if end == len(source):
        return (insert(end, nl + nl + block),)
    at = layout.next_line_start(source, point)
    following = source[at : layout.line_end(source, at)].strip()
    return (insert(at, nl + block + nl + (nl if following else "")),)


def pair_spans(table: Table) -> list[Span]:
    """The spans of the `key = value` pairs that give `table` its keys (in every section, dotted keys too)."""
    out: list[Span] = []
    for entry in table.entries.values():
        node = entry.value
        if isinstance(node, Table) and node.style is TableStyle.DOTTED:
            out.extend(pair_spans(node))
        elif not (isinstance(node, Table) and node.style in _SECTIONED) and not (
            isinstance(node, Array) and node.style is ArrayStyle.TABLES
        ):
            out.append(entry.span)
    return out


def array_item_text(value: Mapping[str, object]) -> str:
    """An inline table for a new element of an inline array of tables."""
    return render_value(_TOML, dict(value))


def _pair_indent(source: bytes, section: Section) -> str | None:
    """The indentation of the first pair of a header section, None if it has none."""
    assert section.header is not None
    pos = layout.next_line_start(source, section.header.end)
    while pos < section.body.end:
        line = source[pos : layout.line_end(source, pos)].strip()
        if line and not line.startswith(b"#"):
            return layout.indent_of(source, pos)
        pos = layout.next_line_start(source, pos)
    return None


def _dotted_prefix(source: bytes, table: Table) -> str:
    """The key before the last part of the table's pairs, as written: `a.` for `a.b = 1`."""
    entry = next(iter(table.entries.values()))
    return source[entry.full_key_span.start : entry.key_span.start].decode()


def _in_inline(source: bytes, pair_end: int) -> bool:
    """Whether the pair ending at `pair_end` is a member of an inline table (a `,` or `}` follows it)."""
    rest = source[pair_end : layout.line_end(source, pair_end)].lstrip(b" \t")
    return rest[:1] in (b",", b"}")


def _line_after(source: bytes, offset: int, line: str) -> Edit:
    """Insert `line` as a new line after the line of `offset`."""
    nl = layout.newline(source)
    end = layout.line_end(source, offset)
    if end == len(source):
        return insert(end, nl + line)
    return insert(layout.next_line_start(source, offset), line + nl)


def _at_end(source: bytes, text: str) -> Edit:
    nl = layout.newline(source)
    if not source.strip():
        return insert(len(source), text + nl)
    if source.endswith(b"\n"):
        return insert(len(source), nl + text + nl)
    return insert(len(source), nl + nl + text)


def _root_pair(source: bytes, root: Table, pair: str) -> Edit:
    spans = pair_spans(root)
    if spans:
        return _line_after(source, max(span.end for span in spans), layout.indent_of(source, min(spans).start) + pair)
    first = _first_header(root)
    nl = layout.newline(source)
    if first is None:
        return _at_end(source, pair)
    return insert(layout.attached_start(source, first), pair + nl + nl)


def _first_header(root: Table) -> int | None:
    starts = [s.header.start for n in walk(root) if isinstance(n, Table) for s in n.sections if s.header]
    return min(starts, default=None)


def _root_point(root: Table, path: Sequence[Key]) -> int | None:
    """Where a new section with no anchor goes: after the last root key or section that is not `env`."""
    keys = [k for k in root.entries if path[:1] == ("env",) or k != "env"]
    ends = [_subtree_end(root.entries[k].value) for k in keys]
    if not ends:
        return None
    return _section_end(root, max(ends))


def _subtree_end(node: Node) -> int:
    end = node.span.end
    for child in walk(node):
        end = max(end, child.span.end)
        if isinstance(child, Table):
            for section in child.sections:
                end = max(end, section.body.end)
    return end


def _section_at(root: Table, offset: int) -> Section | None:
    for node in walk(root):
        if isinstance(node, Table):
            for section in node.sections:
                start = section.header.start if section.header else section.body.start
                if start <= offset <= section.body.end:
                    return section
    return None


def _section_end(root: Table, offset: int) -> int:
    """The end of the section holding `offset`, so that a new header never splits a section."""
    section = _section_at(root, offset)
    return section.body.end if section is not None else offset


def _remove_sections(source: bytes, node: Node) -> tuple[Edit, ...]:
    spans = []
    for child in walk(node):
        if isinstance(child, Table):
            for section in child.sections:
                if section.header is not None:
                    spans.append(
                        (
                            layout.line_start(source, section.header.start),
                            layout.next_line_start(source, section.body.end),
                        )
                    )
    return tuple(Edit(Span(start, end), "") for start, end in sorted(set(spans)))
