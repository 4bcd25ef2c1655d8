"""JSONC tokens exactly as wrangler reads them (jsonc-parser 3.2's scanner), over UTF-8 bytes.

Wrangler parses `.json` and `.jsonc` alike with jsonc-parser (comments and trailing commas allowed).
`scan(src, pos)` skips whitespace and comments and returns the next token as a tuple
`(kind, start, end, value, issues)`, with the same token boundaries as jsonc-parser. Where jsonc-parser
would see an unknown symbol or a bad escape but JSON5 would accept the text (single-quoted strings,
hexadecimal numbers, `Infinity`, `\\x41` ...), the token is read the JSON5 way and carries a WL005 issue,
so that one mistake gives one precise diagnostic instead of a cascade.

Issues are `RawIssue = (code, start, end, message)` tuples in byte offsets.
"""

from __future__ import annotations

import re

RawIssue = tuple[str, int, int, str]
Token = tuple[int, int, int, object, tuple[RawIssue, ...] | None]

LBRACE, RBRACE, LBRACK, RBRACK, COLON, COMMA = 0, 1, 2, 3, 4, 5
STRING, NUMBER, TRUE, FALSE, NULL, EOF = 6, 7, 8, 9, 10, 11
UNKNOWN, IDENT, BAREKEY = 12, 13, 14
"""`UNKNOWN` is an invalid symbol; `IDENT` a bare word that may be a JSON5 key (the parser decides);
`BAREKEY` is never scanned, the parser turns an `IDENT` before a colon into it."""

