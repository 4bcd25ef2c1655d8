"""Conversions between the analysis's plain data and lsprotocol types, in the negotiated encoding.

This is the only module that builds `types.Position`/`types.Range`/`types.Diagnostic` from internal
byte spans, and the only one that reads client positions into byte offsets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from lsprotocol.converters import get_converter

from wrangler_lsp import rules
from wrangler_lsp.document import Document
from wrangler_lsp.features import code_actions
from wrangler_lsp.rules.findings import Findings, Lazy
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import LineIndex, PositionEncoding, Span, TextEdit

if TYPE_CHECKING:
    from wrangler_lsp.lsp.session import Server

SOURCE = "wrangler-lsp"
_CONVERTER = get_converter()

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFORMATION: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def encoding(kind: str | types.PositionEncodingKind) -> PositionEncoding:
    """Our encoding for the negotiated `PositionEncodingKind`."""
    return PositionEncoding(str(kind.value if isinstance(kind, types.PositionEncodingKind) else kind))


def position(index: LineIndex, offset: int, enc: PositionEncoding) -> types.Position:
    line, character = index.position(offset, enc)
    return types.Position(line=line, character=character)


def to_range(index: LineIndex, span: Span, enc: PositionEncoding) -> types.Range:
    return types.Range(start=position(index, span.start, enc), end=position(index, span.end, enc))


def offset(index: LineIndex, pos: types.Position, enc: PositionEncoding) -> int:
    return index.offset(pos.line, pos.character, enc)


def to_span(index: LineIndex, rng: types.Range, enc: PositionEncoding) -> Span:
    start = offset(index, rng.start, enc)
    return Span(start, max(start, offset(index, rng.end, enc)))


def apply_changes(
    doc: Document,
    version: int,
    changes: Sequence[types.TextDocumentContentChangeEvent],
    enc: PositionEncoding,
) -> Document:
    """The document after LSP content changes, each in the positions of the text before it.

    Intermediate documents only splice text; their parse is deferred, so the edits reach the parser
    together and the text is parsed once.
    """
    for change in changes:
        new_text = change.text.encode("utf-8", "surrogatepass")
        if isinstance(change, types.TextDocumentContentChangePartial):
            span = to_span(doc.line_index, change.range, enc)
            edit = TextEdit(span.start, span.end, new_text)
        else:
            edit = TextEdit(0, len(doc.source), new_text)
        doc = doc.edited(version, [edit])
    return doc


def diagnostic_json(doc: Document, finding: rules.Finding, enc: PositionEncoding) -> dict[str, Any]:
    """A diagnostic as the plain JSON the client receives, with its fixes (in LSP terms) in `data`.

    Built directly: publishing hundreds of diagnostics through lsprotocol objects and cattrs costs
    about 60 us each, this about 5 (`docs/performance.md`).
    """
    index = doc.line_index
    data: dict[str, Any] = {
        "env": finding.env,
        "path": finding.path,
        "fixes": [{"title": fix.title, "preferred": fix.preferred} for fix in finding.fixes],
        **{key: value for key, value in finding.data.items() if _is_json(value)},
    }
    out: dict[str, Any] = {
        "range": _range_json(index, finding.span, enc),
        "message": finding.message,
        "severity": _SEVERITY[finding.severity].value,
        "code": finding.code,
        "source": SOURCE,
    }
    if finding.related:
        out["relatedInformation"] = [
            {"location": {"uri": doc.uri, "range": _range_json(index, rel.span, enc)}, "message": rel.message}
            for rel in finding.related
        ]
    out["data"] = data
    return out


def _range_json(index: LineIndex, span: Span, enc: PositionEncoding) -> dict[str, dict[str, int]]:
    line, character = index.position(span.start, enc)
    end_line, end_character = index.position(span.end, enc)
    return {"start": {"line": line, "character": character}, "end": {"line": end_line, "character": end_character}}


def to_diagnostic(doc: Document, finding: rules.Finding, enc: PositionEncoding) -> types.Diagnostic:
    """`diagnostic_json` as an lsprotocol object (for code actions, which embed the diagnostics they fix)."""
    diagnostic: types.Diagnostic = _CONVERTER.structure(diagnostic_json(doc, finding, enc), types.Diagnostic)
    return diagnostic


def _is_json(value: object) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list | tuple):
        return all(_is_json(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    return False


_Key = tuple[object, ...]
MAX_EDITS_SEEN = 64
"""Past this many in-place edits between two publishes, every view is encoded afresh (from its cache)."""


@dataclass(slots=True)
class _Chunk:
    """One view's diagnostics as published: their JSON text (comma-separated), the lines their ranges
    start or end on, which findings they came from (`generation`), and each diagnostic's text by key
    and by finding (to encode the view's next version)."""

    generation: int
    text: str
    lines: set[int]
    by_key: dict[_Key, tuple[object, str]]
    by_id: dict[int, tuple[rules.Finding, _Key, str]]


class EncodedDiagnostics:
    """One document's diagnostics as JSON text, reused from the previous publish when unchanged.

    After a keystroke nearly every diagnostic says the same thing at the same client position (findings
    after the edit moved in bytes, not in lines). Given a `Findings` (the by-view analysis), a view whose
    findings were not recomputed since the last publish (same `generation`) keeps its JSON text as is when
    the in-place edits since (`Findings.log`: never a line break added or removed) lie on none of the lines
    its ranges start or end on: its findings are not even read. Other views are encoded diagnostic by
    diagnostic, each keyed by what its JSON holds (code, message, positions, env, path, related places,
    fix titles, and its data: the same object when the finding was reused) and encoded once. After
    in-place edits a publish does not even visit the untouched views (`_in_place`): a keystroke costs the
    edited view's diagnostics, and a join only if some view's text changed.
    Diagnostics are published view by view (`Findings.in_views`), the same order for the same text.
    """

    def __init__(self) -> None:
        self._log: list[tuple[int, int]] | None = None
        self._upto = 0
        self._encoding: PositionEncoding | None = None
        self._last: Findings | None = None
        """The analysis last published, when by views: `_in_place` starts from it."""
        self._slots: list[tuple[tuple[str, ...], _Chunk]] = []
        """The last publish's views' keys and chunks, in its order (one `("all",)` chunk when not by views)."""
        self._by_line: dict[int, set[int]] = {}
        """For each line, the places in `_slots` of the chunks with a range starting or ending on it
        (a superset: a chunk encoded again may have left a line)."""
        self._text = "[]"
        """The array last returned."""

    def array(self, doc: Document, findings: Iterable[rules.Finding], enc: PositionEncoding) -> str:
        """The diagnostics of `findings` as a JSON array (text)."""
        index = doc.line_index
        if enc is not self._encoding:
            self._slots = []
        self._encoding = enc
        if not isinstance(findings, Findings):
            self._log, self._last = None, None
            whole = _encode(doc, index, findings, enc, dict(self._slots).get(("all",)), -1, None)
            self._slots = [(("all",), whole)]
            return "[" + whole.text + "]"
        edited = self._edited_lines(findings, index)
        last, self._last = self._last, findings
        if edited is not None and last is not None and self._slots:
            replaced = findings.replaced_since(last)
            if replaced is not None and self._in_place(doc, findings, enc, edited, replaced):
                self._log, self._upto = findings.log, findings.upto
                return self._text
        previous = dict(self._slots)
        slots: list[tuple[tuple[str, ...], _Chunk]] = []
        for view in findings.views:
            chunk = previous.get(view.key)
            if chunk is None or not _still(chunk, view, edited):
                chunk = _encode(doc, index, findings.of(view), enc, chunk, view.generation, edited)
            slots.append((view.key, chunk))
        self._log, self._upto, self._slots = findings.log, findings.upto, slots
        self._by_line = {}
        for place, (_, chunk) in enumerate(slots):
            for line in chunk.lines:
                self._by_line.setdefault(line, set()).add(place)
        self._text = _joined(slots)
        return self._text

    def _in_place(
        self, doc: Document, findings: Findings, enc: PositionEncoding, edited: set[int], replaced: set[int]
    ) -> bool:
        """After in-place edits only (`edited`: their lines), encode again only the views run again since
        the last publish (`replaced`) and those with a range on an edited line: O(changed), not O(views).
        The array is joined again only if a chunk's text changed. False (nothing done) if a view is not
        where it was."""
        places = set(replaced)
        for line in edited:
            places |= self._by_line.get(line, set())
        views, slots = findings.views, self._slots
        if any(views[place].key != slots[place][0] for place in places):
            return False
        changed = False
        for place in sorted(places):
            view = views[place]
            key, chunk = slots[place]
            if _still(chunk, view, edited):
                continue
            new = _encode(doc, doc.line_index, findings.of(view), enc, chunk, view.generation, edited)
            slots[place] = (key, new)
            for line in new.lines - chunk.lines:
                self._by_line.setdefault(line, set()).add(place)
            changed = changed or new.text != chunk.text
        if changed:
            self._text = _joined(slots)
        return True

    def _edited_lines(self, findings: Findings, index: LineIndex) -> set[int] | None:
        """The lines of the in-place edits since the last publish; None if they are not all known."""
        if findings.log is not self._log or not self._upto <= findings.upto <= self._upto + MAX_EDITS_SEEN:
            return None
        shifts = findings.log[self._upto : findings.upto]
        lines = set()
        for idx, (at, _) in enumerate(shifts):
            for later, delta in shifts[idx + 1 :]:
                if at > later:
                    at += delta  # where the edit lies in the current text (lines are the same in all)
            lines.add(index.line_of(at))
        return lines


def _still(chunk: _Chunk, view: Lazy, edited: set[int] | None) -> bool:
    """Whether `chunk` (the view's last publish) is still its text: the same findings, and no edit since
    on a line its ranges start or end on."""
    return chunk.generation == view.generation and edited is not None and edited.isdisjoint(chunk.lines)


def _joined(slots: list[tuple[tuple[str, ...], _Chunk]]) -> str:
    """The chunks' diagnostics as one JSON array (one copy of the text: `"[" + text + "]"` makes two)."""
    parts = ["["]
    for _, chunk in slots:
        if chunk.text:
            parts.append(chunk.text)
            parts.append(",")
    parts[-1] = "]" if len(parts) > 1 else "[]"
    return "".join(parts)


def _encode(
    doc: Document,
    index: LineIndex,
    findings: Iterable[rules.Finding],
    enc: PositionEncoding,
    old: _Chunk | None,
    generation: int,
    edited: set[int] | None,
) -> _Chunk:
    """A view's diagnostics, each reused from `old` (the view's last publish) when unchanged.

    A finding that is the very object of the last publish kept its bytes, but its client position moved
    if an edit since lies on one of its lines (typing `é` over `Ro` keeps the bytes' count, not the UTF-16
    units'): it is reused as is only when the edits since are known (`edited`) and on none of its lines.
    """
    previous = old.by_key if old is not None else {}
    same = old.by_id if old is not None else {}
    by_key: dict[_Key, tuple[object, str]] = {}
    by_id: dict[int, tuple[rules.Finding, _Key, str]] = {}
    lines: set[int] = set()
    parts = []
    for finding in findings:
        hit = same.get(id(finding))
        if hit is not None and hit[0] is finding and edited is not None and not _meets(hit[1], edited):
            # The very finding of the last publish: reused findings are new objects once an edit
            # before them moved them, so its text (and its client position) is unchanged.
            key, text = hit[1], hit[2]
        else:
            related = tuple((_place(index, rel.span, enc), rel.message) for rel in finding.related)
            key = (
                finding.code,
                finding.severity,
                finding.message,
                finding.env,
                finding.path,
                _place(index, finding.span, enc),
                related,
                tuple((fix.title, fix.preferred) for fix in finding.fixes),
            )
            cached = previous.get(key)
            if cached is not None and cached[0] is finding.data:
                text = cached[1]
            else:
                text = json.dumps(diagnostic_json(doc, finding, enc), separators=(",", ":"))
        by_key[key] = (finding.data, text)
        by_id[id(finding)] = (finding, key, text)
        _add_lines(lines, key)
        parts.append(text)
    return _Chunk(generation, ",".join(parts), lines, by_key, by_id)


def _meets(key: _Key, lines: set[int]) -> bool:
    """Whether a diagnostic's ranges (its own and its related ones) start or end on one of `lines`."""
    mine: set[int] = set()
    _add_lines(mine, key)
    return not mine.isdisjoint(lines)


def _add_lines(lines: set[int], key: _Key) -> None:
    """The lines a diagnostic's ranges (its own and its related ones) start and end on."""
    place = key[5]
    assert isinstance(place, tuple)
    lines.add(place[0])
    lines.add(place[2])
    related = key[6]
    assert isinstance(related, tuple)
    for rel_place, _ in related:
        lines.add(rel_place[0])
        lines.add(rel_place[2])


def _place(index: LineIndex, span: Span, enc: PositionEncoding) -> tuple[int, int, int, int]:
    return (*index.position(span.start, enc), *index.position(span.end, enc))


def text_edits(index: LineIndex, edits: Iterable[rules.Edit], enc: PositionEncoding) -> list[types.TextEdit]:
    return [types.TextEdit(range=to_range(index, edit.span, enc), new_text=edit.new_text) for edit in edits]


def workspace_edit(ls: Server, uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    """A versioned edit when the client supports `documentChanges`, else a plain `changes` map."""
    caps = ls.client_capabilities.workspace
    edit_caps = caps.workspace_edit if caps is not None else None
    if edit_caps is not None and edit_caps.document_changes:
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=identifier, edits=list(edits))]
        )
    return types.WorkspaceEdit(changes={uri: list(edits)})


def to_code_action(ls: Server, doc: Document, action: code_actions.Action, enc: PositionEncoding) -> types.CodeAction:
    diagnostics = [to_diagnostic(doc, action.finding, enc)] if action.finding is not None else None
    kind = types.CodeActionKind.QuickFix if action.kind == code_actions.QUICKFIX else action.kind
    return types.CodeAction(
        title=action.title,
        kind=kind,
        diagnostics=diagnostics,
        is_preferred=action.preferred or None,
        edit=workspace_edit(ls, doc.uri, doc.version, text_edits(doc.line_index, action.edits, enc)),
    )
