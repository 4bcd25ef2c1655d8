"""Invariants of the key catalogue (`wrangler_lsp.model.keys`) and its agreement with wrangler.

Agreement is checked against stored files only: the schema snapshot and the oracle results under
`tests/conformance/oracle/` (refresh them with `scripts/refresh_oracle.py`). One extra test compares the
snapshot with an installed wrangler package and is skipped when the oracle is not installed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from wrangler_lsp.model import keys

ORACLE = Path(__file__).resolve().parents[2] / "conformance" / "oracle"
SCHEMA_KEYS = ORACLE / "schema-keys.json"
INSTALLED_SCHEMA = (
    Path.home()
    / ".cache"
    / "wrangler-oracle"
    / f"wrangler-{keys.WRANGLER_VERSION}"
    / "node_modules"
    / "wrangler"
    / "config-schema.json"
)

# shared/reference/wrangler-config-rules.md section 2.3 (wrangler 4.125.0), in processing order.
REFERENCE_NON_INHERITABLE = [
    "vars",
    "secrets",
    "define",
    "durable_objects",
    "workflows",
    "kv_namespaces",
    "cloudchamber",
    "containers",
    "send_email",
    "queues",
    "connect",
    "r2_buckets",
    "d1_databases",
    "vectorize",
    "ai_search_namespaces",
    "ai_search",
    "websearch",
    "agent_memory",
    "hyperdrive",
    "services",
    "analytics_engine_datasets",
    "dispatch_namespaces",
    "mtls_certificates",
    "tail_consumers",
    "streaming_tail_consumers",
    "unsafe",
    "browser",
    "ai",
    "images",
    "stream",
    "media",
    "pipelines",
    "secrets_store_secrets",
    "artifacts",
    "unsafe_hello_world",
    "flagship",
    "worker_loaders",
    "ratelimits",
    "vpc_services",
    "vpc_networks",
    "version_metadata",
]
REFERENCE_INHERITABLE = [
    "name",
    "account_id",
    "compatibility_date",
    "compatibility_flags",
    "main",
    "find_additional_modules",
    "preserve_file_names",
    "base_dir",
    "workers_dev",
    "preview_urls",
    "route",
    "routes",
    "tsconfig",
    "jsx_factory",
    "jsx_fragment",
    "rules",
    "build",
    "triggers",
    "limits",
    "placement",
    "assets",
    "migrations",
    "exports",
    "no_bundle",
    "minify",
    "keep_names",
    "first_party_worker",
    "logfwdr",
    "logpush",
    "upload_source_maps",
    "observability",
    "access",
    "cache",
    "compliance_region",
    "python_modules",
    "previews",
]
REFERENCE_TOP_LEVEL_ONLY = [
    "send_metrics",
    "dependencies_instrumentation",
    "dev",
    "site",
    "wasm_modules",
    "text_blobs",
    "data_blobs",
    "alias",
    "keep_vars",
    "addresses",
    "pages_build_output_dir",
    "$schema",
]


def _expected_non_inheritable() -> list[str]:
    """The reference's order adjusted for wrangler 4.164.0 (see the module docstring of keys.py)."""
    order = [name for name in REFERENCE_NON_INHERITABLE if name != "websearch"]
    order.insert(order.index("browser") + 1, "analytics")
    order.insert(order.index("pipelines") + 1, "k2")
    return order


def _schema_snapshot() -> Any:
    return json.loads(SCHEMA_KEYS.read_text())


def _oracle_results() -> list[Any]:
    return [json.loads(p.read_text()) for p in sorted(ORACLE.glob("*.json")) if p.name != "schema-keys.json"]


def test_key_names_are_unique() -> None:
    names = [info.name for info in keys.KEYS]
    assert len(names) == len(set(names))
    assert [info.name for info in keys.all_keys()] == names


def test_non_inheritable_order_matches_reference() -> None:
    assert list(keys.non_inheritable_in_order()) == _expected_non_inheritable()


def test_inheritable_and_top_level_only_keys_match_reference() -> None:
    assert set(keys.inheritable_keys()) == set(REFERENCE_INHERITABLE)
    assert set(keys.top_level_only_keys()) == set(REFERENCE_TOP_LEVEL_ONLY)


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("migrations", keys.Scope.INHERITABLE),
        ("exports", keys.Scope.INHERITABLE),
        ("durable_objects", keys.Scope.NON_INHERITABLE),
        ("dispatch_namespaces", keys.Scope.NON_INHERITABLE),
        ("keep_vars", keys.Scope.TOP_LEVEL_ONLY),
        ("env", keys.Scope.ENVIRONMENTS),
        ("legacy_env", keys.Scope.REMOVED),
        ("node_compat", keys.Scope.REMOVED),
    ],
)
def test_scope_of_notable_keys(name: str, scope: keys.Scope) -> None:
    info = keys.key_info(name)
    assert info is not None
    assert info.scope is scope


def test_unknown_keys_have_no_info() -> None:
    assert keys.key_info("compatability_date") is None
    assert keys.key_info("websearch") is None
    assert keys.key_info("usage_model") is None


