//! Zed extension: runs `wrangler-lsp serve` (found on PATH, or `lsp.wrangler-lsp.binary` in settings)
//! and passes `lsp.wrangler-lsp.settings` to the server as its `wranglerLsp` section.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings};

struct WranglerLsp;

impl zed::Extension for WranglerLsp {
    fn new() -> Self {
        WranglerLsp
    }

    fn language_server_command(
        &mut self,
        language_server_id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let binary = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let path = binary.as_ref().and_then(|b| b.path.clone()).or_else(|| worktree.which("wrangler-lsp"));
        let Some(command) = path else {
            return Err("wrangler-lsp not found on PATH: `pipx install wrangler-lsp` or set lsp.wrangler-lsp.binary.path".into());
        };
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["serve".into()]);
        Ok(zed::Command { command, args, env: Default::default() })
    }

    fn language_server_workspace_configuration(
        &mut self,
        language_server_id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        Ok(Some(serde_json::json!({ "wranglerLsp": settings })))
    }
}

zed::register_extension!(WranglerLsp);
