"""Config values the way wrangler's JavaScript sees them: `JSON.stringify` text and binding names.

Wrangler's messages echo values with `JSON.stringify` ("but got {"a":1}"), and its binding checks read
names with `getBindingNames` (`validation-helpers.ts`); both are mirrored here on the config tree so
that rules keep wrangler's wording and its exact notion of "a binding name".
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass

from wrangler_lsp.config import tree


@dataclass(frozen=True, slots=True)
class BindingName:
    """One binding name and the node that spells it (a string value, or a table key)."""

    name: str
    span: tree.Span
    path: tree.KeyPath


def js_json(node: tree.Node) -> str:
    """`JSON.stringify(value)` of `node` as wrangler would print it (compact, no spaces)."""
    return _js(tree.to_python(node))


def get_binding_names(node: tree.Node | None) -> list[BindingName]:
    """Wrangler's `getBindingNames`: a `{bindings = [{name}]}` list, a `[{binding}]` list, one
    `{binding}` table, or else the keys of a table (`vars`); anything else has no names."""
    if isinstance(node, tree.Table):
        bindings = node.get("bindings")
        if isinstance(bindings, tree.Array) and all(_string_field(item, "name") for item in bindings.items):
            return [_field_name(item, "name") for item in bindings.items]
        binding = node.entries.get("binding")
        if binding is not None:
            value = binding.value
            if isinstance(value, tree.Scalar) and value.value is not None:
                return [BindingName(_js_string(value.value), value.span, value.path)]
            return []
        return [BindingName(key, entry.key_span, entry.value.path) for key, entry in node.entries.items()]
    if isinstance(node, tree.Array) and all(_string_field(item, "binding") for item in node.items):
        return [_field_name(item, "binding") for item in node.items]
    return []


def _string_field(node: tree.Node, key: str) -> bool:
    if not isinstance(node, tree.Table):
        return False
    value = node.get(key)
    return isinstance(value, tree.Scalar) and value.kind is tree.ScalarKind.STRING


def _field_name(node: tree.Node, key: str) -> BindingName:
    assert isinstance(node, tree.Table)
    value = node.get(key)
    assert isinstance(value, tree.Scalar) and isinstance(value.value, str)
    return BindingName(value.value, value.span, value.path)


def _js_string(value: object) -> str:
    """`String(value)` for a scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _js_number(value)
    return str(value)


def _js(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _js_number(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return json.dumps(value.isoformat())
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(key, ensure_ascii=False)}:{_js(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_js(item) for item in value) + "]"
    return json.dumps(str(value))


def _js_number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return repr(value)
