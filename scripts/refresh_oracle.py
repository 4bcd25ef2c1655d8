"""Refresh the stored wrangler-oracle results that the conformance tests read.

Runs the wrangler oracle (``../shared/tools/wrangler-oracle/oracle.sh``, see its README) with
``--all-envs`` on every config of the real corpus and of ``tests/conformance/oracle_cases/``, and writes
one normalized JSON file per input to ``tests/conformance/oracle/<input file name>.json``. It also stores
the top-level and env key lists of the wrangler package's ``config-schema.json`` in
``tests/conformance/oracle/schema-keys.json``.

Normalization keeps, per finding: severity, message text, the runs (envs) it appeared in (``""`` is the
top level), wrangler's scope context, the quoted tokens of the message, and a derived key path when one
can be derived. Timings and absolute paths are dropped, so two runs give identical files.

Tests never run this script; they read the stored files. Usage::

    python scripts/refresh_oracle.py [--jobs 2] [--only cases|real] [--oracle PATH/oracle.sh]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "real"
CASES = REPO / "tests" / "conformance" / "oracle_cases"
FIXTURES = REPO / "tests" / "fixtures" / "rules"
OUT = REPO / "tests" / "conformance" / "oracle"
DEFAULT_ORACLE = SHARED / "tools" / "wrangler-oracle" / "oracle.sh"
CONFIG_SUFFIXES = (".toml", ".json", ".jsonc")

Json = Any


def main(argv: list[str] | None = None) -> int:
    """Run the oracle over the inputs and rewrite the stored results."""
    args = _parse_args(argv)
    inputs: list[tuple[str, Path]] = []
    if args.only in (None, "real"):
        inputs += [("real", p) for p in _configs(CORPUS)]
    if args.only in (None, "cases"):
        inputs += [("cases", p) for p in _configs(CASES)]
    if args.only in (None, "fixtures"):
        inputs += [("fixtures", p) for folder in sorted(FIXTURES.iterdir()) for p in _configs(folder)]
    if not inputs:
        print("refresh_oracle: no inputs", file=sys.stderr)
        return 2
    names = [stored_name(origin, p) for origin, p in inputs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        print(f"refresh_oracle: duplicate input names: {duplicates}", file=sys.stderr)
        return 2

    started = time.monotonic()
    results = _run_oracle(args.oracle, [p for _, p in inputs], args.jobs)
    elapsed = time.monotonic() - started

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    schema_keys = _write_schema_keys(args.oracle, out)
    known = set(schema_keys["top_level"]) | {"env", "legacy_env", "node_compat"}
    n_findings = 0
    for origin, path in inputs:
        stored = _normalize(origin, path, results[str(path)], known)
        n_findings += len(stored["findings"])
        (out / stored_name(origin, path)).write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n")
    print(
        f"refresh_oracle: {len(inputs)} configs, {n_findings} findings, "
        f"oracle wall time {elapsed:.1f} s with {args.jobs} jobs"
    )
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--jobs", type=int, default=2, help="parallel oracle processes (default 2)")
    parser.add_argument("--only", choices=("cases", "real", "fixtures"), help="refresh only one input set")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the results (default: the stored ones)")
    parser.add_argument("--oracle", type=Path, default=DEFAULT_ORACLE, help="path to oracle.sh")
    return parser.parse_args(argv)


def stored_name(origin: str, path: Path) -> str:
    """The stored result's file name: `<input name>.json`, or `fixtures__WLnnn__<name>.json` for a rule fixture."""
    if origin == "fixtures":
        return f"fixtures__{path.parent.name}__{path.name}.json"
    return f"{path.name}.json"


def _configs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(CONFIG_SUFFIXES))


def _run_oracle(oracle: Path, paths: list[Path], jobs: int) -> dict[str, Json]:
    """Run the oracle in batch mode, ``jobs`` processes in parallel; map path -> raw result."""
    chunks = [paths[i::jobs] for i in range(jobs) if paths[i::jobs]]
    with tempfile.TemporaryDirectory(prefix="oracle-") as tmp, ThreadPoolExecutor(len(chunks)) as pool:
        futures = [pool.submit(_run_batch, oracle, chunk, Path(tmp), idx) for idx, chunk in enumerate(chunks)]
        merged: dict[str, Json] = {}
        for future in futures:
            merged.update(future.result())
    return merged


