"""Running the rules env by env, reusing the findings of every env whose text did not change.

Most rules read the top level and one env (and WL322 whether the file has syntax issues: part of the
key). So the findings of env X are those of a *view* of the config
that holds the top level and only X (and the top level's own findings those of a view without envs):
this equals a whole run on every config of the corpus and every rule fixture
(`tests/unit/perf/test_by_env.py`). A view's findings are remembered with the text that produced them:
the bytes of the top level's pieces (sections, pairs) and of X's pieces, and their layout relative to
each other. When an edit leaves both unchanged, X's findings are reused and only re-anchored: each span
is stored relative to the piece it lies in, and put back at that piece's new place. When the document
says which envs its in-place edits touched (`Change`), not even that: only those envs run, and the other
views are left as they are, moved past the edits when read (`rules/findings.py`). So an edit in one env
costs that env's rules, whatever the number of untouched envs.

The syntax rules (WL0xx) run whole every time. The cross-Worker rules (WL5xx) run per view too: a
view's findings then also depend on the names of the file's own Workers and on the other files of the
workspace, so every view runs again when either changes (`Memo.scope`): a Worker renamed, another file
indexed anew; not when the workspace refolds this file itself (`OtherFiles.key`).
Reused findings carry their fixes' titles but not their edits (a fix's edits are built from the text it
was found in): code actions and fix-all use a whole run (`Document.findings_with_fixes`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from wrangler_lsp import config
from wrangler_lsp.config import Table
from wrangler_lsp.rules import pieces as written
from wrangler_lsp.rules.api import Finding, Fix, Related
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.findings import Findings, Lazy, Shift
from wrangler_lsp.rules.pieces import Signature
from wrangler_lsp.rules.registry import RULES
from wrangler_lsp.rules.run import Broken, check
from wrangler_lsp.settings import Settings
from wrangler_lsp.syntax import Format
from wrangler_lsp.text import Span

WHOLE = frozenset(rule.code for rule in RULES if rule.code.startswith("WL0"))
"""Rules run on the whole config every time: syntax issues."""
_WHOLE_RULES = tuple(rule for rule in RULES if rule.code in WHOLE)
_BY_VIEW = tuple(rule for rule in RULES if rule.code not in WHOLE)

Anchor = tuple[str, int, int, int]
"""Where a span lies: owner (`top` or `env`), index of the piece in the owner's pieces, start and end
relative to that piece's start."""


@dataclass(frozen=True, slots=True)
class Change:
    """An edit that changed the text of envs `envs` only (None: maybe more), without a line break: a
    string patched in place (`config.patch`), or an edit built whose old and new text lie only in those
    envs' sections or members (`config.touched`). The text from `start` on moved by `delta` bytes (the
    text of the other views lies wholly before or after it)."""

    before: object
    """The version it was applied to: a token `Document` makes per version (not the text: kept for the
    last few changes, texts would cost a copy of the file each)."""
    start: int
    delta: int
    envs: frozenset[str] | None
    rebuilt: bool = False
    """Built rather than patched: the config's envs may differ from the last analysis's."""


Stored = list[tuple[Finding, tuple[Anchor, ...]]]

MAX_LOG = 1024
"""In-place edits a memo's shift log holds; the next analysis then compares text (`_check_all`), which
starts a new log. Bounds what reading a view that nobody read for a long time costs."""


@dataclass(slots=True)
class _View:
    """One view's findings: anchored to its pieces (`stored`, reusable for the same text anywhere) and
    as they are in the memo's version (`lazy`, moved past later in-place edits when read), with the
    signatures of the text they came from."""

    top_sig: Signature | None
    """None (equal to nothing) when a syntax issue lies in the top level's text (`rules/pieces.py`)."""
    sig: Signature | None
    stored: Stored | None
    """None when a finding lies outside the view's pieces: the view is then not reused."""
    lazy: Lazy
    broken: bool
    """Whether the file had syntax issues when the view ran."""
    sensitive: bool
    """Whether that mattered (`run.Broken`: a report that holds only for clean text, WL322's): the view
    is then reused only while the file stays as broken (or as clean) as it was."""

    def reusable(self, top_sig: Signature | None, sig: Signature | None, broken: bool) -> bool:
        return (
            self.stored is not None
            and top_sig is not None
            and self.top_sig == top_sig
            and self.sig == sig
            and (not self.sensitive or self.broken == broken)
        )


