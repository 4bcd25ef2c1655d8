"""WL402 wrong-value-type

## What it does
Reports a common key whose value has the wrong type: `main`, `account_id`, `base_dir`, `jsx_*` and
`pages_build_output_dir` must be strings, `workers_dev`, `minify`, `logpush`, `keep_vars`, ... booleans,
`compatibility_flags` and `addresses` arrays of strings, `compliance_region` one of its values, and
`compatibility_date` a `YYYY-MM-DD` date.

## Why is this bad?
Wrangler refuses the config: `workers_dev = "false"` is a string, not the boolean `false`.

## Example
```toml
workers_dev = "false"
compatibility_flags = "nodejs_compat"
```
Use instead:
```toml
workers_dev = false
compatibility_flags = ["nodejs_compat"]
```

## Fix
Write the value with the expected type (`data.expected`), e.g. unquote a boolean or wrap a string in
an array.

## Wrangler
Mirrors wrangler's `isString`, `isBoolean`, `isStringArray`, `isOneOf`, `validateCompatibilityDate` and
`validateOptionalProperty` errors for these keys (`validation.ts`, `validation-helpers.ts`), with the same
messages. Structured keys (bindings, `routes`, `assets`, ...) are checked by their own rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wrangler_lsp.config import tree
from wrangler_lsp.model.js import json_stringify as js_json
from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.environments.envs import declared_envs
from wrangler_lsp.syntax import Severity

_STRING = ("account_id", "jsx_factory", "jsx_fragment", "main", "base_dir")
_BOOLEAN = (
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
)
_TOP_LEVEL_BOOLEAN = ("send_metrics", "keep_vars")
_TOP_LEVEL_STRING = ("pages_build_output_dir", "$schema")
_REGIONS = ("public", "fedramp_high")


@rule("WL402", "wrong-value-type", Severity.ERROR, Origin.WRANGLER)
def check(ctx: Context) -> Iterator[Report]:
    root = ctx.config.root
    yield from _top_level_only(root)
    yield from _env_keys(root, None, "")
    for env in declared_envs(root):
        yield from _env_keys(env.table, env.name, f"{env.prefix}.")


def _top_level_only(root: tree.Table) -> Iterator[Report]:
    for key in _TOP_LEVEL_BOOLEAN:
        yield from _expect(root, key, None, "", tree.ScalarKind.BOOLEAN)
    for key in _TOP_LEVEL_STRING:
        yield from _expect(root, key, None, "", tree.ScalarKind.STRING)
    addresses = root.get("addresses")
    if isinstance(addresses, tree.Array):
        for idx, item in enumerate(addresses.items):
            if not _is(item, tree.ScalarKind.STRING):
                message = f'Expected "addresses.[{idx}]" to be of type string but got {js_json(item)}.'
                yield _report(item, message, None, f"addresses[{idx}]", "string")
    elif addresses is not None:
        message = f'Expected "addresses" to be an array of strings but got {js_json(addresses)}'
        yield _report(addresses, message, None, "addresses", "array of strings")


def _env_keys(table: tree.Table, env_name: str | None, prefix: str) -> Iterator[Report]:
    entries = table.entries
    for key in _STRING:
        if key in entries:  # `_expect` reports nothing for an absent key: skip the call
            yield from _expect(table, key, env_name, prefix, tree.ScalarKind.STRING)
    for key in _BOOLEAN:
        if key in entries:
            yield from _expect(table, key, env_name, prefix, tree.ScalarKind.BOOLEAN)
    flags = table.get("compatibility_flags")
    if flags is not None and not (
        isinstance(flags, tree.Array) and all(_is(item, tree.ScalarKind.STRING) for item in flags.items)
    ):
        message = f'Expected "compatibility_flags" to be of type string array but got {js_json(flags)}.'
        yield _report(flags, message, env_name, f"{prefix}compatibility_flags", "array of strings")
    region = table.get("compliance_region")
    if region is not None and not (isinstance(region, tree.Scalar) and region.value in _REGIONS):
        message = (
            f'Expected "compliance_region" field to be one of ["public","fedramp_high"] but got {js_json(region)}.'
        )
        yield _report(region, message, env_name, f"{prefix}compliance_region", "one of public, fedramp_high")
    yield from _compatibility_date(table, env_name, prefix)


def _compatibility_date(table: tree.Table, env_name: str | None, prefix: str) -> Iterator[Report]:
    node = table.get("compatibility_date")
    path = f"{prefix}compatibility_date"
    if node is None:
        return
    if not _is(node, tree.ScalarKind.STRING):
        message = f'Expected "compatibility_date" to be of type string but got {js_json(node)}.'
        yield _report(node, message, env_name, path, "string")
        return
    assert isinstance(node, tree.Scalar) and isinstance(node.value, str)
    value = node.value
    if "\u2013" in value or "\u2014" in value:
        message = (
            '"compatibility_date" field should use ISO-8601 accepted hyphens (-) rather than '
            "en-dashes (\u2013) or em-dashes (\u2014)."
        )
        yield _report(node, message, env_name, path, "date")
    if not _js_date_valid(re.sub("[\u2013\u2014]", "-", value)):
        got = js_json(node)
        message = f'"compatibility_date" field should be a valid ISO-8601 date (YYYY-MM-DD), but got {got}.'
        yield _report(node, message, env_name, path, "date")


def _js_date_valid(value: str) -> bool:
    """An approximation of `!isNaN(new Date(value))`: ISO dates with valid fields, and other text that
    has digits and none of the placeholder characters seen in templates (`%COMPAT_DATE`, `{{...}}`)."""
    iso = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if iso is not None:
        return 1 <= int(iso.group(2)) <= 12 and 1 <= int(iso.group(3)) <= 31
    return bool(re.search(r"\d", value)) and not re.search(r"[%{}<>$_]", value)


def _expect(table: tree.Table, key: str, env_name: str | None, prefix: str, kind: tree.ScalarKind) -> Iterator[Report]:
    node = table.get(key)
    if node is None or _is(node, kind):
        return
    message = f'Expected "{key}" to be of type {kind.value} but got {js_json(node)}.'
    yield _report(node, message, env_name, f"{prefix}{key}", kind.value)


def _is(node: tree.Node, kind: tree.ScalarKind) -> bool:
    return isinstance(node, tree.Scalar) and node.kind is kind


def _report(node: tree.Node, message: str, env_name: str | None, path: str, expected: str) -> Report:
    return Report(
        span=node.span,
        message=message,
        env=env_name,
        path=path,
        data={"env": env_name, "key": path.rsplit(".", 1)[-1], "expected": expected},
    )
