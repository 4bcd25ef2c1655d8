"""Config layer: the format-neutral tree (`tree.py`) and building it from a parse (`build.py`).

API boundary: `build(parse, previous)` gives a `Config`: the root `Table` and every syntax issue;
`is_stale(config)` says whether a later build moved its nodes (see `tree.Anchor`); `patch(config, ...)`
applies an edit inside one string value to the tree in place (see `patch.py`); `touched(config, start,
end)` names the envs whose text a range lies in (see `touched.py`).
"""

from wrangler_lsp.config.build import MAX_ANALYSED_BYTES, Config, build, is_stale, too_large
from wrangler_lsp.config.patch import Patched, patch
from wrangler_lsp.config.touched import Layout, changed_envs, layout, touched
from wrangler_lsp.config.tree import (
    Array,
    ArrayStyle,
    Entry,
    Key,
    KeyPath,
    Node,
    Scalar,
    ScalarKind,
    Section,
    Table,
    TableStyle,
    env_name,
    format_path,
    to_python,
    walk,
)

__all__ = [
    "MAX_ANALYSED_BYTES",
    "Array",
    "ArrayStyle",
    "Config",
    "Entry",
    "Key",
    "KeyPath",
    "Layout",
    "Node",
    "Patched",
    "Scalar",
    "ScalarKind",
    "Section",
    "Table",
    "TableStyle",
    "build",
    "changed_envs",
    "env_name",
    "format_path",
    "is_stale",
    "layout",
    "patch",
    "to_python",
    "too_large",
    "touched",
    "walk",
]