def _run_batch(oracle: Path, paths: list[Path], tmp: Path, idx: int) -> dict[str, Json]:
    jobs = [{"id": str(p), "path": str(p), "env": None, "all_envs": True} for p in paths]
    listing = tmp / f"batch-{idx}.json"
    listing.write_text(json.dumps(jobs))
    proc = subprocess.run(
        [str(oracle), "--batch", str(listing), "--timing"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp,
    )
    sys.stderr.write(proc.stderr)
    return {item["id"]: item["result"] for item in json.loads(proc.stdout)}


def _normalize(origin: str, path: Path, raw: Json, known: set[str]) -> Json:
    findings = []
    for severity, items in (("error", raw.get("errors", [])), ("warning", raw.get("warnings", []))):
        for item in items:
            finding: dict[str, Json] = {
                "severity": severity,
                "message": _scrub(item["message"], path),
                "envs": item.get("envs", [""]),
                "context": item.get("context", []),
                "fields": item.get("fields", []),
                "path": derive_path(item.get("message", ""), item.get("context", []), item.get("fields", []), known),
            }
            for extra in ("kind", "error", "line", "column"):
                if extra in item:
                    finding[extra] = item[extra]
            findings.append(finding)
    return {
        "input": f"{origin}/{path.parent.name}/{path.name}" if origin == "fixtures" else f"{origin}/{path.name}",
        "wrangler": raw.get("meta", {}).get("wrangler"),
        "envs": raw.get("meta", {}).get("envs", [""]),
        "findings": findings,
    }


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _scrub(message: str, path: Path) -> str:
    """Drop ANSI colours and absolute paths (the input's folder, the repo, home) from a message."""
    message = _ANSI.sub("", message)
    for prefix, name in (
        (str(path.parent), "<config-dir>"),
        (str(REPO), "<repo>"),
        (str(Path.home()), "~"),
    ):
        message = message.replace(prefix, name)
    return message


_UNEXPECTED = re.compile(r"^Unexpected fields found in (?P<container>\S+) field: \"(?P<first>[^\"]+)\"")
_SEGMENT = re.compile(r"^[A-Za-z_$][\w$-]*")
_LEADING_PATH = re.compile(r"^(?P<path>[A-Za-z_$][\w$-]*(?:\[\d+\]|\.[\w$-]+)+)=")
_BACKTICK = re.compile(r"`([A-Za-z_$][\w.$-]*)`")


def derive_path(message: str, context: list[str], fields: list[str], known: set[str]) -> str | None:
    """Best-effort key path (``env.X.durable_objects``) of what a wrangler message is about."""
    env_prefix = next((c + "." for c in context if c.startswith("env.") and "." not in c[4:]), "")
    unexpected = _UNEXPECTED.match(message)
    if unexpected:
        container = unexpected["container"]
        if container == "top-level":
            return env_prefix + unexpected["first"]
        return _qualify(container, env_prefix) + "." + unexpected["first"]
    leading = _LEADING_PATH.match(message)
    if leading:
        return _qualify(leading["path"], env_prefix)
    binding_scopes = [c for c in context if c.endswith("]")]
    if binding_scopes:
        return _binding_entry_path(message, binding_scopes[-1], fields)
    for field in [*_BACKTICK.findall(message), *fields]:
        head = _SEGMENT.match(field)
        if head is None or head.group(0) not in known:
            continue
        if env_prefix and field + "." == env_prefix:
            continue
        return _qualify(field, env_prefix)
    return None


_ENTRY_FIELDS = ("name", "class_name", "script_name", "environment", "remote", "binding")


def _binding_entry_path(message: str, scope: str, fields: list[str]) -> str:
    """Path of a message inside a ``…bindings[i]`` scope: the entry, or the entry field it names."""
    if 'if "environment" is present' in message:
        return scope + ".environment"
    for field in fields:
        if field in _ENTRY_FIELDS:
            return scope + "." + field
    return scope


def _qualify(field: str, env_prefix: str) -> str:
    return field if field.startswith("env.") or not env_prefix else env_prefix + field


def _write_schema_keys(oracle: Path, out: Path) -> Json:
    """Snapshot the key lists of the installed wrangler's config-schema.json."""
    home = Path(os.environ.get("WRANGLER_ORACLE_HOME", Path.home() / ".cache" / "wrangler-oracle"))
    version = os.environ.get("WRANGLER_VERSION", "4.164.0")
    package = home / f"wrangler-{version}" / "node_modules" / "wrangler"
    schema = json.loads((package / "config-schema.json").read_text())
    definitions = schema["definitions"]
    snapshot = {
        "source": f"wrangler {version} config-schema.json",
        "top_level": sorted(definitions["RawConfig"]["properties"]),
        "env": sorted(definitions["RawEnvironment"]["properties"]),
        "durable_object_binding": sorted(
            definitions["DurableObjectBindings"]["items"]["properties"]
            if "items" in definitions["DurableObjectBindings"]
            else definitions["DurableObjectBindings"]["properties"]
        ),
        "migration": sorted(definitions["DurableObjectMigration"]["properties"]),
        "docs": {key: _description(prop) for key, prop in sorted(definitions["RawConfig"]["properties"].items())},
    }
    (out / "schema-keys.json").write_text(json.dumps(snapshot, indent=1, ensure_ascii=False) + "\n")
    return snapshot


def _description(prop: Json) -> str:
    return str(prop.get("markdownDescription") or prop.get("description") or "")


if __name__ == "__main__":
    sys.exit(main())
