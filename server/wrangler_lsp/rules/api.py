"""What a rule is and what it reports: `Rule`, `Report`, `Finding`, `Fix`, `Edit`, `Origin`.

A rule module holds one rule: a docstring that is its documentation page, and a `check` function
decorated with `@rule`, which yields `Report`s. The runner (`rules/run.py`) stamps each report with the
rule's code, severity (after the user's overrides) and origin, so they cannot drift from the registry.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from wrangler_lsp.edits import Edit
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import Span

if TYPE_CHECKING:
    from wrangler_lsp.rules.context import Context


class Origin(Enum):
    """Whether a rule mirrors a check of wrangler's own validator, or is one of ours."""

    WRANGLER = "wrangler"
    EXTRA = "extra"


@dataclass(frozen=True, slots=True)
class Fix:
    """A named change. `preferred` fixes keep behaviour and are applied by fix-all and `check --fix`.

    The edits are built on demand (`edits()`): a file with thousands of findings does not pay for
    thousands of fixes on every keystroke, only for the ones a user asks to see or apply. A builder
    answers `()` when the change cannot be written as a small edit.
    """

    title: str
    build: Callable[[], tuple[Edit, ...]]
    preferred: bool = False

    def edits(self) -> tuple[Edit, ...]:
        return self.build()


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding is about (the first definition of a duplicate key, the top-level binding)."""

    span: Span
    message: str


CLEAN_TEXT_ONLY = "clean_text_only"
"""A `Report.data` key: the report holds only when the file has no syntax issue (`rules.run` drops it
otherwise, and strips the key). Kept out of the rule so that `rules/by_env.py` knows which views depend
on whether the file is broken."""


@dataclass(frozen=True, slots=True)
class Report:
    """What a rule's `check` yields: where, what, and how to fix it."""

    span: Span
    message: str
    env: str | None = None
    path: str = ""
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    data: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """A report stamped with its rule's code, effective severity and origin."""

    code: str
    severity: Severity
    origin: Origin
    span: Span
    message: str
    env: str | None
    path: str
    fixes: tuple[Fix, ...]
    related: tuple[Related, ...]
    data: Mapping[str, object]


Check = Callable[["Context"], Iterable[Report]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: stable code, slug, default severity, origin, documentation and check."""

    code: str
    slug: str
    severity: Severity
    origin: Origin
    doc: str
    check: Check

    @property
    def family(self) -> str:
        return _FAMILIES[self.code[2]]

    @property
    def summary(self) -> str:
        """The first paragraph of the rule's `## What it does` section."""
        after = self.doc.split("## What it does", 1)[-1].strip()
        return after.split("\n\n", 1)[0].replace("\n", " ").strip()


_FAMILIES = {
    "0": "syntax",
    "1": "environments",
    "2": "durable objects",
    "3": "migrations",
    "4": "keys and bindings",
    "5": "cross-worker",
}


def rule(code: str, slug: str, severity: Severity, origin: Origin) -> Callable[[Check], Rule]:
    """Turn a module's `check` function into a `Rule`; its documentation is the module's docstring."""

    def wrap(check: Check) -> Rule:
        module = inspect.getmodule(check)
        doc = inspect.getdoc(module) or "" if module is not None else ""
        return Rule(code, slug, severity, origin, doc, check)

    return wrap