@dataclass
class Memo:
    """Findings per view for one settings, as of `version` (the text they were last computed for)."""

    settings: Settings
    scope: object = None
    """What the views read besides the text (`_scope`): the workspace, and the file's own Worker names."""
    version: object = None
    """The version the views were last computed for (its token, see `check_by_env`)."""
    top: _View | None = None
    """None when the top level's findings cannot be reused (every analysis then compares text)."""
    envs: dict[str, _View] = field(default_factory=dict)
    """Every env's view, in the config's order."""
    log: list[Shift] = field(default_factory=list)
    """The in-place edits since the views were last all placed (`_check_all`), in order."""
    order: list[Lazy] = field(default_factory=list)
    """The top level's findings, then each env's (as `envs`)."""
    index: dict[str, int] = field(default_factory=dict)
    """Each env's place in `order`."""
    replaced: list[int] = field(default_factory=list)
    """The places in `Findings.views` (`order`'s plus one) of the views run again since `_check_all`."""
    unreusable: set[str] = field(default_factory=set)
    """The envs whose view is not reused (`_View.stored` is None): they run on every analysis."""
    broken: bool = False
    """Whether that text had syntax issues."""


def check_by_env(
    ctx: Context,
    settings: Settings,
    memo: Memo | None,
    changes: Sequence[Change] | None = None,
    version: object = None,
) -> tuple[Findings, Memo]:
    """Every finding, as `run.check` gives them; env views whose text is unchanged are not run again.

    With `changes` (the in-place edits that led to `ctx.source`, if they are all known), only the envs
    they touched run again: the other views are not even read (their findings move past the edits when
    someone reads them, see `rules/findings.py`). `version` names this text for the changes' `before`
    (`ctx.source` itself when not given).
    """
    scope = _scope(ctx)
    if memo is None or memo.settings != settings or memo.scope != scope:
        memo = Memo(settings, scope)
    whole = check(ctx, settings, _WHOLE_RULES)
    version = ctx.source if version is None else version
    pending = _since(memo, changes, version)
    if pending is None or memo.top is None or not _check_changed(ctx, settings, memo, pending):
        _check_all(ctx, settings, memo)
    memo.version = version
    memo.broken = bool(ctx.config.issues)
    upto = len(memo.log)
    views = [Lazy(("whole",), whole, memo.log, upto), *memo.order]
    return Findings(views, memo.log, upto, memo.replaced), memo


def _scope(ctx: Context) -> object:
    """What cross-Worker findings read besides a view's text: the other files' Workers, and the names
    the file's own Workers deploy as (which `script_name`s point inside the file). Nothing without a
    workspace (they report nothing then), so no name is read."""
    workspace = ctx.workspace
    if workspace is None:
        return None
    return getattr(workspace, "key", object()), ctx.own_worker_names


def _since(memo: Memo, changes: Sequence[Change] | None, version: object) -> Sequence[Change] | None:
    """The changes made since the memo's version, if they are known and all inside envs."""
    if memo.version is version:
        return ()
    if changes is None or memo.version is None or len(memo.log) + len(changes) > MAX_LOG:
        return None
    for idx, change in enumerate(changes):
        if change.before is memo.version:
            pending = changes[idx:]
            return pending if all(change.envs is not None for change in pending) else None
    return None


def _check_changed(ctx: Context, settings: Settings, memo: Memo, changes: Sequence[Change]) -> bool:
    """The envs `changes` touched run again, the other views are left as they are; False (nothing done)
    if the config does not have the memo's envs (an in-place patch keeps the tree's shape: cannot happen).
    """
    assert memo.top is not None
    envs = _envs(ctx.config.root)
    dirty = {name for change in changes for name in change.envs or ()} | memo.unreusable
    if len(envs) != len(memo.envs) or any(name not in envs or name not in memo.envs for name in dirty):
        return False
    broken = bool(ctx.config.issues)
    if broken != memo.broken:  # a syntax issue came or went: rerun the views that depend on it
        if memo.top.sensitive:
            return False
        dirty |= {name for name, view in memo.envs.items() if view.sensitive}
    if any(change.rebuilt for change in changes) and list(envs) != list(memo.envs):
        return False  # a build may add, drop or reorder envs (an in-place patch cannot)
    memo.log.extend((change.start, change.delta) for change in changes)
    if not dirty:
        return True
    top_pieces = written.top_pieces(ctx.config.root, toml=ctx.format is Format.TOML)
    issues = written.Issues(ctx.config.issues)
    for name in dirty:
        spans, sig = _env_text(ctx, envs[name], issues)
        view = _run_env(ctx, settings, name, memo.top.top_sig, top_pieces, memo.log, spans, sig)
        memo.envs[name] = view
        memo.order[memo.index[name]] = view.lazy
        memo.replaced.append(memo.index[name] + 1)
        if view.stored is None:
            memo.unreusable.add(name)
        else:
            memo.unreusable.discard(name)
    return True


