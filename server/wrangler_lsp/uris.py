"""File URIs to paths and back (the only URI handling; no IO)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse


def to_path(uri: str) -> str:
    """The file system path of a `file:` URI; for other schemes, the URI's path part."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme in ("file", "") else unquote(parsed.path or uri)


def from_path(path: str | Path) -> str:
    return Path(path).absolute().as_uri()
