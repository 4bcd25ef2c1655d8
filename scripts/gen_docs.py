"""Writes docs/rules.md from the rule registry (code, slug, severity, origin, and each rule's docstring).

Usage: python scripts/gen_docs.py [--check]   (--check: exit 1 if docs/rules.md is not up to date)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wrangler_lsp.rules import RULES, Rule

OUT = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def render(rules: tuple[Rule, ...] = RULES) -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry by `scripts/gen_docs.py`; do not edit by hand.",
        "",
        "Origin `wrangler`: mirrors a check of Wrangler's own validator (same severity, Wrangler's wording),",
        "evaluated for every environment at once. Origin `extra`: our own, where Wrangler is silent.",
        "Severities are defaults: override them per code with the `wranglerLsp.severity` setting or",
        "`wrangler-lsp check --severity CODE=off|hint|info|warning|error`.",
        "",
        "| code | name | default severity | origin | what it does |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        anchor = f"{rule.code.lower()}-{rule.slug}"
        cells = [f"[{rule.code}](#{anchor})", f"`{rule.slug}`", rule.severity.label, rule.origin.value, rule.summary]
        lines.append("| " + " | ".join(cells) + " |")
    for rule in rules:
        body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else ""
        body = body.replace("\n## ", "\n#### ")
        if body.startswith("## "):
            body = "#### " + body[3:]
        lines += [
            "",
            f"## {rule.code} {rule.slug}",
            "",
            f"Default severity: **{rule.severity.label}** · origin: **{rule.origin.value}** · family: {rule.family}",
            "",
            body,
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT} is out of date: run python scripts/gen_docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text)
    print(f"wrote {OUT} ({len(RULES)} rules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
