"""Keys and bindings rules (WL4xx): unknown keys, value types, duplicate binding names, ignored and
unsupported values, at the top level and in every env."""

from __future__ import annotations

from wrangler_lsp.rules.api import Rule


def _rules() -> tuple[Rule, ...]:
    from wrangler_lsp.rules.bindings import (
        wl401_unknown_key,
        wl402_wrong_value_type,
        wl403_duplicate_binding_name,
        wl404_empty_string_ignored,
        wl405_toml_date_in_vars,
    )

    return (
        wl401_unknown_key.check,
        wl402_wrong_value_type.check,
        wl403_duplicate_binding_name.check,
        wl404_empty_string_ignored.check,
        wl405_toml_date_in_vars.check,
    )


RULES: tuple[Rule, ...] = _rules()