def test_docs_are_short_single_lines() -> None:
    for info in keys.KEYS:
        assert info.doc, info.name
        assert len(info.doc) <= 200, info.name
        assert "\n" not in info.doc, info.name
    fields = (
        keys.DURABLE_OBJECT_BINDING_FIELDS
        + keys.MIGRATION_FIELDS
        + keys.RENAMED_CLASS_FIELDS
        + keys.TRANSFERRED_CLASS_FIELDS
    )
    for field in fields:
        assert field.doc and len(field.doc) <= 200 and "\n" not in field.doc, field.name


def test_urls_are_well_formed() -> None:
    for info in keys.KEYS:
        assert re.fullmatch(r"https://developers\.cloudflare\.com/[a-z0-9/_-]+/(#[a-z0-9-]+)?", info.url), info


def test_enums() -> None:
    region = keys.key_info("compliance_region")
    assert region is not None and region.enum == ("public", "fedramp_high")
    assert all(not info.enum for info in keys.KEYS if info.name != "compliance_region")


def test_env_keys_exclude_top_level_only_and_env() -> None:
    env_names = {info.name for info in keys.env_keys()}
    assert env_names == set(keys.inheritable_keys()) | set(keys.non_inheritable_in_order())
    top_names = {info.name for info in keys.top_level_keys()}
    assert "legacy_env" not in top_names and "node_compat" not in top_names
    assert {"env", "$schema", "keep_vars"} <= top_names


def test_catalogue_agrees_with_schema_snapshot() -> None:
    snapshot = _schema_snapshot()
    assert set(snapshot["top_level"]) == {info.name for info in keys.top_level_keys()}
    assert set(snapshot["env"]) == {info.name for info in keys.env_keys()}
    do_fields = {f.name for f in keys.DURABLE_OBJECT_BINDING_FIELDS if not f.warned}
    assert set(snapshot["durable_object_binding"]) == do_fields
    assert set(snapshot["migration"]) == {f.name for f in keys.MIGRATION_FIELDS}


def test_non_inheritable_keys_are_documented_as_such_in_schema() -> None:
    docs = _schema_snapshot()["docs"]
    # The validator treats `version_metadata` as non-inheritable; its schema text does not say so.
    for name in set(keys.non_inheritable_in_order()) - {"version_metadata"}:
        assert docs[name] == "" or "not automatically inherited" in docs[name] or "separately" in docs[name]


@pytest.mark.skipif(not INSTALLED_SCHEMA.exists(), reason="wrangler oracle not installed (setup.sh)")
def test_schema_snapshot_is_fresh() -> None:
    definitions = json.loads(INSTALLED_SCHEMA.read_text())["definitions"]
    assert sorted(definitions["RawConfig"]["properties"]) == _schema_snapshot()["top_level"]


def test_binding_kinds_are_unique_and_catalogued() -> None:
    kinds = keys.binding_kinds()
    assert len({k.key for k in kinds}) == len(kinds)
    assert len({k.display for k in kinds}) == len(kinds)
    for kind in kinds:
        assert keys.key_info(kind.key.split(".")[0]) is not None, kind
        assert keys.binding_kind(kind.key) is kind
        assert (kind.name_key is None) == (kind.shape in (keys.BindingShape.MAP, keys.BindingShape.STRING_LIST))
    do = keys.binding_kind("durable_objects.bindings")
    assert do is not None and do.name_key == "name" and do.display == "Durable Object"


def test_binding_display_names_match_oracle_messages() -> None:
    displays = {kind.display for kind in keys.binding_kinds()}
    seen: set[str] = set()
    for result in _oracle_results():
        for finding in result["findings"]:
            multiple = re.match(r"^\S+ assigned to multiple (.+) bindings\.$", finding["message"])
            if multiple:
                seen.add(multiple.group(1))
            several = re.match(r"^\S+ assigned to (.+) bindings\.$", finding["message"])
            if several and not multiple:
                seen.update(re.split(r", and |, | and ", several.group(1)))
    assert seen, "no duplicate-binding messages in the stored oracle results"
    assert seen <= displays


def test_oracle_not_inherited_warnings_come_in_catalogue_order() -> None:
    order = keys.non_inheritable_in_order()
    pattern = re.compile(r'^"(\w+)" exists at the top level, but not on "(env\.[^"]+)"')
    n_checked = 0
    for result in _oracle_results():
        by_env: dict[str, list[int]] = {}
        for finding in result["findings"]:
            match = pattern.match(finding["message"])
            if match:
                assert match.group(1) in order, match.group(1)
                by_env.setdefault(match.group(2), []).append(order.index(match.group(1)))
        for positions in by_env.values():
            assert positions == sorted(positions), result["input"]
            n_checked += len(positions)
    assert n_checked >= 10


def test_do_binding_and_migration_fields() -> None:
    remote = keys.durable_object_binding_field("remote")
    assert remote is not None and remote.warned
    assert [f.name for f in keys.DURABLE_OBJECT_BINDING_FIELDS if f.required] == ["name", "class_name"]
    assert keys.migration_field("transferred_classes") is not None
    assert keys.migration_field("sqlite") is None
    assert [f.name for f in keys.TRANSFERRED_CLASS_FIELDS] == ["from", "from_script", "to"]
