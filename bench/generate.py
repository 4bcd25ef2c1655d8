"""Deterministic generator of realistic multi-env wrangler configs of a given size (TOML or JSONC).

Usage: python -m bench.generate LINES toml|jsonc > wrangler.toml
Each env has vars, a KV namespace, Durable Object bindings (some with script_name) and migrations.
"""

from __future__ import annotations

import json
import sys


def toml_config(lines: int) -> str:
    out = [
        'name = "bench"',
        'main = "src/index.ts"',
        'compatibility_date = "2025-09-01"',
        "",
        "[vars]",
        'LOG_LEVEL = "info"',
        "",
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "Room"',
        "",
        "[[migrations]]",
        'tag = "v1"',
        'new_sqlite_classes = ["Room"]',
        "",
    ]
    idx = 0
    while len(out) < lines:
        env = f"e{idx}"
        out += [
            f"# environment {idx}",
            f"[env.{env}]",
            f'name = "bench-{env}"',
            f'vars = {{ LOG_LEVEL = "debug", REGION = "r{idx % 7}" }}',
            f'kv_namespaces = [{{ binding = "CACHE", id = "{idx:032x}" }}]',
            "",
            f"[[env.{env}.durable_objects.bindings]]",
            'name = "ROOMS"',
            'class_name = "Room"',
            *(['script_name = "bench"'] if idx % 2 else []),
            "",
            f"[[env.{env}.migrations]]",
            'tag = "v1"',
            'new_sqlite_classes = ["Room"]',
            "",
        ]
        idx += 1
    return "\n".join(out[:lines]) + "\n"


def jsonc_config(lines: int) -> str:
    envs: dict[str, object] = {}
    text = ""
    idx = 0
    while True:
        env = f"e{idx}"
        binding: dict[str, str] = {"name": "ROOMS", "class_name": "Room"}
        if idx % 2:
            binding["script_name"] = "bench"
        envs[env] = {
            "name": f"bench-{env}",
            "vars": {"LOG_LEVEL": "debug", "REGION": f"r{idx % 7}"},
            "kv_namespaces": [{"binding": "CACHE", "id": f"{idx:032x}"}],
            "durable_objects": {"bindings": [binding]},
            "migrations": [{"tag": "v1", "new_sqlite_classes": ["Room"]}],
        }
        idx += 1
        doc = {
            "$schema": "node_modules/wrangler/config-schema.json",
            "name": "bench",
            "main": "src/index.ts",
            "compatibility_date": "2025-09-01",
            "vars": {"LOG_LEVEL": "info"},
            "durable_objects": {"bindings": [{"name": "ROOMS", "class_name": "Room"}]},
            "migrations": [{"tag": "v1", "new_sqlite_classes": ["Room"]}],
            "env": envs,
        }
        text = "// generated benchmark config\n" + json.dumps(doc, indent=2) + "\n"
        if text.count("\n") >= lines:
            return text


def config(lines: int, fmt: str) -> str:
    return toml_config(lines) if fmt == "toml" else jsonc_config(lines)


if __name__ == "__main__":
    sys.stdout.write(config(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "toml"))
