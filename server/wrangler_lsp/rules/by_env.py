"""Running the rules env by env, reusing the findings of every env whose text did not change.

Most rules read the top level and one env (and WL322 whether the file has syntax issues: part of the
key). So the findings of env X are those of a *view* of the config
that holds the top level and only X (and the top level's own findings those of a view without envs):
this equals a whole run on every config of the corpus and every rule fixture
(`tests/unit/perf/test_by_env.py`). A view's findings are remembered with the text that produced them:
the bytes of the top level's pieces (sections, pairs) and of X's pieces, and their layout relative to
each other. When an edit leaves both unchanged, X's findings are reused and only re-anchored: each span
is stored relative to the piece it lies in, and put back at that piece's new place. So an edit in one env
costs that env's rules, whatever the number of untouched envs.

Rules that compare envs or read the workspace (syntax WL0xx, cross-Worker WL5xx) run whole every time.
Reused findings carry their fixes' titles but not their edits (a fix's edits are built from the text it
was found in): code actions and fix-all use a whole run (`Document.findings_with_fixes`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from wrangler_lsp import config
from wrangler_lsp.config import Array, ArrayStyle, Table, TableStyle, shift
from wrangler_lsp.rules.api import Finding, Fix, Related
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.registry import RULES
from wrangler_lsp.rules.run import check
from wrangler_lsp.settings import Settings
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span

WHOLE = frozenset(rule.code for rule in RULES if rule.code.startswith(("WL0", "WL5")))
"""Rules run on the whole config every time: syntax issues, and cross-Worker rules (workspace)."""
_BY_VIEW = tuple(rule for rule in RULES if rule.code not in WHOLE)

Signature = tuple[bool, tuple[bytes, ...], tuple[int, ...]]
"""Whether the file has syntax issues (WL322 stays silent then), the pieces' bytes, and their layout."""
Anchor = tuple[str, int, int, int]
"""Where a span lies: owner (`top` or `env`), index of the piece in the owner's pieces, start and end
relative to that piece's start."""


@dataclass(frozen=True, slots=True)
class Change:
    """An edit applied in place to the config (`config.patch`): one string's text in env `env` (None: the
    top level) changed. `before` is the source it was applied to; the edit at `start` made it `delta` bytes
    longer (or shorter)."""

    before: bytes
    start: int
    delta: int
    env: str | None


Stored = list[tuple[Finding, tuple[Anchor, ...]]]


@dataclass(slots=True)
class _View:
    """One view's findings: anchored to its pieces (`stored`, reusable for the same text anywhere) and
    as they are in the memo's source (`current`), with the signatures of the text they came from."""

    top_sig: Signature
    sig: Signature | None
    stored: Stored | None
    """None when a finding lies outside the view's pieces: the view is then not reused."""
    current: list[Finding]


@dataclass
class Memo:
    """Findings per view for one settings, as of `source` (the text they were last computed for)."""

    settings: Settings
    source: bytes | None = None
    top: _View | None = None
    envs: dict[str, _View] = field(default_factory=dict)


def check_by_env(
    ctx: Context, settings: Settings, memo: Memo | None, changes: Sequence[Change] | None = None
) -> tuple[list[Finding], Memo]:
    """Every finding, as `run.check` gives them; env views whose text is unchanged are not run again.

    With `changes` (the in-place edits that led to `ctx.source`, if they are all known), the envs they
    did not touch keep their findings, moved past the edits, without comparing any text.
    """
    if memo is None or memo.settings != settings:
        memo = Memo(settings)
    whole = [rule for rule in RULES if rule.code in WHOLE]
    findings = check(ctx, settings, whole)
    pending = _since(memo, changes, ctx.source)
    if pending is not None and memo.top is not None:
        findings += _check_changed(ctx, settings, memo, pending)
    else:
        findings += _check_all(ctx, settings, memo)
    memo.source = ctx.source
    findings.sort(key=lambda finding: (finding.span, finding.code))
    return findings, memo


def _since(memo: Memo, changes: Sequence[Change] | None, source: bytes) -> Sequence[Change] | None:
    """The changes made since the memo's source, if they are known and all inside envs."""
    if memo.source is source:
        return ()
    if changes is None or memo.source is None:
        return None
    for idx, change in enumerate(changes):
        if change.before is memo.source:
            pending = changes[idx:]
            return pending if all(change.env is not None for change in pending) else None
    return None