_PUNCT = {0x7B: LBRACE, 0x7D: RBRACE, 0x5B: LBRACK, 0x5D: RBRACK, 0x3A: COLON, 0x2C: COMMA}
_TRIVIA = re.compile(rb"(?:[ \t\r\n]+|//[^\r\n]*|/\*.*?\*/)*", re.S)
_SIMPLE_STRING = re.compile(rb'"([^"\\\x00-\x1f]*)"')
_STRING_RUN = {34: re.compile(rb'[^"\\\x00-\x1f]+'), 39: re.compile(rb"[^'\\\x00-\x1f]+")}
_NUMBER = re.compile(rb"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WORD = re.compile(rb'[^ \t\r\n{}\[\]":,/]+')
_JSON5_NUMBER = re.compile(
    rb"[+-]?(?:Infinity|NaN|0[xX][0-9A-Fa-f]+|(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
)
_HEX4 = re.compile(rb"[0-9A-Fa-f]{4}")
_HEX2 = re.compile(rb"[0-9A-Fa-f]{2}")
_PARTIAL_HEX = re.compile(rb"[0-9A-Fa-f]{0,3}")
_CUT_TAIL = re.compile(rb"\s*[,}\]][\s,}\]]*\Z")
_SIMPLE_ESCAPES = {34: '"', 92: "\\", 47: "/", 98: "\b", 102: "\f", 110: "\n", 114: "\r", 116: "\t"}
_JSON5_ESCAPES = {39: "'", 118: "\v"}
_JSON5_SPACE = frozenset(
    "\v\f\xa0\ufeff\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)

MESSAGES = {
    "InvalidSymbol": "Invalid symbol",
    "ValueExpected": "Value expected",
    "PropertyNameExpected": "Property name expected",
    "ColonExpected": "Colon expected",
    "CommaExpected": "Comma expected",
    "CloseBraceExpected": "Close brace expected",
    "CloseBracketExpected": "Close bracket expected",
    "EndOfFileExpected": "End of file expected",
    "UnexpectedEndOfComment": "Unexpected end of comment",
    "UnexpectedEndOfString": "Unexpected end of string",
    "UnexpectedEndOfNumber": "Unexpected end of number",
    "InvalidUnicode": "Invalid unicode sequence",
    "InvalidEscapeCharacter": "Invalid escape character",
    "InvalidCharacter": "Invalid characters in string. Control characters must be escaped.",
}
"""jsonc-parser's error codes (wrangler prints the code) and the text we show for each."""


def error(code: str, start: int, end: int) -> RawIssue:
    """A WL004 issue for one of jsonc-parser's error codes."""
    return ("WL004", start, end, MESSAGES[code])


def json5(start: int, end: int, what: str) -> RawIssue:
    return ("WL005", start, end, f"{what} not allowed (JSON5 only)")


def skip_trivia(src: bytes, pos: int) -> int:
    """The offset of the next token after whitespace and complete comments."""
    return _TRIVIA.match(src, pos).end()  # type: ignore[union-attr]


def scan(src: bytes, pos: int) -> Token:
    """The token at or after `pos` (after whitespace and comments); `EOF` at the end."""
    pos = _TRIVIA.match(src, pos).end()  # type: ignore[union-attr]
    size = len(src)
    if pos >= size:
        return (EOF, size, size, None, None)
    c = src[pos]
    kind = _PUNCT.get(c)
    if kind is not None:
        return (kind, pos, pos + 1, None, None)
    if c == 0x22:
        m = _SIMPLE_STRING.match(src, pos)
        if m is not None:
            return (STRING, pos, m.end(), m.group(1).decode("utf-8", "replace"), None)
        return _string(src, pos, 0x22)
    if c == 0x2D or 0x30 <= c <= 0x39:
        return _number(src, pos)
    if c == 0x2F:
        if src.startswith(b"/*", pos):  # an unclosed block comment runs to the end
            return (EOF, size, size, None, (error("UnexpectedEndOfComment", pos, size),))
        return (UNKNOWN, pos, pos + 1, None, (error("InvalidSymbol", pos, pos + 1),))
    return _word(src, pos)


def _number(src: bytes, pos: int) -> Token:
    m = _NUMBER.match(src, pos)
    word = _WORD.match(src, pos)
    assert word is not None
    if m is None:  # a `-` not followed by a digit
        alt = _json5_number(src, pos, word.end())
        return alt or (UNKNOWN, pos, pos + 1, None, (error("InvalidSymbol", pos, pos + 1),))
    end = m.end()
    issue = None
    tail = src[end : end + 2]
    if m.group(1) is None and m.group(2) is None and tail[:1] == b".":  # `1.`: jsonc stops after it
        end += 1
        issue = error("UnexpectedEndOfNumber", pos, end)
    elif m.group(2) is None and tail[:1] in (b"e", b"E"):  # `1e` / `1e+` without digits
        end += 2 if tail[1:2] in (b"+", b"-") else 1
        issue = error("UnexpectedEndOfNumber", pos, end)
    if word.end() > end or issue is not None:
        alt = _json5_number(src, pos, word.end())
        if alt is not None:
            return alt
    text = m.group(0)
    value: int | float = float(text) if m.group(1) or m.group(2) else int(text)
    return (NUMBER, pos, end, value, (issue,) if issue else None)


def _json5_number(src: bytes, pos: int, end: int) -> Token | None:
    """A JSON5-only number spelled by the whole word `src[pos:end]`, or None."""
    text = src[pos:end]
    if _JSON5_NUMBER.fullmatch(text) is None:
        return None
    body = text.lstrip(b"+-")
    negative = text.startswith(b"-")
    value: int | float
    if body in (b"Infinity", b"NaN"):
        what, value = "Infinity and NaN are", float(body.decode())
    elif body[:2] in (b"0x", b"0X"):
        what, value = "hexadecimal numbers are", int(body, 16)
    else:
        value = float(body)
        if text.startswith(b"+"):
            what = "a leading '+' is"
        elif body.startswith(b"."):
            what = "a leading decimal point is"
        else:
            what = "a trailing decimal point is"
    return (NUMBER, pos, end, -value if negative else value, (json5(pos, end, what),))


def _word(src: bytes, pos: int) -> Token:
    m = _WORD.match(src, pos)
    assert m is not None
    end = m.end()
    text = src[pos:end]
    if text == b"true":
        return (TRUE, pos, end, True, None)
    if text == b"false":
        return (FALSE, pos, end, False, None)
    if text == b"null":
        return (NULL, pos, end, None, None)
    if text.startswith(b"'"):
        token = _string(src, pos, 0x27)
        if token[0] == STRING:
            return token
    alt = _json5_number(src, pos, end)
    if alt is not None:
        return alt
    word = text.decode("utf-8", "replace")
    spaces = len(word) - len(word.lstrip("".join(_JSON5_SPACE)))
    if spaces:  # JSON5 whitespace: reported, then skipped like whitespace
        end = pos + len(word[:spaces].encode())
        names = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(word[:spaces]))
        return (UNKNOWN, pos, end, None, (json5(pos, end, f"the whitespace character {names} is"),))
    if word.replace("$", "_").isidentifier():
        return (IDENT, pos, end, word, None)
    return (UNKNOWN, pos, end, None, (error("InvalidSymbol", pos, end),))


