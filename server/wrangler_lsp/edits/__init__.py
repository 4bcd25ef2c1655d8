"""Edits: style-preserving insert, replace and remove for TOML and JSON(C), the only code that writes text.

Pure functions from a source (bytes) and config tree nodes of its parse to `Edit`s: UTF-8 byte spans
and the text to put there, never overlapping, minimal, in the user's style (indentation, line endings,
comments, trailing commas, one-line or multi-line layout). Applying them gives a file that parses with
no new syntax issue. `toml_edit` and `json_edit` document the style rules of each format.

API boundary: `Edit`, `apply_edits`, `set_key`, `replace_value`, `remove_key`, `append_array_table`,
`add_table`, `render_value`, `render_key`.
"""

from wrangler_lsp.edits.edit import Edit, apply_edits
from wrangler_lsp.edits.operations import add_table, append_array_table, remove_key, replace_value, set_key
from wrangler_lsp.edits.render import render_key, render_value

__all__ = [
    "Edit",
    "add_table",
    "append_array_table",
    "apply_edits",
    "remove_key",
    "render_key",
    "render_value",
    "replace_value",
    "set_key",
]
