"""Registry invariants: unique well-formed codes, documented rules, fixtures and tests per rule, fresh docs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from wrangler_lsp.rules import RULES, Rule
from wrangler_lsp.rules.registry import RETIRED

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Wrangler")


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"WL\d{3}", code) for code in codes)
    assert codes == sorted(codes)
    assert not set(codes) & set(RETIRED), "a retired code is never reused"


def test_slugs_are_unique_kebab_case() -> None:
    slugs = [rule.slug for rule in RULES]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.doc.splitlines()[0] == f"{rule.code} {rule.slug}"
    for section in SECTIONS:
        assert section in rule.doc, f"{rule.code} lacks {section!r}"
    assert rule.summary


@pytest.mark.parametrize("rule", [r for r in RULES if not r.code.startswith("WL0")], ids=lambda r: r.code)
def test_rule_has_a_test_module(rule: Rule) -> None:
    slug = rule.slug.replace("-", "_")
    assert (ROOT / "tests" / "rules" / f"test_{rule.code.lower()}_{slug}.py").exists()


def test_docs_are_fresh() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
