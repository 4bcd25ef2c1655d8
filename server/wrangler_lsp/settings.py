"""Settings shared by the server and the command line: severity overrides and feature switches.

The LSP layer builds them from `workspace/configuration` and initialization options (`lsp/settings.py`),
the CLI from its flags; the analysis receives them explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from wrangler_lsp.syntax import Severity

SEVERITY_NAMES: Mapping[str, Severity | None] = {
    "off": None,
    "hint": Severity.HINT,
    "info": Severity.INFORMATION,
    "information": Severity.INFORMATION,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What a user can change. `severity` maps a rule code to its severity, or None to turn it off."""

    severity: Mapping[str, Severity | None] = field(default_factory=dict)
    inlay_hints: bool = True


def parse_severity(name: str) -> Severity | None:
    """The severity called `name` (`off`, `hint`, `info`, `warning`, `error`); KeyError when unknown."""
    return SEVERITY_NAMES[name.strip().lower()]
