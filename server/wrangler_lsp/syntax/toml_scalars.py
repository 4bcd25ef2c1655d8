"""Decoding TOML 1.0 integers, floats, booleans and date/time values exactly, from their token text.

tree-sitter-toml's tokens are looser than TOML (it takes `1979-02-30` and `+0x10`); these functions
apply the full rules: digits and underscores, leading zeros, ranges of every date and time field,
leap years. Each returns `(value, problem)`: `problem` is None or `(start, end, message)` relative to
the token, pointing at the offending part.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

Problem = tuple[int, int, str]

_DEC = re.compile(r"[+-]?(?:0|[1-9](?:_?[0-9])*)")
_HEX = re.compile(r"0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*")
_OCT = re.compile(r"0o[0-7](?:_?[0-7])*")
_BIN = re.compile(r"0b[01](?:_?[01])*")
_FLOAT = re.compile(r"[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?")
_SPECIAL = re.compile(r"[+-]?(?:inf|nan)")
_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_TIME = r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?"
_OFFSET = r"(?:([Zz])|([+-])(\d{2}):(\d{2}))"
_DATETIME = re.compile(_DATE + r"[Tt ]" + _TIME + _OFFSET + "?")
_DATE_ONLY = re.compile(_DATE)
_TIME_ONLY = re.compile(_TIME)


def decode_integer(text: str) -> tuple[int | None, Problem | None]:
    """The value of an integer token: decimal, `0x`, `0o` or `0b`, with single underscores between digits."""
    for pattern, base in ((_HEX, 16), (_OCT, 8), (_BIN, 2)):
        if pattern.fullmatch(text):
            return int(text[2:].replace("_", ""), base), None
    if _DEC.fullmatch(text):
        return int(text.replace("_", "")), None
    return None, (0, len(text), _number_message(text, "integer"))


def decode_float(text: str) -> tuple[float | None, Problem | None]:
    """The value of a float token: a fraction and/or an exponent, or `inf` / `nan` with an optional sign."""
    if _SPECIAL.fullmatch(text):
        sign = -1.0 if text.startswith("-") else 1.0
        return (math.copysign(math.nan, sign) if text.endswith("nan") else sign * math.inf), None
    if _FLOAT.fullmatch(text) and any(ch in text for ch in ".eE"):
        return float(text.replace("_", "")), None
    return None, (0, len(text), _number_message(text, "float"))


def decode_boolean(text: str) -> tuple[bool | None, Problem | None]:
    if text in ("true", "false"):
        return text == "true", None
    return None, (0, len(text), f"invalid boolean `{text}`: write `true` or `false`")


def decode_datetime(text: str) -> tuple[dt.datetime | dt.date | dt.time | None, Problem | None]:
    """The value of an offset or local date-time, a local date, or a local time token."""
    m = _DATETIME.fullmatch(text)
    if m is not None:
        date = _date(text, m, 1)
        if isinstance(date, tuple):
            return None, date
        time = _time(text, m, 4)
        if isinstance(time, tuple):
            return None, time
        tzinfo = _offset(text, m, 8)
        if isinstance(tzinfo, tuple):
            return None, tzinfo
        return dt.datetime.combine(date, time, tzinfo), None
    m = _DATE_ONLY.fullmatch(text)
    if m is not None:
        value = _date(text, m, 1)
        return (None, value) if isinstance(value, tuple) else (value, None)
    m = _TIME_ONLY.fullmatch(text)
    if m is not None:
        time_value = _time(text, m, 1)
        return (None, time_value) if isinstance(time_value, tuple) else (time_value, None)
    return None, (0, len(text), f"invalid date or time `{text}`: use e.g. `1979-05-27T07:32:00Z`")


def _number_message(text: str, kind: str) -> str:
    body = text.lstrip("+-")
    if "__" in text or body.startswith("_") or text.endswith("_") or "_." in text or "._" in text:
        return f"invalid {kind} `{text}`: an underscore must sit between two digits"
    if len(body) > 1 and body[0] == "0" and body[1].isdigit():
        return f"invalid {kind} `{text}`: leading zeros are not allowed"
    if body[:2] in ("0x", "0o", "0b") and body != text:
        return f"invalid {kind} `{text}`: a hexadecimal, octal or binary integer cannot have a sign"
    return f"invalid {kind} `{text}`"


def _date(text: str, m: re.Match[str], group: int) -> dt.date | Problem:
    year, month, day = (int(m.group(group + i)) for i in range(3))
    start = m.start(group)
    if not 1 <= month <= 12:
        return (m.start(group + 1), m.end(group + 1), f"month {m.group(group + 1)} is not between 01 and 12")
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        where = f"{calendar.month_name[month]} {year}"
        return (m.start(group + 2), m.end(group + 2), f"day {m.group(group + 2)} does not exist in {where}")
    if year < 1:
        return (start, m.end(group), "year 0000 cannot be represented")
    return dt.date(year, month, day)


def _time(text: str, m: re.Match[str], group: int) -> dt.time | Problem:
    hour, minute, second = (int(m.group(group + i)) for i in range(3))
    for idx, (value, limit, name) in enumerate(((hour, 23, "hour"), (minute, 59, "minute"), (second, 59, "second"))):
        if value > limit:
            g = group + idx
            return (m.start(g), m.end(g), f"{name} {m.group(g)} is not between 00 and {limit}")
    fraction = m.group(group + 3)
    micro = int((fraction + "000000")[:6]) if fraction else 0
    return dt.time(hour, minute, second, micro)


def _offset(text: str, m: re.Match[str], group: int) -> dt.tzinfo | Problem | None:
    if m.group(group):
        return dt.UTC
    if m.group(group + 1) is None:
        return None
    hours, minutes = int(m.group(group + 2)), int(m.group(group + 3))
    if hours > 23 or minutes > 59:
        return (m.start(group + 1), m.end(group + 3), f"invalid UTC offset `{text[m.start(group + 1) :]}`")
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if m.group(group + 1) == "-" else delta)
