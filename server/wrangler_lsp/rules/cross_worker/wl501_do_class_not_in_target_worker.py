"""WL501 do-class-not-in-target-worker

## What it does
Flags a Durable Object binding whose `script_name` names a Worker of the workspace whose config does not
create `class_name` (no migration or `exports` entry of that Worker's env leaves the class live). The
message lists the classes that Worker does create. The Worker may be another config's, or the top level
of the same config: an env's `script_name = "<top-level name>"` shares the top level's objects, which
exist only for the classes the top level's migrations or exports create. (An env's binding to its own
Worker is WL322's, and a binding to another env of the same config is not checked.) As WL322, only
when the top level declares its classes (migrations or Durable Object exports, all understood), and not
while the file has syntax errors. A class the top level binds itself is left to WL322 there, once.

## Why is this bad?
The binding addresses a namespace that does not exist: deploying fails with "class not found" or, worse,
the Worker binds to nothing until the other Worker adds the migration. Usually a typo in `class_name`
or in `script_name`.

## Example
`workers/rooms/wrangler.toml` creates `ChatRoom`:
```toml
name = "rooms"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]
```
and another Worker binds to it:
```toml
name = "api"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Chatroom"
script_name = "rooms"
```
Use instead:
```toml
name = "api"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "rooms"
```

In one config:
```toml
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom"]

[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "Chatroom"   # Worker `chat` does not create class `Chatroom` (in `env.staging`)
script_name = "chat"
```

## Fix
Bind to the created class closest to `class_name` (equal but for case, or a near spelling), when one is.
Not applied by fix-all or `check --fix`: the class may be new, its migration not written yet.

## Wrangler
Extra: wrangler validates one config at a time and cannot see the other Worker's migrations; the error
only comes from the Cloudflare API at deploy time. Within one config it checks neither: a binding's
`class_name` is never compared with the migrations of the Worker its `script_name` names.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from wrangler_lsp.config import format_path
from wrangler_lsp.model import DoBinding, Env
from wrangler_lsp.rules import fixes
from wrangler_lsp.rules.api import CLEAN_TEXT_ONLY, Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.cross_worker.other_workers import bindings_to_other_workers, bindings_to_own_top_level
from wrangler_lsp.rules.migrations import declares_lifecycle, well_formed
from wrangler_lsp.syntax import Severity


@rule("WL501", "do-class-not-in-target-worker", Severity.WARNING, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    for env, binding, script, targets in bindings_to_other_workers(ctx):
        if targets:
            classes = {cls for target in targets for cls in target.classes}
            yield from _missing(ctx, env, binding, script, classes)
    for env, binding, script, top in bindings_to_own_top_level(ctx):
        # As WL322 for the env's own Worker: only a top level that says which classes it has, and whose
        # migrations were all understood (in broken text, one that is not may be what creates the class).
        # A class the top level binds itself is WL322's, reported once there, not again in each env.
        if declares_lifecycle(top) and well_formed(top.migrations) and binding.class_name not in _bound(top):
            classes = {live.name for live in top.live_classes}
            yield from _missing(ctx, env, binding, script, classes, {CLEAN_TEXT_ONLY: True})


def _bound(top: Env) -> set[str | None]:
    """The classes the top level's own bindings bind (in its own Worker)."""
    return {b.class_name for b in top.do_bindings if top.binds_own(b)}


def _missing(
    ctx: Context,
    env: Env,
    binding: DoBinding,
    script: str,
    classes: set[str],
    extra: dict[str, object] | None = None,
) -> Iterator[Report]:
    """The binding's report if Worker `script`, which creates `classes`, does not create its class; with a
    fix to bind the class it most likely meant, when one is close (a typo, or another case)."""
    class_name = binding.class_name
    if class_name is None or class_name in classes:
        return
    node = binding.node.get("class_name")
    assert node is not None
    listed = ", ".join(f"`{cls}`" for cls in sorted(classes)) if classes else "no Durable Object classes"
    where = "" if env.is_top else f" (in `env.{env.name}`)"
    yield Report(
        node.span,
        f"Worker `{script}` does not create class `{class_name}`{where}; it creates {listed}",
        env=env.name,
        path=format_path((*binding.path, "class_name")),
        fixes=tuple(
            fixes.set_key(ctx, binding.node, "class_name", meant, f"Bind to class `{meant}`", preferred=False)
            for meant in _meant(class_name, classes)
        ),
        data={"script_name": script, "classes": sorted(classes), **(extra or {})},
    )


def _meant(class_name: str, classes: set[str]) -> list[str]:
    """The created class `class_name` most likely meant: the one equal to it but for case, else the
    closest by `difflib` (ratio at least 0.75); none when nothing is that close."""
    by_case = [cls for cls in sorted(classes) if cls.lower() == class_name.lower()]
    return by_case[:1] or difflib.get_close_matches(class_name, sorted(classes), n=1, cutoff=0.75)
