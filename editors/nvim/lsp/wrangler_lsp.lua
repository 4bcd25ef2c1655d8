-- wrangler-lsp for Neovim 0.11+: language server for Cloudflare Wrangler config
-- (wrangler.toml, wrangler.json, wrangler.jsonc), every environment at once.
--
-- Put this file on the runtimepath as `lsp/wrangler_lsp.lua` (for example copy it to
-- ~/.config/nvim/lsp/wrangler_lsp.lua) and call:
--
--   vim.lsp.enable('wrangler_lsp')
--
-- Override any field with vim.lsp.config('wrangler_lsp', { ... }), e.g. a different `cmd` or
-- `settings.wranglerLsp.severity`. The server attaches only to buffers named wrangler.toml,
-- wrangler.json, wrangler.jsonc (or wrangler.<something>.toml/json/jsonc), not to every TOML/JSON file.

--- True when `name` (a file name without folders) is a Wrangler config file.
---@param name string
---@return boolean
local function is_wrangler_config(name)
  return name:match('^wrangler%.toml$') ~= nil
    or name:match('^wrangler%.jsonc?$') ~= nil
    or name:match('^wrangler%.[%w_-]+%.toml$') ~= nil
    or name:match('^wrangler%.[%w_-]+%.jsonc?$') ~= nil
end

---@type vim.lsp.Config
return {
  cmd = { 'wrangler-lsp', 'serve' },
  filetypes = { 'toml', 'json', 'jsonc' },
  -- Neovim 0.11 calls root_dir(bufnr, on_dir); not calling on_dir keeps the server off that buffer.
  root_dir = function(bufnr, on_dir)
    local path = vim.api.nvim_buf_get_name(bufnr)
    if path == '' or not is_wrangler_config(vim.fs.basename(path)) then
      return
    end
    local root = vim.fs.root(path, { 'package.json', '.git' })
    on_dir(root or vim.fs.dirname(path))
  end,
  -- Neovim answers workspace/configuration from these and sends them in didChangeConfiguration.
  settings = {
    wranglerLsp = {
      -- Per-rule severity override: off, hint, info, warning or error, e.g. { WL201 = 'off' }.
      severity = vim.empty_dict(),
      inlayHints = { enabled = true },
    },
  },
}
