"""Agreement of the environment (WL1xx) and keys/bindings (WL4xx) rules with wrangler itself.

For every stored oracle result (`tests/conformance/oracle/*.json`: the real corpus and the scenario
cases, wrangler 4.164.0 run once per declared env), the oracle findings of these families are matched
against our findings by rule, env and field path:

* recall: each oracle finding appears among ours (same code, same env, our path equal to the oracle's
  path or below it). A top-level finding (reported in the "" run) must appear with env None; a finding
  of named env runs only must appear once per such env.
* precision: each of our WRANGLER-origin findings is one the oracle reports (same matching).

Oracle messages are assigned to our codes by their wording (`_classify`). Unknown-field warnings list
several keys: each key is one expected finding (WL108 for top-level-only keys, WL401 for the others).
Duplicate-binding errors carry no path: they match on their first line, and wrangler's summary error
("Bindings must have unique names") is covered by any WL403 finding of the same env. Configs with a
parse error are left out of precision (wrangler stops at the parse error; our builders recover).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import paths
from wrangler_lsp.config.build import build
from wrangler_lsp.model import keys
from wrangler_lsp.rules import bindings, environments
from wrangler_lsp.rules.api import Finding, Origin
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.run import check
from wrangler_lsp.settings import Settings
from wrangler_lsp.syntax import Format, parse

HERE = Path(__file__).parent
ORACLE = HERE / "oracle"
CORPUS = paths.CORPUS
CASES = HERE / "oracle_cases"
RULES = environments.RULES + bindings.RULES
CODES = {rule.code for rule in RULES}
_TOP_ONLY = frozenset((*keys.top_level_only_keys(), "env"))

# Measured on the stored results; the differences are explained in ALLOWED_* below.
MIN_RECALL = 1.0
MIN_PRECISION = 1.0

ALLOWED_MISSES: dict[tuple[str, str, str | None, str], str] = {}
"""Oracle findings we do not report: (input, code, env, path) -> why."""

ALLOWED_EXTRAS: dict[tuple[str, str, str | None, str], str] = {}
"""Our WRANGLER-origin findings the oracle does not report: (input, code, env, path) -> why."""


@dataclass(frozen=True)
class Expected:
    code: str
    env: str | None
    path: str
    message: str


def _classify(finding: dict[str, object]) -> Iterator[tuple[str, str]]:
    """(code, path) pairs our rules should report for one oracle finding; none if not our families."""
    message = str(finding["message"])
    path = str(finding["path"] or "")
    first = message.split("\n", 1)[0]
    # Only the top level's and an env's own keys: unexpected fields inside `durable_objects` or its bindings
    # (`env.x.durable_objects.bindings[0]`) belong to the Durable Object family (WL210, WL211).
    unexpected = re.match(r"Unexpected fields found in (top-level|env\.[^.\s]+) field: ", first)
    if unexpected:
        prefix = "" if unexpected.group(1) == "top-level" else unexpected.group(1) + "."
        for field in re.findall(r'"([^"]*)"', first[unexpected.end() :]):
            code = "WL108" if prefix and field in _TOP_ONLY else "WL401"
            yield code, prefix + field
        return
    table = (
        (r'^"[^"]+" exists at the top level, but not on', "WL101"),
        (r"^The following bindings are at the top level", "WL102"),
        (r"^There is a \S+ binding with name", "WL103"),
        (r"^The following vars exist at the top level", "WL104"),
        (r"^The following define entries exist", "WL105"),
        (r'^"[^"]+" exists on "env\.[^"]+", but not on the top level', "WL106"),
        (r"environment inherits the top-level `routes`", "WL107"),
        (r'^The "legacy_env" field is no longer supported', "WL109"),
        (r'^Removed: "node_compat"', "WL110"),
        (r"alphanumeric and lowercase with dashes only", "WL111"),
        (r"assigned to .* bindings\.$|^Bindings must have unique names", "WL403"),
        (r"is an empty string and will be ignored", "WL404"),
        (r"is a TOML date, which is not supported", "WL405"),
        (r'^Expected "(\w+)" to be of type (string|boolean|string array) but got', "WL402"),
        (r'^Expected "compliance_region" field to be one of', "WL402"),
        (r'^"compatibility_date" field should', "WL402"),
        (r'^Expected "addresses', "WL402"),
    )
    for pattern, code in table:
        match = re.search(pattern, first)
        if match is None:
            continue
        if code == "WL402" and match.groups() and match.group(1) not in _TYPED_KEYS:
            return
        yield code, path
        return


_TYPED_KEYS = frozenset(
    (
        "account_id",
        "jsx_factory",
        "jsx_fragment",
        "main",
        "base_dir",
        "compatibility_date",
        "compatibility_flags",
        "workers_dev",
        "preview_urls",
        "find_additional_modules",
        "preserve_file_names",
        "no_bundle",
        "minify",
        "keep_names",
        "first_party_worker",
        "logpush",
        "upload_source_maps",
        "send_metrics",
        "keep_vars",
        "pages_build_output_dir",
        "$schema",
    )
)


def _results() -> list[dict[str, object]]:
    return [json.loads(path.read_text()) for path in sorted(ORACLE.glob("*.json")) if path.name != "schema-keys.json"]


def _source(result: dict[str, object]) -> tuple[Format, bytes]:
    kind, name = str(result["input"]).split("/", 1)
    path = {"real": CORPUS, "cases": CASES, "fixtures": paths.REPO / "tests" / "fixtures" / "rules"}[kind] / name
    fmt = Format.TOML if name.endswith(".toml") else Format.JSON
    return fmt, path.read_bytes()


def _ours(fmt: Format, source: bytes) -> list[Finding]:
    ctx = Context(fmt, source, build(parse(fmt, source)))
    return check(ctx, Settings(), RULES)


def _expected(result: dict[str, object]) -> list[Expected]:
    out: list[Expected] = []
    findings = result["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        envs = finding["envs"]
        runs: list[str | None] = [None] if "" in envs else list(envs)
        for code, path in _classify(finding):
            out.extend(Expected(code, env, path, str(finding["message"]).split("\n", 1)[0]) for env in runs)
    return out


def _matches(finding: Finding, expected: Expected) -> bool:
    if finding.code != expected.code or finding.env != expected.env:
        return False
    if finding.code == "WL403":
        first = finding.message.split("\n", 1)[0]
        return first == expected.message or expected.message.startswith("Bindings must have unique names")
    path = expected.path.replace(".[", "[")  # wrangler writes array items as `addresses.[1]`
    return finding.path == path or finding.path.startswith((path + ".", path + "["))


def _env_ok(finding: Finding, result: dict[str, object]) -> list[Expected]:
    """The oracle findings (any env run that reported them) `finding` could be."""
    out: list[Expected] = []
    findings = result["findings"]
    assert isinstance(findings, list)
    for raw in findings:
        envs = raw["envs"]
        wanted = "" if finding.env is None else finding.env
        if wanted not in envs:
            continue
        for code, path in _classify(raw):
            out.append(Expected(code, finding.env, path, str(raw["message"]).split("\n", 1)[0]))
    return out


@dataclass
class Agreement:
    expected: int = 0
    found: int = 0
    ours: int = 0
    confirmed: int = 0
    misses: list[tuple[str, str, str | None, str]] | None = None
    extras: list[tuple[str, str, str | None, str]] | None = None


def measure() -> Agreement:
    """Recall and precision counts over every stored oracle result, with the unexplained differences."""
    agreement = Agreement(misses=[], extras=[])
    assert agreement.misses is not None and agreement.extras is not None
    for result in _results():
        name = str(result["input"])
        fmt, source = _source(result)
        ours = [finding for finding in _ours(fmt, source) if finding.code in CODES]
        for expected in _expected(result):
            key = (name, expected.code, expected.env, expected.path)
            agreement.expected += 1
            if any(_matches(finding, expected) for finding in ours) or key in ALLOWED_MISSES:
                agreement.found += 1
            else:
                agreement.misses.append(key)
        if any(finding.get("kind") == "parse" for finding in result["findings"]):  # type: ignore[union-attr]
            continue
        for finding in ours:
            if finding.origin is not Origin.WRANGLER:
                continue
            key = (name, finding.code, finding.env, finding.path)
            agreement.ours += 1
            if any(_matches(finding, expected) for expected in _env_ok(finding, result)) or key in ALLOWED_EXTRAS:
                agreement.confirmed += 1
            else:
                agreement.extras.append(key)
    return agreement


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return measure()


def test_recall(agreement: Agreement) -> None:
    assert agreement.expected > 0
    assert agreement.found / agreement.expected >= MIN_RECALL, agreement.misses


def test_precision(agreement: Agreement) -> None:
    assert agreement.ours > 0
    assert agreement.confirmed / agreement.ours >= MIN_PRECISION, agreement.extras


def test_allow_lists_are_needed(agreement: Agreement) -> None:
    """Every allow-list entry still explains a real difference (stale entries are removed)."""
    assert agreement.misses == [] or MIN_RECALL < 1.0
    assert agreement.extras == [] or MIN_PRECISION < 1.0
