"""WL402 wrong-value-type: fixtures in `tests/fixtures/rules/WL402/` with inline expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import check_fixture, fixtures, run_rules
from wrangler_lsp.rules.bindings import wl402_wrong_value_type
from wrangler_lsp.syntax import Format

RULE = wl402_wrong_value_type.check


@pytest.mark.parametrize("path", fixtures("WL402"), ids=lambda path: path.name)
def test_fixture(path: Path) -> None:
    check_fixture(path, [RULE])


def test_messages_match_wrangler() -> None:
    text = 'workers_dev = "yes"\ncompatibility_flags = "nodejs_compat"\ncompliance_region = "mars"\nlogpush = 1\n'
    assert [f.message for f in run_rules(text, Format.TOML, [RULE])] == [
        'Expected "workers_dev" to be of type boolean but got "yes".',
        'Expected "compatibility_flags" to be of type string array but got "nodejs_compat".',
        'Expected "compliance_region" field to be one of ["public","fedramp_high"] but got "mars".',
        'Expected "logpush" to be of type boolean but got 1.',
    ]
