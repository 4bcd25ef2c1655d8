"""Every offered fix on generated multi-env configs (TOML in three styles, and JSONC): the result parses,
the finding it targets is gone, no new finding appears."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conformance.fix_check import check_all_fixes
from wrangler_lsp import syntax

NAMES = ["ROOMS", "LOBBY", "COUNTER"]
CLASSES = ["ChatRoom", "Lobby", "Counter"]


@st.composite
def configs(draw: st.DrawFn) -> dict[str, object]:
    top: dict[str, object] = {}
    if draw(st.booleans()):
        top["name"] = draw(st.sampled_from(["chat", "my-worker", "w"]))
    n_bindings = draw(st.integers(0, 2))
    bindings = [{"name": NAMES[i], "class_name": CLASSES[i]} for i in range(n_bindings)]
    if bindings:
        top["durable_objects"] = {"bindings": bindings}
    if bindings and draw(st.booleans()):
        top["migrations"] = [{"tag": "v1", "new_sqlite_classes": [b["class_name"] for b in bindings]}]
    if draw(st.booleans()):
        top["vars"] = {"A": "1", "B": "2"}
    if draw(st.booleans()):
        top["kv_namespaces"] = [{"binding": "CACHE", "id": "abc"}]
    if draw(st.booleans()):
        top["account_id"] = ""
    envs: dict[str, object] = {}
    for env_name in draw(st.lists(st.sampled_from(["staging", "prod", "qa"]), unique=True, max_size=3)):
        env: dict[str, object] = {}
        if bindings and draw(st.booleans()):
            kept = bindings[: draw(st.integers(0, len(bindings)))]
            env["durable_objects"] = {
                "bindings": [
                    {**b, **({"script_name": top["name"]} if "name" in top and draw(st.booleans()) else {})}
                    for b in kept
                ]
            }
        if "vars" in top and draw(st.booleans()):
            env["vars"] = {"A": "x"}
        if draw(st.booleans()):
            env["keep_vars"] = True
        envs[env_name] = env
    if envs:
        top["env"] = envs
    return top


def _toml_value(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)


def to_toml(config: dict[str, object], style: str) -> str:
    """`sections`: `[[...]]` headers; `inline`: inline tables and arrays; `dotted`: dotted keys in `[env.x]`."""
    out: list[str] = []
    tables: list[tuple[str, dict[str, object]]] = []
    for key, value in config.items():
        if key == "env":
            continue
        if isinstance(value, dict) and style == "sections" and key == "durable_objects":
            tables += [("[[durable_objects.bindings]]", b) for b in value["bindings"]]  # type: ignore[index]
        elif isinstance(value, list) and style == "sections" and value and isinstance(value[0], dict):
            tables += [(f"[[{key}]]", item) for item in value]
        else:
            out.append(f"{key} = {_toml_value(value)}")
    for header, body in tables:
        out += ["", header, *(f"{k} = {_toml_value(v)}" for k, v in body.items())]
    for env_name, env in config.get("env", {}).items():  # type: ignore[union-attr]
        out += ["", f"[env.{env_name}]"]
        sections: list[str] = []
        for key, value in env.items():
            if key == "durable_objects" and style == "sections":
                for b in value["bindings"]:
                    sections += ["", f"[[env.{env_name}.durable_objects.bindings]]"]
                    sections += [f"{k} = {_toml_value(v)}" for k, v in b.items()]
                if not value["bindings"]:
                    out.append("durable_objects = { bindings = [] }")
            elif key == "durable_objects" and style == "dotted":
                out.append(f"durable_objects.bindings = {_toml_value(value['bindings'])}")
            else:
                out.append(f"{key} = {_toml_value(value)}")
        out += sections
    return "\n".join(out) + "\n"


def to_jsonc(config: dict[str, object], trailing: bool) -> str:
    text = json.dumps(config, indent=2)
    if trailing:
        text = text.replace("\n  }", ",\n  }").replace('"\n    }', '",\n    }')
    return "// generated\n" + text + "\n"


@settings(max_examples=120, deadline=None)
@given(configs(), st.sampled_from(["sections", "inline", "dotted", "jsonc", "jsonc-trailing"]))
def test_every_fix_on_generated_configs(config: dict[str, object], style: str) -> None:
    if style.startswith("jsonc"):
        fmt, text, uri = syntax.Format.JSON, to_jsonc(config, style.endswith("trailing")), "file:///g/wrangler.jsonc"
    else:
        fmt, text, uri = syntax.Format.TOML, to_toml(config, style), "file:///g/wrangler.toml"
    for outcome in check_all_fixes(uri, fmt, text.encode()):
        assert outcome.problem is None, (outcome, text)