def _check_changed(ctx: Context, settings: Settings, memo: Memo, changes: Sequence[Change]) -> list[Finding]:
    """The envs `changes` touched run again; every other view's findings move past the edits."""
    assert memo.top is not None
    dirty = {change.env for change in changes}
    memo.top.current = _moved(memo.top.current, changes)
    findings = list(memo.top.current)
    top_pieces: list[Span] | None = None
    for name, entry in _envs(ctx.config.root).items():
        view = memo.envs.get(name)
        if view is not None and name not in dirty:
            view.current = _moved(view.current, changes)
        else:
            if top_pieces is None:
                top_pieces = _top_pieces(ctx.config.root, toml=ctx.format is Format.TOML)
            view, found = _run_env(ctx, settings, name, entry, memo.top.top_sig, top_pieces)
            if view.stored is not None:
                memo.envs[name] = view
            else:
                memo.envs.pop(name, None)
            findings += found
            continue
        findings += view.current
    return findings


def _moved(found: list[Finding], changes: Sequence[Change]) -> list[Finding]:
    out = found
    for change in changes:
        at, delta = change.start, change.delta
        if delta and out and max(_last_end(finding) for finding in out) > at:
            out = [_moved_finding(finding, at, delta) if _last_end(finding) > at else finding for finding in out]
    return out


def _last_end(finding: Finding) -> int:
    """Where the last of the finding's spans (its own and its related ones) ends."""
    end = finding.span.end
    for related in finding.related:
        end = max(end, related.span.end)
    return end


def _moved_finding(finding: Finding, at: int, delta: int) -> Finding:
    """`finding` past an edit at `at` (built directly: `dataclasses.replace` costs ten times more)."""
    related = tuple(Related(shift.moved(rel.span, at, delta), rel.message) for rel in finding.related)
    return Finding(
        finding.code,
        finding.severity,
        finding.origin,
        shift.moved(finding.span, at, delta),
        finding.message,
        finding.env,
        finding.path,
        finding.fixes,
        related,
        finding.data,
    )


def _check_all(ctx: Context, settings: Settings, memo: Memo) -> list[Finding]:
    """Every view, reusing those whose text (top level and env) is unchanged."""
    root = ctx.config.root
    top_pieces = _top_pieces(root, toml=ctx.format is Format.TOML)
    top_sig = _signature(ctx.source, top_pieces, bool(ctx.config.issues))
    if memo.top is not None and memo.top.top_sig == top_sig:
        memo.top.current = _restore(memo.top.stored or [], top_pieces, [])
        findings = list(memo.top.current)
    else:
        findings = [f for f in check(_view_context(ctx, None), settings, _BY_VIEW) if f.env is None]
        top = _view(findings, top_sig, None, top_pieces, [])
        memo.top = top if top.stored is not None else None
    kept: dict[str, _View] = {}
    for name, entry in _envs(root).items():
        pieces = _merge(_pieces(entry.value, [entry.span]))
        sig = _signature(ctx.source, pieces, bool(ctx.config.issues))
        view = memo.envs.get(name)
        if view is not None and view.stored is not None and view.top_sig == top_sig and view.sig == sig:
            view.current = _restore(view.stored, top_pieces, pieces)
            findings += view.current
        else:
            view, found = _run_env(ctx, settings, name, entry, top_sig, top_pieces, pieces, sig)
            findings += found
        if view.stored is not None:
            kept[name] = view
    memo.envs = kept
    return findings


def _envs(root: Table) -> dict[str, config.Entry]:
    env_table = root.get("env")
    return env_table.entries if isinstance(env_table, Table) else {}


def _run_env(
    ctx: Context,
    settings: Settings,
    name: str,
    entry: config.Entry,
    top_sig: Signature,
    top_pieces: list[Span],
    pieces: list[Span] | None = None,
    sig: Signature | None = None,
) -> tuple[_View, list[Finding]]:
    """Env `name`'s view run: its findings, and the view to remember (see `_view`)."""
    if pieces is None:
        pieces = _merge(_pieces(entry.value, [entry.span]))
        sig = _signature(ctx.source, pieces, bool(ctx.config.issues))
    found = [f for f in check(_view_context(ctx, name), settings, _BY_VIEW) if f.env is not None]
    return _view(found, top_sig, sig, top_pieces, pieces), found


def _view(found: list[Finding], top_sig: Signature, sig: Signature | None, top: list[Span], env: list[Span]) -> _View:
    """A view's findings to remember. Their fixes' edits are left out: they were built from this version's
    text, and a later version reusing the findings must not build them (code actions run the rules whole).
    """
    stored = _store(found, top, env)
    return _View(top_sig, sig, stored, [finding for finding, _ in stored] if stored is not None else [])


