"""Binding names the way wrangler's JavaScript reads them (`getBindingNames`, `validation-helpers.ts`).

Mirrored on the config tree so that the env and duplicate-name rules share wrangler's exact notion of
"a binding name", with the node that spells each name. (`JSON.stringify` text is `model.js`.)
"""

from __future__ import annotations

from dataclasses import dataclass

from wrangler_lsp.config import tree
from wrangler_lsp.text import Span


@dataclass(frozen=True, slots=True)
class BindingName:
    """One binding name and the node that spells it (a string value, or a table key)."""

    name: str
    span: Span
    path: tree.KeyPath


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
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
