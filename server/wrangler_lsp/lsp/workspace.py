"""The workspace index at the LSP edge: walking and reading files, background indexing, source files.

All the IO of workspace intelligence lives here. The index (`workspace.WorkspaceIndex`) is pure data fed
with what this module reads: every `wrangler.toml|json|jsonc` under the workspace folders (skipping
`node_modules`, hidden folders, symlinks that leave the folder and files over 5 MB), indexed in the
background with `window/workDoneProgress`, yielding to the event loop between files so that requests
answer from what is indexed so far. Open documents win over the disk: `index(ls)` folds their current
version in before answering. Worker source files (`main` and what it imports) are read on demand,
bounded in time and count, and cached by modification time.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types

from wrangler_lsp import syntax, workspace
from wrangler_lsp.lsp.session import Server, detached
from wrangler_lsp.text import LineIndex
from wrangler_lsp.uris import from_path, to_path

CONFIG_NAMES = ("wrangler.toml", "wrangler.json", "wrangler.jsonc")
SKIP_DIRS = ("node_modules",)
MAX_BYTES = 5 * 1024 * 1024
SOURCE_SUFFIXES = (".ts", ".js", ".mjs", ".mts", ".tsx", ".jsx")
SOURCE_BUDGET_SECONDS = 0.2
SOURCE_MAX_FILES = 50
FILES_PER_YIELD = 8

T = TypeVar("T")


@dataclass
class State:
    """The server's workspace state (kept on the server object, created on first use)."""

    index: workspace.WorkspaceIndex = field(default_factory=workspace.WorkspaceIndex)
    started: bool = False
    done: bool = False
    synced: dict[str, int | None] = field(default_factory=dict)
    sources: dict[str, tuple[float, int, workspace.SourceScan, LineIndex]] = field(default_factory=dict)
    task: asyncio.Task[None] | None = None
    sync: asyncio.TimerHandle | None = None
    """The pending refold of edited open documents (see `index`)."""


def state(ls: Server) -> State:
    current = getattr(ls, "_wrangler_workspace", None)
    if not isinstance(current, State):
        current = State()
        setattr(ls, "_wrangler_workspace", current)  # noqa: B010 - the lead may move this onto Server
    return current


def index(ls: Server, *, defer: bool = False) -> workspace.WorkspaceIndex:
    """The index, started if needed, with the open documents' current versions folded in.

    With `defer` (diagnostics, on every keystroke) an open document already in the index is refolded
    later instead, once edits pause (`SYNC_DELAY`): resolving and summarising a big file costs
    milliseconds per Worker-heavy version, and a document's own diagnostics do not read its own entry
    (`rules.Context` sees only the other files' Workers). The other open documents are re-checked then.
    A request skips the documents changed since it was read (`Server.document`): building a newer
    version would move the nodes of the version the request is reading (`lsp/cancellation.py`).
    """
    st = state(ls)
    start(ls)
    for uri, doc in list(ls.documents.items()):
        if Path(to_path(uri)).name not in CONFIG_NAMES or st.synced.get(uri, -1) == doc.version:
            continue
        if ls.document(uri) is not doc:
            continue
        if defer and uri in st.synced:
            _sync_later(ls)
            continue
        st.index.put(workspace.summarize(uri, doc.context.worker, doc.line_index))
        st.synced[uri] = doc.version
    return st.index


SYNC_DELAY = 0.3
"""Seconds without an edit before an edited open document's summary is refolded into the index."""


def _sync_later(ls: Server) -> None:
    st = state(ls)
    if st.sync is not None:
        st.sync.cancel()
    try:
        st.sync = asyncio.get_running_loop().call_later(SYNC_DELAY, _sync, ls, context=detached())
    except RuntimeError:
        st.sync = None


def _sync(ls: Server) -> None:
    """Refold the edited open documents; re-check those for which *another* file's entry changed (a
    document's rules never read its own entry: re-sending its diagnostics after every pause in typing
    cost a 1.5 MB publish at 50,000 lines)."""
    st = state(ls)
    st.sync = None
    before = {uri: st.index.generation_without(uri) for uri in ls.documents}
    index(ls)
    stale = [uri for uri, seen in before.items() if st.index.generation_without(uri) != seen]
    if stale:
        refresh_diagnostics(ls, stale)


def start(ls: Server) -> None:
    """Start indexing the workspace folders in the background (once)."""
    st = state(ls)
    if st.started:
        return
    st.started = True
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    st.task = loop.create_task(_index_all(ls), context=detached())


def folders(ls: Server) -> list[Path]:
    found = [Path(to_path(folder.uri)) for folder in ls.workspace.folders.values()]
    if not found and ls.workspace.root_uri:
        found = [Path(to_path(ls.workspace.root_uri))]
    return found


def config_files(root: Path) -> list[Path]:
    """Every Wrangler config under `root`, in walk order, following the skipping rules."""
    found: list[Path] = []
    root_real = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(filenames):
            if name not in CONFIG_NAMES:
                continue
            path = Path(dirpath) / name
            if path.is_symlink() and not os.path.realpath(path).startswith(root_real + os.sep):
                continue
            found.append(path)
    return found