def _string(src: bytes, start: int, quote: int) -> Token:
    """A string with escapes or problems; `quote` is `"` or (JSON5) `'`.

    An unclosed single-quoted string gives an `UNKNOWN` token (jsonc-parser's reading). An unclosed
    double-quoted string ends at the line break, as in jsonc-parser; if the line then ends in closing
    punctuation (`"abc },`), the string stops before it so that the structure around survives.
    """
    run = _STRING_RUN[quote]
    single = quote == 0x27
    size = len(src)
    parts: list[str] = []
    issues: list[RawIssue] = []
    pos = start + 1
    while True:
        m = run.match(src, pos)
        if m is not None:
            parts.append(m.group(0).decode("utf-8", "replace"))
            pos = m.end()
        if pos >= size or src[pos] in (10, 13):
            if single:
                end = _WORD.match(src, start).end()  # type: ignore[union-attr]
                return (UNKNOWN, start, end, None, (error("InvalidSymbol", start, end),))
            cut = _CUT_TAIL.search(src, start + 1, pos)
            if cut is not None:
                kept = src[start + 1 : cut.start()].decode("utf-8", "replace")
                issues = [issue for issue in issues if issue[1] < cut.start()]
                return _unclosed(start, cut.start(), kept, issues)
            return _unclosed(start, pos, "".join(parts), issues)
        c = src[pos]
        if c == quote:
            pos += 1
            break
        if c == 0x5C:
            pos = _escape(src, pos, parts, issues, single)
            continue
        issues.append(error("InvalidCharacter", pos, pos + 1))
        parts.append(chr(c))
        pos += 1
    value = "".join(parts)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):  # join \uXXXX surrogate pairs
        value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if single:
        issues.insert(0, json5(start, pos, "single-quoted strings are"))
    return (STRING, start, pos, value, tuple(issues) or None)


def _unclosed(start: int, end: int, value: str, issues: list[RawIssue]) -> Token:
    issues.append(error("UnexpectedEndOfString", start, end))
    return (STRING, start, end, value, tuple(issues))


def _escape(src: bytes, pos: int, parts: list[str], issues: list[RawIssue], single: bool) -> int:
    """Reads the escape at `pos` (a backslash) into `parts`; returns the offset after it."""
    size = len(src)
    if pos + 1 >= size:
        return pos + 1  # the caller reports the unclosed string
    c = src[pos + 1]
    simple = _SIMPLE_ESCAPES.get(c)
    if simple is not None:
        parts.append(simple)
        return pos + 2
    if c == 0x75:  # \uXXXX
        m = _HEX4.match(src, pos + 2)
        if m is not None:
            parts.append(chr(int(m.group(0), 16)))
            return pos + 6
        end = _PARTIAL_HEX.match(src, pos + 2).end()  # type: ignore[union-attr]
        issues.append(error("InvalidUnicode", pos, end))
        return end
    end = pos + 2
    what: str | None = None
    if c in _JSON5_ESCAPES:
        parts.append(_JSON5_ESCAPES[c])
        what = f"the escape \\{chr(c)} is"
    elif c == 0x30 and not src[pos + 2 : pos + 3].isdigit():
        parts.append("\0")
        what = "the escape \\0 is"
    elif c == 0x78 and _HEX2.match(src, pos + 2):  # \xHH
        parts.append(chr(int(src[pos + 2 : pos + 4], 16)))
        end, what = pos + 4, "the escape \\x is"
    elif c in (10, 13) or src.startswith((b"\xe2\x80\xa8", b"\xe2\x80\xa9"), pos + 1):
        end = pos + (3 if src.startswith(b"\r\n", pos + 1) else 2 if c in (10, 13) else 4)
        what = "line continuations in strings are"
    elif 0x30 <= c <= 0x39 or c == 0x78:
        issues.append(error("InvalidEscapeCharacter", pos, end))
        return end
    else:  # JSON5 reads `\a` as `a`
        width = 1 if c < 0x80 else 2 if c < 0xE0 else 3 if c < 0xF0 else 4
        end = pos + 1 + width
        parts.append(src[pos + 1 : end].decode("utf-8", "replace"))
        what = "unnecessary escapes are"
    if not single:
        issues.append(json5(pos, end, what))
    return end
