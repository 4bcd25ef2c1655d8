"""Pull diagnostics' result ids: a report is `unchanged` whenever its items are, not only for one version.

LSP 3.17 lets a client send the `resultId` of the last report it holds (`previousResultId`); the server
answers `unchanged` when that report is still accurate. Keyed by version alone, every keystroke would
change the id and resend every diagnostic, though an edit inside a string changes none: at 50,000 lines
that is 1.5 MB of JSON for the client to parse per keystroke. So an id names the items' text: a new
report whose items equal the last one's keeps its id, and the client that holds it gets `unchanged`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True)
class Report:
    """The last report for a document: for which version and settings, its id, and its items (JSON text)."""

    version: int | None
    settings: object
    result_id: str
    items: str


class Reports:
    """Each open document's last pull report."""

    def __init__(self) -> None:
        self._last: dict[str, Report] = {}
        self._ids = itertools.count(1)

    def current(self, uri: str, version: int | None, settings: object) -> Report | None:
        """The last report, if made for this version and these settings (then nothing needs computing)."""
        report = self._last.get(uri)
        if report is None or report.version != version or report.settings is not settings:
            return None
        return report

    def record(self, uri: str, version: int | None, settings: object, items: str) -> Report:
        """The report of `items`: the last report's id when its items are the same text, else a new id."""
        last = self._last.get(uri)
        if last is not None and last.items == items:
            report = Report(version, settings, last.result_id, last.items)
        else:
            report = Report(version, settings, str(next(self._ids)), items)
        self._last[uri] = report
        return report

    def forget(self, uri: str) -> None:
        self._last.pop(uri, None)
