"""Agreement of the Durable Object (WL2xx) and migration (WL3xx) rules with wrangler's own validator.

For every stored oracle result (`oracle/*.json`: the real corpus and `oracle_cases/`), each wrangler
finding of these families must appear among our findings with the same env and field path (recall),
and each finding of our `wrangler`-origin WL2xx/WL3xx rules must be one wrangler reports (precision).

Matching: paths are compared after turning wrangler's `.[i]` into `[i]`. Wrangler lists all unexpected
keys of an entry in one warning; we report each key, so any key wrangler quotes matches (M7's path has
no index in wrangler's message). Wrangler repeats a top-level finding (E1) under an env that inherits
the same values; we report it once, at the top level, so such env copies count as matched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests import paths
from wrangler_lsp import config, syntax
from wrangler_lsp.rules import durable_objects, migrations
from wrangler_lsp.rules.api import Finding, Origin
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.run import check
from wrangler_lsp.settings import Settings

ORACLE = Path(__file__).parent / "oracle"
CASES = Path(__file__).parent / "oracle_cases"
CORPUS = paths.CORPUS
RULES = durable_objects.RULES + migrations.RULES

_FAMILY = re.compile(
    r'binding should have a string "(name|class_name)"|the field "(script_name|environment)", when present'
    r'|binding should have a "script_name" field|should, optionally, have a boolean "remote"'
    r"|Unexpected fields found in (env\.[^ ]+\.)?durable_objects|to be an object but got"
    r'|The field "(env\.[^ "]+\.)?durable_objects(\.bindings)?" should be an'
    r"|no live `exports` entry|`migrations` and `exports` are mutually exclusive"
    r'|"migrations\[|The optional "migrations" field|Unexpected fields found in migrations field'
)

# Differences we accept, by (oracle file, path): none so far.
_STRING_ITEM = (
    "wrangler's unexpected-field check runs over a string item's character indices and reports them as fields "
    '("0", "1"); we report the item itself as not a table (WL203) or the tag as missing (WL302) instead'
)
ALLOWED_MISSES: dict[tuple[str, str], str] = {
    ("fixtures__WL203__array-item-is-not-this-rule.ok.toml.json", "durable_objects.bindings[0].0"): _STRING_ITEM,
    ("fixtures__WL204__name-missing.toml.json", "env.staging.durable_objects.bindings[1].0"): _STRING_ITEM,
    ("fixtures__WL302__tag-missing.toml.json", "env.staging.migrations.0"): _STRING_ITEM,
}
ALLOWED_EXTRAS: dict[tuple[str, str], str] = {
    ("fixtures__WL203__binding-string-and-number.jsonc.json", "env.staging.durable_objects.bindings[0]"): (
        "wrangler crashes with a TypeError on a `null` item in an env's bindings instead of reporting it"
    ),
}


@dataclass(frozen=True)
class OracleFinding:
    message: str
    env: str | None
    path: str
    fields: tuple[str, ...]


def _results() -> list[Path]:
    return sorted(p for p in ORACLE.glob("*.json") if p.name != "schema-keys.json")


def _input(result: dict[str, object]) -> Path:
    kind, name = str(result["input"]).split("/", 1)
    return {"real": CORPUS, "cases": CASES, "fixtures": paths.REPO / "tests" / "fixtures" / "rules"}[kind] / name


def _env(context: list[str]) -> str | None:
    for scope in context:
        match = re.fullmatch(r"env\.([^.]+)", scope)
        if match:
            return match[1]
    return None


def _family_findings(result: dict[str, object]) -> list[OracleFinding]:
    out = []
    raw = result["findings"]
    assert isinstance(raw, list)
    for finding in raw:
        if finding.get("kind") == "parse" or not _FAMILY.search(finding["message"]):
            continue
        context = finding["context"]
        message = finding["message"]
        if "to be an object but got" in message and "durable_objects.bindings[" not in message:
            continue
        path = (finding["path"] or "").replace(".[", "[")
        out.append(OracleFinding(finding["message"], _env(context), path, tuple(finding["fields"])))
    return out


def _ours(path: Path) -> list[Finding]:
    fmt = syntax.Format.TOML if path.suffix == ".toml" else syntax.Format.JSON
    source = path.read_bytes()
    built = config.build(syntax.parse(fmt, source), None)
    findings = check(Context(fmt, source, built), Settings(), RULES)
    return [f for f in findings if f.origin is Origin.WRANGLER]


def _matches(ours: Finding, theirs: OracleFinding) -> bool:
    if ours.env != theirs.env:
        return False
    if ours.path == theirs.path:
        return True
    if theirs.message.startswith("Unexpected fields found in"):
        parent, _, key = ours.path.rpartition(".")
        their_parent = theirs.path.rpartition(".")[0]
        stripped = re.sub(r"\[\d+\]$", "", parent)
        return key in theirs.fields and their_parent in (parent, stripped)
    return False


@dataclass
class Tally:
    oracle: int = 0
    recalled: int = 0
    ours: int = 0
    precise: int = 0
    allowed_misses: int = 0
    allowed_extras: int = 0


@cache
def agreement() -> tuple[Tally, tuple[str, ...], tuple[str, ...]]:
    """The tallies over every stored result, with the unexplained misses and extras."""
    tally = Tally()
    misses: list[str] = []
    extras: list[str] = []
    for result_path in _results():
        result = json.loads(result_path.read_text())
        source = _input(result)
        if not source.exists():
            continue
        theirs = _family_findings(result)
        ours = _ours(source)
        top_messages = {t.message for t in theirs if t.env is None}
        for finding in theirs:
            tally.oracle += 1
            inherited_copy = finding.env is not None and finding.message in top_messages
            if inherited_copy or any(_matches(o, finding) for o in ours):
                tally.recalled += 1
            elif (result_path.name, finding.path) in ALLOWED_MISSES:
                tally.allowed_misses += 1
            else:
                misses.append(f"{result_path.name}: {finding.env} {finding.path} {finding.message[:80]!r}")
        for finding in ours:
            tally.ours += 1
            if any(_matches(finding, t) for t in theirs):
                tally.precise += 1
            elif (result_path.name, finding.path) in ALLOWED_EXTRAS:
                tally.allowed_extras += 1
            else:
                extras.append(f"{result_path.name}: {finding.code} {finding.env} {finding.path}")
    return tally, tuple(misses), tuple(extras)


def test_recall_and_precision(capsys: pytest.CaptureFixture[str]) -> None:
    tally, misses, extras = agreement()
    recall = tally.recalled / tally.oracle
    precision = tally.precise / tally.ours
    with capsys.disabled():
        print(
            f"\nDO/migrations oracle agreement: recall {tally.recalled}/{tally.oracle} = {recall:.1%}, "
            f"precision {tally.precise}/{tally.ours} = {precision:.1%} "
            f"(explained differences: {tally.allowed_misses} misses, {tally.allowed_extras} extras)"
        )
    assert tally.oracle >= 33  # Stored findings of these families (wrangler 4.164.0).
    assert misses == ()
    assert extras == ()
    # Every difference is an explained one (ALLOWED_*), and every explanation is still needed.
    assert tally.recalled + tally.allowed_misses == tally.oracle
    assert tally.precise + tally.allowed_extras == tally.ours
    assert tally.allowed_misses == len(ALLOWED_MISSES) and tally.allowed_extras == len(ALLOWED_EXTRAS)
