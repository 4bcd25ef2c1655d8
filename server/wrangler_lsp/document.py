"""One open configuration file at one version, and everything computed from it, lazily.

A `Document` is immutable. Editing gives a new one that remembers the previous parse and config, so
the parse is incremental (tree-sitter reuses untouched subtrees) and the config builder reuses the
sections that did not change. Nothing is computed until asked for: a burst of edits that nobody reads
between costs only the text splicing, and one parse at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from wrangler_lsp import config, model, rules, syntax
from wrangler_lsp.rules import by_env as by_env_rules
from wrangler_lsp.rules.context import OtherFiles, WorkerDirectory
from wrangler_lsp.rules.findings import Findings
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import LineIndex, TextEdit, apply_edit
from wrangler_lsp.uris import to_path

UTF8_BOM = b"\xef\xbb\xbf"
MAX_CHANGES = 4
"""Edits remembered for the rules (`by_env.Change`): the rules run on every publish, so only a burst of
more edits than this between two publishes falls back to comparing text."""
MAX_PENDING = 64
"""Edits kept for the next incremental parse; beyond this the next parse starts afresh."""


FRESH_REPARSE_BYTES = 64 * 1024
"""Up to this size (about 2,500 lines; 2-4 ms to parse) a text with syntax errors is parsed afresh."""


@dataclass(frozen=True, slots=True)
class Patch:
    """What a version whose config was patched in place knows of how it came to be."""

    changes: tuple[by_env_rules.Change, ...]
    """The in-place edits of the last versions, oldest first (`rules.by_env` uses those since it last ran)."""
    model_base: tuple[model.Worker, frozenset[str]] | None
    """A Worker model of an earlier version and the envs edited since (None: resolve from scratch)."""
    worker_names: frozenset[str] | None = None
    """The config's own Worker names, when an earlier version read them and no edit since was in a
    `name` (cross-Worker rules read them on every analysis: 4 ms at 50,000 lines)."""


@dataclass(frozen=True, slots=True)
class _Hint:
    """An edit built rather than patched: the version before it (its token), the edit, the envs whose text it
    replaced, and the in-place and hinted edits before it (see `Document._build_hint`)."""

    before: object
    edit: TextEdit
    envs: frozenset[str]
    earlier: tuple[by_env_rules.Change, ...]
    layout: config.Layout | None
    """JSON: the members' layout before the edit (`config.layout`), to compare after the build."""


