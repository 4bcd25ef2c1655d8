"""Workspace layer: every Worker config of the workspace folders, indexed by Worker name and class.

API boundary: `WorkspaceIndex` (fed `(uri, bytes)` or an already built config; no IO: the LSP layer walks
and reads files) and `scan_source` (exported classes and relative imports of a JS/TS source text).
"""

from wrangler_lsp.workspace.index import (
    ClassSite,
    ConfigEntry,
    WorkerEntry,
    WorkspaceIndex,
    class_sites_of,
    summarize,
)
from wrangler_lsp.workspace.sources import SourceClass, SourceScan, scan_source

__all__ = [
    "ClassSite",
    "ConfigEntry",
    "SourceClass",
    "SourceScan",
    "WorkerEntry",
    "WorkspaceIndex",
    "class_sites_of",
    "scan_source",
    "summarize",
]
