"""Initialisation and settings: push or pull diagnostics, `workspace/configuration`, config changes."""

from __future__ import annotations

import asyncio
from typing import Any

from lsprotocol import types

from wrangler_lsp.lsp import settings as lsp_settings
from wrangler_lsp.lsp import workspace
from wrangler_lsp.lsp.handlers import documents
from wrangler_lsp.lsp.session import Server


def initialize(ls: Server, params: types.InitializeParams) -> None:
    text_caps = params.capabilities.text_document
    ls.push_diagnostics = text_caps is None or text_caps.diagnostic is None
    options = params.initialization_options
    if isinstance(options, dict) and options:
        _apply(ls, options.get(lsp_settings.SECTION, options))
    ls.configured = asyncio.Event()
    workspace_caps = params.capabilities.workspace
    if workspace_caps is None or not workspace_caps.configuration:
        ls.configured.set()


async def initialized(ls: Server, params: types.InitializedParams) -> None:
    workspace.start(ls)
    try:
        await _pull_configuration(ls)
    finally:
        if ls.configured is not None:
            ls.configured.set()
    if ls.documents:
        documents.publish_all(ls)


async def did_change_configuration(ls: Server, params: types.DidChangeConfigurationParams) -> None:
    raw = params.settings
    if isinstance(raw, dict) and lsp_settings.SECTION in raw:
        _apply(ls, raw[lsp_settings.SECTION])
        documents.publish_all(ls)
        return
    if await _pull_configuration(ls):
        documents.publish_all(ls)


async def _pull_configuration(ls: Server) -> bool:
    workspace_caps = ls.client_capabilities.workspace
    if workspace_caps is None or not workspace_caps.configuration:
        return False
    result = await ls.workspace_configuration_async(
        types.ConfigurationParams(items=[types.ConfigurationItem(section=lsp_settings.SECTION)])
    )
    if result:
        _apply(ls, result[0])
        return True
    return False


def _apply(ls: Server, raw: Any) -> None:
    ls.settings, problems = lsp_settings.from_client(raw)
    for problem in problems:
        ls.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Warning, message=f"wrangler-lsp: {problem}")
        )