def _check_all(ctx: Context, settings: Settings, memo: Memo) -> None:
    """Every view, reusing those whose text (top level and env) is unchanged; a new shift log."""
    root = ctx.config.root
    log: list[Shift] = []
    broken = bool(ctx.config.issues)
    top_pieces = written.top_pieces(root, toml=ctx.format is Format.TOML)
    issues = written.Issues(ctx.config.issues)
    top_sig = written.signature(ctx.source, top_pieces, issues)
    if memo.top is not None and memo.top.reusable(top_sig, None, broken):
        lazy = Lazy(("top",), _restore(memo.top.stored or [], top_pieces, []), log, 0)
        top = _View(top_sig, None, memo.top.stored, lazy, memo.top.broken, memo.top.sensitive)
    else:
        held = Broken()
        found = [f for f in check(_view_context(ctx, None), settings, _BY_VIEW, held) if f.env is None]
        top = _view(("top",), found, top_sig, None, top_pieces, [], log, broken=broken, sensitive=held.matters)
    memo.top = top if top.stored is not None else None
    envs: dict[str, _View] = {}
    for name, entry in _envs(root).items():
        spans, sig = _env_text(ctx, entry, issues)
        view = memo.envs.get(name)
        if view is not None and sig is not None and view.reusable(top_sig, sig, broken):
            lazy = Lazy(("env", name), _restore(view.stored or [], top_pieces, spans), log, 0)
            envs[name] = _View(top_sig, sig, view.stored, lazy, view.broken, view.sensitive)
        else:
            envs[name] = _run_env(ctx, settings, name, top_sig, top_pieces, log, spans, sig)
    memo.envs = envs
    memo.log = log
    memo.order = [top.lazy, *(view.lazy for view in envs.values())]
    memo.index = {name: idx for idx, name in enumerate(envs, 1)}
    memo.replaced = []
    memo.unreusable = {name for name, view in envs.items() if view.stored is None}


def _envs(root: Table) -> dict[str, config.Entry]:
    env_table = root.get("env")
    return env_table.entries if isinstance(env_table, Table) else {}


def _env_text(ctx: Context, entry: config.Entry, issues: written.Issues) -> tuple[list[Span], Signature | None]:
    """The pieces env `entry` is written in, and their signature (`rules/pieces.py`)."""
    spans = written.merge(written.node_pieces(entry.value, [entry.span]))
    return spans, written.signature(ctx.source, spans, issues)


def _run_env(
    ctx: Context,
    settings: Settings,
    name: str,
    top_sig: Signature | None,
    top_pieces: list[Span],
    log: list[Shift],
    spans: list[Span],
    sig: Signature | None,
) -> _View:
    """Env `name`'s view run (see `_view`), written in `spans` (signed `sig`)."""
    held = Broken()
    found = [f for f in check(_view_context(ctx, name), settings, _BY_VIEW, held) if f.env is not None]
    broken = bool(ctx.config.issues)
    return _view(("env", name), found, top_sig, sig, top_pieces, spans, log, broken=broken, sensitive=held.matters)


def _view(
    key: tuple[str, ...],
    found: list[Finding],
    top_sig: Signature | None,
    sig: Signature | None,
    top: list[Span],
    env: list[Span],
    log: list[Shift],
    *,
    broken: bool,
    sensitive: bool,
) -> _View:
    """A view's findings to remember. Their fixes' edits are left out: they were built from this version's
    text, and a later version reusing the findings must not build them (code actions run the rules whole).
    (This version's readers get the findings as they are.)
    """
    stored = _store(found, top, env)
    movable = [finding for finding, _ in stored] if stored is not None else None
    return _View(top_sig, sig, stored, Lazy(key, found, log, len(log), movable), broken, sensitive)


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
        own_worker_names=ctx.own_worker_names if ctx.workspace is not None else None,
    )


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
