"""`config.touched`: which envs' text a range lies in, read from the build memo."""

from __future__ import annotations

from wrangler_lsp import config, syntax

TOML = b"""name = "w"
# a comment

[env.a]
name = "w-a"

[[env.a.durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[env.b.vars]
K = "v"
"""

JSON = b"""{
  "name": "w",
  "env": {
    "a": { "name": "w-a" },
    "b": { "vars": { "K": "v" } }
  }
}
"""


def _built(fmt: syntax.Format, source: bytes) -> config.Config:
    return config.build(syntax.parse(fmt, source))


def _at(source: bytes, text: bytes) -> tuple[int, int]:
    start = source.index(text)
    return start, start + len(text)


def test_toml_ranges() -> None:
    built = _built(syntax.Format.TOML, TOML)
    assert config.touched(built, TOML, *_at(TOML, b'"w-a"')) == {"a"}
    assert config.touched(built, TOML, *_at(TOML, b"class_name")) == {"a"}
    assert config.touched(built, TOML, *_at(TOML, b"env.b.vars")) == {"b"}
    # Items run to the next one (blank lines included), and ends count: env a's item ends where b's starts.
    assert config.touched(built, TOML, *_at(TOML, b"[env.b.vars]")) == {"a", "b"}
    assert config.touched(built, TOML, *_at(TOML, b'"w"')) is None  # the top level
    assert config.touched(built, TOML, *_at(TOML, b"a comment")) == set()  # a comment: no view's text
    # From the end of env a's last pair to env b's header: both (ends are included).
    start = TOML.index(b'"Room"') + len(b'"Room"')
    assert config.touched(built, TOML, start, TOML.index(b"[env.b.vars]")) == {"a", "b"}


def test_toml_broken_line_counts_as_its_table() -> None:
    source = TOML.replace(b'class_name = "Room"', b'class_name = = "Room"')
    built = _built(syntax.Format.TOML, source)
    assert built.issues
    assert config.touched(built, source, *_at(source, b"= =")) == {"a"}
    # An unclosed `[` swallows env b's section into env a's item: that is no longer env a's text only.
    swallowing = TOML.replace(b'class_name = "Room"\n', b'class_name = ["Room"\n')
    built = _built(syntax.Format.TOML, swallowing)
    assert config.touched(built, swallowing, *_at(swallowing, b'["Room"')) is None
    assert config.touched(built, swallowing, *_at(swallowing, b"[env.b.vars]")) is None


def test_json_ranges() -> None:
    built = _built(syntax.Format.JSON, JSON)
    assert config.touched(built, JSON, *_at(JSON, b'"w-a"')) == {"a"}
    assert config.touched(built, JSON, *_at(JSON, b'"K"')) == {"b"}
    assert config.touched(built, JSON, *_at(JSON, b'"w"')) is None  # a top-level member
    comma = JSON.index(b'},\n    "b"') + 1
    assert config.touched(built, JSON, comma, comma + 1) is None  # the env object's own text
    assert config.touched(built, JSON, 0, 1) is None


def test_a_stale_config_tells_nothing() -> None:
    for fmt, source in ((syntax.Format.TOML, TOML), (syntax.Format.JSON, JSON)):
        parse = syntax.parse(fmt, source)
        built = config.build(parse)
        config.build(syntax.parse(fmt, source + b"\n"), built)
        assert config.is_stale(built)
        assert config.touched(built, source, *_at(source, b'"w-a"')) is None
