"""toml-test (TOML 1.0.0): every valid file builds without issues to the expected value, every invalid
file gets at least one error.

The file list is `tests/files-toml-1.0.0` (a copy of toml-test's); the files themselves are read from the
shared corpus. Expected values use toml-test's tagged JSON form (`{"type": ..., "value": ...}`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from tests import paths
from wrangler_lsp import config, syntax
from wrangler_lsp.syntax import Severity

CORPUS = paths.TOML_TEST
LISTING = Path(__file__).parent.parent / "files-toml-1.0.0"
FILES = [line.strip() for line in LISTING.read_text().splitlines() if line.strip().endswith(".toml")]
VALID = [name for name in FILES if name.startswith("valid/")]
INVALID = [name for name in FILES if name.startswith("invalid/")]


def build(name: str) -> config.Config:
    return config.build(syntax.parse(syntax.Format.TOML, (CORPUS / name).read_bytes()))


@pytest.mark.parametrize("name", VALID)
def test_valid(name: str) -> None:
    built = build(name)
    assert [(issue.code, issue.span, issue.message) for issue in built.issues] == []
    expected = json.loads((CORPUS / name).with_suffix(".json").read_text())
    assert tagged(config.to_python(built.root)) == normalize(expected)


@pytest.mark.parametrize("name", INVALID)
def test_invalid(name: str) -> None:
    built = build(name)
    assert any(issue.severity is Severity.ERROR for issue in built.issues)
    size = len((CORPUS / name).read_bytes())
    assert all(0 <= issue.span.start <= issue.span.end <= size for issue in built.issues)


def test_counts() -> None:
    assert (len(VALID), len(INVALID)) == (210, 499)


def tagged(value: object) -> object:
    """Our decoded value in toml-test's tagged form, normalized for comparison."""
    if isinstance(value, dict):
        return {key: tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("integer", value)
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else value)
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, dt.datetime):
        return ("datetime" if value.tzinfo is not None else "datetime-local", value)
    if isinstance(value, dt.date):
        return ("date-local", value)
    assert isinstance(value, dt.time), value
    return ("time-local", value)


def normalize(expected: object) -> object:
    """toml-test's tagged JSON as Python values, matching `tagged`."""
    if isinstance(expected, list):
        return [normalize(item) for item in expected]
    assert isinstance(expected, dict)
    if set(expected) != {"type", "value"} or not isinstance(expected["value"], str):
        return {key: normalize(item) for key, item in expected.items()}
    kind, text = expected["type"], expected["value"]
    if kind == "bool":
        return ("bool", text == "true")
    if kind == "integer":
        return ("integer", int(text))
    if kind == "float":
        return ("float", "nan" if "nan" in text else float(text))
    if kind == "string":
        return ("string", text)
    text = _truncate_fraction(text)
    if kind in ("datetime", "datetime-local"):
        return (kind, dt.datetime.fromisoformat(text.replace("z", "Z")))
    if kind == "date-local":
        return (kind, dt.date.fromisoformat(text))
    return (kind, dt.time.fromisoformat(text))


def _truncate_fraction(text: str) -> str:
    """Python keeps microseconds: cut longer fractions, as the builder does."""
    if "." not in text:
        return text
    head, tail = text.split(".", 1)
    digits = len(tail) - len(tail.lstrip("0123456789"))
    return f"{head}.{(tail[:digits] + '000000')[:6]}{tail[digits:]}"
