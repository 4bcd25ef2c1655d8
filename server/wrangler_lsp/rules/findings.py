"""The findings of one analysis, kept per view, each view moved past in-place edits only when read.

`rules/by_env.py` runs the rules view by view (the whole-config rules, the top level, each env). After an
in-place edit (`config.patch`: one string's text changed, nothing else) only the edited env's view runs
again; every other view's findings stay as they were and the edit is appended to a *shift log*
(`(at, delta)`: text after `at` moved by `delta` bytes). A view (`Lazy`) remembers the log position its
findings are valid at and applies the log entries since only when someone reads them: an edit costs no
work per untouched view. The log holds in-place edits only, which never add or remove a line break (the
patched strings are one-line strings before and after), so an untouched view's diagnostics keep their
lines; `lsp/convert.py` uses this to republish them without reading them.

`Findings` is what an analysis returns: the views in a fixed order (whole-config rules, top level, envs
in the config's order) as of one log position. As a sequence it is every finding sorted by position then
code (materialized once, on first use), as `run.check` gives them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import overload

from wrangler_lsp.config import shift
from wrangler_lsp.rules.api import Finding, Related

Shift = tuple[int, int]
"""An in-place edit: the text after offset `at` moved by `delta` bytes (`config.shift.moved`)."""

_GENERATIONS = itertools.count()


class Lazy:
    """One view's findings: as computed when the log held `start` entries (`first`), and a cache of them
    moved to a later position (`found`, valid at `pos`). `generation` names the run that computed them
    (unique per process): two views of the same generation hold the same findings, maybe moved."""

    __slots__ = ("first", "found", "generation", "key", "log", "origin", "pos", "start")

    def __init__(
        self,
        key: tuple[str, ...],
        found: list[Finding],
        log: list[Shift],
        start: int,
        movable: list[Finding] | None = None,
    ) -> None:
        self.key = key
        """What the view is: `("whole",)`, `("top",)` or `("env", name)`."""
        self.generation = next(_GENERATIONS)
        self.log = log
        self.start = start
        self.first = found
        self.origin = found if movable is None else movable
        """What moves past later edits: `found` without what only holds for its own text (fixes' edits)."""
        self.pos = start
        self.found = found

    def at(self, upto: int) -> list[Finding]:
        """The findings as of log position `upto` (at least `start`); the cache moves forward only."""
        if upto == self.pos:
            return self.found
        if upto > self.pos:
            base = self.found if self.pos > self.start else self.origin
            self.found = moved(base, self.log[self.pos : upto])
            self.pos = upto
            return self.found
        if upto == self.start:
            return self.first
        return moved(self.origin, self.log[self.start : upto])  # an older analysis read after a newer one


class Findings(Sequence[Finding]):
    """Every finding of one analysis, sorted by position then code; also readable view by view (`views`).

    Immutable to its readers. The views are read as of log position `upto`; the sorted list is built on
    first use (moving every view), so a reader that only needs some views (the publish) pays for those.
    """

    __slots__ = ("_sorted", "log", "replaced", "replaced_upto", "upto", "views")

    def __init__(self, views: list[Lazy], log: list[Shift], upto: int, replaced: list[int] | None = None) -> None:
        self.views: Sequence[Lazy] = views
        """Whole-config rules' findings first, then the top level's, then each env's in the config's order."""
        self.log = log
        self.upto = upto
        self.replaced = replaced
        """The indices in `views` of the views run again since the views were last all placed (shared by
        the analyses of that placing, and only appended to: this analysis's are the first `replaced_upto`).
        The whole-config view (index 0) is new in every analysis and is not listed. None: unknown."""
        self.replaced_upto = 0 if replaced is None else len(replaced)
        self._sorted: list[Finding] | None = None

    def replaced_since(self, earlier: Findings) -> set[int] | None:
        """The indices of the views that may differ from `earlier`'s (always the whole-config view); None
        if unknown (`earlier` is not of the same placing, or its views are not in the same places)."""
        replaced = self.replaced
        if replaced is None or earlier.replaced is not replaced or earlier.replaced_upto > self.replaced_upto:
            return None
        if len(earlier.views) != len(self.views):
            return None
        return {0, *replaced[earlier.replaced_upto : self.replaced_upto]}

    def of(self, view: Lazy) -> list[Finding]:
        """One of `views`' findings as of this analysis (sorted by position then code)."""
        return view.at(self.upto)

    def in_views(self) -> Iterator[Finding]:
        """Every finding view by view, each view's sorted: the order the diagnostics are published in."""
        for view in self.views:
            yield from view.at(self.upto)

    def _all(self) -> list[Finding]:
        if self._sorted is None:
            out = [finding for view in self.views for finding in view.at(self.upto)]
            out.sort(key=lambda finding: (finding.span, finding.code))
            self._sorted = out
        return self._sorted

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings | list | tuple):
            return self._all() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Findings({self._all()!r})"


def moved(found: list[Finding], shifts: Sequence[Shift]) -> list[Finding]:
    """`found` past the in-place edits `shifts` (in order); findings ending before an edit are kept as is."""
    out = found
    last = max(map(_last_end, found), default=-1)
    for at, delta in shifts:
        if delta and last > at:
            out = [_moved_finding(finding, at, delta) if _last_end(finding) > at else finding for finding in out]
            last += delta  # the last end lies after the edit: it moves with it
    if out is not found and any(delta < 0 for _, delta in shifts):
        # A deletion can make two spans start at one offset: keep the order `run.check` gives.
        out.sort(key=lambda finding: (finding.span, finding.code))
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
