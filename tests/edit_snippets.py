"""Text the random-edit tests insert: punctuation that changes structure, and non-ASCII text."""

SYNTAX_SNIPPETS = [
    *("", "x", "\n", '"', "[", "]", "{", "}", ",", "=", " = "),
    *("é", "😀", "漢字", "#", "[env.x]\n", '"k": 1,'),
]
