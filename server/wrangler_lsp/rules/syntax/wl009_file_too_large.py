"""WL009 file-too-large

## What it does
Reports, once at the top of the file, that a file over 2 MB was not analysed.

## Why is this bad?
Real Wrangler configurations are a few kilobytes (the largest of 304 public ones is 30 KB). A file
of megabytes is generated, or not a configuration at all; analysing it on every keystroke would make the
editor wait for seconds, so wrangler-lsp answers at once instead.

## Example
A generated `wrangler.toml` with a million-element array.

Use instead: a configuration of the size its keys need.

## Wrangler
Wrangler is silent: it reads files of any size. This is a limit of the analyser, reported instead of
making the editor wait.
"""

from __future__ import annotations

from collections.abc import Iterator

from wrangler_lsp.rules.api import Origin, Report, rule
from wrangler_lsp.rules.context import Context
from wrangler_lsp.rules.syntax import issues_with_code
from wrangler_lsp.syntax import Severity


@rule("WL009", "file-too-large", Severity.INFORMATION, Origin.EXTRA)
def check(ctx: Context) -> Iterator[Report]:
    return issues_with_code(ctx, "WL009")
