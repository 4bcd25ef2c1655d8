"""The command line: `wrangler-lsp check|explain|serve`.

`check` lints files or folders and prints one line per finding (or JSON); its exit code is 0 when
nothing reaches `--fail-on`, 1 when something does, 2 on a usage or I/O error. `serve` runs the
language server over stdio; lsprotocol and pygls are imported only then (they cost ~0.4 s to load).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from wrangler_lsp import __version__, syntax
from wrangler_lsp.document import Document
from wrangler_lsp.rules import Finding
from wrangler_lsp.settings import SEVERITY_NAMES, Settings, parse_severity
from wrangler_lsp.syntax import Severity
from wrangler_lsp.text import PositionEncoding
from wrangler_lsp.uris import from_path

CONFIG_NAMES = ("wrangler.toml", "wrangler.json", "wrangler.jsonc")
UTF8_BOM = b"\xef\xbb\xbf"


class UsageError(Exception):
    """A bad command line or an unreadable path: exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command in (None, "serve"):
        from wrangler_lsp.lsp.server import serve

        return serve()
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "explain":
            return _explain(args)
    except UsageError as error:
        print(f"wrangler-lsp: {error}", file=sys.stderr)
        return 2
    parser.print_help()
    return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wrangler-lsp", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"wrangler-lsp {__version__}")
    commands = parser.add_subparsers(dest="command")
    serve = commands.add_parser("serve", help="run the language server over stdio")
    serve.add_argument("--stdio", action="store_true", help="accepted for clients that pass it; stdio is the default")
    check = commands.add_parser("check", help="lint wrangler config files or folders")
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, or folders to search for wrangler.toml|json|jsonc"
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "hint"),
        default="error",
        help="exit 1 when a finding is at least this severe (default: error)",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply every safe (preferred) fix in place, then report what remains; "
        "files with syntax errors are left alone",
    )
    check.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help="override a rule's severity: off, hint, info, warning or error (repeatable)",
    )
    explain = commands.add_parser(
        "explain", help="per env: each Durable Object binding's class and Worker, and the keys it lacks"
    )
    explain.add_argument("file", metavar="FILE")
    explain.add_argument("--env", default=None, help="only this env")
    return parser


def _explain(args: argparse.Namespace) -> int:
    from wrangler_lsp.features.explain import explain

    path = Path(args.file)
    if not path.is_file() or syntax.format_for_path(path.name) is None:
        raise UsageError(f"{args.file}: not a .toml, .json or .jsonc file")
    doc = _load(path)
    worker = doc.context.worker
    if args.env is not None and worker.env(args.env) is None:
        names = ", ".join(env.name for env in worker.envs if env.name) or "none"
        raise UsageError(f"{args.file}: no env named {args.env!r} (envs: {names})")
    print(f"{path}\n")
    print(explain(worker, args.env), end="")
    return 0


def _check(args: argparse.Namespace) -> int:
    settings = Settings(severity=_severity_overrides(args.severity))
    fail_on = parse_severity(args.fail_on)
    assert fail_on is not None
    files = list(_config_files(args.paths))
    results: list[tuple[Path, Document, Sequence[Finding]]] = []
    for path in files:
        doc = _load(path)
        if args.fix:
            doc = _fix(path, doc, settings)
        results.append((path, doc, doc.findings(settings)))
    if args.format == "json":
        print(json.dumps([_finding_json(path, doc, f) for path, doc, found in results for f in found], indent=2))
    else:
        _print_text(results)
    failing = any(f.severity.value <= fail_on.value for _, _, found in results for f in found)
    return 1 if failing else 0


def _fix(path: Path, doc: Document, settings: Settings) -> Document:
    """Apply safe fixes until none is left (a few rounds at most) and write the file if it changed.

    A file with syntax errors is never touched: its tree may not be what the user meant.
    """
    from wrangler_lsp.edits import apply_edits
    from wrangler_lsp.features.code_actions import fix_all_edits

    original = path.read_bytes()
    fixed = doc
    for _ in range(5):
        findings = fixed.findings_with_fixes(settings)
        if any(f.code.startswith("WL0") and f.severity is Severity.ERROR for f in findings):
            return doc
        edits = fix_all_edits(findings)
        if not edits:
            break
        fixed = Document(fixed.uri, fixed.format, apply_edits(fixed.source, edits))
    if fixed.source != doc.source:
        bom = UTF8_BOM if original.startswith(UTF8_BOM) else b""
        path.write_bytes(bom + fixed.source[len(bom) :])
        print(f"{path}: fixed", file=sys.stderr)
    return fixed


def _severity_overrides(values: Sequence[str]) -> dict[str, Severity | None]:
    overrides: dict[str, Severity | None] = {}
    for value in values:
        code, sep, level = value.partition("=")
        if not sep or level.strip().lower() not in SEVERITY_NAMES:
            raise UsageError(f"--severity takes CODE=off|hint|info|warning|error, got {value!r}")
        overrides[code.strip().upper()] = parse_severity(level)
    return overrides


def _config_files(paths: Sequence[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _search(path)
        elif path.is_file():
            if syntax.format_for_path(path.name) is None:
                raise UsageError(f"{raw}: not a .toml, .json or .jsonc file")
            yield path
        else:
            raise UsageError(f"{raw}: no such file or folder")


def _search(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "node_modules" and not d.startswith("."))
        for name in sorted(names):
            if name in CONFIG_NAMES:
                yield Path(root) / name


def _load(path: Path) -> Document:
    try:
        source = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror or error}") from error
    if source.startswith(UTF8_BOM):
        # Wrangler strips a UTF-8 byte-order mark; blanking it keeps every offset in place.
        source = b"   " + source[len(UTF8_BOM) :]
    fmt = syntax.format_for_path(path.name)
    assert fmt is not None
    return Document(from_path(path), fmt, source)


def _print_text(results: Sequence[tuple[Path, Document, Sequence[Finding]]]) -> None:
    counts = {severity: 0 for severity in Severity}
    for path, doc, found in results:
        for finding in found:
            line, col = doc.line_index.position(finding.span.start, PositionEncoding.UTF32)
            label = finding.severity.label
            message = " ".join(finding.message.split("\n"))
            print(f"{path}:{line + 1}:{col + 1}: {label} {finding.code} {message}")
            counts[finding.severity] += 1
    summary = ", ".join(
        f"{n} {s.label}{'s' if n != 1 and s is not Severity.INFORMATION else ''}" for s, n in counts.items() if n
    )
    n_files = len(results)
    print(f"{n_files} file{'s' if n_files != 1 else ''} checked: {summary or 'no problems'}")


def _finding_json(path: Path, doc: Document, finding: Finding) -> dict[str, object]:
    index = doc.line_index
    start = index.position(finding.span.start, PositionEncoding.UTF16)
    end = index.position(finding.span.end, PositionEncoding.UTF16)
    return {
        "file": str(path),
        "env": finding.env,
        "code": finding.code,
        "severity": finding.severity.label if finding.severity is not Severity.INFORMATION else "information",
        "origin": finding.origin.value,
        "message": finding.message,
        "path": finding.path,
        "range": {
            "start": {"line": start[0], "character": start[1]},
            "end": {"line": end[0], "character": end[1]},
        },
    }