def _view_context(ctx: Context, env_name: str | None) -> Context:
    """The context of a view: the top level, and only env `env_name` (no env at all for None)."""
    root = ctx.config.root
    entries = {key: entry for key, entry in root.entries.items() if key != "env"}
    env_entry = root.entries.get("env")
    if env_name is not None and env_entry is not None and isinstance(env_entry.value, Table):
        env_table = env_entry.value
        only = Table(
            env_table.path,
            env_table.span,
            env_table.style,
            {env_name: env_table.entries[env_name]},
            list(env_table.sections),
        )
        entries["env"] = config.Entry(env_entry.key, env_entry.key_span, env_entry.full_key_span, env_entry.span, only)
    view = Table(root.path, root.span, root.style, entries, list(root.sections))
    return Context(
        ctx.format,
        ctx.source,
        config.Config(view, ctx.config.issues),
        workspace=ctx.workspace,
        file_name=ctx.file_name,
    )


def _top_pieces(root: Table, *, toml: bool) -> list[Span]:
    # A TOML root's section is its pairs before the first header; a JSON root's is the whole file, whose
    # members are the pieces instead.
    spans = [section.body for section in root.sections] if toml else []
    for key, entry in root.entries.items():
        if key != "env":
            spans.append(entry.span)
            _pieces(entry.value, spans)
    env = root.entries.get("env")
    if toml and env is not None and isinstance(env.value, Table):
        # The `env` table's own text (a `[env]` section with dotted `x.y` pairs) belongs to the top level.
        # (In JSON the env object's braces only hold the env members, which are the envs' own pieces.)
        spans += [section.body for section in env.value.sections]
    return _merge(spans)


_HEADED = (TableStyle.HEADER, TableStyle.ARRAY_ITEM, TableStyle.IMPLICIT, TableStyle.DOTTED)


def _pieces(node: config.Node, spans: list[Span]) -> list[Span]:
    """Every span of text that writes `node`: its sections, and its sub-tables' (recursively).

    Inside a `[header]` section only sub-tables with sections of their own are visited: everything else
    (pairs, dotted keys, inline values) lies within the section.
    """
    if isinstance(node, Table):
        style = node.style
        if style is TableStyle.INLINE or style is TableStyle.OBJECT:
            spans.append(node.span)
            return spans
        spans.extend(section.body for section in node.sections)
        loose = style is TableStyle.IMPLICIT or style is TableStyle.DOTTED
        for entry in node.entries.values():
            value = entry.value
            if loose:
                spans.append(entry.span)
            if isinstance(value, Table):
                if value.style in _HEADED:
                    _pieces(value, spans)
            elif isinstance(value, Array) and value.style is ArrayStyle.TABLES:
                for item in value.items:
                    _pieces(item, spans)
    elif isinstance(node, Array) and node.style is ArrayStyle.TABLES:
        for item in node.items:
            _pieces(item, spans)
    else:
        spans.append(node.span)
    return spans


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def _signature(source: bytes, pieces: Sequence[Span], broken: bool) -> Signature:
    first = pieces[0].start if pieces else 0
    return broken, tuple(source[p.start : p.end] for p in pieces), tuple(p.start - first for p in pieces)


def _store(found: list[Finding], top: list[Span], env: list[Span]) -> list[tuple[Finding, tuple[Anchor, ...]]] | None:
    """The findings with each span anchored to its piece; None if a span lies in no piece (not reusable)."""
    stored = []
    for finding in found:
        anchors = []
        for span in (finding.span, *(related.span for related in finding.related)):
            anchor = _anchor(span, top, "top") or _anchor(span, env, "env")
            if anchor is None:
                return None
            anchors.append(anchor)
        fixes = tuple(Fix(fix.title, _not_rebuilt, fix.preferred) for fix in finding.fixes)
        stored.append((replace(finding, fixes=fixes), tuple(anchors)))
    return stored


def _anchor(span: Span, pieces: list[Span], owner: str) -> Anchor | None:
    idx = bisect_right([p.start for p in pieces], span.start) - 1
    if idx >= 0 and span.end <= pieces[idx].end:
        base = pieces[idx].start
        return owner, idx, span.start - base, span.end - base
    return None


def _restore(stored: list[tuple[Finding, tuple[Anchor, ...]]], top: list[Span], env: list[Span]) -> list[Finding]:
    out = []
    for finding, anchors in stored:
        spans = [_place(anchor, top, env) for anchor in anchors]
        related = tuple(Related(span, rel.message) for span, rel in zip(spans[1:], finding.related, strict=True))
        out.append(replace(finding, span=spans[0], related=related))
    return out


def _place(anchor: Anchor, top: list[Span], env: list[Span]) -> Span:
    owner, idx, start, end = anchor
    base = (top if owner == "top" else env)[idx].start
    return Span(base + start, base + end)


def _not_rebuilt() -> tuple[()]:
    return ()
