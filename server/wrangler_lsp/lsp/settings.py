"""Reading the client's settings (`wranglerLsp` section) into `Settings`, falling back on bad values.

Shape: `{"severity": {"WL201": "off" | "hint" | "info" | "warning" | "error"}, "inlayHints": {"enabled": bool}}`.
"""

from __future__ import annotations

from collections.abc import Mapping

from wrangler_lsp.settings import Settings, parse_severity
from wrangler_lsp.syntax import Severity

SECTION = "wranglerLsp"


def from_client(raw: object) -> tuple[Settings, list[str]]:
    """Settings from the client's JSON, and one message per value that was ignored."""
    problems: list[str] = []
    if raw is None:
        return Settings(), problems
    if not isinstance(raw, Mapping):
        return Settings(), [f"`{SECTION}` settings should be an object, got {type(raw).__name__}"]
    severity: dict[str, Severity | None] = {}
    raw_severity = raw.get("severity") or {}
    if isinstance(raw_severity, Mapping):
        for code, value in raw_severity.items():
            try:
                severity[str(code).upper()] = parse_severity(str(value))
            except KeyError:
                problems.append(f"`{SECTION}.severity.{code}`: unknown severity {value!r}")
    else:
        problems.append(f"`{SECTION}.severity` should be an object")
    inlay = True
    raw_inlay = raw.get("inlayHints")
    if isinstance(raw_inlay, Mapping) and isinstance(raw_inlay.get("enabled"), bool):
        inlay = bool(raw_inlay["enabled"])
    elif raw_inlay is not None:
        problems.append(f"`{SECTION}.inlayHints.enabled` should be a boolean")
    return Settings(severity=severity, inlay_hints=inlay), problems