def index_file(ls: Server, path: Path) -> None:
    """Read and index one config file (unless it is open: the editor's text wins), or drop it if gone."""
    uri = from_path(path)
    st = state(ls)
    if uri in ls.documents:
        return
    fmt = syntax.format_for_path(str(path))
    try:
        if fmt is None or path.stat().st_size > MAX_BYTES:
            st.index.remove(uri)
            return
        source = path.read_bytes()
    except OSError:
        st.index.remove(uri)
        return
    st.index.update(uri, fmt, source)
    st.synced.pop(uri, None)


async def _index_all(ls: Server) -> None:
    st = state(ls)
    watcher = _guard(ls, register_watcher(ls), "registering the file watcher")
    asyncio.get_running_loop().create_task(watcher, context=detached())
    token = await _guard(ls, _begin_progress(ls), "creating the progress token")
    started = time.perf_counter()
    paths = [path for root in folders(ls) for path in config_files(root)]
    for count, path in enumerate(paths, 1):
        index_file(ls, path)
        if count % FILES_PER_YIELD == 0:
            if token is not None:
                message = f"{count}/{len(paths)} configs"
                ls.work_done_progress.report(
                    token, types.WorkDoneProgressReport(message=message, percentage=count * 100 // len(paths))
                )
            await asyncio.sleep(0)
    st.done = True
    elapsed = time.perf_counter() - started
    if token is not None:
        message = f"{len(paths)} configs, {len(st.index.worker_names())} Workers in {elapsed:.1f}s"
        ls.work_done_progress.end(token, types.WorkDoneProgressEnd(message=message))
    refresh_diagnostics(ls)


async def _guard(ls: Server, step: Coroutine[Any, Any, T], what: str) -> T | None:
    """Run a request to the client; a client that refuses it (an error answer) only loses that feature."""
    try:
        return await step
    except Exception as error:
        ls.log(f"wrangler-lsp: {what} failed: {error}")
        return None


async def _begin_progress(ls: Server) -> str | None:
    window = ls.client_capabilities.window
    if window is None or not window.work_done_progress:
        return None
    token = "wrangler-lsp/index"
    await ls.work_done_progress.create_async(token)
    ls.work_done_progress.begin(token, types.WorkDoneProgressBegin(title="Indexing Wrangler configs", percentage=0))
    return token


async def register_watcher(ls: Server) -> None:
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps is not None else None
    if watched is None or not watched.dynamic_registration:
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern="**/wrangler.{toml,json,jsonc}")]
    )
    registration = types.Registration(
        id="wrangler-lsp/watch-configs", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
    )
    await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))


def refresh_diagnostics(ls: Server, uris: list[str] | None = None) -> None:
    """Re-check open documents (`uris`, or all): another Worker's config changed what cross-Worker rules see."""
    from wrangler_lsp.lsp.handlers import documents

    documents.publish_all(ls, uris)


def source_classes(ls: Server, config_uri: str, main: str) -> list[workspace.SourceClass]:
    """The exported classes of `main` (relative to the config) and the relative modules it imports."""
    st = state(ls)
    base = Path(to_path(config_uri)).parent
    deadline = time.perf_counter() + SOURCE_BUDGET_SECONDS
    queue, seen = [(base / main).resolve()], set[Path]()
    classes: list[workspace.SourceClass] = []
    while queue and len(seen) < SOURCE_MAX_FILES and time.perf_counter() < deadline:
        path = _existing_module(queue.pop(0))
        if path is None or path in seen:
            continue
        seen.add(path)
        scan = _scan(st, path)
        if scan is None:
            continue
        uri = from_path(path)
        classes += [workspace.SourceClass(name, uri, span) for name, span in scan.classes]
        queue += [(path.parent / spec).resolve() for spec in scan.imports]
    return classes


def source_reader(ls: Server) -> Callable[[str, str], list[workspace.SourceClass]]:
    """`source_classes` bound to the server, as the features' callback."""
    return lambda config_uri, main: source_classes(ls, config_uri, main)


def line_index(ls: Server, uri: str) -> LineIndex | None:
    """The line index of an open document, an indexed config, or a source file read before."""
    doc = ls.document(uri)
    if doc is not None:
        return doc.line_index
    entry = state(ls).index.get(uri)
    if entry is not None:
        return entry.line_index
    cached = state(ls).sources.get(str(Path(to_path(uri))))
    return cached[3] if cached is not None else None


def _existing_module(path: Path) -> Path | None:
    candidates = [path]
    if path.suffix not in SOURCE_SUFFIXES:
        candidates += [path.with_name(path.name + suffix) for suffix in SOURCE_SUFFIXES]
        candidates += [path / f"index{suffix}" for suffix in SOURCE_SUFFIXES]
    if path.suffix == ".js":
        candidates.append(path.with_suffix(".ts"))
    return next((each for each in candidates if each.is_file()), None)


def _scan(st: State, path: Path) -> workspace.SourceScan | None:
    try:
        stat = path.stat()
        key = str(path)
        cached = st.sources.get(key)
        if cached is not None and cached[:2] == (stat.st_mtime, stat.st_size):
            return cached[2]
        if stat.st_size > MAX_BYTES:
            return None
        text = path.read_bytes()
    except OSError:
        return None
    scan = workspace.scan_source(text)
    st.sources[key] = (stat.st_mtime, stat.st_size, scan, LineIndex(text))
    return scan
