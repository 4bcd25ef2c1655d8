"""One open configuration file at one version, and everything computed from it, lazily.

A `Document` is immutable. Editing gives a new one that remembers the previous parse and config, so
the parse is incremental (tree-sitter reuses untouched subtrees) and the config builder reuses the
sections that did not change. Nothing is computed until asked for: a burst of edits that nobody reads
between costs only the text splicing, and one parse at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import PurePosixPath

from wrangler_lsp import config, rules, syntax
from wrangler_lsp.rules.context import WorkerDirectory
from wrangler_lsp.settings import Settings
from wrangler_lsp.text import LineIndex, TextEdit, apply_edit
from wrangler_lsp.uris import to_path

UTF8_BOM = b"\xef\xbb\xbf"


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
    ) -> None:
        self.uri = uri
        self.format = fmt
        self.source = source
        self.version = version
        self._base = base
        self._pending = pending
        self._previous_config = previous_config
        self._config: config.Config | None = None
        self._context: rules.Context | None = None
        self._findings: list[tuple[Settings, object, object, list[rules.Finding]]] = []
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
            base, pending = self._base, (*self._pending, *edits)
        previous_config = self._config if self._config is not None else self._previous_config
        return Document(
            self.uri,
            self.format,
            source,
            version,
            base=base,
            pending=pending,
            previous_config=previous_config,
        )

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.source)

    @cached_property
    def parse(self) -> syntax.Parse:
        if self._base is None:
            return syntax.parse(self.format, self.source)
        parse = syntax.reparse(self._base, self._pending)
        assert parse.source == self.source
        self._base, self._pending = None, ()
        return parse

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
        self._context = None
        self._findings = []
        return built

    @property
    def context(self) -> rules.Context:
        built = self.config
        if self._context is None or self._context.config is not built:
            self._context = rules.Context(self.format, self.source, built, file_name=self.file_name)
        return self._context

    @property
    def file_name(self) -> str:
        return PurePosixPath(to_path(self.uri)).name

    def findings(self, settings: Settings, workspace: WorkerDirectory | None = None) -> list[rules.Finding]:
        """Every finding of every enabled rule, sorted by position then code.

        With `workspace` (the workspace index), cross-Worker rules see the other Workers too. The result
        is cached per settings and workspace generation (a workspace without `generation` is not cached).
        """
        context = self.context  # first: a stale config is rebuilt here, which clears the cache
        generation = getattr(workspace, "generation", None)
        cacheable = workspace is None or generation is not None
        for settings_, workspace_, generation_, found in self._findings:
            if cacheable and workspace_ is workspace and generation_ == generation and settings_ == settings:
                return list(found)
        if workspace is None:
            found = rules.check(context, settings)
        else:
            in_workspace = rules.Context(
                self.format, self.source, context.config, workspace=workspace, file_name=self.file_name
            )
            in_workspace.__dict__["worker"] = context.worker
            found = rules.check(in_workspace, settings)
        # Cached only when the workspace says when it changes (`generation`), or there is none.
        if cacheable:
            self._findings = [*self._findings[-3:], (settings, workspace, generation, found)]
        return list(found)
