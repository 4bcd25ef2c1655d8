"""The registry: the one list of rules, in code order, and lookups by code.

Each family package (`rules/syntax`, `rules/environments`, ...) lists its rules explicitly in its
`RULES` tuple; there is no auto-discovery. Codes are stable and never reused: a retired code goes into
`RETIRED` with the code that replaced it (or None). `tests/test_registry.py` checks uniqueness and format.
"""

from __future__ import annotations

from collections.abc import Mapping

from wrangler_lsp.rules import bindings, cross_worker, durable_objects, environments, migrations, syntax
from wrangler_lsp.rules.api import Rule

_FAMILIES: tuple[tuple[Rule, ...], ...] = (
    syntax.RULES,
    environments.RULES,
    durable_objects.RULES,
    migrations.RULES,
    bindings.RULES,
    cross_worker.RULES,
)

RULES: tuple[Rule, ...] = tuple(sorted((rule for family in _FAMILIES for rule in family), key=lambda r: r.code))

RETIRED: Mapping[str, str | None] = {}

_BY_CODE = {rule.code: rule for rule in RULES}


def by_code(code: str) -> Rule | None:
    """The rule registered under `code`, or None."""
    return _BY_CODE.get(code)
