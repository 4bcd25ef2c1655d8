"""Environment rules (WL1xx): inheritance, top-level-only and removed keys, and Worker names, for every env.

Wrangler validates the top level plus the one env selected with `--env`; these rules check every declared
env at once. Shared helpers: `envs.py` (declared envs, Worker names) and `values.py` (binding names as
wrangler reads them).
"""

from __future__ import annotations

from wrangler_lsp.rules.api import Rule


def _rules() -> tuple[Rule, ...]:
    from wrangler_lsp.rules.environments import (
        wl101_env_missing_non_inherited_key,
        wl102_env_missing_binding_list_names,
        wl103_env_missing_array_binding,
        wl104_env_missing_vars,
        wl105_env_missing_define_keys,
        wl106_env_extra_define_key,
        wl107_custom_domain_routes_inherited,
        wl108_top_level_only_key_in_env,
        wl109_legacy_env_removed,
        wl110_node_compat_removed,
        wl111_invalid_worker_name,
        wl112_invalid_implied_worker_name,
        wl113_env_without_worker_name,
    )

    return (
        wl101_env_missing_non_inherited_key.check,
        wl102_env_missing_binding_list_names.check,
        wl103_env_missing_array_binding.check,
        wl104_env_missing_vars.check,
        wl105_env_missing_define_keys.check,
        wl106_env_extra_define_key.check,
        wl107_custom_domain_routes_inherited.check,
        wl108_top_level_only_key_in_env.check,
        wl109_legacy_env_removed.check,
        wl110_node_compat_removed.check,
        wl111_invalid_worker_name.check,
        wl112_invalid_implied_worker_name.check,
        wl113_env_without_worker_name.check,
    )


RULES: tuple[Rule, ...] = _rules()
