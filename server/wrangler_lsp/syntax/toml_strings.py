"""Decoding TOML 1.0 strings exactly: the four string forms, escapes, and the characters they forbid.

tree-sitter-toml finds where a string starts and ends; this module reads what is between the quotes,
as TOML 1.0 (and wrangler's parser, smol-toml) does. Problems are `(start, end, message)` byte ranges
relative to the start of the raw string, pointing at the bad escape or character.
"""

from __future__ import annotations

import re

Problem = tuple[int, int, str]

_ESCAPES = {
    ord("b"): "\b",
    ord("t"): "\t",
    ord("n"): "\n",
    ord("f"): "\f",
    ord("r"): "\r",
    ord('"'): '"',
    ord("\\"): "\\",
}
_HEX = re.compile(rb"[0-9A-Fa-f]*")
# Control characters TOML forbids in strings and comments (tab is allowed; CR is checked by callers
# that know whether it starts a CRLF).
_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
_ML_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")
_LINE_CONTINUATION = re.compile(rb"\\[ \t]*\r?\n[ \t\r\n]*")


def decode_string(raw: bytes) -> tuple[str, list[Problem]]:
    """The value of a string token (quotes included) and the problems in it."""
    if raw.startswith(b'"""'):
        return _decode_basic(raw, 3, multiline=True)
    if raw.startswith(b"'''"):
        return _decode_literal(raw, 3, multiline=True)
    if raw.startswith(b'"'):
        return _decode_basic(raw, 1, multiline=False)
    return _decode_literal(raw, 1, multiline=False)


def control_problems(raw: bytes, start: int, end: int, *, multiline: bool) -> list[Problem]:
    """Forbidden control characters in `raw[start:end]`."""
    pattern = _ML_CONTROL if multiline else _CONTROL
    return [(m.start(), m.end(), _control_message(raw[m.start()])) for m in pattern.finditer(raw, start, end)]


def utf8_problems(raw: bytes, start: int, end: int) -> list[Problem]:
    """The first invalid UTF-8 sequence in `raw[start:end]`, if any."""
    try:
        raw[start:end].decode("utf-8")
    except UnicodeDecodeError as error:
        return [(start + error.start, start + error.end, "invalid UTF-8")]
    return []


def _control_message(byte: int) -> str:
    if byte == 0x0D:
        return "a carriage return must be followed by a line feed"
    if byte == 0x0A:
        return "a line break is not allowed in a single-line string"
    return f"control character U+{byte:04X} must be escaped"


def _body(raw: bytes, quote_len: int, multiline: bool) -> tuple[int, int, list[Problem]]:
    """The content range of the string, after the newline a multi-line string drops, and closing errors."""
    problems: list[Problem] = []
    delimiter = raw[:quote_len]
    start = quote_len
    end = len(raw)
    if len(raw) >= 2 * quote_len and raw.endswith(delimiter):
        end = len(raw) - quote_len
    else:
        problems.append((0, len(raw), "unterminated string"))
    if multiline:
        if raw.startswith(b"\r\n", start):
            start += 2
        elif raw.startswith(b"\n", start):
            start += 1
    end = max(start, end)
    return start, end, problems


def _decode_literal(raw: bytes, quote_len: int, *, multiline: bool) -> tuple[str, list[Problem]]:
    start, end, problems = _body(raw, quote_len, multiline)
    quote = b"'''" if multiline else b"'"
    if quote in raw[start:end]:
        idx = raw.index(quote, start)
        problems.append((idx, idx + len(quote), f"a literal string cannot contain `{quote.decode()}`"))
    problems += control_problems(raw, start, end, multiline=multiline)
    problems += utf8_problems(raw, start, end)
    return raw[start:end].decode("utf-8", "replace"), problems


def _decode_basic(raw: bytes, quote_len: int, *, multiline: bool) -> tuple[str, list[Problem]]:
    start, end, problems = _body(raw, quote_len, multiline)
    problems += utf8_problems(raw, start, end)
    out: list[str] = []
    pos = start
    while pos < end:
        slash = raw.find(b"\\", pos, end)
        chunk_end = end if slash < 0 else slash
        problems += control_problems(raw, pos, chunk_end, multiline=multiline)
        quote = b'"""' if multiline else b'"'
        if quote in raw[pos:chunk_end]:
            idx = raw.index(quote, pos, chunk_end)
            problems.append((idx, idx + len(quote), f"a basic string cannot contain an unescaped `{quote.decode()}`"))
        out.append(raw[pos:chunk_end].decode("utf-8", "replace"))
        if slash < 0:
            break
        pos = _escape(raw, slash, end, multiline, out, problems)
    return "".join(out), problems


def _escape(raw: bytes, slash: int, end: int, multiline: bool, out: list[str], problems: list[Problem]) -> int:
    """Decodes the escape at `slash` into `out`; returns the offset after it."""
    if multiline:
        m = _LINE_CONTINUATION.match(raw, slash, end)
        if m is not None:
            return m.end()
    if slash + 1 >= end:
        problems.append((slash, slash + 1, "a backslash must start an escape sequence"))
        return end
    letter = raw[slash + 1]
    simple = _ESCAPES.get(letter)
    if simple is not None:
        out.append(simple)
        return slash + 2
    if letter in (ord("u"), ord("U")):
        width = 4 if letter == ord("u") else 8
        digits = _HEX.match(raw, slash + 2, min(end, slash + 2 + width))
        assert digits is not None
        stop = digits.end()
        if stop - slash - 2 != width:
            problems.append((slash, stop, f"`\\{chr(letter)}` needs {width} hex digits"))
            return stop
        code = int(raw[slash + 2 : stop], 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            problems.append((slash, stop, f"`{raw[slash:stop].decode()}` is not a Unicode scalar value"))
            return stop
        out.append(chr(code))
        return stop
    text = raw[slash : slash + 2].decode("utf-8", "replace")
    problems.append((slash, slash + 2, f"invalid escape sequence `{text}`"))
    return slash + 2
