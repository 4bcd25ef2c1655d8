"""How wrangler's JavaScript prints config values: `JSON.stringify` of the parsed value and truthiness.

Wrangler's messages echo values with `JSON.stringify` ("should be an object but got [...]"); rules that
keep wrangler's wording render values with `json_stringify` so the text matches.
"""

from __future__ import annotations

import datetime as dt
import json
import math

from wrangler_lsp.config import Array, Node, Scalar, ScalarKind, Table


def json_stringify(node: Node) -> str:
    """`JSON.stringify(value)` of the value `node` parses to (compact, keys in source order)."""
    return json.dumps(_js_value(node), separators=(",", ":"), ensure_ascii=False)


def truthy(node: Node | None) -> bool:
    """JavaScript truthiness of a value; a missing value is falsy, tables and arrays are truthy."""
    if node is None:
        return False
    if isinstance(node, Scalar):
        if isinstance(node.value, float) and math.isnan(node.value):
            return False
        return node.kind is not ScalarKind.INVALID and bool(node.value)
    return True


def _js_value(node: Node) -> object:
    if isinstance(node, Table):
        return {key: _js_value(entry.value) for key, entry in node.entries.items()}
    if isinstance(node, Array):
        return [_js_value(item) for item in node.items]
    assert isinstance(node, Scalar)
    value = node.value
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 1e21 else value
    if isinstance(value, dt.datetime):
        return _iso(value)
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    if isinstance(value, dt.time):
        return value.isoformat()
    return value


def _iso(value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    millis = value.microsecond // 1000
    return value.strftime("%Y-%m-%dT%H:%M:%S") + f".{millis:03d}Z"
