"""Rendering keys and values as TOML or JSON text.

TOML strings are basic strings (`"..."`) with `\\"`, `\\\\`, the short escapes and `\\uXXXX` for other
control characters; non-ASCII text is kept as is. TOML keys are bare when they can be
(`[A-Za-z0-9_-]+`), quoted otherwise. JSON values are `json.dumps(..., ensure_ascii=False)`; `json_block`
lays objects (and arrays of objects) out over several lines at a given indentation.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence

from wrangler_lsp.syntax import Format

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def render_value(fmt: Format, value: object) -> str:
    """`value` (str, int, float, bool, list or dict of those) as one line of TOML or JSON."""
    if fmt is Format.JSON:
        return json.dumps(value, ensure_ascii=False)
    return _toml(value)


def render_key(fmt: Format, key: str) -> str:
    """A key as written before `=` (TOML, quoted when not bare) or `:` (JSON, always quoted)."""
    if fmt is Format.JSON:
        return json.dumps(key, ensure_ascii=False)
    return key if _BARE.fullmatch(key) else toml_string(key)


def render_pair(fmt: Format, key: str, value: object) -> str:
    """`key = value` (TOML) or `"key": value` (JSON), on one line."""
    if fmt is Format.JSON:
        return f"{render_key(fmt, key)}: {render_value(fmt, value)}"
    return f"{render_key(fmt, key)} = {render_value(fmt, value)}"


def toml_header(path: Sequence[str | int]) -> str:
    """The dotted name of a TOML header for `path`; array indices are left out, as headers write them."""
    return ".".join(render_key(Format.TOML, key) for key in path if isinstance(key, str))


def toml_string(text: str) -> str:
    """`text` as a TOML basic string."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def json_block(value: object, indent: str, unit: str, newline: str, trailing: bool = False) -> str:
    """`value` as JSON whose objects (and arrays holding objects) span lines; `indent` is that of its line.

    The first line is not indented (the caller writes the key or position before it); arrays of
    scalars stay on one line, as wrangler's templates write `"new_sqlite_classes": ["MyObject"]`.
    `trailing` puts a comma after the last member of each list laid out over lines.
    """
    inner = indent + unit
    if isinstance(value, Mapping) and value:
        members = [
            f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {json_block(v, inner, unit, newline, trailing)}"
            for k, v in value.items()
        ]
        end = "," if trailing else ""
        return "{" + newline + ("," + newline).join(members) + end + newline + indent + "}"
    if isinstance(value, list) and any(isinstance(item, Mapping) for item in value):
        items = [inner + json_block(item, inner, unit, newline, trailing) for item in value]
        end = "," if trailing else ""
        return "[" + newline + ("," + newline).join(items) + end + newline + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def json_inline(value: object, padded: bool) -> str:
    """`value` as one line of JSON; `padded` writes objects as `{ "a": 1 }` rather than `{"a": 1}`."""
    if isinstance(value, Mapping) and value:
        members = ", ".join(
            f"{json.dumps(str(k), ensure_ascii=False)}: {json_inline(v, padded)}" for k, v in value.items()
        )
        return "{ " + members + " }" if padded else "{" + members + "}"
    if isinstance(value, list) and value:
        return "[" + ", ".join(json_inline(item, padded) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        text = repr(value)
        return text if any(c in text for c in ".en") else text + ".0"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{render_key(Format.TOML, str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    # A ValueError, as for every change `edits` cannot write: a fix copying a value the parser could not
    # read (None) then offers no edit, rather than failing the code action (found by the fuzz test).
    raise ValueError(f"cannot write a {type(value).__name__} as TOML")