class Document:
    """A config file's text at one version; `parse`, `config` and `findings` are computed on demand."""

    def __init__(
        self,
        uri: str,
        fmt: syntax.Format,
        source: bytes,
        version: int | None = None,
        *,
        base: syntax.Parse | None = None,
        pending: tuple[TextEdit, ...] = (),
        previous_config: config.Config | None = None,
        by_env: by_env_rules.Memo | None = None,
        patched: tuple[config.Config, Patch] | None = None,
        lines: tuple[LineIndex, TextEdit] | None = None,
        hint: _Hint | None = None,
        reread_pending: bool = False,
    ) -> None:
        self.uri = uri
        self._token = object()
        """This version, for the rules' record of edits (`by_env.Change.before`): not the text, which a
        record of the last few edits would otherwise keep alive."""
        self.format = fmt
        self.source = source
        self.version = version
        self._base = base
        self._pending = pending
        self._previous_config = previous_config
        self._config: config.Config | None = patched[0] if patched is not None else None
        self._patch = patched[1] if patched is not None else None
        """How this version's config was patched from a previous one's (`config.patch`), if it was."""
        self._lines = lines
        """The previous version's line index and the edit since, when it was computed."""
        self._hint = hint
        """For a config built from the previous version's: the edit and the envs its old text was in."""
        self._context: rules.Context | None = None
        self._worker_names: frozenset[str] | None = None
        """The config's own Worker names, once read (see `Patch.worker_names`)."""
        self._by_env = by_env
        """The previous version's findings per env view, reused for the envs whose text is unchanged."""
        self._reread_pending = reread_pending
        """Whether `parse` is (or, not computed yet, the parse this version's config comes from was) an
        incremental reparse of broken text too big to parse afresh (see `reread`)."""
        self._findings: list[tuple[Settings, object, object, Sequence[rules.Finding]]] = []
        self._with_fixes: list[tuple[Settings, object, object, Sequence[rules.Finding]]] = []
        """Findings already computed: (settings, workspace, its generation, findings)."""

    @classmethod
    def from_text(cls, uri: str, fmt: syntax.Format, text: str, version: int | None = None) -> Document:
        """A document for text an editor sent (always valid Unicode)."""
        return cls(uri, fmt, text.encode("utf-8", "surrogatepass"), version)

    def edited(self, version: int | None, edits: Sequence[TextEdit]) -> Document:
        """The document after `edits`, each in the offsets of the text the previous ones produced.

        The new document builds its config from this one's (reusing its nodes, which moves them): if this
        document's config is asked for again after that, it is rebuilt from scratch (see `config`).
        """
        source = self.source
        for edit in edits:
            source = apply_edit(source, edit)
        computed = self.__dict__
        if "parse" in computed:
            base, pending = computed["parse"], tuple(edits)
        else:
            base, pending = self._base, (*self._pending, *edits) if self._base is not None else ()
            if len(pending) > MAX_PENDING:
                # Typing inside strings never parses (`config.patch`): past this many edits, a fresh parse
                # (when one is needed) is cheaper than replaying them, and the old tree and text are freed.
                base, pending = None, ()
        previous_config = self._config if self._config is not None else self._previous_config
        patched = self._patched(edits, source)
        hint = self._build_hint(edits) if patched is None else None
        lines = computed.get("line_index")
        return Document(
            self.uri,
            self.format,
            source,
            version,
            base=base,
            pending=pending,
            previous_config=None if patched is not None else previous_config,
            by_env=self._by_env,
            patched=patched,
            lines=(lines, edits[0]) if lines is not None and len(edits) == 1 else None,
            hint=hint,
            reread_pending=self._reread_pending,
        )

    def _build_hint(self, edits: Sequence[TextEdit]) -> _Hint | None:
        """What the build of the next version needs to tell the rules which envs `edits` changed.

        One edit without a line break, whose replaced text lies only in envs' sections or members of this
        version's config (asked now: the next build moves its nodes); the text it writes is looked up in
        the next config once built (`config` below).
        """
        built = self._config
        if len(edits) != 1 or built is None or config.is_stale(built):
            return None
        edit = edits[0]
        if b"\n" in edit.new_text or b"\r" in edit.new_text:
            return None
        removed = self.source[edit.start : edit.old_end]
        if b"\n" in removed or b"\r" in removed:
            return None
        old = config.touched(built, self.source, edit.start, edit.old_end)
        if old is None:
            return None
        return _Hint(self._token, edit, old, self._earlier_changes(), config.layout(built))

    def _earlier_changes(self) -> tuple[by_env_rules.Change, ...]:
        """The last edits recorded for the rules, to which the next version's is added (`MAX_CHANGES`)."""
        return self._patch.changes[-(MAX_CHANGES - 1) :] if self._patch is not None else ()

    def _hinted(self, built: config.Config) -> Patch | None:
        """The rules' `Change` for a config built after a hinted edit, if the new text lies only in envs."""
        hint = self._hint
        if hint is None:
            return None
        edit = hint.edit
        new = config.changed_envs(built, self.source, edit, hint.layout)
        if new is None:
            return None
        delta = len(edit.new_text) - (edit.old_end - edit.start)
        change = by_env_rules.Change(hint.before, edit.start, delta, hint.envs | new, rebuilt=True)
        return Patch((*hint.earlier, change), None)

    def _patched(self, edits: Sequence[TextEdit], source: bytes) -> tuple[config.Config, Patch] | None:
        """This version's config patched in place for `edits`, if they change only one string's text.

        The patch records what the next version may reuse: the env the edit was in, the edits since the
        rules last ran (`rules/by_env.py` moves the other envs' findings past them), and the Worker model to
        update for the edited env only. It consumes this version's config (stale afterwards, as after an
        incremental build).
        """
        built = self._config
        if len(edits) != 1 or built is None or config.is_stale(built) or len(source) > config.MAX_ANALYSED_BYTES:
            return None
        patched = config.patch(built, self.format, self.source, edits[0], source)
        if patched is None:
            return None
        env = config.env_name(patched.path)
        change = by_env_rules.Change(self._token, patched.start, patched.delta, frozenset({env}) if env else None)
        earlier = self._earlier_changes()
        worker = self._context.__dict__.get("worker") if self._context is not None else None
        if worker is not None and self._context is not None and self._context.config is built:
            model_base: tuple[model.Worker, frozenset[str]] | None = (worker, frozenset())
        else:
            model_base = self._patch.model_base if self._patch is not None else None
        if model_base is not None:
            model_base = (model_base[0], model_base[1] | {env}) if env is not None else None
        names = None if _names_a_worker(patched.path) else self._known_worker_names()
        return patched.config, Patch((*earlier, change), model_base, names)

    def _known_worker_names(self) -> frozenset[str] | None:
        """The config's own Worker names if this version read them or an earlier one handed them on."""
        if self._worker_names is not None:
            return self._worker_names
        return self._patch.worker_names if self._patch is not None else None

    @cached_property
    def line_index(self) -> LineIndex:
        if self._lines is not None:
            previous, edit = self._lines
            self._lines = None
            return previous.after(edit.start, edit.old_end, edit.new_text, self.source)
        return LineIndex(self.source)

    @cached_property
    def parse(self) -> syntax.Parse:
        """The parse of this text: tree-sitter's incremental reparse of the last one, unless it holds errors
        and the file is small (`FRESH_REPARSE_BYTES`): then a fresh parse, because error recovery after an
        incremental reparse can differ from a fresh parse's (hypothesis found a line read as three errors
        incrementally and as one fresh), and the diagnostics of a text should not depend on its history.
        Above that size the incremental reading is kept while typing, and `reread` replaces it once edits
        pause (`lsp/reread.py`)."""
        self._reread_pending = False
        if self._base is None:
            return syntax.parse(self.format, self.source)
        parse = syntax.reparse(self._base, self._pending)
        assert parse.source == self.source
        self._base, self._pending = None, ()
        if parse.tree is not None and parse.tree.root_node.has_error:
            if len(self.source) <= FRESH_REPARSE_BYTES:
                return syntax.parse(self.format, self.source)
            self._reread_pending = True
        return parse

    def reread(self) -> Document | None:
        """This version read as a fresh open would, if its parse may read otherwise; else None.

        A broken text above `FRESH_REPARSE_BYTES` keeps tree-sitter's incremental reparse while it is
        typed (a fresh parse per keystroke costs too much); once edits pause the server asks for this:
        the text is parsed afresh and, if that reads it differently, a document built from this one's
        config (as an edit would be: unchanged sections and env views reused) with the fresh parse.
        """
        if not self._reread_pending:
            return None
        # A version patched in place has no parse of its own yet: its config holds its parent's reading,
        # which only a build from a fresh parse can replace, whatever this version's reparse reads.
        inherited = "parse" not in self.__dict__
        current = self.parse
        if not self._reread_pending:
            return None
        self._reread_pending = False
        fresh = syntax.parse(self.format, self.source)
        if not inherited and syntax.same_reading(current, fresh):
            return None
        previous = self._config if self._config is not None else self._previous_config
        fresh_doc = Document(
            self.uri, self.format, self.source, self.version, previous_config=previous, by_env=self._by_env
        )
        fresh_doc.__dict__["parse"] = fresh  # the `parse` property's cache: this version's, read afresh
        return fresh_doc

    @property
    def config(self) -> config.Config:
        """The config tree, built once; rebuilt from scratch if a later version's build moved its nodes."""
        built = self._config
        if built is not None and not config.is_stale(built):
            return built
        if len(self.source) > config.MAX_ANALYSED_BYTES:
            built = config.too_large(len(self.source))  # not even parsed: answered at once
        elif built is None:
            built = config.build(self.parse, self._previous_config)
            self._previous_config = None
        else:
            built = config.build(self.parse)
        self._config = built
        self._patch = self._hinted(built)
        self._hint = None
        self._context = None
        self._findings = []
        self._with_fixes = []
        return built

    @property
    def context(self) -> rules.Context:
        built = self.config
        if self._context is None or self._context.config is not built:
            self._context = rules.Context(self.format, self.source, built, file_name=self.file_name)
            if self._patch is not None and self._patch.model_base is not None:
                worker, changed = self._patch.model_base
                self._context.__dict__["worker"] = model.update(worker, changed)
        return self._context

    @property
    def file_name(self) -> str:
        return PurePosixPath(to_path(self.uri)).name

    def findings(self, settings: Settings, workspace: WorkerDirectory | None = None) -> Findings:
        """Every finding of every enabled rule, sorted by position then code (also readable view by view).

        The rules run env by env (`rules/by_env.py`): an env whose text did not change since the previous
        version keeps its findings, moved to their new place when read. Reused findings name their fixes
        but do not build their edits: ask `findings_with_fixes` for those. With `workspace` (the workspace
        index), cross-Worker rules see the other Workers too. Results are cached per settings and workspace
        generation (a workspace without `generation` is not cached).
        """
        found = self._cached(self._findings, settings, workspace, whole=False)
        assert isinstance(found, Findings)
        return found

    def findings_with_fixes(self, settings: Settings, workspace: WorkerDirectory | None = None) -> list[rules.Finding]:
        """The same findings from a whole run of the rules: every fix can build its edits."""
        return list(self._cached(self._with_fixes, settings, workspace, whole=True))

    def _cached(
        self,
        cache: list[tuple[Settings, object, object, Sequence[rules.Finding]]],
        settings: Settings,
        workspace: WorkerDirectory | None,
        *,
        whole: bool,
    ) -> Sequence[rules.Finding]:
        context = self.context  # first: a stale config is rebuilt here, which clears the caches
        generation = getattr(workspace, "generation", None)
        cacheable = workspace is None or generation is not None
        for settings_, workspace_, generation_, known in cache:
            if cacheable and workspace_ is workspace and generation_ == generation and settings_ == settings:
                return known
        if workspace is not None:
            # The model is resolved (if a rule needs it) on this document's own context, where the next
            # version's patch finds it to update (`_patched`), and shared with the workspace one.
            names = self._known_worker_names()
            self._worker_names = names if names is not None else context.own_worker_names
            context = rules.Context(
                self.format,
                self.source,
                context.config,
                workspace=OtherFiles(workspace, self.uri),
                file_name=self.file_name,
                shared=context,
                own_worker_names=self._worker_names,
            )
        found: Sequence[rules.Finding]
        if whole:
            found = rules.check(context, settings)
        else:
            changes = self._patch.changes if self._patch is not None else None
            found, self._by_env = by_env_rules.check_by_env(context, settings, self._by_env, changes, self._token)
        if cacheable:
            cache[:] = [*cache[-3:], (settings, workspace, generation, found)]
        return found


def _names_a_worker(path: config.KeyPath) -> bool:
    """Whether the string at `path` is a Worker's name: the top level's `name` or an env's."""
    return path == ("name",) or (len(path) == 3 and path[0] == "env" and path[2] == "name")
